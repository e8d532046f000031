// The default blob store: bytes in the database, beside everything else (one file or one
// PostgreSQL database holds all, and a backup is one copy).
import type { Store } from '../store/contract/store.js';
import type { BlobStore } from './blob-store.js';

export function databaseBlobStore(store: Store): BlobStore {
  return {
    description: 'the database',
    // The type is on the photo's own row; the bytes need nothing more.
    put: (key, bytes) => store.blobs.put(key, bytes),
    get: (key) => store.blobs.get(key),
    delete: (key) => store.blobs.remove(key),
  };
}
