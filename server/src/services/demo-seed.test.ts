import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listingSchema, neighbourhoodLabel, type Listing } from '@dongne/shared';
import { openPostgresStore } from '../store/postgres/postgres-store.js';
import { openSqliteStore, SqliteStore } from '../store/sqlite/sqlite-store.js';
import {
  countRows,
  createTestServer,
  device,
  dumpTables,
  newSession,
  pullAll,
  push,
  T0,
  type TestServer,
} from '../testing/harness.js';
import { openTestStore, queryColumn, type TestStore } from '../testing/test-store.js';
import { DEFAULT_NEIGHBOURHOOD_ID, DEMO_LISTINGS, DEMO_PLACES, DEMO_SELLERS } from './demo-listings.js';
import { seedDemoData } from './demo-seed.js';

const HANGUL = /[\uac00-\ud7a3]/;
const DAY = 24 * 3_600_000;
/** The demo listings in Seoul's Mapo-gu, 22 km from the visitors' default area in Bundang. */
const SEOUL = { neighbourhood: 'kr-mapo-mangwon', range: 4 } as const;

let server: TestServer;
beforeEach(async () => {
  server = await createTestServer();
});
afterEach(() => server.close());

/**
 * The server's database as a restarted server opens it: the same SQLite file, closed and opened
 * again; or, on PostgreSQL, the same database through a new pool, migrated again (a no-op).
 */
async function restart(server: TestServer): Promise<TestStore> {
  if (server.store instanceof SqliteStore) {
    await server.store.close();
    return openSqliteStore(server.file!);
  }
  return openPostgresStore(server.store.pool.options.connectionString!, { max: 2 });
}

/** What a visitor's device pulls: the default area unless given another, in cursor order. */
async function pulledListings(scope: { neighbourhood?: string; range?: 1 | 2 | 3 | 4 } = {}): Promise<Listing[]> {
  const { changes } = await pullAll(server.app, undefined, 0, undefined, scope);
  return changes.flatMap((c) => (c.op === 'upsert' && c.entity === 'listing' ? [c.row] : []));
}

/** Every demo listing, through the two areas that between them cover all the demo places. */
async function everyListing(): Promise<Listing[]> {
  return [...(await pulledListings()), ...(await pulledListings(SEOUL))];
}

describe('demo seed', () => {
  it('fills an empty database with at least 50 listings in Korean and English', async () => {
    const seeded = await seedDemoData(server.store, server.clock);

    expect(seeded).toBe(DEMO_LISTINGS.length);
    expect(seeded).toBeGreaterThanOrEqual(50);
    const listings = await everyListing();
    expect(listings).toHaveLength(seeded);
    const korean = listings.filter((l) => HANGUL.test(l.title));
    const english = listings.filter((l) => /^[\x20-\x7e\u2014]+$/.test(l.title));
    expect(korean.length).toBeGreaterThanOrEqual(20);
    expect(english.length).toBeGreaterThanOrEqual(20);
    expect(korean.length + english.length).toBe(listings.length);
  });

  it('seeds only rows every device can store: each one passes the shared listing schema', async () => {
    await seedDemoData(server.store, server.clock);
    for (const listing of await everyListing()) {
      expect(listingSchema.safeParse(listing).success, listing.title).toBe(true);
      expect(DEMO_PLACES).toContain(listing.neighbourhoodId);
      expect(listing.neighbourhood).toBe(neighbourhoodLabel((await server.store.neighbourhoods.byId(listing.neighbourhoodId))!));
      expect(DEMO_SELLERS).toContain(listing.sellerName);
      expect(listing.status).toBe('selling');
      if (listing.category === 'free') expect(listing.priceKrw).toBe(0);
    }
  });

  it('spreads listings over the last week, handed out oldest first so cursor order is posting order', async () => {
    await seedDemoData(server.store, server.clock);
    for (const area of [{}, SEOUL]) {
      const times = (await pulledListings(area)).map((l) => l.createdAt);
      expect(times).toEqual([...times].sort((a, b) => a - b));
    }
    const times = (await everyListing()).map((l) => l.createdAt);
    expect(new Set(times).size).toBe(times.length);
    expect(Math.max(...times)).toBeLessThan(T0);
    expect(Math.min(...times)).toBeGreaterThan(T0 - 8 * DAY);
  });

  it('puts the listings in demo neighbourhoods: a visitor sees the 46 in Bundang, Seoul has the other 10', async () => {
    await seedDemoData(server.store, server.clock);
    const bundang = await pulledListings();
    const seoul = await pulledListings(SEOUL);
    expect(bundang).toHaveLength(46);
    expect(seoul).toHaveLength(10);
    expect(new Set(bundang.map((l) => l.neighbourhoodId.split('-')[1]))).toEqual(new Set(['bundang']));
    expect(new Set(seoul.map((l) => l.neighbourhoodId))).toEqual(new Set(['kr-mapo-mangwon', 'kr-mapo-yeonnam']));
    // Every demo place has something to show, and the default area's own dong is one of them.
    expect(new Set([...bundang, ...seoul].map((l) => l.neighbourhoodId))).toEqual(new Set(DEMO_PLACES));
    expect(DEMO_PLACES).toContain(DEFAULT_NEIGHBOURHOOD_ID);
  });

  it('imports the demo neighbourhoods first, so a fresh database can place the listings', async () => {
    const { store: fresh, close } = await openTestStore({ neighbourhoods: 'none' });
    try {
      expect(await fresh.neighbourhoods.count()).toBe(0);
      await seedDemoData(fresh, server.clock);
      expect(await fresh.neighbourhoods.count()).toBe(await server.store.neighbourhoods.count());
      expect(await fresh.listings.countLive()).toBe(DEMO_LISTINGS.length);
    } finally {
      await close();
    }
  });

  it('gives the same stable ids every time, so demo URLs survive a reseed', async () => {
    await seedDemoData(server.store, server.clock);
    const ids = (await everyListing()).map((l) => l.id).sort();
    expect(ids[0]).toBe('00000000-0000-4000-8000-000000000001');

    const other = await createTestServer();
    try {
      await seedDemoData(other.store, other.clock);
      const otherIds = await queryColumn(other.store, 'SELECT id FROM listings ORDER BY id');
      expect(otherIds).toEqual(ids);
    } finally {
      await other.close();
    }
  });

  it('creates demo sellers nobody can sign in as', async () => {
    await seedDemoData(server.store, server.clock);
    const sellers = await queryColumn(server.store, 'SELECT nickname FROM actors ORDER BY id');
    expect(sellers).toHaveLength(DEMO_SELLERS.length);
    for (const nickname of DEMO_SELLERS) {
      // Not an account at all: no password opens it, and no passkey was ever registered for it.
      expect(await server.store.sessions.accountByNickname(nickname)).toBeUndefined();
      const response = await server.app.request('/api/auth/signin', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ nickname, password: 'any password at all' }),
      });
      // Refused as no such account (401), or as no nickname an account could have (400).
      expect([400, 401], nickname).toContain(response.status);
      expect(response.headers.get('set-cookie'), nickname).toBeNull();
    }
  });

  it('adds nothing when run a second time', async () => {
    expect(await seedDemoData(server.store, server.clock)).toBe(DEMO_LISTINGS.length);
    const after = await dumpTables(server.store);
    server.clock.advance(DAY);
    expect(await seedDemoData(server.store, server.clock)).toBe(0);
    expect(await dumpTables(server.store)).toEqual(after);
  });

  it('adds nothing when the same database is reopened, as on a server restart', async () => {
    await seedDemoData(server.store, server.clock);
    const after = await dumpTables(server.store);
    const reopened = await restart(server);
    try {
      expect(await seedDemoData(reopened, server.clock)).toBe(0);
      expect(await dumpTables(reopened)).toEqual(after);
    } finally {
      await reopened.close();
    }
  });

  it('leaves a database that already has real listings alone', async () => {
    const alice = await newSession(server.app);
    const phone = device();
    await push(server.app, alice.cookie, phone.clientId, [server.createListing(phone.nextSeq())]);
    expect(await seedDemoData(server.store, server.clock)).toBe(0);
    expect(await countRows(server.store, 'listings')).toBe(1);
  });

  it('takes change numbers after any already handed out, so no device misses the demo rows', async () => {
    await server.store.sync.nextChangeSeq();
    await server.store.sync.nextChangeSeq();
    await seedDemoData(server.store, server.clock);
    const seqs = (await queryColumn(server.store, 'SELECT change_seq FROM listings ORDER BY change_seq')).map(Number);
    expect(seqs[0]).toBe(3);
    expect(seqs.at(-1)).toBe(2 + DEMO_LISTINGS.length);
  });
});
