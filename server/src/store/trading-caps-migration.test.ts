// The migration that lets creation_counts hold the trading caps (messages, conversations, reports,
// blocks) keeps the listing and draft counts made before it: on the engine this test project runs,
// a database migrated up to just before it, holding a day's counts, is migrated the rest of the way.
import { afterEach, describe, expect, it } from 'vitest';
import { storeMigratedFrom, type MigratedStore } from '../testing/migrated-store.js';
import { query, queryValue, TEST_ENGINE } from '../testing/test-store.js';
import type { CreationKind } from './contract/limits.js';
import { SqliteStore } from './sqlite/sqlite-store.js';

const HOUR = 60 * 60 * 1000;
const T = Date.UTC(2026, 2, 1, 9, 30);
let migrated: MigratedStore | undefined;
afterEach(async () => {
  await migrated?.close();
  migrated = undefined;
});

describe(`the migration to trading caps (${TEST_ENGINE})`, () => {
  it('keeps the counts made before it, and counts the new kinds apart, one row per hour', async () => {
    migrated = await storeMigratedFrom({ sqlite: '021_trading_caps.sql', postgres: '004_trading_caps.sql' }, async (run) => {
      await run("INSERT INTO actors (id, nickname, created_at) VALUES ('jieun', '지은', 1)");
      await run("INSERT INTO creation_counts (actor_id, kind, hour, count) VALUES ('jieun', 'listing', ?, 3)", Math.floor((T - HOUR) / HOUR));
      await run("INSERT INTO creation_counts (actor_id, kind, hour, count) VALUES ('jieun', 'draft', ?, 7)", Math.floor(T / HOUR));
    });
    const { store } = migrated;
    expect(await store.creationCounts.inLastDay('jieun', 'listing', T)).toBe(3);
    expect(await store.creationCounts.inLastDay('jieun', 'draft', T)).toBe(7);

    const kinds: CreationKind[] = ['conversation', 'message', 'report', 'block'];
    for (const [i, kind] of kinds.entries()) {
      for (let n = 0; n <= i; n++) await store.creationCounts.add('jieun', kind, T);
    }
    for (const [i, kind] of kinds.entries()) expect(await store.creationCounts.inLastDay('jieun', kind, T)).toBe(i + 1);
    // Still one row per account, kind and hour: the key survived the rebuild.
    expect(Number(await queryValue(store, "SELECT count(*) FROM creation_counts WHERE actor_id = 'jieun'"))).toBe(2 + kinds.length);
    await expect(query(store, "INSERT INTO creation_counts (actor_id, kind, hour, count) VALUES ('jieun', 'poke', 1, 1) RETURNING kind")).rejects.toThrow(/check/i);
    if (store instanceof SqliteStore) {
      expect(store.db.prepare("SELECT sql FROM sqlite_master WHERE name = 'creation_counts'").pluck().get()).toMatch(/WITHOUT ROWID$/);
    }
  });
});
