import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import { BUMP_INTERVAL_MS, pullResponseSchema, type PullResponse, type RangeLevel } from '@dongne/shared';
import { createApp } from '../app.js';
import { createTestServer, deleteListing, device, fromAddress, mutation, newSession, pull, pullAll, push, T0, TEST_PASSWORD_COST, type TestServer } from '../testing/harness.js';
import { HOME } from '../testing/fixes.js';
import { TEST_ENGINE } from '../testing/test-store.js';
import { createAreaSnapshots } from './area-snapshots.js';
import { createSyncService } from './sync-service.js';

const PANGYO = 'kr-3102375';
/** In Seoul: outside every range of the Bundang places. */
const MANGWON = 'kr-1114069';
const SELLER = 'seller-next-door';

let server: TestServer;
beforeEach(async () => {
  server = await createTestServer();
});
afterEach(() => server.close());

type Area = { neighbourhood?: string; range?: RangeLevel; limit?: number };

/** The live pull from cursor 0 for a visitor, through the service: what every snapshot must equal. */
function livePull(area: Area = {}): Promise<PullResponse> {
  const sync = createSyncService(server.store, server.clock, { defaultNeighbourhoodId: HOME });
  return sync.pull(undefined, { cursor: 0, ...area });
}

/** A fresh device's first pull of `area`, as the app answers it over HTTP. */
function firstPullRequest(area: Area = {}, headers: Record<string, string> = {}, app = server.app) {
  const params = new URLSearchParams({ cursor: '0', clientId: randomUUID() });
  for (const [key, value] of Object.entries(area)) params.set(key, String(value));
  return app.request(`/api/sync/pull?${params}`, { headers });
}

/** The first pull, gzipped as a browser takes it: the parsed body and its tag. */
async function firstPull(area: Area = {}, app = server.app): Promise<{ page: PullResponse; etag: string }> {
  const response = await firstPullRequest(area, { 'accept-encoding': 'gzip, deflate, br' }, app);
  const bytes = Buffer.from(await response.arrayBuffer());
  expect(response.status, bytes.toString()).toBe(200);
  expect(response.headers.get('content-encoding')).toBe('gzip');
  const page = pullResponseSchema.parse(JSON.parse(gunzipSync(bytes).toString('utf8')));
  return { page: page as PullResponse, etag: response.headers.get('etag')! };
}

async function expectSameAsLive(area: Area = {}, app = server.app) {
  const { page, etag } = await firstPull(area, app);
  expect(page).toEqual(await livePull(area));
  return { page, etag };
}

/** A listing put straight into the store (any place, no GPS check), as another instance's write would be. */
async function listingIn(place: string, title = `In ${place}`): Promise<string> {
  const id = randomUUID();
  await server.store.transaction(async (tx) => {
    if (!(await tx.actors.byId(SELLER))) await tx.actors.insert({ id: SELLER, nickname: 'Next door', createdAt: T0 });
    const row = (await tx.neighbourhoods.byId(place))!;
    await tx.listings.insert({
      id, sellerId: SELLER, title, description: '', priceKrw: 1000, category: 'books', neighbourhood: row.nameEn, neighbourhoodId: place, createdAt: T0,
      changeSeq: await tx.sync.nextChangeSeq(),
    });
  });
  return id;
}

const idOf = (m: { args: unknown }) => (m.args as { id: string }).id;

/** Alice publishes `count` listings at HOME through push; returns her session, device and their ids. */
async function alicePublishes(count: number) {
  const alice = await newSession(server.app);
  const phone = device();
  const creates = Array.from({ length: count }, (_, i) => server.createListing(phone.nextSeq(), { title: `Lamp ${i}` }));
  await push(server.app, alice.cookie, phone.clientId, creates);
  return { alice, phone, ids: creates.map(idOf) };
}

describe("a visitor's first pull of an area", () => {
  it('answers exactly what the live pull answers, for the default area and any chosen one', async () => {
    const { alice, phone, ids } = await alicePublishes(5);
    await push(server.app, alice.cookie, phone.clientId, [
      mutation(phone.nextSeq(), 'listing.set_hidden', { id: ids[0], hidden: true }),
      deleteListing(phone.nextSeq(), ids[1]),
      mutation(phone.nextSeq(), 'listing.set_status', { id: ids[2], status: 'sold' }),
    ]);
    await listingIn(PANGYO);
    await listingIn(MANGWON);

    for (const area of [{}, { range: 1 as const }, { neighbourhood: PANGYO, range: 1 as const }, { neighbourhood: PANGYO }, { neighbourhood: MANGWON }, { limit: 2 }]) {
      await expectSameAsLive(area);
    }
    // The hidden and the deleted listing reach a visitor as tombstones, as live.
    const { page } = await firstPull();
    expect(page.changes.filter((c) => c.op === 'delete').map((c) => c.id).sort()).toEqual([ids[0], ids[1]].sort());
    expect(page.profile).toBeNull();
    expect(page.lastSeq).toBe(0);
  });

  it('is the first page only: with the live tail after it, the same as pulling live from the start', async () => {
    await alicePublishes(7);
    await listingIn(PANGYO);
    const { page } = await expectSameAsLive({ limit: 3 });
    expect(page.hasMore).toBe(true);
    const tail = await pullAll(server.app, undefined, page.cursor, 3);
    const live = await pullAll(server.app, undefined, 0, 3);
    // pullAll's first page came from the snapshot too: compare with the service's own live pages.
    const livePages: PullResponse[] = [];
    for (let cursor = 0; ; ) {
      const next = await createSyncService(server.store, server.clock, { defaultNeighbourhoodId: HOME }).pull(undefined, { cursor, limit: 3 });
      livePages.push(next);
      cursor = next.cursor;
      if (!next.hasMore) break;
    }
    expect([...page.changes, ...tail.changes]).toEqual(livePages.flatMap((p) => p.changes));
    expect(live.changes).toEqual(livePages.flatMap((p) => p.changes));
    expect(tail.cursor).toBe(livePages.at(-1)!.cursor);
  });

  it('is built again after a change in the area, and not after one outside it', async () => {
    await alicePublishes(2);
    const first = await expectSameAsLive();
    expect((await expectSameAsLive()).etag).toBe(first.etag);

    await listingIn(MANGWON);
    const afterOutside = await expectSameAsLive();
    expect(afterOutside.etag).toBe(first.etag);

    const added = await listingIn(PANGYO);
    const afterInside = await expectSameAsLive();
    expect(afterInside.etag).not.toBe(first.etag);
    expect(afterInside.page.changes.some((c) => c.op === 'upsert' && c.entity === 'listing' && c.row.id === added)).toBe(true);
  });

  it('follows every kind of change to a listing in the area', async () => {
    const { alice, phone, ids } = await alicePublishes(3);
    const bob = await newSession(server.app);
    const bobsPhone = device();
    let { etag } = await expectSameAsLive();
    const changes: [cookie: string, clientId: string, seq: () => number, make: (seq: number) => ReturnType<typeof mutation>][] = [
      [alice.cookie, phone.clientId, phone.nextSeq, (seq) => mutation(seq, 'listing.update', { id: ids[0], title: 'Brass lamp', description: 'Edited.', priceKrw: 9000, category: 'household', acceptsOffers: true, meetingSpot: '', photos: [] })],
      [alice.cookie, phone.clientId, phone.nextSeq, (seq) => mutation(seq, 'listing.set_status', { id: ids[1], status: 'reserved' })],
      [alice.cookie, phone.clientId, phone.nextSeq, (seq) => mutation(seq, 'listing.set_hidden', { id: ids[2], hidden: true })],
      [alice.cookie, phone.clientId, phone.nextSeq, (seq) => mutation(seq, 'listing.set_hidden', { id: ids[2], hidden: false })],
      [bob.cookie, bobsPhone.clientId, bobsPhone.nextSeq, (seq) => mutation(seq, 'listing.set_liked', { id: ids[1], liked: true })],
      [alice.cookie, phone.clientId, phone.nextSeq, (seq) => mutation(seq, 'listing.bump', { id: ids[1] })],
      [alice.cookie, phone.clientId, phone.nextSeq, (seq) => deleteListing(seq, ids[0])],
    ];
    server.clock.advance(BUMP_INTERVAL_MS + 1);
    for (const [cookie, clientId, seq, make] of changes) {
      const sent = make(seq());
      expect((await push(server.app, cookie, clientId, [sent])).results[0], sent.name).toMatchObject({ status: 'applied' });
      const now = await expectSameAsLive();
      expect(now.etag, sent.name).not.toBe(etag);
      etag = now.etag;
    }
  });

  it('shows another instance on the same database what was changed through this one', async () => {
    await alicePublishes(1);
    const other = createApp({ store: server.store, clock: server.clock, config: { passwordCost: TEST_PASSWORD_COST } });
    const before = await expectSameAsLive({}, other);
    // Bob publishes through this instance; the other has its own snapshots and heard nothing.
    const bob = await newSession(server.app);
    const phone = device();
    const create = server.createListing(phone.nextSeq(), { title: 'Rice cooker' });
    await push(server.app, bob.cookie, phone.clientId, [create]);
    const after = await expectSameAsLive({}, other);
    expect(after.etag).not.toBe(before.etag);
    expect(after.page.changes.some((c) => c.op === 'upsert' && c.entity === 'listing' && c.row.id === idOf(create))).toBe(true);
  });

  it('misses nothing committed while it was being built: the next snapshot, and the tail after this one, hold it', async () => {
    await alicePublishes(2);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let started!: () => void;
    const inTransaction = new Promise<void>((resolve) => (started = resolve));
    const id = randomUUID();
    // A write in the area holding its change number, not yet committed, while a device pulls.
    const writing = server.store.transaction(async (tx) => {
      await tx.actors.insert({ id: SELLER, nickname: 'Next door', createdAt: T0 });
      await tx.listings.insert({
        id, sellerId: SELLER, title: 'Late', description: '', priceKrw: 1, category: 'books', neighbourhood: 'Sunae 1-dong', neighbourhoodId: HOME, createdAt: T0,
        changeSeq: await tx.sync.nextChangeSeq(),
      });
      started();
      await gate;
    });
    await inTransaction;
    const pulling = firstPull();
    const isLate = (c: PullResponse['changes'][number]) => c.op === 'upsert' && c.entity === 'listing' && c.row.id === id;
    if (TEST_ENGINE === 'postgres') {
      // PostgreSQL reads around the open write: the snapshot is taken without it.
      expect((await pulling).page.changes.some(isLate)).toBe(false);
    }
    // (SQLite has one connection: the pull waits for the write to end.)
    release();
    await writing;
    const { page } = await pulling;
    const tail = await pullAll(server.app, undefined, page.cursor);
    const everything = [...page.changes, ...tail.changes];
    expect(everything.filter(isLate)).toHaveLength(1);
    expect(everything).toEqual((await livePull()).changes);
    await expectSameAsLive();
  });

  it('stays live for someone signed in: their hidden listing, profile and device', async () => {
    const { alice, phone, ids } = await alicePublishes(2);
    await push(server.app, alice.cookie, phone.clientId, [mutation(phone.nextSeq(), 'listing.set_hidden', { id: ids[0], hidden: true })]);
    const visitor = await firstPull();
    expect(visitor.page.changes.find((c) => c.op === 'delete')).toEqual({ op: 'delete', entity: 'listing', id: ids[0] });

    const response = await server.app.request(`/api/sync/pull?cursor=0&clientId=${phone.clientId}`, { headers: { cookie: alice.cookie } });
    expect(response.headers.get('etag')).toBeNull();
    const own = pullResponseSchema.parse(await response.json());
    expect(own.changes.find((c) => c.op === 'upsert' && c.entity === 'listing' && c.row.id === ids[0])).toBeDefined();
    expect(own.profile?.actorId).toBe(alice.actorId);
    expect(own.lastSeq).toBe(phone.nextSeq() - 1);
  });

  it('carries view counts as of the last change in the area, as every synced device holds them', async () => {
    const { ids } = await alicePublishes(1);
    const before = await expectSameAsLive();
    const viewed = await server.app.request(`/api/listings/${ids[0]}/views`, { method: 'POST' }, fromAddress('203.0.113.9'));
    expect(viewed.status).toBe(200);
    // A view takes no change number (it must not send the listing to every device again): the
    // snapshot stands, with the count a device that pulled a moment ago also holds.
    const after = await firstPull();
    expect(after.etag).toBe(before.etag);
    expect(after.page).toEqual(before.page);
    await listingIn(PANGYO);
    const next = await expectSameAsLive();
    const row = next.page.changes.find((c) => c.op === 'upsert' && c.entity === 'listing' && c.row.id === ids[0]);
    expect(row?.op === 'upsert' && row.entity === 'listing' && row.row.viewCount).toBe(1);
  });
});

describe('the first pull over HTTP', () => {
  it('sends the gzipped bytes to clients that take gzip, plain JSON to others, the same answer to both', async () => {
    await alicePublishes(3);
    const zipped = await firstPullRequest({}, { 'accept-encoding': 'gzip, deflate, br' });
    expect(zipped.headers.get('content-encoding')).toBe('gzip');
    expect(zipped.headers.get('content-type')).toMatch(/^application\/json/);
    expect(zipped.headers.get('vary')).toMatch(/accept-encoding/i);
    expect(zipped.headers.get('cache-control')).toBe('no-store');
    const unzipped = gunzipSync(Buffer.from(await zipped.arrayBuffer())).toString('utf8');

    for (const headers of [{}, { 'accept-encoding': 'identity' }, { 'accept-encoding': 'gzip;q=0, br' }] as Record<string, string>[]) {
      const plain = await firstPullRequest({}, headers);
      expect(plain.status).toBe(200);
      expect(plain.headers.get('content-encoding')).toBeNull();
      expect(plain.headers.get('etag')).toBe(zipped.headers.get('etag'));
      expect(await plain.text()).toBe(unzipped);
    }
    // The helper every other sync test uses (no Accept-Encoding) parses it as before.
    expect(await pull(server.app, undefined, { cursor: 0 })).toEqual(JSON.parse(unzipped));
  });

  it('answers 304 to a client holding the current tag, and the new answer once the area changed', async () => {
    await alicePublishes(1);
    const { etag } = await firstPull();
    expect(etag).toMatch(/^W\/".+"$/);
    const same = await firstPullRequest({}, { 'if-none-match': etag, 'accept-encoding': 'gzip' });
    expect(same.status).toBe(304);
    expect(same.headers.get('etag')).toBe(etag);
    expect(await same.text()).toBe('');
    expect((await firstPullRequest({}, { 'if-none-match': `"other", ${etag.slice(2)}` })).status).toBe(304);

    await listingIn(HOME);
    const changed = await firstPullRequest({}, { 'if-none-match': etag });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(etag);
    expect(await changed.json()).toEqual(await livePull());
  });

  it('refuses an unknown neighbourhood and a bad query as the live pull does', async () => {
    const unknown = await firstPullRequest({ neighbourhood: 'kr-nowhere' });
    expect(unknown.status).toBe(404);
    expect((await unknown.json()).error.code).toBe('neighbourhood.unknown');
    const bad = await server.app.request('/api/sync/pull?cursor=0&range=9');
    expect(bad.status).toBe(400);
  });
});

describe('area snapshots', () => {
  /** The snapshots over the test store, counting the live pulls they are built from. */
  function counted(options: { maxBytes?: number } = {}) {
    const sync = createSyncService(server.store, server.clock, { defaultNeighbourhoodId: HOME });
    let pulls = 0;
    const snapshots = createAreaSnapshots(
      server.store,
      (area, limit) => {
        pulls++;
        return sync.pull(undefined, { cursor: 0, limit, neighbourhood: area.neighbourhoodId, range: area.range });
      },
      options,
    );
    return { snapshots, pulls: () => pulls };
  }
  const parse = (gzip: Uint8Array) => JSON.parse(gunzipSync(gzip).toString('utf8')) as PullResponse;

  it('builds once for fifty devices arriving together, and not again until the area changes', async () => {
    await alicePublishes(2);
    const { snapshots, pulls } = counted();
    const area = { neighbourhoodId: HOME, range: 4 as const };
    const answers = await Promise.all(Array.from({ length: 50 }, () => snapshots.firstPage(area, 500)));
    expect(pulls()).toBe(1);
    expect(new Set(answers.map((a) => a.etag)).size).toBe(1);
    await snapshots.firstPage(area, 500);
    await listingIn(MANGWON);
    await snapshots.firstPage(area, 500);
    expect(pulls()).toBe(1);
    await listingIn(HOME);
    const after = await snapshots.firstPage(area, 500);
    expect(pulls()).toBe(2);
    expect(parse(after.gzip)).toEqual(await livePull());
  });

  it('keeps one snapshot per area, range and page size', async () => {
    await alicePublishes(3);
    const { snapshots, pulls } = counted();
    const shapes = [
      [{ neighbourhoodId: HOME, range: 4 }, 500],
      [{ neighbourhoodId: HOME, range: 1 }, 500],
      [{ neighbourhoodId: HOME, range: 4 }, 2],
      [{ neighbourhoodId: PANGYO, range: 4 }, 500],
    ] as const;
    for (const [area, limit] of shapes) {
      const page = parse((await snapshots.firstPage(area, limit)).gzip);
      expect(page).toEqual(await livePull({ neighbourhood: area.neighbourhoodId, range: area.range, limit }));
    }
    for (const [area, limit] of shapes) await snapshots.firstPage(area, limit);
    expect(pulls()).toBe(shapes.length);
    expect(snapshots.stats().held).toBe(shapes.length);
  });

  it('forgets the areas asked least recently once past its byte budget, and answers them again', async () => {
    await alicePublishes(3);
    const { snapshots, pulls } = counted();
    const home = { neighbourhoodId: HOME, range: 4 as const };
    const size = (await snapshots.firstPage(home, 500)).gzip.length;
    const small = counted({ maxBytes: size * 2 + 300 });
    for (const neighbourhoodId of [HOME, PANGYO, MANGWON]) await small.snapshots.firstPage({ neighbourhoodId, range: 4 }, 500);
    expect(small.snapshots.stats().held).toBeLessThan(3);
    expect(small.snapshots.stats().heldBytes).toBeLessThanOrEqual(size * 2 + 300);
    const again = await small.snapshots.firstPage(home, 500);
    expect(parse(again.gzip)).toEqual(await livePull());
    expect(small.pulls()).toBe(4);
    expect(pulls()).toBe(1);
  });
});
