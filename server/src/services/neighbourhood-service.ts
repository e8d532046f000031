// What the neighbourhood endpoints answer: search by name, locate a position, one place with its
// neighbour sets. Position lookups go through the in-memory index of neighbourhood-lookup.
import type { Store } from '../store/contract/store.js';
import { createNeighbourhoodLookup } from './neighbourhood-lookup.js';

export function createNeighbourhoodService(store: Store) {
  const lookup = createNeighbourhoodLookup(store);
  return {
    locate: (point: { lat: number; lng: number }) => lookup.locate(point),
    search: (query: string, limit: number) => store.neighbourhoods.search(query, limit),
    byId: (id: string) => store.neighbourhoods.byId(id),
    neighbourSets: (id: string) => store.neighbourhoods.neighbourSets(id),
  };
}
export type NeighbourhoodService = ReturnType<typeof createNeighbourhoodService>;
