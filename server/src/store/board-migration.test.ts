// The migration that brings the neighbourhood board keeps the reports and daily counts made before
// it, while reports and caps widen to posts and comments: on the engine this test project runs, a
// database migrated up to just before it, holding both, is migrated the rest of the way.
import { afterEach, describe, expect, it } from 'vitest';
import { storeMigratedFrom, type MigratedStore } from '../testing/migrated-store.js';
import { query, TEST_ENGINE } from '../testing/test-store.js';
import { DuplicateError } from './contract/duplicate-error.js';
import { SqliteStore } from './sqlite/sqlite-store.js';

const HOUR = 60 * 60 * 1000;
const T = Date.UTC(2026, 2, 1, 9, 30);
let migrated: MigratedStore | undefined;
afterEach(async () => {
  await migrated?.close();
  migrated = undefined;
});

describe(`the migration to the board (${TEST_ENGINE})`, () => {
  it('keeps earlier reports and counts, and takes reports and counts of posts and comments', async () => {
    migrated = await storeMigratedFrom({ sqlite: '027_board.sql', postgres: '010_board.sql' }, async (run) => {
      for (const [id, nickname] of [['jieun', '지은'], ['minho', '민호']]) await run('INSERT INTO actors (id, nickname, created_at) VALUES (?, ?, 1)', id, nickname);
      await run("INSERT INTO reports (id, reporter_id, target, target_id, reason, text, created_at) VALUES ('r1', 'jieun', 'actor', 'minho', 'spam', '', 1)");
      await run("INSERT INTO creation_counts (actor_id, kind, hour, count) VALUES ('jieun', 'report', ?, 1)", Math.floor(T / HOUR));
    });
    const { store } = migrated;
    expect(await store.reports.reportersOf('actor', 'minho')).toHaveLength(1);
    expect(await store.creationCounts.inLastDay('jieun', 'report', T)).toBe(1);
    await expect(store.reports.insert({ id: 'r1', reporterId: 'minho', target: 'post', targetId: 'p', reason: 'spam', text: '', createdAt: 2 })).rejects.toThrow(DuplicateError);

    await store.reports.insert({ id: 'r2', reporterId: 'minho', target: 'post', targetId: 'p', reason: 'spam', text: '', createdAt: 2 });
    await store.reports.insert({ id: 'r3', reporterId: 'jieun', target: 'comment', targetId: 'c', reason: 'abusive', text: '', createdAt: 3 });
    expect(await store.reports.reportersOf('post', 'p')).toHaveLength(1);
    expect(await store.reports.reportersOf('comment', 'c')).toHaveLength(1);
    await store.creationCounts.add('jieun', 'post', T);
    await store.creationCounts.add('jieun', 'comment', T);
    await store.creationCounts.add('jieun', 'comment', T);
    expect(await store.creationCounts.inLastDay('jieun', 'post', T)).toBe(1);
    expect(await store.creationCounts.inLastDay('jieun', 'comment', T)).toBe(2);
    await expect(query(store, "INSERT INTO reports (id, reporter_id, target, target_id, reason, text, created_at) VALUES ('r4', 'jieun', 'poke', 'x', 'spam', '', 1) RETURNING id")).rejects.toThrow(/check/i);
    if (store instanceof SqliteStore) {
      expect(store.db.prepare("SELECT sql FROM sqlite_master WHERE name = 'creation_counts'").pluck().get()).toMatch(/WITHOUT ROWID$/);
    }
  });
});
