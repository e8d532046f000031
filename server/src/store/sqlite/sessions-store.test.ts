// The accounts store refuses a second account with the same nickname key with its own error type,
// so services never read the database engine's error text.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DuplicateError } from '../contract/duplicate-error.js';
import { openStore, type Store } from './store.js';

let store: Store;
beforeEach(() => {
  store = openStore(':memory:');
});
afterEach(() => store.close());

const account = (id: string, nickname: string) => ({ id, nickname, createdAt: 0, passwordHash: null });

describe('accounts', () => {
  it('raises DuplicateError for a nickname whose key is taken, and keeps the first account', () => {
    store.sessions.insertAccount(account('a', 'Émile'));
    expect(() => store.sessions.insertAccount(account('b', 'émile'))).toThrow(DuplicateError);
    expect(store.sessions.accountByNickname('ÉMILE')?.id).toBe('a');
  });

  it('lets any other failure through as it is', () => {
    store.sessions.insertAccount(account('a', 'minho'));
    // The same id again: not a taken nickname, so not a DuplicateError.
    const error = (() => {
      try {
        store.sessions.insertAccount(account('a', 'jieun'));
      } catch (thrown) {
        return thrown;
      }
    })();
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(DuplicateError);
  });
});
