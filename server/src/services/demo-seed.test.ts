import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import {
  boardPostRowSchema,
  CATEGORIES,
  distanceOutsideM,
  isVerificationCurrent,
  listingSchema,
  neighbourhoodLabel,
  VERIFICATION_RULES,
  type Listing,
  type PublicProfile,
} from '@dongne/shared';
import type { BlobStore } from '../blobs/blob-store.js';
import { openPostgresStore } from '../store/postgres/postgres-store.js';
import { openSqliteStore, SqliteStore } from '../store/sqlite/sqlite-store.js';
import { changeCounter, countRows, createTestServer, device, dumpTables, newSession, pullAll, push, T0, type TestServer } from '../testing/harness.js';
import { openTestStore, queryColumn, queryValue, type TestStore } from '../testing/test-store.js';
import { DEFAULT_NEIGHBOURHOOD_ID, DEMO_LISTINGS, DEMO_NEIGHBOURS, DEMO_PHOTO_NAMES, DEMO_PLACES, DEMO_SELLERS } from './demo-listings.js';
import { seedDemoData } from './demo-seed.js';
import { demoSellerId } from './demo-listings.js';
import { DEMO_POSTS } from './demo-posts.js';
import { DEMO_SHOPS } from './demo-businesses.js';
import { boardViewOf } from '../testing/board.js';
import { legacyDistricts, legacyPlaces } from './neighbourhood-setup.js';
import { toArea } from '../store/contract/neighbourhoods.js';

/** The dong a demo place (by its old id) is now. */
const dongOf = (oldId: string) => legacyPlaces().find((p) => p.id === oldId)!.dongId;
import { readImageInfo } from './image-bytes.js';
import { verification } from './verification-service.js';

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

/** A blob store in memory, as S3 would be: what the seed put where. */
function memoryBlobs(failAfterPuts = Infinity): BlobStore & { bytes: Map<string, Uint8Array> } {
  const bytes = new Map<string, Uint8Array>();
  let puts = 0;
  return {
    description: 'memory',
    bytes,
    async put(key, value) {
      if (++puts > failAfterPuts) throw new Error('the bucket went away');
      bytes.set(key, value);
    },
    get: async (key) => bytes.get(key),
    delete: async (key) => void bytes.delete(key),
  };
}

describe('demo seed', () => {
  it('fills an empty database with 56 listings written as neighbours write: mostly Korean, a few in English', async () => {
    const seeded = await seedDemoData(server.store, server.clock);

    expect(seeded).toBe(DEMO_LISTINGS.length);
    expect(seeded).toBe(56);
    const listings = await everyListing();
    expect(listings).toHaveLength(seeded);
    const korean = listings.filter((l) => HANGUL.test(l.title));
    const english = listings.filter((l) => /^[\x20-\x7e\u2014]+$/.test(l.title));
    expect(korean.length).toBeGreaterThanOrEqual(40);
    expect(english.length).toBeGreaterThanOrEqual(8);
    expect(korean.length + english.length).toBe(listings.length);
    // Most sellers pick Korean nicknames, as Karrot users do.
    expect(DEMO_SELLERS.filter((name) => HANGUL.test(name)).length).toBeGreaterThanOrEqual(DEMO_SELLERS.length - 4);
  });

  it('seeds only rows every device can store: each one passes the shared listing schema', async () => {
    await seedDemoData(server.store, server.clock);
    for (const listing of await everyListing()) {
      expect(listingSchema.safeParse(listing).success, listing.title).toBe(true);
      expect(DEMO_PLACES.map(dongOf)).toContain(listing.neighbourhoodId);
      expect(listing.neighbourhood).toBe(neighbourhoodLabel((await server.store.neighbourhoods.byId(listing.neighbourhoodId))!));
      expect(DEMO_SELLERS).toContain(listing.sellerName);
      if (listing.category === 'free') expect(listing.priceKrw).toBe(0);
    }
  });

  it('has every category, some listings reserved or sold, a few given away free, and some bumped', async () => {
    await seedDemoData(server.store, server.clock);
    const listings = await everyListing();
    expect(new Set(listings.map((l) => l.category))).toEqual(new Set(CATEGORIES.map((c) => c.id)));
    const count = (status: string) => listings.filter((l) => l.status === status).length;
    expect(count('reserved')).toBeGreaterThanOrEqual(3);
    expect(count('sold')).toBeGreaterThanOrEqual(3);
    expect(count('selling')).toBeGreaterThan(listings.length * 0.7);
    expect(listings.filter((l) => l.priceKrw === 0).length).toBeGreaterThanOrEqual(4);
    const bumped = listings.filter((l) => l.lastBumpedAt !== null);
    expect(bumped.length).toBeGreaterThanOrEqual(4);
    for (const listing of bumped) expect(listing.createdAt).toBeLessThan(listing.bumpedAt - DAY);
    // The feed opens on things still for sale.
    const feed = [...(await pulledListings())].sort((a, b) => b.bumpedAt - a.bumpedAt);
    expect(feed.slice(0, 5).map((l) => l.status)).toEqual(Array(5).fill('selling'));
  });

  it('shows interest as a real feed does: likes from neighbours and views, more on older listings', async () => {
    await seedDemoData(server.store, server.clock);
    const listings = [...(await everyListing())].sort((a, b) => b.bumpedAt - a.bumpedAt);
    for (const listing of listings) {
      expect(listing.viewCount, listing.title).toBeGreaterThan(0);
      expect(listing.likeCount).toBe(Number(await queryValue(server.store, 'SELECT count(*) FROM likes WHERE listing_id = ?', listing.id)));
    }
    expect(listings.filter((l) => l.likeCount > 0).length).toBeGreaterThan(listings.length / 2);
    const sum = (some: Listing[], key: 'viewCount' | 'likeCount') => some.reduce((n, l) => n + l[key], 0);
    expect(sum(listings.slice(-10), 'viewCount')).toBeGreaterThan(sum(listings.slice(0, 10), 'viewCount'));
    // Nobody likes their own listing.
    const own = await queryValue(server.store, 'SELECT count(*) FROM likes JOIN listings ON listings.id = likes.listing_id WHERE likes.actor_id = listings.seller_id');
    expect(Number(own)).toBe(0);
  });

  it('spreads listings from minutes to weeks ago, handed out oldest first so cursor order is feed order', async () => {
    await seedDemoData(server.store, server.clock);
    for (const area of [{}, SEOUL]) {
      const times = (await pulledListings(area)).map((l) => l.bumpedAt);
      expect(times).toEqual([...times].sort((a, b) => a - b));
    }
    const listings = await everyListing();
    const times = listings.map((l) => l.bumpedAt);
    expect(new Set(times).size).toBe(times.length);
    expect(Math.max(...times)).toBeLessThan(T0);
    expect(Math.max(...times)).toBeGreaterThan(T0 - 10 * 60_000);
    expect(Math.min(...times)).toBeLessThan(T0 - 14 * DAY);
    expect(Math.min(...listings.map((l) => l.createdAt))).toBeGreaterThan(T0 - 6 * 7 * DAY);
  });

  it('has each seller live, be verified and sell in one neighbourhood: every listing of theirs is there', async () => {
    await seedDemoData(server.store, server.clock);
    const listings = await everyListing();
    const now = server.clock.now();
    for (const neighbour of DEMO_NEIGHBOURS) {
      const id = demoSellerId(neighbour.nickname);
      const theirs = listings.filter((l) => l.sellerId === id);
      expect(theirs.length, neighbour.nickname).toBeGreaterThan(0);
      const home = dongOf(neighbour.home);
      expect(new Set(theirs.map((l) => l.neighbourhoodId)), neighbour.nickname).toEqual(new Set([home]));

      // What their own account screen would say: home held, active and verified now.
      const actor = { id, nickname: neighbour.nickname, joinedAt: now - neighbour.joinedDaysAgo * DAY };
      const profile = await verification.profile(server.store, actor, now);
      expect(profile.neighbourhoods).toEqual([{ id: home, name: expect.any(String), active: true, verifiedAt: expect.any(Number) }]);
      expect(await verification.hasCurrentVerification(server.store, id, home, now)).toBe(true);

      // What a neighbour sees on their profile, over HTTP.
      const response = await server.app.request(`/api/profiles/${encodeURIComponent(id)}`);
      expect(response.status).toBe(200);
      const shown = (await response.json()) as PublicProfile;
      expect(shown.nickname).toBe(neighbour.nickname);
      expect(shown.verificationCount, neighbour.nickname).toBeGreaterThanOrEqual(1);
      expect(isVerificationCurrent(shown.lastVerifiedAt, now), neighbour.nickname).toBe(true);
      expect(shown.listingCount).toBe(theirs.length);

      // And each listing was published with a reading taken at home shortly before.
      const place = (await server.store.neighbourhoods.byId(neighbour.home))!;
      for (const listing of theirs) {
        const { before } = await server.store.verifications.fixesAround(id, listing.createdAt);
        expect(before, listing.title).toBeDefined();
        expect(listing.createdAt - before!.takenAt).toBeLessThanOrEqual(VERIFICATION_RULES.validForMs);
        // Inside the dong's boundary, allowing for the reading's accuracy, as verification judges it.
        expect(distanceOutsideM(before!, toArea(place))).toBeLessThanOrEqual(before!.accuracy);
        expect(before!.takenAt).toBeGreaterThan(actor.joinedAt);
      }
    }
  });

  it('gives every listing photos that the media route serves, as any uploaded photo', async () => {
    await seedDemoData(server.store, server.clock);
    const served = new Map<string, { width: number; height: number }>();
    for (const listing of await everyListing()) {
      expect(listing.photos.length, listing.title).toBeGreaterThanOrEqual(1);
      for (const photo of listing.photos) {
        for (const hash of [photo.full, photo.thumb]) {
          if (served.has(hash)) continue;
          const response = await server.app.request(`/api/media/${hash}`);
          expect(response.status, listing.title).toBe(200);
          expect(response.headers.get('content-type')).toBe('image/webp');
          const bytes = new Uint8Array(await response.arrayBuffer());
          expect(createHash('sha256').update(bytes).digest('hex')).toBe(hash);
          served.set(hash, readImageInfo(bytes)!);
        }
        expect(served.get(photo.full)).toMatchObject({ width: 1024, height: 768 });
        expect(served.get(photo.thumb)).toMatchObject({ width: 320, height: 320 });
      }
    }
    expect(served.size).toBe(2 * DEMO_PHOTO_NAMES.length);
  });

  it('puts the photo bytes in the blob store it is given, and a start cut short there seeds whole next time', async () => {
    const failing = memoryBlobs(10);
    const logged: string[] = [];
    await expect(seedDemoData(server.store, server.clock, { blobs: failing, log: (line) => logged.push(line) })).rejects.toThrow(/Photos cannot be stored/);
    expect(logged.join('\n')).toContain('the bucket went away');
    expect(await server.store.listings.countLive()).toBe(0);

    const blobs = memoryBlobs();
    expect(await seedDemoData(server.store, server.clock, { blobs })).toBe(DEMO_LISTINGS.length);
    // The ten stored before the failure were recorded then; the rest went to the working store.
    expect(failing.bytes.size + blobs.bytes.size).toBe(2 * DEMO_PHOTO_NAMES.length);
    expect(await countRows(server.store, 'media')).toBe(2 * DEMO_PHOTO_NAMES.length);
    expect(await countRows(server.store, 'verifications')).toBeGreaterThan(DEMO_LISTINGS.length);
  });

  it('puts the listings in demo neighbourhoods: a visitor sees the 46 in Bundang, Seoul has the other 10', async () => {
    await seedDemoData(server.store, server.clock);
    const bundang = await pulledListings();
    const seoul = await pulledListings(SEOUL);
    expect(bundang).toHaveLength(46);
    expect(seoul).toHaveLength(10);
    // Bundang-gu's dongs are kr-31023…; Mangwon 1-dong and Yeonnam-dong are Mapo-gu's.
    expect(bundang.every((l) => l.neighbourhoodId.startsWith('kr-31023'))).toBe(true);
    expect(new Set(seoul.map((l) => l.neighbourhoodId))).toEqual(new Set(['kr-1114069', 'kr-1114071']));
    // Every demo place has something to show, and the default area's own dong is one of them.
    expect(new Set([...bundang, ...seoul].map((l) => l.neighbourhoodId))).toEqual(new Set(DEMO_PLACES.map(dongOf)));
    expect(DEMO_PLACES.map(dongOf)).toContain(DEFAULT_NEIGHBOURHOOD_ID);
  });

  it('opens the board with neighbours’ posts in their own dongs, in Korean mostly, some answered, with 공감', async () => {
    await seedDemoData(server.store, server.clock);
    const view = boardViewOf([...(await pullAll(server.app, undefined)).pages, ...(await pullAll(server.app, undefined, 0, undefined, SEOUL)).pages]);
    const posts = [...view.posts.values()];
    const comments = [...view.comments.values()];
    expect(posts).toHaveLength(DEMO_POSTS.length);
    expect(posts.filter((p) => HANGUL.test(p.text)).length).toBeGreaterThanOrEqual(DEMO_POSTS.length - 2);
    expect(new Set(posts.map((p) => p.topic)).size).toBeGreaterThanOrEqual(6);
    for (const post of posts) {
      expect(boardPostRowSchema.safeParse(post).success, post.text).toBe(true);
      const author = DEMO_NEIGHBOURS.find((n) => demoSellerId(n.nickname) === post.authorId)!;
      expect(post.neighbourhoodId, post.text).toBe(dongOf(author.home));
      expect(post.createdAt).toBeLessThan(T0);
      const under = comments.filter((c) => c.postId === post.id);
      expect(post.commentCount).toBe(under.length);
      expect(post.reactionCount).toBe(Number(await queryValue(server.store, 'SELECT count(*) FROM board_reactions WHERE post_id = ?', post.id)));
      for (const comment of under) {
        expect(comment.createdAt).toBeGreaterThan(post.createdAt);
        expect(comment.createdAt).toBeLessThan(T0);
        // One level of replies, each under a comment of the same post.
        if (comment.parentId) expect(under.find((c) => c.id === comment.parentId)?.parentId).toBeNull();
      }
    }
    expect(posts.filter((p) => p.commentCount > 0).length).toBeGreaterThanOrEqual(5);
    expect(comments.filter((c) => c.parentId !== null).length).toBeGreaterThanOrEqual(3);
    expect(posts.every((p) => p.reactionCount > 0)).toBe(true);
    // Nobody reacts to their own post.
    expect(Number(await queryValue(server.store, 'SELECT count(*) FROM board_reactions r JOIN board_posts p ON p.id = r.post_id WHERE r.actor_id = p.author_id'))).toBe(0);
  });

  it('imports the demo neighbourhoods first, so a fresh database can place the listings', async () => {
    const { store: fresh, close } = await openTestStore({ neighbourhoods: 'none' });
    try {
      expect(await fresh.neighbourhoods.count()).toBe(0);
      await seedDemoData(fresh, server.clock, { districts: legacyDistricts() });
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
    expect(seqs).toHaveLength(DEMO_LISTINGS.length);
    expect(seqs[0]).toBeGreaterThanOrEqual(3);
    expect(new Set(seqs).size).toBe(seqs.length);
    expect(seqs.at(-1)).toBe(await changeCounter(server.store));
  });
});

describe('demo shops', () => {
  it('open shops with details, news, 단골 and reviews in their owners’ dongs, and run no ads', async () => {
    await seedDemoData(server.store, server.clock);
    const pages = [...(await pullAll(server.app, undefined)).pages];
    const changes = pages.flatMap((page) => page.changes);
    const businesses = changes.flatMap((c) => (c.op === 'upsert' && c.entity === 'business' ? [c.row] : []));
    expect(businesses.map((b) => b.name).toSorted()).toEqual(DEMO_SHOPS.map((s) => s.name).toSorted());
    for (const business of businesses) {
      const shop = DEMO_SHOPS.find((s) => s.name === business.name)!;
      expect(business.ownerId).toBe(demoSellerId(shop.owner));
      expect(business.neighbourhoodId).toBe(dongOf(DEMO_NEIGHBOURS.find((n) => n.nickname === shop.owner)!.home));
      expect(business).toMatchObject({ phone: shop.phone, hours: shop.hours, followerCount: shop.followers.length, reviewCount: shop.reviews.length });
      expect(business.starSum).toBe(shop.reviews.reduce((sum, r) => sum + r.stars, 0));
    }
    const posts = changes.filter((c) => c.op === 'upsert' && c.entity === 'business_post');
    expect(posts).toHaveLength(DEMO_SHOPS.reduce((n, s) => n + s.posts.length, 0));
    const campaigns = changes.flatMap((c) => (c.op === 'upsert' && c.entity === 'campaign' ? [c.row] : []));
    expect(campaigns).toEqual([]);
  });
});
