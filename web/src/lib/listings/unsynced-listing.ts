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
  const onDevice = async () => Boolean((await getMeta(db, 'lastSyncedAt')) || (await db.listings.get(id)));
  // No service worker in control: a first visit, whose database is only now being made. Ask the
  // server at once rather than after that; a device that turns out to have synced ignores the answer.
  if (!navigator.serviceWorker?.controller) {
    const [held, answer] = await Promise.all([onDevice(), fromServer(id)]);
    return held ? undefined : answer;
  }
  return (await onDevice()) ? undefined : fromServer(id);
}

async function fromServer(id: string): Promise<Listing | null | undefined> {
  try {
    return (await api.json(`/api/listings/${encodeURIComponent(id)}`, listingAnswerSchema)).listing;
  } catch (error) {
    return error instanceof ApiRefusal && error.status === 404 ? null : undefined;
  }
}
