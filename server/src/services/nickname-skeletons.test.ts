// Accounts from before skeletons were kept get theirs at start-up (either engine).
import { afterEach, beforeEach, expect, it } from 'vitest';
import { SqliteStore } from '../store/sqlite/sqlite-store.js';
import { openTestStore, query, type OpenedTestStore, type TestStore } from '../testing/test-store.js';

async function execute(store: TestStore, sql: string) {
  if (store instanceof SqliteStore) store.db.exec(sql);
  else await store.pool.query(sql);
}
import { fillNicknameSkeletons } from './nickname-skeletons.js';

let opened: OpenedTestStore;
beforeEach(async () => {
  opened = await openTestStore({ neighbourhoods: 'none' });
});
afterEach(() => opened.close());

it('fills in missing skeletons, and leaves a look-alike pair’s second without one', async () => {
  const { store } = opened;
  for (const [id, nickname] of [['a1', 'alice'], ['a2', 'Минхо'], ['a3', 'аlice']]) {
    await store.sessions.insertAccount({ id, nickname: `tmp${id}`, skeleton: `tmp${id}`, createdAt: 1, passwordHash: null });
    // As a row from before the migration: its own name, no skeleton.
    await execute(store, `UPDATE actors SET nickname = '${nickname}', nickname_skeleton = NULL WHERE id = '${id}'`);
  }
  const logged: string[] = [];
  expect(await fillNicknameSkeletons(store, (line) => logged.push(line))).toBe(2);
  const rows = await query(store, "SELECT id, nickname_skeleton AS s FROM actors WHERE kind = 'account' ORDER BY id");
  expect(rows).toEqual([
    { id: 'a1', s: 'alice' },
    { id: 'a2', s: expect.any(String) },
    { id: 'a3', s: null },
  ]);
  expect(logged).toHaveLength(1);
});
