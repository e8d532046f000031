// The signed-in account on this device. Private data (drafts, outbox, photos) carries its owner, so one
// person's work is never shown to, or pushed as, another person who signs in on the same device.
import type { Account } from '@dongne/shared';
import type { DongneDb } from './db.js';
import { currentOwner, getMeta, setMeta } from './meta.js';
import { rebaseOutbox } from '../sync/outbox.js';
import { waitingChanges } from './queries.js';
import { withdrawBoardWork } from '../board/board-withdraw.js';
import { forgetFeedPaint } from '../first-paint/first-paint.js';
import { withdrawBusinessLifeWork } from '../business/business-life-withdraw.js';

const PERSONAL_META = [
  'actorId',
  'nickname',
  'joinedAt',
  'profile',
  'verifyRejection',
  'sessionExpired',
  'likedIds',
  'serverLikedIds',
  'photoRefusals',
  'blockedIds',
  'hiddenSellerIds',
  'chatRefusal',
  'actionRefusal',
  'dismissedReminders',
  'keywords',
  'reactedPostIds',
  'serverReactedPostIds',
  'businessStats',
  'followedBusinessIds',
  'serverFollowedBusinessIds',
] as const;

/** Conversations are between two people only, and notifications are one person's: nobody else signed in here may read them. */
async function forgetChats(db: DongneDb): Promise<void> {
  await db.conversations.clear();
  await db.messages.clear();
  await db.notifications.clear();
}

const photosOf = (db: DongneDb, owner: string) => db.photos.where('[ownerId+uploaded]').between([owner, 0], [owner, 1], true, true);

/**
 * Takes a person's unconfirmed changes off the listings everyone on this device sees (their outbox
 * entries are the caller's business): a listing they published but never sent must not show as
 * real, and one they deleted here comes back, as the server has it, with a pull from the start.
 */
async function withdrawPending(db: DongneDb, owner: string): Promise<void> {
  const pending = await db.outbox.where('ownerId').equals(owner).toArray();
  const listingChanges = pending.filter((entry) => entry.name === 'listing.create' || entry.name === 'listing.delete');
  if (listingChanges.length === 0) return;
  await db.listings.bulkDelete(listingChanges.filter((entry) => entry.name === 'listing.create').map((entry) => entry.entityId));
  await setMeta(db, 'cursor', 0);
}

/**
 * Removes the listings only their seller may see (hidden ones): after sign-out, offline, the next
 * person at this device must not find them on the listing page or the profile. They come back with
 * the seller's next sign-in, which pulls from the start.
 */
async function forgetOwnListingsOnlyTheySee(db: DongneDb, owner: string): Promise<void> {
  if (!owner) return;
  await db.listings.where('sellerId').equals(owner).filter((listing) => listing.hidden).delete();
}

/** Records a sign-in, and gives the account what was written here while signed out. */
export async function signedIn(db: DongneDb, account: Account): Promise<void> {
  await db.transaction('rw', [...db.replicaTables, db.photos, db.adEvents], async () => {
    const previous = await currentOwner(db);
    if (previous && previous !== account.actorId) {
      // Someone else's session had expired: their work stays on the device, hidden, until they return.
      await withdrawPending(db, previous);
      await forgetOwnListingsOnlyTheySee(db, previous);
      // Their board drafts stay theirs, hidden; what waits in their outbox shows again when they return.
      await withdrawBoardWork(db, previous, { forgetDrafts: false });
      await withdrawBusinessLifeWork(db, previous);
      for (const key of PERSONAL_META) await db.meta.delete(key);
      // Their conversations come back with their next pull from the start; unsent messages wait in the outbox.
      await forgetChats(db);
    }
    await setMeta(db, 'actorId', account.actorId);
    await setMeta(db, 'nickname', account.nickname);
    await setMeta(db, 'joinedAt', account.joinedAt);
    await setMeta(db, 'sessionExpired', false);
    // The new session's cookie replaced the old one; a pending sign-out must not end the new session.
    await db.meta.delete('signOutPending');
    await db.drafts.where('ownerId').equals('').modify({ ownerId: account.actorId });
    await db.outbox.where('ownerId').equals('').modify({ ownerId: account.actorId });
    // Ads seen before signing in were seen by this person: their batch is adopted above, their cap here.
    await db.adEvents.where('viewerId').equals('').modify({ viewerId: account.actorId });
    await photosOf(db, '').modify({ ownerId: account.actorId });
    if (previous !== account.actorId) {
      // What this person left waiting here shows again at once, as theirs.
      await rebaseOutbox(db);
      // Pull from the start: their own listings elsewhere are older than the cursor of this area.
      await setMeta(db, 'cursor', 0);
    }
  });
  // The feed's painting shows the header of whoever was signed in when it was kept. Forgotten once
  // the device holds the new state (a copy kept while this ran is gone too).
  forgetFeedPaint();
}

/** How many changes the server has not confirmed yet: what the next sync will send. */
export function unsyncedCount(db: DongneDb): Promise<number> {
  return currentOwner(db).then((owner) => db.outbox.toArray().then((entries) => waitingChanges(entries, owner)));
}


/**
 * Wipes the signed-in person's private data from this device. The caller warns first if
 * unsyncedCount() is not zero. Public listings stay cached; they are not anyone's private data.
 */
export async function signOutLocally(db: DongneDb, { toldServer }: { toldServer: boolean }): Promise<void> {
  await db.transaction('rw', [...db.replicaTables, db.photos, db.adEvents], async () => {
    const owner = await currentOwner(db);
    await withdrawPending(db, owner);
    await forgetOwnListingsOnlyTheySee(db, owner);
    await withdrawBoardWork(db, owner, { forgetDrafts: true });
    await withdrawBusinessLifeWork(db, owner);
    await forgetChats(db);
    await db.drafts.where('ownerId').equals(owner).delete();
    // Their photos too: published ones are on the server for anyone to load again.
    await photosOf(db, owner).delete();
    // Their unsent ad events go with it: sent by whoever signs in next, they would count as that
    // person's (and against their caps), and which ads they saw is theirs to keep to themselves.
    await db.outbox.where('ownerId').equals(owner).delete();
    await db.adEvents.where('viewerId').equals(owner).delete();
    await forgetDeviceId(db, owner);
    for (const key of PERSONAL_META) await db.meta.delete(key);
    if (!toldServer) await setMeta(db, 'signOutPending', true);
  });
  // The feed's painting shows the header of whoever was signed in when it was kept. Forgotten once
  // the device holds the new state (a copy kept while this ran is gone too).
  forgetFeedPaint();
}

/**
 * Next time this person signs in here, they push under a new device id: changes numbered for the
 * old one may still be on their way, and must never meet new work that reuses their numbers.
 */
async function forgetDeviceId(db: DongneDb, owner: string) {
  const ids = (await getMeta(db, 'clientIds')) ?? {};
  const clientId = ids[owner];
  if (!clientId) return;
  const { [owner]: _forgotten, ...others } = ids;
  await setMeta(db, 'clientIds', others);
  const { [clientId]: _numbers, ...otherSeqs } = (await getMeta(db, 'sentSeqs')) ?? {};
  await setMeta(db, 'sentSeqs', otherSeqs);
}

