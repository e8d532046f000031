// Writing neighbourhoods from a GeoJSON file (npm run import:neighbourhoods, and tests that need
// places of their own) beside the dongs of Korea: the file's places get neighbour sets by distance,
// to and from everything, and the dongs keep theirs by shared borders, as their import made them.
import type { NeighbourhoodRow, NeighbourPair } from '../store/contract/neighbourhoods.js';
import type { Store } from '../store/contract/store.js';
import { dongNeighbourPairs } from './dong-neighbours.js';
import { isDongId, readKoreaDongs } from './korea-dongs.js';
import { neighbourPairs, parseNeighbourhoods } from './neighbourhood-import.js';

/**
 * Upserts every neighbourhood in the file (by id, so a re-import updates rather than duplicates),
 * then recomputes the neighbour sets, in one transaction. Callers holding a neighbourhood lookup
 * should reload() it afterwards.
 */
export async function importNeighbourhoods(store: Store, geojsonText: string): Promise<{ imported: number; neighbourPairs: number }> {
  return saveNeighbourhoods(store, parseNeighbourhoods(geojsonText));
}

/** The writing half of importNeighbourhoods, for rows parseNeighbourhoods already checked. */
export function saveNeighbourhoods(store: Store, rows: NeighbourhoodRow[]): Promise<{ imported: number; neighbourPairs: number }> {
  return store.transaction(async (tx) => {
    for (const row of rows) await tx.neighbourhoods.upsert(row);
    const pairs = neighbourSetsOf(await tx.neighbourhoods.all());
    await tx.neighbourhoods.replaceNeighbours(pairs);
    return { imported: rows.length, neighbourPairs: pairs.length };
  });
}

/**
 * The neighbour sets of every place: dong to dong by shared borders (among the districts the store
 * holds, as ensureNeighbourhoods imported them), and any pair with a place of another kind by the
 * distance between centres. Without the first, a file of a few places would turn every dong's
 * "near" back into a circle.
 */
export function neighbourSetsOf(places: NeighbourhoodRow[]): NeighbourPair[] {
  const dongIds = new Set(places.filter((place) => isDongId(place.id)).map((place) => place.id));
  const pairs: NeighbourPair[] = [];
  if (dongIds.size > 0) {
    const districts = [...new Set([...dongIds].map((id) => id.slice(3, 8)))];
    for (const pair of dongNeighbourPairs(readKoreaDongs({ districts }))) {
      if (dongIds.has(pair.neighbourhoodId) && dongIds.has(pair.neighbourId)) pairs.push(pair);
    }
  }
  if (dongIds.size < places.length) {
    for (const pair of neighbourPairs(places)) {
      if (!dongIds.has(pair.neighbourhoodId) || !dongIds.has(pair.neighbourId)) pairs.push(pair);
    }
  }
  return pairs;
}
