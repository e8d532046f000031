import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tempDir } from './testing/harness.js';
import { featureCollection, pointFeature } from './testing/neighbourhood-geojson.js';
import { parseNeighbourhoods } from './services/neighbourhood-import.js';
import { openSqliteStore } from './store/sqlite/sqlite-store.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const DEMO = join(root, 'server/data/neighbourhoods.geojson');

let temp: ReturnType<typeof tempDir>;
beforeEach(() => {
  temp = tempDir();
});
afterEach(() => temp.remove());

/** The CLI as `npm run import:neighbourhoods -- file` runs it, on a data directory of its own. */
function importCli(...args: string[]) {
  const result = spawnSync(join(root, 'node_modules/.bin/tsx'), [join(root, 'server/src/import-neighbourhoods.ts'), ...args], {
    cwd: temp.dir,
    env: { ...process.env, DONGNE_DATA_DIR: join(temp.dir, 'data') },
    encoding: 'utf8',
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

async function countsInDatabase() {
  const store = openSqliteStore(join(temp.dir, 'data/dongne.sqlite'));
  try {
    return { places: await store.neighbourhoods.count(), sets: store.db.prepare('SELECT count(*) FROM neighbourhood_neighbours').pluck().get() };
  } finally {
    await store.close();
  }
}

describe('npm run import:neighbourhoods', () => {
  it('loads a file into the server database, says what it did, and changes nothing when run again', async () => {
    const first = importCli(DEMO);
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    const n = parseNeighbourhoods(readFileSync(DEMO, 'utf8')).length;
    expect(first.stdout).toMatch(new RegExp(`^Imported ${n} neighbourhoods from .*neighbourhoods\\.geojson into .*dongne\\.sqlite \\(${n} new, 0 updated; ${n} in all\\)\\.`));
    const sets = Number(/Recomputed (\d+) neighbour-set entries for range levels 1-4/.exec(first.stdout)?.[1]);
    const after = await countsInDatabase();
    expect(after).toEqual({ places: n, sets });

    const again = importCli(DEMO);
    expect(again.status).toBe(0);
    expect(again.stdout).toContain(`(0 new, ${n} updated; ${n} in all)`);
    expect(await countsInDatabase()).toEqual(after);
  });

  it('refuses a malformed file with the feature and the problem, exits non-zero, and imports nothing', async () => {
    const bad = join(temp.dir, 'bad.geojson');
    writeFileSync(bad, featureCollection(pointFeature('kr-ok', 37.4, 127.1, 800), pointFeature('kr-swapped', 127.1, 37.4, 800)));
    const result = importCli(bad);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/nothing was imported: feature 1 \(kr-swapped\): coordinates out of range/);
    expect(existsSync(join(temp.dir, 'data/dongne.sqlite'))).toBe(false);

    // Nor does it touch a database that already has neighbourhoods.
    importCli(DEMO);
    const before = await countsInDatabase();
    expect(importCli(bad).status).toBe(1);
    expect(await countsInDatabase()).toEqual(before);
  });

  it('explains how to call it when the file is missing or unreadable', () => {
    expect(importCli()).toMatchObject({ status: 2, stderr: expect.stringMatching(/^Usage: npm run import:neighbourhoods -- path\/to\/neighbourhoods\.geojson/) });
    expect(importCli('no-such-file.geojson')).toMatchObject({ status: 1, stderr: expect.stringMatching(/^Cannot read no-such-file\.geojson: ENOENT/) });
  });
});
