// What a sync cycle runs on, and how it fails. Its own module so the engine's parts (photo upload,
// push, pull) can share them without importing the engine.
import type { DongneDb } from '../db/db.js';
import type { DraftMerger } from '../drafts/pulled-drafts.js';

export interface SyncDeps {
  db: DongneDb;
  fetch: typeof fetch;
  /**
   * Loads the code that merges pulled drafts (it brings Yjs). The page passes a dynamic import so
   * the app shell stays small; the service worker, which cannot import lazily, passes it bundled.
   */
  draftMerger: () => Promise<DraftMerger>;
  /** Origin of the API; empty for same-origin. */
  baseUrl?: string;
}

/** `offline`: try again when the connection returns. `server`: the server refused; its message says why. */
export class SyncError extends Error {
  constructor(
    readonly kind: 'offline' | 'server',
    message: string,
  ) {
    super(message);
  }
}
