// Fills an empty database with demo sellers and listings. Does nothing once listings exist, so
// restarting on the same SQLite file never duplicates anything.
import { neighbourhoodLabel } from '@dongne/shared';
import type { NeighbourhoodRow } from '../store/contract/neighbourhoods.js';
import type { Store } from '../store/contract/store.js';
import type { Clock } from './clock.js';
import { DEMO_LISTINGS, DEMO_PLACES, DEMO_SELLERS } from './demo-listings.js';
import { ensureDemoNeighbourhoods } from './neighbourhood-import.js';

const HOUR = 3_600_000;

export async function seedDemoData(store: Store, clock: Clock): Promise<number> {
  await ensureDemoNeighbourhoods(store);
  // Every start asks, under the start-up lock on PostgreSQL: the first live listing answers it.
  if (await store.listings.anyLive()) return 0;
  const now = clock.now();
  const places: NeighbourhoodRow[] = [];
  for (const id of DEMO_PLACES) {
    const place = await store.neighbourhoods.byId(id);
    if (!place) throw new Error(`Demo neighbourhood ${id} is missing from server/data/neighbourhoods.geojson`);
    places.push(place);
  }
  return store.transaction(async (tx) => {
    const sellerIds: string[] = [];
    for (const [i, nickname] of DEMO_SELLERS.entries()) {
      const id = `demo-seller-${i + 1}`;
      if (!(await tx.actors.byId(id))) await tx.actors.insert({ id, nickname, createdAt: now - 90 * 24 * HOUR });
      sellerIds.push(id);
    }
    // Oldest first, so the change cursor order matches posting order.
    const listings = [...DEMO_LISTINGS].reverse();
    for (const [i, [title, priceKrw, category, placeIndex, description]] of listings.entries()) {
      const index = listings.length - 1 - i;
      await tx.listings.insert({
        id: demoListingId(index),
        sellerId: sellerIds[index % sellerIds.length],
        title,
        description,
        priceKrw,
        category,
        neighbourhood: neighbourhoodLabel(places[placeIndex]),
        neighbourhoodId: places[placeIndex].id,
        acceptsOffers: index % 3 === 0,
        meetingSpot: index % 2 === 0 ? `${places[placeIndex].nameEn} community centre` : '',
        // Spread over the last week: 0 is freshest, a few minutes to a few hours apart.
        createdAt: now - Math.round(index * 2.9 * HOUR + (index % 5) * 7 * 60_000) - 4 * 60_000,
        changeSeq: await tx.sync.nextChangeSeq(),
      });
    }
    return listings.length;
  });
}

/** Stable ids, so a reseeded demo database gives the same URLs. */
function demoListingId(index: number): string {
  return `00000000-0000-4000-8000-${String(index + 1).padStart(12, '0')}`;
}
