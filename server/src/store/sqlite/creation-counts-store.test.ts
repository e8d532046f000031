import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSqliteStore, type SqliteStore } from './sqlite-store.js';

const HOUR = 60 * 60 * 1000;
const T = Date.UTC(2026, 2, 1, 9, 30);
let store: SqliteStore;
beforeEach(async () => {
  store = openSqliteStore(':memory:');
  for (const id of ['a', 'b']) await store.actors.insert({ id, nickname: id, createdAt: 0 });
});
afterEach(() => store.close());

describe('creation counts', () => {
  it('add up this hour and the 23 before it, per account and kind', async () => {
    await store.creationCounts.add('a', 'listing', T - 23 * HOUR);
    await store.creationCounts.add('a', 'listing', T - HOUR);
    await store.creationCounts.add('a', 'listing', T);
    await store.creationCounts.add('a', 'draft', T);
    await store.creationCounts.add('a', 'message', T);
    await store.creationCounts.add('a', 'message', T);
    await store.creationCounts.add('b', 'listing', T);
    expect(await store.creationCounts.inLastDay('a', 'listing', T)).toBe(3);
    expect(await store.creationCounts.inLastDay('a', 'draft', T)).toBe(1);
    expect(await store.creationCounts.inLastDay('a', 'message', T)).toBe(2);
    // An hour on, the oldest hour is out of the day.
    expect(await store.creationCounts.inLastDay('a', 'listing', T + HOUR)).toBe(2);
    expect(await store.creationCounts.inLastDay('c', 'listing', T)).toBe(0);
  });

  it('forget hours older than two days as new ones are counted', async () => {
    await store.creationCounts.add('a', 'listing', T - 49 * HOUR);
    await store.creationCounts.add('a', 'listing', T);
    expect(store.db.prepare("SELECT count(*) FROM creation_counts WHERE actor_id = 'a'").pluck().get()).toBe(1);
  });
});
