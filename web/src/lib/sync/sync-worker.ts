/// <reference lib="webworker" />
// The sync engine's home off the page. Fetching, reading every pulled page, rebasing the outbox and
// writing IndexedDB all happen here, so a first sync of hundreds of listings never holds the page's
// main thread (where a tap must answer within a frame or two). The page asks for a cycle and hears
// how it ended; the rows written here reach its screens through Dexie's change notifications, which
// cross from this worker to every page of the app (liveQuery).
import { db } from '../db/db.js';
import { SyncError } from './sync-deps.js';
import { syncWithLock } from './sync-engine.js';
import { HEARTBEAT_MS, type SyncAnswer, type SyncAsk } from './sync-worker-protocol.js';

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.addEventListener('message', (event: MessageEvent<SyncAsk>) => {
  const { id } = event.data;
  // A long pull is still answered for: the page gives up on a worker that has gone quiet.
  const heartbeat = setInterval(() => scope.postMessage({ id, alive: true } satisfies SyncAnswer), HEARTBEAT_MS);
  void answer(id)
    .then((reply) => scope.postMessage(reply))
    .finally(() => clearInterval(heartbeat));
});

/** Whether one of the lazily loaded parts failed to load in this worker. */
let lazyLoadFailed = false;

function lazily<T>(load: () => Promise<T>): () => Promise<T> {
  return () =>
    load().catch((error: unknown) => {
      lazyLoadFailed = true;
      throw error;
    });
}

async function answer(id: number): Promise<SyncAnswer> {
  try {
    const { pushed, pulled } = await syncWithLock({
      db,
      fetch: (input, init) => fetch(input, init),
      draftMerger: lazily(() => import('../drafts/pulled-drafts.js')),
      ownWork: lazily(() => import('./own-work.js')),
    });
    return { id, ok: true, pushed, pulled };
  } catch (error) {
    const retire = lazyLoadFailed ? { retire: true as const } : {};
    if (error instanceof SyncError) return { id, ok: false, kind: error.kind, message: error.message, ...retire };
    return { id, ok: false, kind: 'other', message: error instanceof Error ? error.message : String(error), ...retire };
  }
}
