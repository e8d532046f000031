// Search answers the same on both engines: the benchmark's query set (Korean words inside longer
// words, two-letter Korean words, English, two words; with and without filters; the narrowest and
// widest range) over the same synthetic listings returns the same listings in the same order from
// SQLite (FTS5 trigram + pairs index) and PostgreSQL (pg_trgm GIN).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { neighbourhoodLabel, searchWords, type RangeLevel } from '@dongne/shared';
import { seededRandom, storeListings, syntheticListings } from '../../../scripts/bench-listings.js';
import { FILTERS, RANGES, WORDS } from '../../../scripts/search-queries.js';
import { ensureDemoNeighbourhoods } from '../services/neighbourhood-setup.js';
import { tempDir } from '../testing/harness.js';
import { openTestStore, TEST_ENGINE, type OpenedTestStore } from '../testing/test-store.js';
import { openSqliteStore, type SqliteStore } from './sqlite/sqlite-store.js';

const LISTINGS = 3_000;
const LIMIT = 50;

describe.runIf(TEST_ENGINE === 'postgres')('search on SQLite and on PostgreSQL', () => {
  let postgres: OpenedTestStore;
  let sqlite: SqliteStore;
  let temp: ReturnType<typeof tempDir>;
  let places: string[];

  beforeAll(async () => {
    postgres = await openTestStore();
    temp = tempDir('dongne-search-engines-');
    sqlite = openSqliteStore(join(temp.dir, 'dongne.sqlite'));
    await ensureDemoNeighbourhoods(sqlite);
    const rows = await sqlite.neighbourhoods.all();
    places = rows.map((row) => row.id);
    const now = Date.UTC(2026, 10, 1);
    const listings = syntheticListings(LISTINGS, rows.map((row) => ({ id: row.id, label: neighbourhoodLabel(row) })), now, seededRandom(7));
    await storeListings(sqlite, listings, now);
    await storeListings(postgres.store, listings, now);
  }, 120_000);
  afterAll(async () => {
    await sqlite?.close();
    temp?.remove();
    await postgres?.close();
  });

  it('returns the same listings, in the same order, for every query of the benchmark', async () => {
    let compared = 0;
    let found = 0;
    for (const words of Object.values(WORDS)) {
      for (const [q, category] of words) {
        for (const params of Object.values(FILTERS)) {
          const filter = params(category);
          const filters = {
            category: filter.category,
            minPrice: filter.minPrice === undefined ? undefined : Number(filter.minPrice),
            maxPrice: filter.maxPrice === undefined ? undefined : Number(filter.maxPrice),
            hideSold: true,
          };
          for (const range of RANGES) {
            // Every neighbourhood as the centre would be slow; every fifth covers each region.
            for (const centre of places.filter((_, i) => i % 5 === 0)) {
              const area = await sqlite.neighbourhoods.neighbourIds(centre, range as RangeLevel);
              const ids = async (store: typeof sqlite | typeof postgres.store) =>
                (await store.listings.search(searchWords(q), area, filters, LIMIT)).map((listing) => listing.id);
              const fromSqlite = await ids(sqlite);
              expect(await ids(postgres.store), `"${q}" ${JSON.stringify(filter)} around ${centre}, range ${range}`).toEqual(fromSqlite);
              compared++;
              found += fromSqlite.length;
            }
          }
        }
      }
    }
    // The comparison means something only if the queries find things.
    expect(compared).toBeGreaterThan(500);
    expect(found).toBeGreaterThan(compared);
  }, 120_000);
});
