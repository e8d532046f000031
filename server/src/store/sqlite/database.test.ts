import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureDemoNeighbourhoods } from '../../services/neighbourhood-setup.js';
import { tempDir } from '../../testing/harness.js';
import { migrate, openDatabase, type Db } from './database.js';
import { openSqliteStore } from './sqlite-store.js';

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
      expect.arrayContaining([
        'actor_neighbourhoods',
        'actors',
        'change_counter',
        'clients',
        'listings',
        'neighbourhood_neighbours',
        'neighbourhoods',
        'processed_mutations',
        'schema_migrations',
        'verifications',
      ]),
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

  it('refuses a listing, a verification or a held neighbourhood in a neighbourhood that does not exist', () => {
    const db = open();
    db.prepare("INSERT INTO actors (id, nickname, token_hash, created_at) VALUES ('a1', 'Minji', NULL, 1)").run();
    for (const sql of [
      `INSERT INTO listings (id, seller_id, title, description, price_krw, category, neighbourhood, neighbourhood_id, created_at, updated_at, change_seq)
       VALUES ('l1', 'a1', 't', '', 0, 'free', 'n', 'kr-atlantis', 1, 1, 1)`,
      `INSERT INTO verifications (actor_id, neighbourhood_id, lat, lng, accuracy, taken_at, verified_at, fix_key)
       VALUES ('a1', 'kr-atlantis', 37.4, 127.1, 10, 1, 1, 'k')`,
      "INSERT INTO actor_neighbourhoods (actor_id, neighbourhood_id, active, added_at) VALUES ('a1', 'kr-atlantis', 1, 1)",
    ]) {
      expect(() => db.prepare(sql).run()).toThrow(/FOREIGN KEY/);
    }
  });

  it('never stores the same GPS reading twice, whoever sends it', async () => {
    const store = openSqliteStore(file);
    try {
      await ensureDemoNeighbourhoods(store);
      for (const id of ['a1', 'a2']) await store.actors.insert({ id, nickname: id, createdAt: 1 });
      const fix = { lat: 37.374, lng: 127.119, accuracy: 10, takenAt: 1_000 };
      await store.verifications.record({ actorId: 'a1', neighbourhoodId: 'kr-3102353', fix, verifiedAt: 2_000 });
      const around = { south: 37.37, north: 37.38, west: 127.11, east: 127.12 };
      expect(await store.verifications.usedNear({ from: 0, to: 1_000, ...around })).toEqual([fix]);
      expect(await store.verifications.usedNear({ from: 1_001, to: 2_000, ...around })).toEqual([]);
      expect(await store.verifications.usedNear({ from: 0, to: 1_000, ...around, south: 37.375 })).toEqual([]);
      await expect(store.verifications.record({ actorId: 'a2', neighbourhoodId: 'kr-3102353', fix, verifiedAt: 3_000 })).rejects.toThrow(/UNIQUE/);
    } finally {
      await store.close();
    }
  });

  it('also opens an in-memory database for quick tests', async () => {
    const store = openSqliteStore(':memory:');
    try {
      expect(await store.listings.countLive()).toBe(0);
      expect(await store.sync.nextChangeSeq()).toBe(1);
    } finally {
      await store.close();
    }
  });
});

describe('store queries', () => {
  const planOf = (db: Db, sql: string, ...params: unknown[]) =>
    (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((p) => p.detail).join('\n');
  const WITH_SELLER = 'SELECT l.*, a.nickname FROM listings l JOIN actors a ON a.id = l.seller_id';

  it('serves an unscoped change scan from the change index, not a table scan', () => {
    const details = planOf(open(), `${WITH_SELLER} WHERE l.change_seq > ? ORDER BY l.change_seq LIMIT ?`, 0, 10);
    expect(details).toMatch(/SEARCH l USING INDEX listings_by_change \(change_seq>\?\)/);
    expect(details).not.toMatch(/TEMP B-TREE/);
  });

  it('serves a range-scoped pull with one index range per neighbourhood and one for the seller, never sorting', () => {
    const db = open();
    const perPlace = planOf(db, `${WITH_SELLER} WHERE l.neighbourhood_id = ? AND l.change_seq > ? ORDER BY l.change_seq LIMIT ?`, 'kr-x', 0, 10);
    expect(perPlace).toMatch(/SEARCH l USING INDEX listings_by_place_change \(neighbourhood_id=\? AND change_seq>\?\)/);
    const perSeller = planOf(db, `${WITH_SELLER} WHERE l.seller_id = ? AND l.change_seq > ? ORDER BY l.change_seq LIMIT ?`, 'a1', 0, 10);
    expect(perSeller).toMatch(/SEARCH l USING INDEX listings_by_seller_change \(seller_id=\? AND change_seq>\?\)/);
    for (const details of [perPlace, perSeller]) expect(details).not.toMatch(/TEMP B-TREE/);
  });

  it('serves the online feed (newest bumped in a neighbourhood) from its index', () => {
    const details = planOf(
      open(),
      `${WITH_SELLER} WHERE l.neighbourhood_id = ? AND l.deleted_at IS NULL AND l.hidden = 0 AND l.bumped_at <= ? ORDER BY l.bumped_at DESC LIMIT ?`,
      'kr-x',
      0,
      10,
    );
    expect(details).toMatch(/SEARCH l USING INDEX listings_by_place_bumped \(neighbourhood_id=\? AND bumped_at<\?\)/);
    expect(details).not.toMatch(/TEMP B-TREE/);
  });

  it('finds a person\'s last fix, their last reading in a place, and readings near in time from indexes', () => {
    const db = open();
    expect(planOf(db, 'SELECT lat, lng, accuracy, taken_at FROM verifications WHERE actor_id = ? ORDER BY taken_at DESC LIMIT 1', 'a1')).toMatch(
      /SEARCH verifications USING INDEX verifications_by_actor_time \(actor_id=\?\)/,
    );
    expect(planOf(db, 'SELECT max(taken_at) FROM verifications WHERE actor_id = ? AND neighbourhood_id = ?', 'a1', 'kr-x')).toMatch(
      /USING COVERING INDEX verifications_by_actor_place/,
    );
    expect(planOf(db, 'SELECT lat, lng, accuracy, taken_at FROM verifications WHERE taken_at BETWEEN ? AND ? AND lat BETWEEN ? AND ? AND lng BETWEEN ? AND ?', 1, 2, 3, 4, 5, 6)).toMatch(
      /SEARCH verifications USING INDEX verifications_by_taken_at \(taken_at>\? AND taken_at<\?\)/,
    );
    expect(planOf(db, 'SELECT taken_at FROM verification_latest WHERE actor_id = ? AND neighbourhood_id = ?', 'a1', 'kr-x')).toMatch(/USING PRIMARY KEY/);
  });

  it('hands out strictly increasing change numbers that survive a reopen', async () => {
    const store = openSqliteStore(file);
    const first = [await store.sync.nextChangeSeq(), await store.sync.nextChangeSeq(), await store.sync.nextChangeSeq()];
    await store.close();
    const reopened = openSqliteStore(file);
    try {
      expect(first).toEqual([1, 2, 3]);
      expect(await reopened.sync.nextChangeSeq()).toBe(4);
    } finally {
      await reopened.close();
    }
  });

  it('rolls back only the inner savepoint when a nested transaction fails', async () => {
    const store = openSqliteStore(file);
    try {
      await store.transaction(async (tx) => {
        await tx.sync.nextChangeSeq();
        await expect(
          tx.savepoint(async (inner) => {
            await inner.sync.nextChangeSeq();
            throw new Error('handler failed');
          }),
        ).rejects.toThrow('handler failed');
        await tx.sync.nextChangeSeq();
      });
      expect(store.db.prepare('SELECT value FROM change_counter').pluck().get()).toBe(2);
    } finally {
      await store.close();
    }
  });
});
