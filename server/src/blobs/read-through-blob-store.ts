// A server that kept photos in the database and is then given S3 keeps serving the photos it already
// had: new bytes go to S3, and a key S3 lacks is looked for in the database before it counts as gone.
import type { BlobStore } from './blob-store.js';

export function readThrough(current: BlobStore, earlier: BlobStore): BlobStore {
  return {
    description: `${current.description} (and ${earlier.description} for photos stored before)`,
    put: (key, bytes, contentType) => current.put(key, bytes, contentType),
    async get(key) {
      return (await current.get(key)) ?? (await earlier.get(key));
    },
  };
}
