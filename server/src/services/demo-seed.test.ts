import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listingSchema, NEIGHBOURHOOD_NAMES, type Listing } from '@dongne/shared';
import { openStore } from '../store/store.js';
import {
  countRows,
  createListing,
  createTestServer,
  device,
  dumpTables,
  newSession,
  pullAll,
  push,
  T0,
  type TestServer,
} from '../testing/harness.js';
import { DEMO_LISTINGS, DEMO_SELLERS } from './demo-listings.js';
import { seedDemoData } from './demo-seed.js';

const HANGUL = /[\uac00-\ud7a3]/;
const DAY = 24 * 3_600_000;

let server: TestServer;
beforeEach(() => {
  server = createTestServer();
});
afterEach(() => server.close());

async function pulledListings(): Promise<Listing[]> {
  const { changes } = await pullAll(server.app, undefined);
  return changes.flatMap((c) => (c.op === 'upsert' ? [c.row] : []));
}

describe('demo seed', () => {
  it('fills an empty database with at least 50 listings in Korean and English', async () => {
    const seeded = seedDemoData(server.store, server.clock);

    expect(seeded).toBe(DEMO_LISTINGS.length);
    expect(seeded).toBeGreaterThanOrEqual(50);
    const listings = await pulledListings();
    expect(listings).toHaveLength(seeded);
    const korean = listings.filter((l) => HANGUL.test(l.title));
    const english = listings.filter((l) => /^[\x20-\x7e\u2014]+$/.test(l.title));
    expect(korean.length).toBeGreaterThanOrEqual(20);
    expect(english.length).toBeGreaterThanOrEqual(20);
    expect(korean.length + english.length).toBe(listings.length);
  });

  it('seeds only rows every device can store: each one passes the shared listing schema', async () => {
    seedDemoData(server.store, server.clock);
    for (const listing of await pulledListings()) {
      expect(listingSchema.safeParse(listing).success, listing.title).toBe(true);
      expect(NEIGHBOURHOOD_NAMES).toContain(listing.neighbourhood);
      expect(DEMO_SELLERS).toContain(listing.sellerName);
      expect(listing.status).toBe('selling');
      if (listing.category === 'free') expect(listing.priceKrw).toBe(0);
    }
  });

  it('spreads listings over the last week, handed out oldest first so cursor order is posting order', async () => {
    seedDemoData(server.store, server.clock);
    const listings = await pulledListings();
    const times = listings.map((l) => l.createdAt);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(new Set(times).size).toBe(times.length);
    expect(Math.max(...times)).toBeLessThan(T0);
    expect(Math.min(...times)).toBeGreaterThan(T0 - 8 * DAY);
  });

  it('gives the same stable ids every time, so demo URLs survive a reseed', async () => {
    seedDemoData(server.store, server.clock);
    const ids = (await pulledListings()).map((l) => l.id).sort();
    expect(ids[0]).toBe('00000000-0000-4000-8000-000000000001');

    const other = createTestServer();
    try {
      seedDemoData(other.store, other.clock);
      const otherIds = (other.store.db.prepare('SELECT id FROM listings ORDER BY id').pluck().all() as string[]);
      expect(otherIds).toEqual(ids);
    } finally {
      other.close();
    }
  });

  it('creates demo sellers nobody can sign in as', () => {
    seedDemoData(server.store, server.clock);
    const sellers = server.store.db.prepare('SELECT nickname, token_hash FROM actors ORDER BY id').all();
    expect(sellers).toHaveLength(DEMO_SELLERS.length);
    for (const seller of sellers as { token_hash: string | null }[]) expect(seller.token_hash).toBeNull();
  });

  it('adds nothing when run a second time', () => {
    expect(seedDemoData(server.store, server.clock)).toBe(DEMO_LISTINGS.length);
    const after = dumpTables(server.store);
    server.clock.advance(DAY);
    expect(seedDemoData(server.store, server.clock)).toBe(0);
    expect(dumpTables(server.store)).toEqual(after);
  });

  it('adds nothing when the same file is reopened, as on a server restart', () => {
    seedDemoData(server.store, server.clock);
    const after = dumpTables(server.store);
    server.store.close();
    const reopened = openStore(server.file);
    try {
      expect(seedDemoData(reopened, server.clock)).toBe(0);
      expect(dumpTables(reopened)).toEqual(after);
    } finally {
      reopened.close();
    }
  });

  it('leaves a database that already has real listings alone', async () => {
    const alice = await newSession(server.app);
    const phone = device();
    await push(server.app, alice.cookie, phone.clientId, [createListing(phone.nextSeq())]);
    expect(seedDemoData(server.store, server.clock)).toBe(0);
    expect(countRows(server.store, 'listings')).toBe(1);
  });

  it('takes change numbers after any already handed out, so no device misses the demo rows', async () => {
    server.store.sync.nextChangeSeq();
    server.store.sync.nextChangeSeq();
    seedDemoData(server.store, server.clock);
    const seqs = server.store.db.prepare('SELECT change_seq FROM listings ORDER BY change_seq').pluck().all() as number[];
    expect(seqs[0]).toBe(3);
    expect(seqs.at(-1)).toBe(2 + DEMO_LISTINGS.length);
  });
});
