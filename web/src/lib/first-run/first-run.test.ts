import { describe, expect, it } from 'vitest';
import { FIRST_RUN_DONE_KEY, isFirstRunDone, markFirstRunDone, needsFirstRun } from './first-run.js';

function memoryStorage(): Storage {
  const values = new Map<string, string>();
  return {
    getItem: (key) => values.get(key) ?? null,
    setItem: (key, value) => void values.set(key, value),
    removeItem: (key) => void values.delete(key),
    clear: () => values.clear(),
    key: () => null,
    get length() {
      return values.size;
    },
  };
}

describe('first run', () => {
  it('sends a new visitor at the home page to the first-run screen, and never again once done', () => {
    const storage = memoryStorage();
    expect(needsFirstRun('/', storage)).toBe(true);
    markFirstRunDone(storage);
    expect(storage.getItem(FIRST_RUN_DONE_KEY)).toBe('1');
    expect(isFirstRunDone(storage)).toBe(true);
    expect(needsFirstRun('/', storage)).toBe(false);
  });

  it('opens a shared link as it is, and the first-run screen itself', () => {
    const storage = memoryStorage();
    expect(needsFirstRun('/listings/abc', storage)).toBe(false);
    expect(needsFirstRun('/welcome', storage)).toBe(false);
  });

  it('never traps the person when storage is blocked', () => {
    const blocked = {
      getItem: () => {
        throw new DOMException('blocked', 'SecurityError');
      },
      setItem: () => {
        throw new DOMException('blocked', 'SecurityError');
      },
    };
    expect(isFirstRunDone(blocked)).toBe(true);
    expect(() => markFirstRunDone(blocked)).not.toThrow();
  });
});
