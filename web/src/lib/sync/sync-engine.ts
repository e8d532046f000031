// One sync cycle: finish a sign-out made offline, push the signed-in account's outbox in seq order,
// then pull every page of changes and rebase what is still unconfirmed. DOM-free, so the service worker's
// Background Sync runs the same code as the page.
import { neighbourhoodDetailSchema, type PullResponse, type RangeLevel } from '@dongne/shared';
import { pullPageSchema } from './pull-page.js';
import { ApiRefusal } from '../api/api-client.js';
import { clientIdOf, currentOwner, getMeta, setMeta, setMetaIfChanged } from '../db/meta.js';
import { currentScope, scopeKey, type CurrentScope } from '../db/scope.js';
import { syncApi, syncCall, toSyncError, type SyncDeps } from './sync-deps.js';
import { applyPulledBoard } from '../board/board-apply.js';
import { applyPulledBusinesses } from '../business/business-apply.js';
import { applyPulledBusinessLife } from '../business/business-life-apply.js';

type OwnWork = typeof import('./own-work.js');

/**
 * Rows per pulled page. Each page is one transaction here, and Dexie tells every open page of the
 * app about it: their live queries run again on the main thread at a cost that grows with the rows
 * written (500 at once held a slowed phone's main thread about 50 ms). A fifth of the server's
 * default keeps each under that, and the first cards appear after 100 rows instead of 500.
 */
export const PULL_PAGE_ROWS = 100;

/** A cycle's dependencies, with the parts only a device with work of its own needs. */
export interface EngineDeps extends SyncDeps {
  /** See own-work.ts: loaded lazily by the page, bundled by the service worker. */
  ownWork: () => Promise<OwnWork>;
}

/** Finishes a sign-out made offline: the server forgets the session as soon as it can be told. */
async function flushSignOut(deps: EngineDeps): Promise<void> {
  if (!(await getMeta(deps.db, 'signOutPending'))) return;
  try {
    await syncApi(deps).send('/api/auth/signout', { method: 'POST' });
  } catch (error) {
    // 401: the session is already gone, which is what signing out wanted.
    if (!(error instanceof ApiRefusal && error.status === 401)) throw toSyncError(error);
  }
  await deps.db.meta.delete('signOutPending');
}

async function applyPage(deps: EngineDeps, page: PullResponse, scope: CurrentScope | undefined, ownerAtRequest: string) {
  const { db } = deps;
  const draftChanges = page.changes.filter((c) => c.entity === 'draft');
  // Yjs loads only when a pull brings drafts, and before the transaction: awaiting an import inside
  // it would let IndexedDB commit it early.
  const drafts = draftChanges.length ? await deps.draftMerger() : undefined;
  // The same for conversations and the outbox's rebase: a visitor's first pull needs neither. An
  // entry queued after this look (the page cannot import inside the transaction) starts the page again.
  const chats = page.changes.some((c) => c.entity === 'conversation' || c.entity === 'message');
  let own = chats || (await db.outbox.count()) > 0 ? await deps.ownWork() : undefined;
  for (;;) {
    try {
      return await applyPageWith(deps, page, scope, ownerAtRequest, drafts, own);
    } catch (error) {
      if (!(error instanceof OwnWorkNeeded) || own) throw error;
      own = await deps.ownWork();
    }
  }
}

class OwnWorkNeeded extends Error {}

async function applyPageWith(
  deps: SyncDeps,
  page: PullResponse,
  scope: CurrentScope | undefined,
  ownerAtRequest: string,
  drafts: Awaited<ReturnType<EngineDeps['draftMerger']>> | undefined,
  own: OwnWork | undefined,
) {
  const { db } = deps;
  const draftChanges = page.changes.filter((c) => c.entity === 'draft');
  await db.transaction('rw', db.replicaTables, async () => {
    const upserts = page.changes.flatMap((c) => (c.op === 'upsert' && c.entity === 'listing' ? [c.row] : []));
    const deletes = page.changes.flatMap((c) => (c.op === 'delete' && c.entity === 'listing' ? [c.id] : []));
    if (upserts.length) await db.listings.bulkPut(upserts);
    if (deletes.length) await db.listings.bulkDelete(deletes);
    const notifications = page.changes.flatMap((c) => (c.entity === 'notification' ? [c.row] : []));
    if (notifications.length) await db.notifications.bulkPut(notifications);
    await applyPulledBoard(db, page);
    await applyPulledBusinesses(db, page);
    await applyPulledBusinessLife(db, page);
    if (drafts) await drafts.applyPulledDrafts(db, draftChanges, ownerAtRequest);
    if (own) await own.applyPulledChats(db, page);
    // A visitor's pull (or one whose session had ended) knows nothing of the watchlist or blocks.
    // Each page restates the person's state: only what changed is written (setMetaIfChanged).
    if (page.profile) {
      await setMetaIfChanged(db, 'likedIds', page.likedIds);
      await setMetaIfChanged(db, 'serverLikedIds', page.likedIds);
      await setMetaIfChanged(db, 'blockedIds', page.blockedIds);
      await setMetaIfChanged(db, 'hiddenSellerIds', page.hiddenSellerIds);
      await setMetaIfChanged(db, 'keywords', page.keywords);
    }
    await setMetaIfChanged(db, 'cursor', page.cursor);
    await setMetaIfChanged(db, 'cursorScope', scopeKey(scope));
    if (page.profile) await setMetaIfChanged(db, 'profile', page.profile);
    // Signed in when the request left, still the same person, yet the server did not know the
    // session: it has ended. (A sign-in that finished while this pull was in flight is not judged.)
    else if (ownerAtRequest && ownerAtRequest === (await currentOwner(db))) await setMeta(db, 'sessionExpired', true);
    if (!scope?.chosen) await setMetaIfChanged(db, 'defaultScope', { neighbourhoodId: page.scope.neighbourhoodId, range: page.scope.range as RangeLevel });
    // Pulled rows are the server's truth; what the server has not confirmed yet goes back on top.
    if (own) await own.rebaseOutbox(db);
    else if ((await db.outbox.count()) > 0) throw new OwnWorkNeeded();
  });
}

/**
 * Pulls every page since the stored cursor for the person's current area. A page is applied whole
 * or not at all; a different area (new neighbourhood or range) pulls from the start.
 */
export async function pull(deps: EngineDeps): Promise<number> {
  const { db } = deps;
  const api = syncApi(deps);
  let received = 0;
  for (;;) {
    const scope = await currentScope(db);
    const sameScope = (await getMeta(db, 'cursorScope')) === scopeKey(scope);
    const params = new URLSearchParams({
      cursor: String(sameScope ? ((await getMeta(db, 'cursor')) ?? 0) : 0),
      clientId: await clientIdOf(db),
      limit: String(PULL_PAGE_ROWS),
    });
    if (scope?.chosen) {
      params.set('neighbourhood', scope.scope.neighbourhoodId);
      params.set('range', String(scope.scope.range));
    }
    const ownerAtRequest = await currentOwner(db);
    const page = await syncCall(() => api.json(`/api/sync/pull?${params}`, pullPageSchema));
    // Someone signed in or out while this page was in flight: it describes the wrong person.
    if ((await currentOwner(db)) !== ownerAtRequest) continue;
    await applyPage(deps, page, scope, ownerAtRequest);
    received += page.changes.length;
    if (!page.hasMore) return received;
  }
}

/** Looks up (once) the neighbour sets of the places the person browses, so range works offline. */
export async function cachePlaces(deps: EngineDeps): Promise<void> {
  // A visitor's first sync learns the default area from the pull; its places come on the next.
  const { db } = deps;
  const api = syncApi(deps);
  const scope = await currentScope(db);
  const held = (await getMeta(db, 'profile'))?.neighbourhoods.map((n) => n.id) ?? [];
  for (const id of new Set([...(scope ? [scope.scope.neighbourhoodId] : []), ...held])) {
    const known = await db.neighbourhoods.get(id);
    // A copy from before boundaries were sent is fetched again, once.
    if (known?.neighbours && known.polygons !== undefined) continue;
    await db.neighbourhoods.put(await syncCall(() => api.json(`/api/neighbourhoods/${encodeURIComponent(id)}`, neighbourhoodDetailSchema)));
  }
}

export async function syncOnce(deps: EngineDeps): Promise<{ pushed: number; pulled: number }> {
  await flushSignOut(deps);
  let pushed = 0;
  // Only a signed-in device has photos to upload and an outbox to push.
  if (await currentOwner(deps.db)) {
    const { push, uploadPendingPhotos } = await deps.ownWork();
    await uploadPendingPhotos(deps);
    // Push before pull, and stop if the push fails: a pull after a push whose answer was lost would
    // bring the server's row, then rebase the still-unsettled change over it for good.
    pushed = await push(deps);
    // Photos added while this cycle ran held back the mutation naming them: send both now.
    if (await uploadPendingPhotos(deps)) pushed += await push(deps);
  }
  // Neighbour sets first: the feed filters by them as soon as the pulled rows land.
  await cachePlaces(deps);
  const pulled = await pull(deps);
  await setMeta(deps.db, 'lastSyncedAt', Date.now());
  return { pushed, pulled };
}

/** Runs one cycle while holding the device-wide sync lock, so only one tab (or the worker) pushes. */
export async function syncWithLock(deps: EngineDeps) {
  if (typeof navigator !== 'undefined' && navigator.locks) {
    return navigator.locks.request('dongne-sync', () => syncOnce(deps));
  }
  return syncOnce(deps);
}
