// A server that kept photos in the database and is then given S3 keeps serving the photos it already
// had: new bytes go to S3, and a key S3 lacks is looked for in the database before it counts as gone.
import type { BlobStore } from './blob-store.js';

export function readThrough(current: BlobStore, earlier: BlobStore): BlobStore {
  return {
    description: `${current.description} (and ${earlier.description} for photos stored before)`,
    put: (key, bytes, contentType) => current.put(key, bytes, contentType),
    async delete(key) {
      await current.delete(key);
      await earlier.delete(key);
    },
    async get(key) {
      try {
        return (await current.get(key)) ?? (await earlier.get(key));
      } catch (error) {
        // A bucket without s3:ListBucket answers 403, not "no such key", for a key it lacks: an
        // older photo must still be found where it was; only a miss there too is S3's failure.
        const found = await earlier.get(key);
        if (found) return found;
        throw error;
      }
    },
  };
}
