// A database as an older server left it: migrated up to just before one migration, holding the rows
// a test puts there, then opened as a store, which migrates it the rest of the way. For tests that
// a migration keeps what was there, on the engine the test project runs. Tests only.
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { inject } from 'vitest';
import { migrate as migratePostgres } from '../store/postgres/migrate.js';
import { PostgresStore } from '../store/postgres/postgres-store.js';
import { openSqliteStore } from '../store/sqlite/sqlite-store.js';
import { tempDir } from './harness.js';
import { queryColumn, TEST_ENGINE, type TestStore } from './test-store.js';

const STORE_DIR = join(dirname(fileURLToPath(import.meta.url)), '../store');

/** The engine's migration files before `first`, in order. */
function migrationsBefore(engine: 'sqlite' | 'postgres', first: string): { name: string; sql: string }[] {
  const dir = join(STORE_DIR, engine, 'migrations');
  const names = readdirSync(dir).filter((f) => /^\d{3}_.+\.sql$/.test(f)).sort();
  if (!names.includes(first)) throw new Error(`${engine} has no migration ${first}`);
  return names.filter((name) => name < first).map((name) => ({ name, sql: readFileSync(join(dir, name), 'utf8') }));
}

/** Puts rows in the old database: `run` takes one statement with `?` placeholders. */
export type Seed = (run: (sql: string, ...params: unknown[]) => Promise<void>) => Promise<void>;

export interface MigratedStore {
  store: TestStore;
  close(): Promise<void>;
}

/**
 * The store over a database migrated up to just before `first` (each engine's file of it), seeded,
 * then migrated the rest of the way; throws unless `first` was among what the opening applied.
 */
export async function storeMigratedFrom(first: { sqlite: string; postgres: string }, seed: Seed): Promise<MigratedStore> {
  const migrated = TEST_ENGINE === 'sqlite' ? await fromSqlite(first.sqlite, seed) : await fromPostgres(first.postgres, seed);
  const applied = await queryColumn(migrated.store, 'SELECT name FROM schema_migrations');
  if (!applied.includes(first[TEST_ENGINE])) {
    await migrated.close();
    throw new Error(`${first[TEST_ENGINE]} was not applied`);
  }
  return migrated;
}

async function fromSqlite(first: string, seed: Seed): Promise<MigratedStore> {
  const temp = tempDir();
  const file = join(temp.dir, 'dongne.sqlite');
  const db = new Database(file);
  db.exec('CREATE TABLE schema_migrations (name TEXT PRIMARY KEY, applied_at INTEGER NOT NULL)');
  for (const { name, sql } of migrationsBefore('sqlite', first)) {
    db.exec(sql);
    db.prepare('INSERT INTO schema_migrations (name, applied_at) VALUES (?, 1)').run(name);
  }
  await seed(async (sql, ...params) => void db.prepare(sql).run(...params));
  db.close();
  const store = openSqliteStore(file);
  return {
    store,
    async close() {
      await store.close();
      temp.remove();
    },
  };
}

async function fromPostgres(first: string, seed: Seed): Promise<MigratedStore> {
  const name = `migration_${randomUUID().replaceAll('-', '')}`;
  const admin = new pg.Client({ connectionString: inject('postgresUrl') });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(inject('postgresUrl'));
  url.pathname = `/${name}`;
  const pool = new pg.Pool({ connectionString: url.toString(), max: 2 });
  await pool.query('CREATE TABLE schema_migrations (name text PRIMARY KEY, applied_at bigint NOT NULL)');
  for (const { name: file, sql } of migrationsBefore('postgres', first)) {
    await pool.query(sql);
    await pool.query('INSERT INTO schema_migrations (name, applied_at) VALUES ($1, 1)', [file]);
  }
  await seed(async (sql, ...params) => {
    let n = 0;
    await pool.query(sql.replace(/\?/g, () => `$${++n}`), params);
  });
  await migratePostgres(pool);
  const store = new PostgresStore(pool);
  return {
    store,
    async close() {
      await store.close();
      await admin.query(`DROP DATABASE ${name}`);
      await admin.end();
    },
  };
}
