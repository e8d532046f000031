// Test helpers: a fresh, empty replica for every test, deleted afterwards, and rows to put in it.
import { afterEach, beforeEach } from 'vitest';
import { NEW_LISTING_STATE, type Listing } from '@dongne/shared';
import { DongneDb } from './db.js';

export function useFreshDb(receive: (db: DongneDb) => void): void {
  let db: DongneDb;
  beforeEach(() => {
    db = new DongneDb(`test-${crypto.randomUUID()}`);
    receive(db);
  });
  afterEach(async () => {
    db.close();
    await DongneDb.delete(db.name);
  });
}

/** Someone else's public listing as a pull delivers it; a test overrides what it is about. */
export function serverListing(overrides: Partial<Listing> = {}): Listing {
  const at = overrides.createdAt ?? 1_000;
  return {
    id: crypto.randomUUID(),
    title: 'Rice cooker',
    priceKrw: 30000,
    category: 'household',
    description: '',
    neighbourhood: 'Sunae-dong 수내동',
    neighbourhoodId: 'kr-bundang-sunae',
    sellerId: 'someone',
    sellerName: 'Neighbour',
    ...NEW_LISTING_STATE,
    acceptsOffers: false,
    meetingSpot: '',
    photos: [],
    createdAt: at,
    updatedAt: at,
    bumpedAt: at,
    ...overrides,
  };
}
