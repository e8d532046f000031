// Decides when to sync: on start, when the connection returns, shortly after each local change,
// when the tab becomes visible, when the server pokes the live channel, every half minute while
// visible (the fallback when the channel is down), and with backoff after a failure.
import type { DongneDb } from '../db/db.js';
import { onLocalMutation } from './local-mutation-signal.js';
import { SyncError } from './sync-deps.js';
import { runSync, stopSyncWorker } from './sync-worker-client.js';
import { syncStatus } from './sync-status.svelte.js';
import { startLiveChannel } from './live-channel.js';
import { BACKGROUND_SYNC_TAG } from './background-sync.js';
import { SYNC_END_MARK, SYNC_START_MARK } from './sync-marks.js';

const AFTER_MUTATION_MS = 300;
const POLL_MS = 30_000;
const RETRY_MIN_MS = 1_000;
const RETRY_MAX_MS = 30_000;

export function startSyncScheduler(db: DongneDb): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running = false;
  let again = false;
  let retryMs = RETRY_MIN_MS;
  /** Set when the app's frame goes away: a cycle settling after that schedules nothing more. */
  let stopped = false;
  /** Set by the first cycle, whatever started it (the first frame, the tab being shown, going online). */
  let started = false;
  const live = startLiveChannel(db, () => schedule(0));

  function schedule(delayMs: number) {
    if (stopped) return;
    clearTimeout(timer);
    timer = setTimeout(run, delayMs);
  }

  async function run() {
    started = true;
    if (running) {
      again = true;
      return;
    }
    if (!navigator.onLine) {
      syncStatus.online = false;
      return;
    }
    running = true;
    syncStatus.syncing = true;
    try {
      // Marked for traces (and the journey that holds the page to short tasks while it syncs).
      performance.mark(SYNC_START_MARK);
      // In the sync worker: a big pull never holds the thread that answers the person's taps.
      await runSync().finally(() => performance.mark(SYNC_END_MARK));
      if (stopped) return;
      syncStatus.error = '';
      syncStatus.unreachable = false;
      syncStatus.lastSyncedAt = Date.now();
      retryMs = RETRY_MIN_MS;
      // After a sync the area or the account may have changed: follow the new one.
      live.refresh();
      // Then, in the background, the area's photos for offline use. Only once the service worker
      // controls the page (it is what answers from that cache offline), so a first visit's
      // JavaScript does not carry this; the next sync, with the worker in place, does it.
      if (navigator.serviceWorker?.controller) {
        void import('../offline-photos/after-sync.js').then(({ afterSync }) => afterSync(db)).catch(() => {});
      }
    } catch (error) {
      if (stopped) return;
      const noAnswer = error instanceof SyncError && error.kind === 'offline';
      // Offline is told by the browser; a connection with no answer means the server is down.
      syncStatus.unreachable = noAnswer && navigator.onLine;
      syncStatus.error = noAnswer ? '' : error instanceof Error ? error.message : String(error);
      schedule(retryMs);
      retryMs = Math.min(retryMs * 2, RETRY_MAX_MS);
    } finally {
      running = false;
      syncStatus.syncing = false;
      if (again) {
        again = false;
        schedule(0);
      }
    }
  }

  const onOnline = () => {
    syncStatus.online = true;
    retryMs = RETRY_MIN_MS;
    schedule(0);
  };
  const onOffline = () => {
    syncStatus.online = false;
  };
  const onVisible = () => {
    if (document.visibilityState === 'visible') schedule(0);
  };
  const stopListening = onLocalMutation(() => {
    schedule(AFTER_MUTATION_MS);
    void registerBackgroundSync();
  });
  const poll = setInterval(() => {
    if (document.visibilityState === 'visible') schedule(0);
  }, POLL_MS);

  window.addEventListener('online', onOnline);
  window.addEventListener('offline', onOffline);
  document.addEventListener('visibilitychange', onVisible);
  syncStatus.online = navigator.onLine;
  // The first sync after the app's first frame: the screen is laid out and painted before the sync's
  // answers start landing, rather than both competing for the main thread as the app starts. A tab
  // opened in the background draws no frame until it is shown: it syncs at once.
  let firstFrame = 0;
  if (document.visibilityState === 'visible') {
    firstFrame = requestAnimationFrame(() => {
      if (!started) schedule(0);
    });
  } else {
    schedule(0);
  }

  return () => {
    stopped = true;
    cancelAnimationFrame(firstFrame);
    clearTimeout(timer);
    clearInterval(poll);
    live.stop();
    stopSyncWorker();
    stopListening();
    window.removeEventListener('online', onOnline);
    window.removeEventListener('offline', onOffline);
    document.removeEventListener('visibilitychange', onVisible);
  };
}

/** Asks the service worker to push even if the page is closed before the connection returns. */
async function registerBackgroundSync() {
  try {
    const registration = await navigator.serviceWorker?.getRegistration();
    const sync = (registration as (ServiceWorkerRegistration & { sync?: { register(tag: string): Promise<void> } }) | undefined)?.sync;
    await sync?.register(BACKGROUND_SYNC_TAG);
  } catch {
    // Background Sync is an extra: browsers without it sync when the app is next open.
  }
}
