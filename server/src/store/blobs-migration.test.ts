// Photos stored before the blob store keep working after the migration that moves their bytes out
// of the media table: on the engine this test project runs (SQLite, or PostgreSQL on server-pg), a
// database migrated up to just before it, holding a photo, is migrated the rest of the way.
import { afterEach, describe, expect, it } from 'vitest';
import { databaseBlobStore } from '../blobs/database-blob-store.js';
import { mediaBlobKey } from '../services/media-service.js';
import { JPEG_3X2, sha256Hex } from '../testing/images.js';
import { storeMigratedFrom, type MigratedStore } from '../testing/migrated-store.js';
import { TEST_ENGINE } from '../testing/test-store.js';

const hash = sha256Hex(JPEG_3X2);
let migrated: MigratedStore | undefined;
afterEach(async () => {
  await migrated?.close();
  migrated = undefined;
});

describe(`the migration to a blobs table (${TEST_ENGINE})`, () => {
  it('moves each photo’s bytes to the blob store under its key, and keeps what is known about it', async () => {
    // A database as it was before the blobs table, with Jieun's photo in it.
    migrated = await storeMigratedFrom({ sqlite: '019_blobs.sql', postgres: '002_blobs.sql' }, async (run) => {
      await run("INSERT INTO actors (id, nickname, created_at) VALUES ('jieun', '지은', 1)");
      await run(
        "INSERT INTO media (hash, type, bytes, size, width, height, uploader_id, created_at) VALUES (?, 'image/jpeg', ?, ?, 3, 2, 'jieun', 5)",
        hash,
        Buffer.from(JPEG_3X2),
        JPEG_3X2.length,
      );
    });
    const { store } = migrated;
    expect(await store.media.info(hash)).toEqual({ hash, type: 'image/jpeg', width: 3, height: 2, size: JPEG_3X2.length });
    expect(await store.media.storedBy('jieun')).toBe(JPEG_3X2.length);
    const bytes = await databaseBlobStore(store).get(mediaBlobKey(hash));
    expect(Buffer.from(bytes!).equals(Buffer.from(JPEG_3X2))).toBe(true);
    // And the media table no longer carries bytes: a new photo's row is written without them.
    expect(await store.media.put({ hash: 'b'.repeat(64), type: 'image/png', width: 1, height: 1, size: 9, uploaderId: 'jieun', createdAt: 6 })).toBe(true);
  });
});
