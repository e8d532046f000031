// Listing photos on PostgreSQL: what is known about each (the bytes are in the blob store).
import type { MediaInfo, MediaRepo } from '../contract/media.js';
import { changed, row, rows, type Queryable } from './queryable.js';

export function createMediaRepo(db: Queryable): MediaRepo {
  return {
    async put(m) {
      return (
        (await changed(
          db,
          `INSERT INTO media (hash, type, size, width, height, uploader_id, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)
           ON CONFLICT (hash) DO NOTHING`,
          [m.hash, m.type, m.size, m.width, m.height, m.uploaderId, m.createdAt],
        )) > 0
      );
    },
    async storedBy(uploaderId) {
      return (await row<{ n: number }>(db, 'SELECT coalesce(sum(size), 0)::bigint AS n FROM media WHERE uploader_id = $1', [uploaderId]))!.n;
    },
    async removeUploadedBy(uploaderId) {
      const removed = await rows<{ hash: string }>(
        db,
        `DELETE FROM media m WHERE uploader_id = $1 AND NOT EXISTS (
           SELECT 1 FROM listings l WHERE l.seller_id <> m.uploader_id AND l.deleted_at IS NULL AND position(m.hash in l.photos) > 0)
         AND NOT EXISTS (
           SELECT 1 FROM board_posts p WHERE p.author_id <> m.uploader_id AND p.deleted_at IS NULL AND position(m.hash in p.photos) > 0)
         RETURNING hash`,
        [uploaderId],
      );
      return removed.map((r) => r.hash);
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
