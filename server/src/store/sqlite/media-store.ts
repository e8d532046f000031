// Photos by the SHA-256 of their bytes: the bytes, their checked type and pixel size, and who first
// uploaded them.
import type { MediaType } from '@dongne/shared';
import type { MediaInfo } from '../contract/media.js';
import type { Db } from './database.js';

export function createMediaStore(db: Db) {
  // The same bytes always have the same hash, so a second upload has nothing to add.
  const insert = db.prepare(`
    INSERT INTO media (hash, type, bytes, size, width, height, uploader_id, created_at)
    VALUES (@hash, @type, @bytes, @size, @width, @height, @uploaderId, @createdAt)
    ON CONFLICT (hash) DO NOTHING`);
  const bytes = db.prepare('SELECT type, bytes FROM media WHERE hash = ?');
  const info = db.prepare('SELECT hash, type, width, height, size FROM media WHERE hash = ?');
  const storedBy = db.prepare('SELECT coalesce(sum(size), 0) FROM media WHERE uploader_id = ?').pluck();
  const missing = db
    .prepare(
      `SELECT j.value FROM json_each(?) j
       WHERE NOT EXISTS (SELECT 1 FROM media m WHERE m.hash = j.value) ORDER BY j.key`,
    )
    .pluck();
  return {
    /** Stores a photo unless one with this hash is already there; true when it was new. */
    put(media: MediaInfo & { bytes: Uint8Array; uploaderId: string; createdAt: number }): boolean {
      const blob = Buffer.from(media.bytes.buffer, media.bytes.byteOffset, media.bytes.byteLength);
      return insert.run({ ...media, bytes: blob }).changes > 0;
    },
    get: (hash: string) => bytes.get(hash) as { type: MediaType; bytes: Uint8Array } | undefined,
    /** The photo bytes an account has stored, in all. */
    storedBy: (uploaderId: string) => storedBy.get(uploaderId) as number,
    /** What is known about a photo, without reading its bytes. */
    info: (hash: string) => info.get(hash) as MediaInfo | undefined,
    /** The given hashes the server has no photo for, each once, in the order given. */
    missing(hashes: readonly string[]): string[] {
      const unique = [...new Set(hashes)];
      return unique.length === 0 ? [] : (missing.all(JSON.stringify(unique)) as string[]);
    },
  };
}
