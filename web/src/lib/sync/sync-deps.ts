// What a sync cycle runs on, and how it fails. Its own module so the engine's parts (photo upload,
// push, pull) can share them without importing the engine.
import { ApiOffline, ApiRefusal, ApiUnreadable, createApiClient, type ApiClient } from '../api/api-client.js';
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

/** The API client over the cycle's own network. */
export function syncApi(deps: SyncDeps): ApiClient {
  return createApiClient({ fetch: deps.fetch, baseUrl: deps.baseUrl });
}

/**
 * An API failure as the scheduler sees it: no answer, or one cut off (a dropped connection by another
 * name), or a gateway's page for a server that is down, is `offline` and retried quietly; a refusal
 * is `server`, with the server's sentence.
 */
export function toSyncError(error: unknown): unknown {
  // A gateway's 502/503/504 page: the server behind it did not answer.
  if (error instanceof ApiRefusal && !error.fromServer && error.status >= 500) return new SyncError('offline', 'The server did not answer.');
  if (error instanceof ApiRefusal) return new SyncError('server', error.message);
  if (error instanceof ApiOffline || error instanceof ApiUnreadable) return new SyncError('offline', error.message);
  return error;
}

/** Runs one API call, failing as a SyncError. */
export async function syncCall<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw toSyncError(error);
  }
}
