// Pushing the signed-in account's outbox: batches that fit, in seq order, held back behind photos
// still uploading, each entry settled by the server's answer. Loaded only when someone is signed in
// (through own-work.ts).
import { pushResponseSchema, SYNC_LIMITS, type MutationName, type PushRequest, type PushResponse } from '@dongne/shared';
import { ApiRefusal, jsonBody } from '../api/api-client.js';
import type { DongneDb, OutboxEntry } from '../db/db.js';
import { clientIdOf, currentOwner, getMeta, setMeta } from '../db/meta.js';
import { settleResults } from './local-settle.js';
import { numberForWire, renumberFrom } from './outbox.js';
import { syncApi, SyncError, toSyncError, type SyncDeps } from './sync-deps.js';

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

/** Mutations whose args name photos (`photos`): a listing's content or a board post's. */
const PHOTO_MUTATIONS: readonly MutationName[] = ['listing.create', 'listing.update', 'board.post', 'board.update'];

/** The photo hashes a mutation names. */
function photoHashesOf(entry: OutboxEntry): string[] {
  if (!PHOTO_MUTATIONS.includes(entry.name)) return [];
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
