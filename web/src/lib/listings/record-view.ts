// Opening a listing counts as a view on the server (once a day per person); the answer brings the
// counts the detail screen shows. Offline, nothing is counted and the saved counts show.
import { viewCountsSchema } from '@dongne/shared';
import type { DongneDb } from '../db/db.js';

export async function recordView(db: DongneDb, id: string, fetchFn: typeof fetch = fetch): Promise<void> {
  let response: Response;
  try {
    response = await fetchFn(`/api/listings/${encodeURIComponent(id)}/views`, { method: 'POST', credentials: 'same-origin' });
  } catch {
    return;
  }
  if (!response.ok) return;
  const counts = viewCountsSchema.safeParse(await response.json().catch(() => null));
  // A view changes no change cursor, so the fresh counts reach this device only through this answer.
  if (counts.success) await db.listings.update(id, counts.data);
}
