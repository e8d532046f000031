import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from './store.js';

const HOUR = 60 * 60 * 1000;
const T = Date.UTC(2026, 2, 1, 9, 30);
let store: Store;
beforeEach(() => {
  store = openStore(':memory:');
  for (const id of ['a', 'b']) store.actors.insert({ id, nickname: id, tokenHash: null, createdAt: 0 });
});
afterEach(() => store.close());

describe('creation counts', () => {
  it('add up this hour and the 23 before it, per account and kind', () => {
    store.creationCounts.add('a', 'listing', T - 23 * HOUR);
    store.creationCounts.add('a', 'listing', T - HOUR);
    store.creationCounts.add('a', 'listing', T);
    store.creationCounts.add('a', 'draft', T);
    store.creationCounts.add('b', 'listing', T);
    expect(store.creationCounts.inLastDay('a', 'listing', T)).toBe(3);
    expect(store.creationCounts.inLastDay('a', 'draft', T)).toBe(1);
    // An hour on, the oldest hour is out of the day.
    expect(store.creationCounts.inLastDay('a', 'listing', T + HOUR)).toBe(2);
    expect(store.creationCounts.inLastDay('c', 'listing', T)).toBe(0);
  });

  it('forget hours older than two days as new ones are counted', () => {
    store.creationCounts.add('a', 'listing', T - 49 * HOUR);
    store.creationCounts.add('a', 'listing', T);
    expect(store.db.prepare("SELECT count(*) FROM creation_counts WHERE actor_id = 'a'").pluck().get()).toBe(1);
  });
});
