// The accounts store refuses a second account with the same nickname key with its own error type,
// so services never read the database engine's error text.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DuplicateError } from '../contract/duplicate-error.js';
import { openSqliteStore, type SqliteStore } from './sqlite-store.js';

let store: SqliteStore;
beforeEach(() => {
  store = openSqliteStore(':memory:');
});
afterEach(() => store.close());

const account = (id: string, nickname: string) => ({ id, nickname, skeleton: `${nickname}-skeleton`, createdAt: 0, passwordHash: null });

describe('accounts', () => {
  it('raises DuplicateError for a nickname whose key is taken, and keeps the first account', async () => {
    await store.sessions.insertAccount(account('a', 'Émile'));
    await expect(store.sessions.insertAccount(account('b', 'émile'))).rejects.toThrow(DuplicateError);
    expect((await store.sessions.accountByNickname('ÉMILE'))?.id).toBe('a');
  });

  it('lets any other failure through as it is', async () => {
    await store.sessions.insertAccount(account('a', 'minho'));
    // The same id again: not a taken nickname, so not a DuplicateError.
    const error = await (async () => {
      try {
        await store.sessions.insertAccount(account('a', 'jieun'));
      } catch (thrown) {
        return thrown;
      }
    })();
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(DuplicateError);
  });
});
