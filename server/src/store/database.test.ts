import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tempDir } from '../testing/harness.js';
import { migrate, openDatabase, type Db } from './database.js';
import { openStore } from './store.js';

const MIGRATION_FILES = readdirSync(join(dirname(fileURLToPath(import.meta.url)), 'migrations'))
  .filter((f) => f.endsWith('.sql'))
  .sort();

let temp: ReturnType<typeof tempDir>;
let file: string;
const opened: Db[] = [];
function open(path = file): Db {
  const db = openDatabase(path);
  opened.push(db);
  return db;
}

beforeEach(() => {
  temp = tempDir();
  file = join(temp.dir, 'dongne.sqlite');
});
afterEach(() => {
  for (const db of opened.splice(0)) if (db.open) db.close();
  temp.remove();
});

const tableNames = (db: Db) =>
  db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all() as string[];

describe('migrations', () => {
  it('creates every table on a new file and records each migration once', () => {
    const db = open();
    expect(MIGRATION_FILES[0]).toBe('001_init.sql');
    expect(tableNames(db)).toEqual(
      expect.arrayContaining(['actors', 'change_counter', 'clients', 'listings', 'processed_mutations', 'schema_migrations']),
    );
    const recorded = db.prepare('SELECT name, applied_at FROM schema_migrations ORDER BY name').all() as { name: string; applied_at: number }[];
    expect(recorded.map((r) => r.name)).toEqual(MIGRATION_FILES);
    for (const row of recorded) expect(row.applied_at).toBeGreaterThan(0);
    expect(db.prepare('SELECT * FROM change_counter').all()).toEqual([{ id: 1, value: 0 }]);
  });

  it('applies migrations once when the same file is opened twice', () => {
    const first = open();
    const recordedFirst = first.prepare('SELECT * FROM schema_migrations ORDER BY name').all();
    first.prepare("INSERT INTO actors (id, nickname, token_hash, created_at) VALUES ('a1', 'Minji', NULL, 1)").run();
    first.close();

    const second = open();
    expect(second.prepare('SELECT * FROM schema_migrations ORDER BY name').all()).toEqual(recordedFirst);
    // Re-running 001 would have failed on CREATE TABLE or reset the counter; the data is untouched.
    expect(second.prepare('SELECT * FROM change_counter').all()).toEqual([{ id: 1, value: 0 }]);
    expect(second.prepare('SELECT nickname FROM actors').pluck().all()).toEqual(['Minji']);
  });

  it('is a no-op when run again on an open, up-to-date database', () => {
    const db = open();
    const schema = db.prepare('SELECT sql FROM sqlite_master ORDER BY name').pluck().all();
    migrate(db);
    migrate(db);
    expect(db.prepare('SELECT count(*) FROM schema_migrations').pluck().get()).toBe(MIGRATION_FILES.length);
    expect(db.prepare('SELECT sql FROM sqlite_master ORDER BY name').pluck().all()).toEqual(schema);
  });

  it('lets a second connection open a file the first has migrated, and share its data', () => {
    const a = open();
    const b = open();
    expect(b.prepare('SELECT count(*) FROM schema_migrations').pluck().get()).toBe(MIGRATION_FILES.length);
    a.prepare("INSERT INTO actors (id, nickname, token_hash, created_at) VALUES ('a1', 'Minji', NULL, 1)").run();
    expect(b.prepare('SELECT count(*) FROM actors').pluck().get()).toBe(1);
  });

  it('applies a migration all or nothing: a failure leaves no half-made schema and records nothing', () => {
    // A file where a table 001 creates already exists, so 001 fails part-way through.
    const raw = new Database(file);
    raw.exec('CREATE TABLE listings (id TEXT PRIMARY KEY)');
    raw.close();

    expect(() => open()).toThrow(/listings already exists/);

    const check = new Database(file);
    try {
      expect(tableNames(check)).toEqual(['listings', 'schema_migrations']);
      expect(check.prepare('SELECT count(*) FROM schema_migrations').pluck().get()).toBe(0);
    } finally {
      check.close();
    }
  });
});

describe('connection settings', () => {
  it('uses WAL, enforces foreign keys, and waits for a busy writer', () => {
    const db = open();
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    // NORMAL (1): durable across a process crash, which is what the server must survive.
    expect(db.pragma('synchronous', { simple: true })).toBe(1);
  });

  it('refuses a listing whose seller is not an actor', () => {
    const db = open();
    expect(() =>
      db
        .prepare(
          `INSERT INTO listings (id, seller_id, title, description, price_krw, category, neighbourhood, created_at, updated_at, change_seq)
           VALUES ('l1', 'nobody', 't', '', 0, 'free', 'n', 1, 1, 1)`,
        )
        .run(),
    ).toThrow(/FOREIGN KEY/);
  });

  it('also opens an in-memory database for quick tests', () => {
    const store = openStore(':memory:');
    try {
      expect(store.listings.countLive()).toBe(0);
      expect(store.sync.nextChangeSeq()).toBe(1);
    } finally {
      store.close();
    }
  });
});

describe('store queries', () => {
  it('serves pull from the change index, not a table scan', () => {
    const db = open();
    const plan = db
      .prepare('EXPLAIN QUERY PLAN SELECT l.*, a.nickname FROM listings l JOIN actors a ON a.id = l.seller_id WHERE l.change_seq > ? ORDER BY l.change_seq LIMIT ?')
      .all(0, 10) as { detail: string }[];
    const details = plan.map((p) => p.detail).join('\n');
    expect(details).toMatch(/SEARCH l USING INDEX listings_by_change \(change_seq>\?\)/);
    expect(details).not.toMatch(/TEMP B-TREE/);
  });

  it('hands out strictly increasing change numbers that survive a reopen', () => {
    const store = openStore(file);
    const first = [store.sync.nextChangeSeq(), store.sync.nextChangeSeq(), store.sync.nextChangeSeq()];
    store.close();
    const reopened = openStore(file);
    try {
      expect(first).toEqual([1, 2, 3]);
      expect(reopened.sync.nextChangeSeq()).toBe(4);
    } finally {
      reopened.close();
    }
  });

  it('rolls back only the inner savepoint when a nested transaction fails', () => {
    const store = openStore(file);
    try {
      store.transaction(() => {
        store.sync.nextChangeSeq();
        expect(() =>
          store.transaction(() => {
            store.sync.nextChangeSeq();
            throw new Error('handler failed');
          }),
        ).toThrow('handler failed');
        store.sync.nextChangeSeq();
      });
      expect(store.db.prepare('SELECT value FROM change_counter').pluck().get()).toBe(2);
    } finally {
      store.close();
    }
  });
});
