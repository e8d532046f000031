// The store a server test runs on: SQLite in a fresh temp file, or — when DONGNE_TEST_ENGINE is
// `postgres` — a database on the test run's PostgreSQL cluster (postgres-setup.ts), one per test
// file, emptied for every test. Also the few raw reads tests make, in SQL both engines take. Tests only.
import { randomUUID } from 'node:crypto';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { ensureDemoNeighbourhoods } from '../services/neighbourhood-setup.js';
import { resetStatement } from './postgres-demo-seed.js';
import { PostgresStore } from '../store/postgres/postgres-store.js';
import { openSqliteStore, SqliteStore } from '../store/sqlite/sqlite-store.js';

export const TEST_ENGINE: 'sqlite' | 'postgres' = process.env.DONGNE_TEST_ENGINE === 'postgres' ? 'postgres' : 'sqlite';

export type TestStore = SqliteStore | PostgresStore;

export interface OpenedTestStore {
  store: TestStore;
  /** The SQLite file (for tests that reopen it); undefined on PostgreSQL. */
  file?: string;
  /** The database's address, on PostgreSQL. */
  url?: string;
  close(): Promise<void>;
}

/** Databases this test file made on the cluster, and whether a test is using each now. */
const databases: { store: PostgresStore; url: string; inUse: boolean }[] = [];

/**
 * SQLite files made once per test file and copied for every test: migrating a fresh file and
 * importing the demo dongs into it cost ~30 ms, a copy well under one, and a run opens a thousand.
 */
const sqliteTemplates = new Map<'demo' | 'none', Promise<string>>();

/**
 * Closes the test file's databases and removes its templates; run after every test file
 * (after-each-file.ts). Not a hook of this module's own: test files share one copy of it when the
 * runner does not isolate them, and a hook registered here would run for the first file only.
 */
export async function releaseTestStores(): Promise<void> {
  const opened = databases.splice(0);
  const templates = [...sqliteTemplates.values()];
  sqliteTemplates.clear();
  await Promise.all(opened.map(({ store }) => store.close()));
  // A template that failed to build left nothing to remove (and failed its own file's tests).
  for (const made of await Promise.allSettled(templates)) {
    if (made.status === 'fulfilled') rmSync(join(made.value, '..'), { recursive: true, force: true });
  }
}

function sqliteTemplate(neighbourhoods: 'demo' | 'none'): Promise<string> {
  let made = sqliteTemplates.get(neighbourhoods);
  if (!made) {
    made = (async () => {
      const file = join(mkdtempSync(join(tmpdir(), 'dongne-test-template-')), 'dongne.sqlite');
      const store = openSqliteStore(file);
      if (neighbourhoods === 'demo') await ensureDemoNeighbourhoods(store);
      // Closing checkpoints the write-ahead log into the file: the one file is the whole database.
      await store.close();
      return file;
    })();
    sqliteTemplates.set(neighbourhoods, made);
  }
  return made;
}

/** A store with nothing in it but, unless told otherwise, the demo neighbourhoods. */
export async function openTestStore({ neighbourhoods = 'demo' }: { neighbourhoods?: 'demo' | 'none' } = {}): Promise<OpenedTestStore> {
  if (TEST_ENGINE === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'dongne-test-'));
    const file = join(dir, 'dongne.sqlite');
    copyFileSync(await sqliteTemplate(neighbourhoods), file);
    const store = openSqliteStore(file);
    return {
      store,
      file,
      async close() {
        if (store.db.open) await store.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  let slot = databases.find((d) => !d.inUse);
  if (!slot) {
    const name = `test_${randomUUID().replaceAll('-', '')}`;
    const admin = new pg.Client({ connectionString: inject('postgresUrl') });
    await admin.connect();
    try {
      // The template holds the schema, migrated once for the whole run.
      await admin.query(`CREATE DATABASE ${name} TEMPLATE ${inject('postgresTemplate')}`);
    } finally {
      await admin.end();
    }
    const url = new URL(inject('postgresUrl'));
    url.pathname = `/${name}`;
    slot = { store: new PostgresStore(new pg.Pool({ connectionString: url.toString(), max: 8 })), url: url.toString(), inUse: false };
    databases.push(slot);
  }
  slot.inUse = true;
  const { store } = slot;
  await store.pool.query(resetStatement(neighbourhoods === 'demo'));
  const used = slot;
  return {
    store,
    url: used.url,
    async close() {
      used.inUse = false;
      // A test that closed the store itself (to meet a real failure) leaves a pool nothing can use.
      if (used.store.pool.ending) databases.splice(databases.indexOf(used), 1);
    },
  };
}

/** Rows of a query written with `?` placeholders and quoted camelCase aliases, on either engine. */
export async function query(store: TestStore, sql: string, ...params: unknown[]): Promise<Record<string, unknown>[]> {
  if (store instanceof SqliteStore) return store.db.prepare(sql).all(...params) as Record<string, unknown>[];
  let n = 0;
  return (await store.pool.query(sql.replace(/\?/g, () => `$${++n}`), params)).rows;
}

/** The first column of the first row (`count(*)`, say); undefined without a row. */
export async function queryValue(store: TestStore, sql: string, ...params: unknown[]): Promise<unknown> {
  const [first] = await query(store, sql, ...params);
  return first && Object.values(first)[0];
}

/** The first column of every row. */
export async function queryColumn(store: TestStore, sql: string, ...params: unknown[]): Promise<unknown[]> {
  return (await query(store, sql, ...params)).map((row) => Object.values(row)[0]);
}

/** The data tables (not the engine's own, nor the migrations record). */
export async function tableNames(store: TestStore): Promise<string[]> {
  if (store instanceof SqliteStore) {
    return store.db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'listings_%' AND name NOT LIKE 'board_posts_%' AND name <> 'schema_migrations' ORDER BY name")
      .pluck()
      .all() as string[];
  }
  return (await queryColumn(store, "SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'schema_migrations' ORDER BY tablename")) as string[];
}

/**
 * Makes every insert of a listing titled `title` fail inside the database (as a full disk or a
 * bug would), until `undo()`: for tests of a failure half-way through a push.
 */
export async function failInsertsOfTitle(store: TestStore, title: string): Promise<{ undo(): Promise<void> }> {
  if (store instanceof SqliteStore) {
    store.db.exec(`CREATE TRIGGER fail_on_title BEFORE INSERT ON listings WHEN NEW.title = '${title}' BEGIN SELECT RAISE(ABORT, 'disk I/O error (simulated)'); END`);
    return { undo: async () => void store.db.exec('DROP TRIGGER fail_on_title') };
  }
  await store.pool.query(`
    CREATE FUNCTION fail_on_title() RETURNS trigger AS $$
    BEGIN
      IF NEW.title = '${title}' THEN RAISE EXCEPTION 'disk I/O error (simulated)'; END IF;
      RETURN NEW;
    END $$ LANGUAGE plpgsql;
    CREATE TRIGGER fail_on_title BEFORE INSERT ON listings FOR EACH ROW EXECUTE FUNCTION fail_on_title();`);
  return {
    async undo() {
      await store.pool.query('DROP TRIGGER fail_on_title ON listings; DROP FUNCTION fail_on_title();');
    },
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** The test run's cluster, as a URL to its `postgres` database. */
    postgresUrl: string;
    /** The migrated database each test file's databases are copies of. */
    postgresTemplate: string;
  }
}
