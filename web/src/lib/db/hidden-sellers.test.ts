// Blocked sellers (either way) leave the feed and search, offline and online alike; my own listings
// and everyone else's stay.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { searchResponseSchema, type Listing } from '@dongne/shared';
import { signedIn } from './account.js';
import type { DongneDb } from './db.js';
import { setMeta } from './meta.js';
import { feedPage, myListings } from './queries.js';
import { search, searchLocally } from './search.js';
import { serverListing, useFreshDb } from './test-db.js';
import { setBlocked } from '../trading/block-actions.js';

let db: DongneDb;
useFreshDb((fresh) => (db = fresh));

const minji = { actorId: 'minji-id', nickname: 'minji', joinedAt: 1 };
const SUNAE = 'kr-bundang-sunae';

async function neighbourhoodWithListings() {
  await signedIn(db, minji);
  await setMeta(db, 'defaultScope', { neighbourhoodId: SUNAE, range: 1 });
  const mine = serverListing({ title: 'Lamp of mine', sellerId: minji.actorId, createdAt: 4_000 });
  const blocked = serverListing({ title: 'Lamp of the blocked', sellerId: 'blocked-id', createdAt: 3_000 });
  const blocker = serverListing({ title: 'Lamp of one who blocked me', sellerId: 'blocker-id', createdAt: 2_000 });
  const other = serverListing({ title: 'Lamp of a neighbour', sellerId: 'neighbour-id', createdAt: 1_000 });
  await db.listings.bulkPut([mine, blocked, blocker, other]);
  return { mine, blocked, blocker, other };
}

const titles = (listings: Listing[]) => listings.map((l) => l.title);

afterEach(() => vi.unstubAllGlobals());

describe('sellers hidden from me', () => {
  it('leave the feed, which still fills its page with the rest', async () => {
    await neighbourhoodWithListings();
    expect(await feedPage(db, 2)).toHaveLength(2);
    await setMeta(db, 'hiddenSellerIds', ['blocked-id', 'blocker-id']);
    expect(titles(await feedPage(db, 2))).toEqual(['Lamp of mine', 'Lamp of a neighbour']);
  });

  it('leave search on this device, and come back when the block is lifted', async () => {
    await neighbourhoodWithListings();
    await setMeta(db, 'hiddenSellerIds', ['blocked-id', 'blocker-id']);
    expect(titles(await searchLocally(db, 'lamp', {}))).toEqual(['Lamp of mine', 'Lamp of a neighbour']);
    await setMeta(db, 'hiddenSellerIds', ['blocker-id']);
    expect(titles(await searchLocally(db, 'lamp', {}))).toEqual(['Lamp of mine', 'Lamp of the blocked', 'Lamp of a neighbour']);
  });

  it("leave the server's search answer too, for a block this device has not sent yet", async () => {
    const { mine, blocked, other } = await neighbourhoodWithListings();
    await setMeta(db, 'hiddenSellerIds', ['blocked-id']);
    const answer = searchResponseSchema.parse({ listings: [mine, blocked, other] });
    vi.stubGlobal('navigator', { onLine: true });
    vi.stubGlobal('fetch', async () => new Response(JSON.stringify(answer), { headers: { 'content-type': 'application/json' } }));
    const outcome = await search(db, 'lamp', {});
    expect(outcome.offline).toBe(false);
    expect(titles(outcome.listings)).toEqual(['Lamp of mine', 'Lamp of a neighbour']);
  });

  it('include someone I block here, offline, at once, and not once I unblock them', async () => {
    await neighbourhoodWithListings();
    await setBlocked(db, 'blocked-id', true);
    expect(titles(await feedPage(db, 10))).toEqual(['Lamp of mine', 'Lamp of one who blocked me', 'Lamp of a neighbour']);
    expect(titles(await searchLocally(db, 'lamp', {}))).not.toContain('Lamp of the blocked');
    await setBlocked(db, 'blocked-id', false);
    expect(titles(await feedPage(db, 10))).toContain('Lamp of the blocked');
  });

  it('never touch My listings', async () => {
    await neighbourhoodWithListings();
    await setMeta(db, 'hiddenSellerIds', ['blocked-id', 'blocker-id']);
    expect((await myListings(db)).map(({ listing }) => listing.title)).toEqual(['Lamp of mine']);
  });
});
