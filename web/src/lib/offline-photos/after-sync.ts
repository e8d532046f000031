// What the page does once a sync has succeeded, beyond the sync itself: note the day of use (for
// persistent storage) and, when the browser is idle, bring the offline photos up to date. Loaded
// lazily by the sync scheduler, so the first visit's JavaScript does not carry it.
import type { DongneDb } from '../db/db.js';
import { keepPhotosOffline } from './offline-photos.js';
import { noteUseAndMaybePersist } from './storage-persistence.js';

let pending = false;

export function afterSync(db: DongneDb): void {
  void noteUseAndMaybePersist().catch(() => {});
  // One run waiting is enough: a sync every half minute must not pile them up.
  if (pending) return;
  pending = true;
  whenIdle(async () => {
    try {
      await keepPhotosOffline(db);
    } catch {
      // An extra: the feed works without it, and the next sync tries again.
    } finally {
      pending = false;
    }
  });
}

/** After the feed has drawn: the browser's idle time, or a few seconds at most. */
function whenIdle(task: () => Promise<void>) {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(() => void task(), { timeout: 5_000 });
  else setTimeout(() => void task(), 1_000);
}
