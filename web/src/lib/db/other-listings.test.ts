// "Other listings from this seller" on a listing's page: read from the replica, so it shows offline.
import { describe, expect, it } from 'vitest';
import type { DongneDb } from './db.js';
import { otherListingsBySeller } from './queries.js';
import { serverListing, useFreshDb } from './test-db.js';

let db: DongneDb;
useFreshDb((fresh) => (db = fresh));

const seller = 'minji-id';
const titles = (result: { listings: { title: string }[] }) => result.listings.map((l) => l.title);

describe('otherListingsBySeller', () => {
  it('lists the seller’s other listings, for sale first, most recently bumped first, up to the limit', async () => {
    const open = serverListing({ title: 'Open', sellerId: seller, createdAt: 1_000, bumpedAt: 1_000 });
    await db.listings.bulkPut([
      open,
      serverListing({ title: 'Bumped', sellerId: seller, createdAt: 500, bumpedAt: 5_000 }),
      serverListing({ title: 'Sold newest', sellerId: seller, createdAt: 9_000, bumpedAt: 9_000, status: 'sold' }),
      serverListing({ title: 'Reserved', sellerId: seller, createdAt: 3_000, bumpedAt: 3_000, status: 'reserved' }),
      serverListing({ title: 'Someone else’s', sellerId: 'other-id', createdAt: 8_000, bumpedAt: 8_000 }),
    ]);
    const current = serverListing({ title: 'The one open on screen', sellerId: seller, createdAt: 10_000, bumpedAt: 10_000 });
    await db.listings.put(current);

    const all = await otherListingsBySeller(db, seller, current.id, { limit: 10, includeHidden: false });
    expect(titles(all)).toEqual(['Bumped', 'Reserved', 'Open', 'Sold newest']);
    expect(all.total).toBe(4);

    const page = await otherListingsBySeller(db, seller, current.id, { limit: 2, includeHidden: false });
    expect(titles(page)).toEqual(['Bumped', 'Reserved']);
    expect(page.total).toBe(4);
  });

  it('shows hidden listings to the seller only', async () => {
    const current = serverListing({ sellerId: seller });
    await db.listings.bulkPut([current, serverListing({ title: 'Hidden lamp', sellerId: seller, hidden: true })]);
    expect(await otherListingsBySeller(db, seller, current.id, { limit: 4, includeHidden: false })).toEqual({ listings: [], total: 0 });
    expect(titles(await otherListingsBySeller(db, seller, current.id, { limit: 4, includeHidden: true }))).toEqual(['Hidden lamp']);
  });

  it('is empty for a seller with nothing else', async () => {
    const current = serverListing({ sellerId: seller });
    await db.listings.put(current);
    expect(await otherListingsBySeller(db, seller, current.id, { limit: 4, includeHidden: false })).toEqual({ listings: [], total: 0 });
  });
});
