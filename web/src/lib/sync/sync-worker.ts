/// <reference lib="webworker" />
// The sync engine's home off the page. Fetching, reading every pulled page, rebasing the outbox and
// writing IndexedDB all happen here, so a first sync of hundreds of listings never holds the page's
// main thread (where a tap must answer within a frame or two). The page asks for a cycle and hears
// how it ended; the rows written here reach its screens through Dexie's change notifications, which
// cross from this worker to every page of the app (liveQuery).
import { db } from '../db/db.js';
import { SyncError } from './sync-deps.js';
import { syncWithLock } from './sync-engine.js';
import type { SyncAnswer, SyncAsk } from './sync-worker-protocol.js';

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.addEventListener('message', (event: MessageEvent<SyncAsk>) => {
  void answer(event.data.id).then((reply) => scope.postMessage(reply));
});

async function answer(id: number): Promise<SyncAnswer> {
  try {
    const { pushed, pulled } = await syncWithLock({
      db,
      fetch: (input, init) => fetch(input, init),
      draftMerger: () => import('../drafts/pulled-drafts.js'),
      ownWork: () => import('./own-work.js'),
    });
    return { id, ok: true, pushed, pulled };
  } catch (error) {
    if (error instanceof SyncError) return { id, ok: false, kind: error.kind, message: error.message };
    return { id, ok: false, kind: 'other', message: error instanceof Error ? error.message : String(error) };
  }
}
