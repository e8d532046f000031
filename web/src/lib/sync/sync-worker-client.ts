// The page's side of the sync worker: asks it for a cycle and turns its answer back into the
// outcome the scheduler knows (a count, or a SyncError). A browser that cannot run the worker (no
// module workers, its script refused or failed to load) syncs on the page instead, as before:
// slower to answer taps during a big pull, but nothing is lost.
import syncWorkerUrl from 'virtual:sync-worker-url';
import { SyncError } from './sync-deps.js';
import { HEARTBEAT_MS, type SyncAnswer, type SyncAsk } from './sync-worker-protocol.js';

export interface SyncOutcome {
  pushed: number;
  pulled: number;
}

/** A worker that has said nothing for this long is taken for dead (it says it is alive every HEARTBEAT_MS). */
const QUIET_MS = 6 * HEARTBEAT_MS;

/** The worker could not run at all: the cycle goes to the page. */
class WorkerUnavailable extends Error {}

interface Asked {
  resolve: (answer: SyncAnswer) => void;
  reject: (error: unknown) => void;
  watchdog: ReturnType<typeof setTimeout>;
}

let worker: Worker | undefined;
/** Whether the current worker has answered anything: one that never did failed to load. */
let loaded = false;
let unavailable = typeof Worker === 'undefined';
let nextId = 1;
const waiting = new Map<number, Asked>();

/** Ends the worker and settles every open ask with `error`; the next cycle starts a fresh one. */
function drop(error: unknown) {
  worker?.terminate();
  worker = undefined;
  for (const asked of waiting.values()) {
    clearTimeout(asked.watchdog);
    asked.reject(error);
  }
  waiting.clear();
}

function startWorker(): Worker {
  let started: Worker;
  try {
    started = new Worker(syncWorkerUrl!, { type: 'module', name: 'dongne-sync' });
  } catch {
    // Refused outright (a policy, an old browser): the page syncs from now on.
    unavailable = true;
    throw new WorkerUnavailable();
  }
  loaded = false;
  started.addEventListener('message', (event: MessageEvent<SyncAnswer>) => {
    loaded = true;
    const asked = waiting.get(event.data.id);
    if (!asked) return;
    clearTimeout(asked.watchdog);
    if ('alive' in event.data) {
      asked.watchdog = setTimeout(() => quiet(event.data.id), QUIET_MS);
      return;
    }
    waiting.delete(event.data.id);
    // Its failed load is remembered for its lifetime: the next cycle starts a fresh worker.
    if (!event.data.ok && event.data.retire && started === worker) {
      started.terminate();
      worker = undefined;
    }
    asked.resolve(event.data);
  });
  // Only a failure the worker's own code did not catch lands here. Before it ever answered: its
  // script did not load, and the page syncs from now on. After: it died, and the next cycle starts
  // a fresh one. Either way the open asks go to the page now.
  started.addEventListener('error', (event) => {
    event.preventDefault();
    if (started !== worker) return;
    if (!loaded) unavailable = true;
    else console.warn('The sync worker stopped; the next sync starts it again.', event.message);
    drop(new WorkerUnavailable());
  });
  return started;
}

/** A worker silent for QUIET_MS (killed, hung): the cycle counts as not done, and a fresh one starts next time. */
function quiet(id: number) {
  if (!waiting.has(id)) return;
  drop(new SyncError('offline', 'The sync stopped answering.'));
}

function ask(target: Worker): Promise<SyncAnswer> {
  const id = nextId++;
  return new Promise((resolve, reject) => {
    waiting.set(id, { resolve, reject, watchdog: setTimeout(() => quiet(id), QUIET_MS) });
    target.postMessage({ id } satisfies SyncAsk);
  });
}

function outcomeOf(answer: SyncAnswer): SyncOutcome {
  if ('alive' in answer) throw new Error('unreachable: a heartbeat is not an answer');
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

/** Ends the worker (the app's frame is going away); a cycle under way settles as offline. */
export function stopSyncWorker(): void {
  drop(new SyncError('offline', 'Sync stopped.'));
}
