// One sync cycle: finish a sign-out made offline, push the signed-in account's outbox in seq order,
// then pull every page of changes and rebase what is still unconfirmed. DOM-free, so the service worker's
// Background Sync runs the same code as the page.
import {
  neighbourhoodDetailSchema,
  pullResponseSchema,
  pushResponseSchema,
  SYNC_LIMITS,
  type PullResponse,
  type PushRequest,
  type PushResponse,
  type RangeLevel,
} from '@dongne/shared';
import { ApiRefusal, jsonBody } from '../api/api-client.js';
import type { DongneDb, OutboxEntry } from '../db/db.js';
import { clientIdOf, currentOwner, getMeta, setMeta } from '../db/meta.js';
import { currentScope, scopeKey, type CurrentScope } from '../db/scope.js';
import { settleResults } from './local-settle.js';
import { numberForWire, rebaseOutbox, renumberFrom } from './outbox.js';
import { syncApi, syncCall, SyncError, toSyncError, type SyncDeps } from './sync-deps.js';
import { uploadPendingPhotos } from './upload-photos.js';
import { applyPulledChats } from '../chat/pulled-chats.js';

/** Finishes a sign-out made offline: the server forgets the session as soon as it can be told. */
async function flushSignOut(deps: SyncDeps): Promise<void> {
  if (!(await getMeta(deps.db, 'signOutPending'))) return;
  try {
    await syncApi(deps).send('/api/auth/signout', { method: 'POST' });
  } catch (error) {
    // 401: the session is already gone, which is what signing out wanted.
    if (!(error instanceof ApiRefusal && error.status === 401)) throw toSyncError(error);
  }
  await deps.db.meta.delete('signOutPending');
}

/** The entry as it travels; one not numbered yet is measured with its local number in its place. */
const toWire = ({ mutationId, seq, wire, name, args, createdAt, fix }: OutboxEntry) => ({ mutationId, seq: wire?.seq ?? seq, name, args, createdAt, fix });
/** Stay well under the server's body limit, whatever the text in the mutations. */
const BATCH_BYTES_MAX = SYNC_LIMITS.bodyMaxBytes * 0.8;
const encoder = new TextEncoder();

/** The oldest entries that fit one request: at most pushBatchMax, and at most BATCH_BYTES_MAX bytes. */
export function fitBatch(entries: OutboxEntry[]): OutboxEntry[] {
  const batch: OutboxEntry[] = [];
  let bytes = 0;
  for (const entry of entries.slice(0, SYNC_LIMITS.pushBatchMax)) {
    bytes += encoder.encode(JSON.stringify(toWire(entry))).length;
    if (batch.length > 0 && bytes > BATCH_BYTES_MAX) break;
    batch.push(entry);
  }
  return batch;
}

/** The photo hashes a mutation names, for the mutations that carry listing content. */
function photoHashesOf(entry: OutboxEntry): string[] {
  if (entry.name !== 'listing.create' && entry.name !== 'listing.update') return [];
  return ((entry.args as { photos?: { full: string; thumb: string }[] }).photos ?? []).flatMap((p) => [p.full, p.thumb]);
}

/**
 * The batch up to (not including) the first mutation naming a photo still waiting to upload: one
 * added after this cycle's upload step must not reach the server before its bytes do.
 */
async function untilPhotosWait(db: DongneDb, batch: OutboxEntry[]): Promise<OutboxEntry[]> {
  for (let i = 0; i < batch.length; i++) {
    const hashes = photoHashesOf(batch[i]);
    if (hashes.length === 0) continue;
    const photos = await db.photos.bulkGet(hashes);
    if (photos.some((photo) => photo?.uploaded === 0)) return batch.slice(0, i);
  }
  return batch;
}

/**
 * Pushes the signed-in account's outbox, a batch at a time, and settles each entry by the server's
 * result. Returns quietly if nobody is signed in or the session has expired: the work waits.
 */
export async function push(deps: SyncDeps): Promise<number> {
  const { db } = deps;
  const api = syncApi(deps);
  const owner = await currentOwner(db);
  if (!owner || (await getMeta(db, 'sessionExpired'))) return 0;
  let settled = 0;
  let rotated = false;
  let renumbered = false;
  for (;;) {
    // Someone else signed in between two batches: the rest waits for its owner.
    if ((await currentOwner(db)) !== owner) return settled;
    const clientId = await clientIdOf(db, owner);
    const waiting = await untilPhotosWait(db, fitBatch(await db.outbox.where('ownerId').equals(owner).sortBy('seq')));
    if (waiting.length === 0) return settled;
    const batch = await numberForWire(db, waiting, clientId);
    const body: PushRequest = { clientId, mutations: batch.map(toWire) };
    let results: PushResponse['results'];
    try {
      ({ results } = await api.json('/api/sync/push', pushResponseSchema, jsonBody(body)));
    } catch (error) {
      if (error instanceof ApiRefusal && error.code === 'auth.required') {
        // Nothing is lost: the outbox waits until the person signs in again.
        await setMeta(db, 'sessionExpired', true);
        return settled;
      }
      // The device id was first used by another account on the server: take a fresh one. (Unless
      // the cookie changed hands meanwhile: then the refusal is about the newcomer, not the id.)
      if (error instanceof ApiRefusal && error.code === 'sync.client_not_yours' && !rotated && (await currentOwner(db)) === owner) {
        rotated = true;
        const ids = (await getMeta(db, 'clientIds')) ?? {};
        delete ids[owner];
        await setMeta(db, 'clientIds', ids);
        continue;
      }
      // Out of order for the server (numbers lost track of, in an old outbox say): number on from where it is.
      if (error instanceof ApiRefusal && error.code === 'sync.seq_gap' && error.expectedSeq !== undefined && !renumbered) {
        renumbered = true;
        await renumberFrom(db, owner, clientId, error.expectedSeq, error.unprocessed ?? []);
        continue;
      }
      throw toSyncError(error);
    }
    renumbered = false;
    settled += await settleResults(db, batch, results);
    if (results.length === 0) throw new SyncError('server', 'The server did not answer for any of the pushed changes.');
  }
}

async function applyPage(deps: SyncDeps, page: PullResponse, scope: CurrentScope | undefined, ownerAtRequest: string) {
  const { db } = deps;
  const draftChanges = page.changes.filter((c) => c.entity === 'draft');
  // Yjs loads only when a pull brings drafts, and before the transaction: awaiting an import inside
  // it would let IndexedDB commit it early.
  const drafts = draftChanges.length ? await deps.draftMerger() : undefined;
  await db.transaction('rw', db.replicaTables, async () => {
    const upserts = page.changes.flatMap((c) => (c.op === 'upsert' && c.entity === 'listing' ? [c.row] : []));
    const deletes = page.changes.flatMap((c) => (c.op === 'delete' && c.entity === 'listing' ? [c.id] : []));
    if (upserts.length) await db.listings.bulkPut(upserts);
    if (deletes.length) await db.listings.bulkDelete(deletes);
    if (drafts) await drafts.applyPulledDrafts(db, draftChanges, ownerAtRequest);
    await applyPulledChats(db, page);
    // A visitor's pull (or one whose session had ended) knows nothing of the watchlist or blocks.
    if (page.profile) {
      await setMeta(db, 'likedIds', page.likedIds);
      await setMeta(db, 'serverLikedIds', page.likedIds);
      await setMeta(db, 'blockedIds', page.blockedIds);
      await setMeta(db, 'hiddenSellerIds', page.hiddenSellerIds);
    }
    await setMeta(db, 'cursor', page.cursor);
    await setMeta(db, 'cursorScope', scopeKey(scope));
    if (page.profile) await setMeta(db, 'profile', page.profile);
    // Signed in when the request left, still the same person, yet the server did not know the
    // session: it has ended. (A sign-in that finished while this pull was in flight is not judged.)
    else if (ownerAtRequest && ownerAtRequest === (await currentOwner(db))) await setMeta(db, 'sessionExpired', true);
    if (!scope?.chosen) await setMeta(db, 'defaultScope', { neighbourhoodId: page.scope.neighbourhoodId, range: page.scope.range as RangeLevel });
    // Pulled rows are the server's truth; what the server has not confirmed yet goes back on top.
    await rebaseOutbox(db);
  });
}

/**
 * Pulls every page since the stored cursor for the person's current area. A page is applied whole
 * or not at all; a different area (new neighbourhood or range) pulls from the start.
 */
export async function pull(deps: SyncDeps): Promise<number> {
  const { db } = deps;
  const api = syncApi(deps);
  let received = 0;
  for (;;) {
    const scope = await currentScope(db);
    const sameScope = (await getMeta(db, 'cursorScope')) === scopeKey(scope);
    const params = new URLSearchParams({
      cursor: String(sameScope ? ((await getMeta(db, 'cursor')) ?? 0) : 0),
      clientId: await clientIdOf(db),
      limit: String(SYNC_LIMITS.pullPageDefault),
    });
    if (scope?.chosen) {
      params.set('neighbourhood', scope.scope.neighbourhoodId);
      params.set('range', String(scope.scope.range));
    }
    const ownerAtRequest = await currentOwner(db);
    const page = await syncCall(() => api.json(`/api/sync/pull?${params}`, pullResponseSchema));
    // Someone signed in or out while this page was in flight: it describes the wrong person.
    if ((await currentOwner(db)) !== ownerAtRequest) continue;
    await applyPage(deps, page, scope, ownerAtRequest);
    received += page.changes.length;
    if (!page.hasMore) return received;
  }
}

/** Looks up (once) the neighbour sets of the places the person browses, so range works offline. */
export async function cachePlaces(deps: SyncDeps): Promise<void> {
  // A visitor's first sync learns the default area from the pull; its places come on the next.
  const { db } = deps;
  const api = syncApi(deps);
  const scope = await currentScope(db);
  const held = (await getMeta(db, 'profile'))?.neighbourhoods.map((n) => n.id) ?? [];
  for (const id of new Set([...(scope ? [scope.scope.neighbourhoodId] : []), ...held])) {
    if ((await db.neighbourhoods.get(id))?.neighbours) continue;
    await db.neighbourhoods.put(await syncCall(() => api.json(`/api/neighbourhoods/${encodeURIComponent(id)}`, neighbourhoodDetailSchema)));
  }
}

export async function syncOnce(deps: SyncDeps): Promise<{ pushed: number; pulled: number }> {
  await flushSignOut(deps);
  await uploadPendingPhotos(deps);
  // Push before pull, and stop if the push fails: a pull after a push whose answer was lost would
  // bring the server's row, then rebase the still-unsettled change over it for good.
  let pushed = await push(deps);
  // Photos added while this cycle ran held back the mutation naming them: send both now.
  if (await uploadPendingPhotos(deps)) pushed += await push(deps);
  // Neighbour sets first: the feed filters by them as soon as the pulled rows land.
  await cachePlaces(deps);
  const pulled = await pull(deps);
  await setMeta(deps.db, 'lastSyncedAt', Date.now());
  return { pushed, pulled };
}

/** Runs one cycle while holding the device-wide sync lock, so only one tab (or the worker) pushes. */
export async function syncWithLock(deps: SyncDeps) {
  if (typeof navigator !== 'undefined' && navigator.locks) {
    return navigator.locks.request('dongne-sync', () => syncOnce(deps));
  }
  return syncOnce(deps);
}
