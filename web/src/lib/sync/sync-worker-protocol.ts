// What the page and the sync worker say to each other. A cycle's outcome crosses as plain data: a
// SyncError's kind and sentence, so the scheduler tells "offline, retry quietly" from a refusal.

/** The page asks for one sync cycle; `id` pairs the answer with the ask. */
export interface SyncAsk {
  id: number;
}

export type SyncAnswer =
  | { id: number; ok: true; pushed: number; pulled: number }
  | { id: number; ok: false; kind: 'offline' | 'server' | 'other'; message: string };
