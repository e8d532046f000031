// Typed access to the replica's small key-value facts (device id, cursor, identity).
import type { BusinessStats, Profile, RangeLevel } from '@dongne/shared';
import type { DongneDb } from './db.js';

/** The area the feed shows and the device pulls: a neighbourhood and a range level around it. */
export interface Scope {
  neighbourhoodId: string;
  range: RangeLevel;
}

export interface MetaValues {
  /** One device id per account that pushed from this device. */
  clientIds: Record<string, string>;
  cursor: number;
  /** The order of outbox entries on this device. */
  nextSeq: number;
  /** Per device id: the last wire number given to a mutation sent under it. */
  sentSeqs: Record<string, number>;
  /** The signed-in account. */
  actorId: string;
  /** The app's language here, for the service worker's notifications: it cannot read the page's choice (localStorage). */
  locale: 'en' | 'ko';
  nickname: string;
  joinedAt: number;
  /** The server stopped accepting this device's session: sign in again to push. */
  sessionExpired: boolean;
  /** Signed out while offline: tell the server when the connection returns. */
  signOutPending: boolean;
  lastSyncedAt: number;
  /** The range the person picked; the neighbourhood is their active one. */
  range: RangeLevel;
  /** What the server last told us about this person (verifications, neighbourhoods). */
  profile: Profile;
  /** The area visitors browse before choosing a neighbourhood, as the server chose it. */
  defaultScope: Scope;
  /** The scope the stored cursor belongs to: a different scope pulls from the start. */
  cursorScope: string;
  /** The person's watchlist (♥): the server's list, with unconfirmed likes applied on top. */
  likedIds: string[];
  /** The watchlist as the server last sent it; likedIds minus this is what waits to sync. */
  serverLikedIds: string[];
  /** Photos the server refused for good, by hash, with its reason: shown on the draft they come back in. */
  photoRefusals: Record<string, string>;
  /** Last "Verify my neighbourhood" the server refused, to show why. */
  verifyRejection: { code: string; message: string; at: number };
  /** People this person has blocked (차단): the server's list, with unconfirmed changes on top. */
  blockedIds: string[];
  /** Sellers left out of the feed and search: those blocked, and those who blocked this person. */
  hiddenSellerIds: string[];
  /** The last change in a conversation the server refused (an offer, an appointment…), to show why. */
  chatRefusal: ChatRefusal;
  /** The last block, unblock or report the server refused, shown until the person closes it. */
  actionRefusal: ActionRefusal;
  /** Appointment reminders the person closed, by appointment id. */
  dismissedReminders: string[];
  /** The person's keyword alerts: the server's list, with unconfirmed changes on top. */
  keywords: string[];
  /** Board posts the person reacted to (공감): the server's list, with unconfirmed changes on top. */
  reactedPostIds: string[];
  /** The same as the server last sent it; the difference is what waits to sync. */
  serverReactedPostIds: string[];
  /** Each of the person's businesses' figures as last fetched, and when: the dashboard offline. */
  businessStats: Record<string, { stats: BusinessStats; at: number }>;
  /** Businesses the person follows (단골): the server's list, with unconfirmed changes on top. */
  followedBusinessIds: string[];
  /** The same as the server last sent it; the difference is what waits to sync. */
  serverFollowedBusinessIds: string[];
}

export interface ActionRefusal {
  action: 'block' | 'unblock' | 'report' | 'board_post' | 'board_edit' | 'board_delete' | 'board_comment' | 'board_react' | 'business_edit' | 'business_post' | 'business_delete_post' | 'business_follow' | 'business_review';
  code: string;
  message: string;
  at: number;
}

export interface ChatRefusal {
  conversationId: string;
  code: string;
  message: string;
  at: number;
}

// Helpers that liveQuery screens call return Dexie's own promises (plain `.then`, not `async`):
// awaiting a native promise inside a liveQuery loses Dexie's observation context, and reads after
// it would no longer make the screen update.

export function getMeta<K extends keyof MetaValues>(db: DongneDb, key: K): Promise<MetaValues[K] | undefined> {
  return db.meta.get(key).then((row) => row?.value as MetaValues[K] | undefined);
}

export async function setMeta<K extends keyof MetaValues>(db: DongneDb, key: K, value: MetaValues[K]): Promise<void> {
  await db.meta.put({ key, value });
}

/**
 * Writes `value` unless the row already holds the same. For what every pull page restates (the
 * person's profile, watchlist, blocks, the default area): a write wakes every screen watching the
 * key even when nothing changed, and the feed re-reads its whole page for it; a sync that brought
 * nothing new should wake nothing. Call it inside a transaction that covers `meta`, so no write
 * lands between the look and the put.
 */
export async function setMetaIfChanged<K extends keyof MetaValues>(db: DongneDb, key: K, value: MetaValues[K]): Promise<void> {
  const stored = await db.meta.get(key);
  if (stored && JSON.stringify(stored.value) === JSON.stringify(value)) return;
  await db.meta.put({ key, value });
}

/** This device's id for the signed-in account, created on first use. */
export async function clientIdOf(db: DongneDb, forOwner?: string): Promise<string> {
  return db.transaction('rw', db.meta, async () => {
    const owner = forOwner ?? (await currentOwner(db));
    const ids = (await getMeta(db, 'clientIds')) ?? {};
    if (ids[owner]) return ids[owner];
    const id = crypto.randomUUID();
    await setMeta(db, 'clientIds', { ...ids, [owner]: id });
    return id;
  });
}

/** Whose private data (drafts, outbox) this device shows and pushes now: '' while signed out. */
export function currentOwner(db: DongneDb): Promise<string> {
  return getMeta(db, 'actorId').then((id) => id ?? '');
}
