// The server's test projects (vite.config.ts) trust two hand-kept lists: files that open no store run
// on SQLite only, and files that mock a module run with modules of their own. A file that starts to
// open a store, or to mock, without its list changing would quietly lose its PostgreSQL run, or leak
// its mock into every file after it in the same worker. This holds the lists to what the files do.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ENGINE_FREE, MOCKING } from '../server/src/testing/test-projects.js';

const ROOT = resolve(import.meta.dirname, '..');

/** Imports that open a store: an engine, or the harness that opens one for a test. */
const OPENS_A_STORE = /from '[^']*(\/store\/(sqlite|postgres)\/|\/testing\/(test-store|harness|migrated-store|index|postgres-[\w-]+|spawned-server)\.js|\/testing')/;
const MOCKS = /\bvi\.(mock|doMock)\(/;

function serverTestFiles(dir = join(ROOT, 'server/src')): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return serverTestFiles(path);
    return name.endsWith('.test.ts') ? [relative(ROOT, path)] : [];
  });
}

const source = (file: string) => readFileSync(join(ROOT, file), 'utf8');

describe('the server test projects', () => {
  it('name only test files that exist', () => {
    expect([...ENGINE_FREE, ...MOCKING].filter((file) => !existsSync(join(ROOT, file)))).toEqual([]);
  });

  it('run on SQLite alone only files that open no store', () => {
    expect(ENGINE_FREE.filter((file) => OPENS_A_STORE.test(source(file)))).toEqual([]);
  });

  it('give every file that mocks a module modules of its own', () => {
    const mocking = serverTestFiles().filter((file) => MOCKS.test(source(file)));
    expect(mocking.sort()).toEqual([...MOCKING].sort());
  });

  it('tell a file that opens a store, or mocks, from one that does neither', () => {
    expect(OPENS_A_STORE.test(`import { openTestStore } from '../testing/test-store.js';`)).toBe(true);
    expect(OPENS_A_STORE.test(`import { SqliteStore } from '../store/sqlite/sqlite-store.js';`)).toBe(true);
    expect(OPENS_A_STORE.test(`import type { Store } from '../store/contract/store.js';`)).toBe(false);
    expect(MOCKS.test(`vi.mock('./auth-service.js', () => ({}));`)).toBe(true);
    expect(MOCKS.test(`const clock = vi.fn();`)).toBe(false);
  });
});
