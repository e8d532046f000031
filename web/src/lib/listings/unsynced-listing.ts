// A listing opened from a link before this device has finished its first sync: the server's copy,
// read on its own, so the page shows it at once rather than after the whole first pull. Once the
// device has synced, its replica alone answers (offline too), as for every other screen.
import { listingAnswerSchema, type Listing } from '@dongne/shared';
import { api, ApiRefusal } from '../api/api-client.js';
import type { DongneDb } from '../db/db.js';
import { getMeta } from '../db/meta.js';

/**
 * The listing from the server if the device has not synced yet and does not hold it; null when the
 * server says there is no such listing for this person; undefined when there is nothing to ask or
 * no answer (offline, the server unreachable): the page then waits for the sync.
 */
export async function unsyncedListing(db: DongneDb, id: string): Promise<Listing | null | undefined> {
  if (!navigator.onLine) return undefined;
  const [synced, held] = await Promise.all([getMeta(db, 'lastSyncedAt'), db.listings.get(id)]);
  if (synced || held) return undefined;
  try {
    return (await api.json(`/api/listings/${encodeURIComponent(id)}`, listingAnswerSchema)).listing;
  } catch (error) {
    return error instanceof ApiRefusal && error.status === 404 ? null : undefined;
  }
}
