// What the page and the sync worker say to each other. A cycle's outcome crosses as plain data: a
// SyncError's kind and sentence, so the scheduler tells "offline, retry quietly" from a refusal.

/** The page asks for one sync cycle; `id` pairs the answer with the ask. */
export interface SyncAsk {
  id: number;
}

export type SyncAnswer =
  | { id: number; ok: true; pushed: number; pulled: number }
  /**
   * `retire`: the worker could not load part of its own code. A browser remembers a module that
   * failed to load for as long as the worker lives, so every later cycle in it would fail too.
   */
  | { id: number; ok: false; kind: 'offline' | 'server' | 'other'; message: string; retire?: true }
  /** Still working on it: sent every HEARTBEAT_MS while a cycle runs. */
  | { id: number; alive: true };

/** How often a busy worker says it is alive. */
export const HEARTBEAT_MS = 5_000;
