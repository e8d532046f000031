// What the page and the sync worker say to each other. A cycle's outcome crosses as plain data: a
// SyncError's kind and sentence, so the scheduler tells "offline, retry quietly" from a refusal.

/** The page asks for one sync cycle; `id` pairs the answer with the ask. */
export interface SyncAsk {
  id: number;
}

export type SyncAnswer =
  | { id: number; ok: true; pushed: number; pulled: number }
  | { id: number; ok: false; kind: 'offline' | 'server' | 'other'; message: string }
  /** Still working on it: sent every HEARTBEAT_MS while a cycle runs. */
  | { id: number; alive: true };

/** How often a busy worker says it is alive. */
export const HEARTBEAT_MS = 5_000;
