// Fills a server's area with synthetic listings (the demo's titles, varied as sellers vary them),
// written straight into its SQLite file while it is stopped: the first pull of a device then
// brings that many rows, as a busy neighbourhood's would.
import { join } from 'node:path';
import { neighbourhoodLabel } from '@dongne/shared';
import { DEFAULT_NEIGHBOURHOOD_ID } from '../../server/src/services/demo-listings.js';
import { openSqliteStore } from '../../server/src/store/sqlite/sqlite-store.js';
import { seededRandom, storeListings, syntheticListings } from '../../scripts/bench-listings.js';
import type { DongneServer } from './server.js';

/** The neighbourhoods a visitor's first pull covers: the default place and its range-4 neighbours. */
const VISITOR_RANGE = 4;

/** Tops the visitors' default area up to `rows` listings (seeded: the same rows on every run). */
export async function fillArea(server: DongneServer, rows: number, seed = 7): Promise<void> {
  await server.stop();
  const store = openSqliteStore(join(server.dataDir, 'dongne.sqlite'));
  try {
    const places = await store.neighbourhoods.neighbourIds(DEFAULT_NEIGHBOURHOOD_ID, VISITOR_RANGE);
    const there = (await store.listings.changesSinceIn(places, undefined, 0, 10 * rows)).length;
    const known = await Promise.all(places.map((id) => store.neighbourhoods.byId(id)));
    const labelled = known.map((row) => ({ id: row!.id, label: neighbourhoodLabel(row!) }));
    if (rows > there) await storeListings(store, syntheticListings(rows - there, labelled, Date.now(), seededRandom(seed)), Date.now());
  } finally {
    await store.close();
  }
  await server.start();
}
