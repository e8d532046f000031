// Fills an empty database with demo sellers and listings. Does nothing once listings exist, so
// restarting on the same SQLite file never duplicates anything.
import { neighbourhoodLabel } from '@dongne/shared';
import type { Store } from '../store/store.js';
import type { Clock } from './clock.js';
import { DEMO_LISTINGS, DEMO_PLACES, DEMO_SELLERS } from './demo-listings.js';
import { ensureDemoNeighbourhoods } from './neighbourhood-import.js';

const HOUR = 3_600_000;

export function seedDemoData(store: Store, clock: Clock): number {
  ensureDemoNeighbourhoods(store);
  if (store.listings.countLive() > 0) return 0;
  const now = clock.now();
  const places = DEMO_PLACES.map((id) => {
    const place = store.neighbourhoods.byId(id);
    if (!place) throw new Error(`Demo neighbourhood ${id} is missing from server/data/neighbourhoods.geojson`);
    return place;
  });
  return store.transaction(() => {
    const sellerIds = DEMO_SELLERS.map((nickname, i) => {
      const id = `demo-seller-${i + 1}`;
      if (!store.actors.byId(id)) store.actors.insert({ id, nickname, tokenHash: null, createdAt: now - 90 * 24 * HOUR });
      return id;
    });
    // Oldest first, so the change cursor order matches posting order.
    const listings = [...DEMO_LISTINGS].reverse();
    listings.forEach(([title, priceKrw, category, placeIndex, description], i) => {
      const index = listings.length - 1 - i;
      store.listings.insert({
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
        changeSeq: store.sync.nextChangeSeq(),
      });
    });
    return listings.length;
  });
}

/** Stable ids, so a reseeded demo database gives the same URLs. */
function demoListingId(index: number): string {
  return `00000000-0000-4000-8000-${String(index + 1).padStart(12, '0')}`;
}
