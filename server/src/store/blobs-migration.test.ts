// Photos stored before the blob store keep working after the migration that moves their bytes out
// of the media table: on the engine this test project runs (SQLite, or PostgreSQL on server-pg), a
// database migrated up to just before it, holding a photo, is migrated the rest of the way.
import { afterEach, describe, expect, it, inject } from 'vitest';
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { databaseBlobStore } from '../blobs/database-blob-store.js';
import { mediaBlobKey } from '../services/media-service.js';
import { tempDir } from '../testing/harness.js';
import { JPEG_3X2, sha256Hex } from '../testing/images.js';
import { TEST_ENGINE } from '../testing/test-store.js';
import type { Store } from './contract/store.js';
import { PostgresStore } from './postgres/postgres-store.js';
import { migrate as migratePostgres } from './postgres/migrate.js';
import { openSqliteStore } from './sqlite/sqlite-store.js';

const here = dirname(fileURLToPath(import.meta.url));
/** The engine's migration files before the one that made the blobs table, in order. */
function migrationsBefore(engine: 'sqlite' | 'postgres', first: string): { name: string; sql: string }[] {
  const dir = join(here, engine, 'migrations');
  const names = readdirSync(dir).filter((f) => /^\d{3}_.+\.sql$/.test(f)).sort();
  expect(names).toContain(first);
  return names.filter((name) => name < first).map((name) => ({ name, sql: readFileSync(join(dir, name), 'utf8') }));
}

const hash = sha256Hex(JPEG_3X2);
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A database as it was before the blobs table, with Jieun's photo in it; then the store over it, fully migrated. */
async function storeMigratedFromBefore(): Promise<Store> {
  if (TEST_ENGINE === 'sqlite') {
    const temp = tempDir();
    cleanups.push(() => temp.remove());
    const file = join(temp.dir, 'dongne.sqlite');
    const db = new Database(file);
    db.exec('CREATE TABLE schema_migrations (name TEXT PRIMARY KEY, applied_at INTEGER NOT NULL)');
    for (const { name, sql } of migrationsBefore('sqlite', '019_blobs.sql')) {
      db.exec(sql);
      db.prepare('INSERT INTO schema_migrations (name, applied_at) VALUES (?, 1)').run(name);
    }
    db.prepare("INSERT INTO actors (id, nickname, created_at) VALUES ('jieun', '지은', 1)").run();
    db.prepare("INSERT INTO media (hash, type, bytes, size, width, height, uploader_id, created_at) VALUES (?, 'image/jpeg', ?, ?, 3, 2, 'jieun', 5)").run(
      hash,
      Buffer.from(JPEG_3X2),
      JPEG_3X2.length,
    );
    db.close();
    const store = openSqliteStore(file);
    cleanups.push(() => store.close());
    return store;
  }
  const name = `blobs_migration_${randomUUID().replaceAll('-', '')}`;
  const admin = new pg.Client({ connectionString: inject('postgresUrl') });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  cleanups.push(async () => {
    await admin.query(`DROP DATABASE ${name}`);
    await admin.end();
  });
  const url = new URL(inject('postgresUrl'));
  url.pathname = `/${name}`;
  const pool = new pg.Pool({ connectionString: url.toString(), max: 2 });
  await pool.query('CREATE TABLE schema_migrations (name text PRIMARY KEY, applied_at bigint NOT NULL)');
  for (const { name: file, sql } of migrationsBefore('postgres', '002_blobs.sql')) {
    await pool.query(sql);
    await pool.query('INSERT INTO schema_migrations (name, applied_at) VALUES ($1, 1)', [file]);
  }
  await pool.query("INSERT INTO actors (id, nickname, created_at) VALUES ('jieun', '지은', 1)");
  await pool.query("INSERT INTO media (hash, type, bytes, size, width, height, uploader_id, created_at) VALUES ($1, 'image/jpeg', $2, $3, 3, 2, 'jieun', 5)", [
    hash,
    Buffer.from(JPEG_3X2),
    JPEG_3X2.length,
  ]);
  expect(await migratePostgres(pool)).toContain('002_blobs.sql');
  const store = new PostgresStore(pool);
  cleanups.push(() => store.close());
  return store;
}

describe(`the migration to a blobs table (${TEST_ENGINE})`, () => {
  it('moves each photo’s bytes to the blob store under its key, and keeps what is known about it', async () => {
    const store = await storeMigratedFromBefore();
    expect(await store.media.info(hash)).toEqual({ hash, type: 'image/jpeg', width: 3, height: 2, size: JPEG_3X2.length });
    expect(await store.media.storedBy('jieun')).toBe(JPEG_3X2.length);
    const bytes = await databaseBlobStore(store).get(mediaBlobKey(hash));
    expect(Buffer.from(bytes!).equals(Buffer.from(JPEG_3X2))).toBe(true);
    // And the media table no longer carries bytes: a new photo's row is written without them.
    expect(await store.media.put({ hash: 'b'.repeat(64), type: 'image/png', width: 1, height: 1, size: 9, uploaderId: 'jieun', createdAt: 6 })).toBe(true);
  });
});
