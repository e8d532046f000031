// Photos by the SHA-256 of their bytes: their checked type and pixel size, and who first uploaded
// them (the bytes are in the blob store).
import type { MediaInfo } from '../contract/media.js';
import type { Db } from './database.js';

export function createMediaStore(db: Db) {
  // The same bytes always have the same hash, so a second upload has nothing to add.
  const insert = db.prepare(`
    INSERT INTO media (hash, type, size, width, height, uploader_id, created_at)
    VALUES (@hash, @type, @size, @width, @height, @uploaderId, @createdAt)
    ON CONFLICT (hash) DO NOTHING`);
  const info = db.prepare('SELECT hash, type, width, height, size FROM media WHERE hash = ?');
  const unshared = db
    .prepare(
      `SELECT hash FROM media m WHERE uploader_id = ? AND NOT EXISTS (
         SELECT 1 FROM listings l WHERE l.seller_id <> m.uploader_id AND l.deleted_at IS NULL AND instr(l.photos, m.hash) > 0)
       AND NOT EXISTS (
         SELECT 1 FROM board_posts p WHERE p.author_id <> m.uploader_id AND p.deleted_at IS NULL AND instr(p.photos, m.hash) > 0)`,
    )
    .pluck();
  const removeOne = db.prepare('DELETE FROM media WHERE hash = ?');
  const storedBy = db.prepare('SELECT coalesce(sum(size), 0) FROM media WHERE uploader_id = ?').pluck();
  const missing = db
    .prepare(
      `SELECT j.value FROM json_each(?) j
       WHERE NOT EXISTS (SELECT 1 FROM media m WHERE m.hash = j.value) ORDER BY j.key`,
    )
    .pluck();
  return {
    /** Records a photo unless one with this hash is already recorded; true when it was new. */
    put(media: MediaInfo & { uploaderId: string; createdAt: number }): boolean {
      const { hash, type, size, width, height, uploaderId, createdAt } = media;
      return insert.run({ hash, type, size, width, height, uploaderId, createdAt }).changes > 0;
    },
    /** The photo bytes an account has stored, in all. */
    storedBy: (uploaderId: string) => storedBy.get(uploaderId) as number,
    removeUploadedBy(uploaderId: string): string[] {
      const hashes = unshared.all(uploaderId) as string[];
      for (const hash of hashes) removeOne.run(hash);
      return hashes;
    },
    /** What is known about a photo, without reading its bytes. */
    info: (hash: string) => info.get(hash) as MediaInfo | undefined,
    /** The given hashes the server has no photo for, each once, in the order given. */
    missing(hashes: readonly string[]): string[] {
      const unique = [...new Set(hashes)];
      return unique.length === 0 ? [] : (missing.all(JSON.stringify(unique)) as string[]);
    },
  };
}
