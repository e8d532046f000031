// Opening a listing counts as a view on the server (once a day per person); the answer brings the
// counts the detail screen shows. Offline, nothing is counted and the saved counts show.
import { viewCountsSchema } from '@dongne/shared';
import { api as browserApi, type ApiClient } from '../api/api-client.js';
import type { DongneDb } from '../db/db.js';

export async function recordView(db: DongneDb, id: string, api: ApiClient = browserApi): Promise<void> {
  const counts = await api.json(`/api/listings/${encodeURIComponent(id)}/views`, viewCountsSchema, { method: 'POST' }).catch(() => undefined);
  // A view changes no change cursor, so the fresh counts reach this device only through this answer.
  if (counts) await db.listings.update(id, counts);
}
