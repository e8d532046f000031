// The page's side of the sync worker: asks it for a cycle and turns its answer back into the
// outcome the scheduler knows (a count, or a SyncError). A browser that cannot run the worker (no
// module workers, or its script failed to load) syncs on the page instead, as before: slower to
// answer taps during a big pull, but nothing is lost.
import { SyncError } from './sync-deps.js';
import type { SyncAnswer, SyncAsk } from './sync-worker-protocol.js';

export interface SyncOutcome {
  pushed: number;
  pulled: number;
}

/** The worker could not run at all: the cycle goes to the page. */
class WorkerUnavailable extends Error {}

let worker: Worker | undefined;
let unavailable = typeof Worker === 'undefined';
let nextId = 1;
const waiting = new Map<number, { resolve: (answer: SyncAnswer) => void; reject: (error: unknown) => void }>();

function startWorker(): Worker {
  const started = new Worker(new URL('./sync-worker.ts', import.meta.url), { type: 'module', name: 'dongne-sync' });
  started.addEventListener('message', (event: MessageEvent<SyncAnswer>) => {
    const asked = waiting.get(event.data.id);
    waiting.delete(event.data.id);
    asked?.resolve(event.data);
  });
  // Only a failure the worker's own code did not catch lands here: its script did not load, or
  // died. Every ask still open goes to the page, and so do the ones after.
  started.addEventListener('error', (event) => {
    event.preventDefault();
    unavailable = true;
    started.terminate();
    if (worker === started) worker = undefined;
    for (const asked of waiting.values()) asked.reject(new WorkerUnavailable());
    waiting.clear();
  });
  return started;
}

function ask(target: Worker): Promise<SyncAnswer> {
  const id = nextId++;
  return new Promise((resolve, reject) => {
    waiting.set(id, { resolve, reject });
    target.postMessage({ id } satisfies SyncAsk);
  });
}

function outcomeOf(answer: SyncAnswer): SyncOutcome {
  if (answer.ok) return { pushed: answer.pushed, pulled: answer.pulled };
  if (answer.kind === 'other') throw new Error(answer.message);
  throw new SyncError(answer.kind, answer.message);
}

/** The same cycle on the page's own thread, for a browser where the worker cannot run. */
async function syncOnPage(): Promise<SyncOutcome> {
  const [{ db }, { syncWithLock }] = await Promise.all([import('../db/db.js'), import('./sync-engine.js')]);
  return syncWithLock({
    db,
    fetch: (input, init) => fetch(input, init),
    draftMerger: () => import('../drafts/pulled-drafts.js'),
    ownWork: () => import('./own-work.js'),
  });
}

/** Runs one sync cycle (under the device-wide sync lock) off the page's main thread. */
export async function runSync(): Promise<SyncOutcome> {
  if (!unavailable) {
    try {
      worker ??= startWorker();
      return outcomeOf(await ask(worker));
    } catch (error) {
      if (!(error instanceof WorkerUnavailable)) throw error;
    }
  }
  return syncOnPage();
}

/** Ends the worker (the app's frame is going away); the next cycle starts a new one. */
export function stopSyncWorker(): void {
  worker?.terminate();
  worker = undefined;
  for (const asked of waiting.values()) asked.reject(new SyncError('offline', 'Sync stopped.'));
  waiting.clear();
}
