// Bytes by key in PostgreSQL: the default blob store's storage (see contract/blobs.ts).
import type { BlobsRepo } from '../contract/blobs.js';
import { row, type Queryable } from './queryable.js';

export function createBlobsRepo(db: Queryable): BlobsRepo {
  return {
    async put(key, bytes) {
      // A key names its bytes, so a second put of it has nothing to add.
      await db.query('INSERT INTO blobs (key, bytes) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING', [
        key,
        Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
      ]);
    },
    async remove(key) {
      await db.query('DELETE FROM blobs WHERE key = $1', [key]);
    },
    async get(key) {
      const r = await row<{ bytes: Buffer }>(db, 'SELECT bytes FROM blobs WHERE key = $1', [key]);
      return r && new Uint8Array(r.bytes.buffer, r.bytes.byteOffset, r.bytes.byteLength);
    },
  };
}
