// Listing photos on PostgreSQL (in the database, as on SQLite).
import type { MediaType } from '@dongne/shared';
import type { MediaInfo, MediaRepo } from '../contract/media.js';
import { changed, row, rows, type Queryable } from './queryable.js';

export function createMediaRepo(db: Queryable): MediaRepo {
  return {
    async put(m) {
      return (
        (await changed(
          db,
          `INSERT INTO media (hash, type, bytes, size, width, height, uploader_id, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
           ON CONFLICT (hash) DO NOTHING`,
          [m.hash, m.type, Buffer.from(m.bytes.buffer, m.bytes.byteOffset, m.bytes.byteLength), m.size, m.width, m.height, m.uploaderId, m.createdAt],
        )) > 0
      );
    },
    async get(hash) {
      const r = await row<{ type: MediaType; bytes: Buffer }>(db, 'SELECT type, bytes FROM media WHERE hash = $1', [hash]);
      return r && { type: r.type, bytes: new Uint8Array(r.bytes.buffer, r.bytes.byteOffset, r.bytes.byteLength) };
    },
    async storedBy(uploaderId) {
      return (await row<{ n: number }>(db, 'SELECT coalesce(sum(size), 0)::bigint AS n FROM media WHERE uploader_id = $1', [uploaderId]))!.n;
    },
    info: (hash) => row<MediaInfo>(db, 'SELECT hash, type, width, height, size FROM media WHERE hash = $1', [hash]),
    async missing(hashes) {
      const unique = [...new Set(hashes)];
      if (unique.length === 0) return [];
      const found = new Set((await rows<{ hash: string }>(db, 'SELECT hash FROM media WHERE hash = ANY($1::text[])', [unique])).map((r) => r.hash));
      return unique.filter((hash) => !found.has(hash));
    },
  };
}
