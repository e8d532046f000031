// What a seller and their neighbours do with a listing after it is published, through push and
// pull on a real store (either engine): edit, hide, bump, like, and views.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BUMP_INTERVAL_MS, type Listing, type MutationResult, type PullResponse } from '@dongne/shared';
import { createTestServer, device, dumpTables, mutation, newSession, pull, push, type TestServer } from '../testing/harness.js';

let server: TestServer;
let alice: Awaited<ReturnType<typeof newSession>>;
let bob: Awaited<ReturnType<typeof newSession>>;
let alicePhone: ReturnType<typeof device>;
let bobPhone: ReturnType<typeof device>;
let id: string;

beforeEach(async () => {
  server = await createTestServer();
  alice = await newSession(server.app);
  bob = await newSession(server.app);
  alicePhone = device();
  bobPhone = device();
  const create = server.createListing(alicePhone.nextSeq(), { title: '원목 의자', meetingSpot: 'Sunae station exit 3', acceptsOffers: true });
  id = (create.args as { id: string }).id;
  expect((await push(server.app, alice.cookie, alicePhone.clientId, [create])).results[0]).toMatchObject({ status: 'applied' });
});
afterEach(() => server.close());

async function asAlice(name: string, args: unknown): Promise<MutationResult> {
  return (await push(server.app, alice.cookie, alicePhone.clientId, [mutation(alicePhone.nextSeq(), name, args)])).results[0];
}
async function asBob(name: string, args: unknown): Promise<MutationResult> {
  return (await push(server.app, bob.cookie, bobPhone.clientId, [mutation(bobPhone.nextSeq(), name, args)])).results[0];
}
const rowIn = (page: PullResponse): Listing | undefined =>
  page.changes.flatMap((c) => (c.op === 'upsert' && c.entity === 'listing' && c.row.id === id ? [c.row] : []))[0];
const listingTables = async () => {
  const { listings, likes, change_counter } = await dumpTables(server.store);
  return { listings, likes, change_counter };
};
const editArgs = (over: object = {}) => ({
  id,
  title: '원목 의자 (2개)',
  description: 'Two chairs now.',
  priceKrw: 30000,
  category: 'furniture',
  acceptsOffers: false,
  meetingSpot: '',
  photos: [],
  ...over,
});

describe('a published listing', () => {
  it('carries the offers flag, the meeting spot and its counters to every device', async () => {
    const row = rowIn(await pull(server.app, bob.cookie));
    expect(row).toMatchObject({ acceptsOffers: true, meetingSpot: 'Sunae station exit 3', hidden: false, editedAt: null, likeCount: 0, viewCount: 0 });
    expect(row!.bumpedAt).toBe(row!.createdAt);
    expect(row!.lastBumpedAt).toBeNull();
  });

  it('can be edited by its seller, and then says when it was edited', async () => {
    server.clock.advance(60_000);
    expect(await asAlice('listing.update', editArgs())).toMatchObject({ status: 'applied' });
    expect(rowIn(await pull(server.app, bob.cookie))).toMatchObject({
      title: '원목 의자 (2개)',
      priceKrw: 30000,
      meetingSpot: '',
      editedAt: server.clock.now(),
    });
  });

  it('cannot be edited, hidden or bumped by anyone else, and nothing changes', async () => {
    const before = await listingTables();
    expect(await asBob('listing.update', editArgs())).toMatchObject({ status: 'rejected', code: 'listing.not_owner' });
    expect(await asBob('listing.set_hidden', { id, hidden: true })).toMatchObject({ status: 'rejected', code: 'listing.not_owner' });
    expect(await asBob('listing.bump', { id })).toMatchObject({ status: 'rejected', code: 'listing.not_owner' });
    expect(await listingTables()).toEqual(before);
  });

  it('refuses an edit that names photos the server never received', async () => {
    const hash = 'a'.repeat(64);
    const result = await asAlice('listing.update', editArgs({ photos: [{ full: hash, thumb: hash }] }));
    expect(result).toMatchObject({ status: 'rejected', code: 'media.missing' });
  });

  it('is not counted on its seller’s public profile while hidden', async () => {
    await asAlice('listing.set_hidden', { id, hidden: true });
    const profile = await (await server.app.request(`/api/profiles/${alice.actorId}`)).json();
    expect(profile).toMatchObject({ listingCount: 0 });
  });

  it('disappears for everyone else when hidden, stays with its seller, and comes back when shown', async () => {
    const bobCursor = (await pull(server.app, bob.cookie)).cursor;
    expect(await asAlice('listing.set_hidden', { id, hidden: true })).toMatchObject({ status: 'applied' });

    const bobPage = await pull(server.app, bob.cookie, { cursor: bobCursor });
    expect(bobPage.changes).toEqual([{ op: 'delete', entity: 'listing', id }]);
    expect(rowIn(await pull(server.app, alice.cookie))).toMatchObject({ hidden: true });
    expect(rowIn(await pull(server.app, undefined))).toBeUndefined();
    const search = await server.app.request('/api/search?q=의자');
    expect(((await search.json()) as { listings: unknown[] }).listings).toEqual([]);

    expect(await asAlice('listing.set_hidden', { id, hidden: false })).toMatchObject({ status: 'applied' });
    expect(rowIn(await pull(server.app, bob.cookie, { cursor: bobPage.cursor }))).toMatchObject({ hidden: false });
  });

  it('counts a bump in the very millisecond of publishing, so a second one waits a day', async () => {
    const create = server.createListing(alicePhone.nextSeq());
    const fresh = (create.args as { id: string }).id;
    const bump = mutation(alicePhone.nextSeq(), 'listing.bump', { id: fresh });
    const both = await push(server.app, alice.cookie, alicePhone.clientId, [create, bump]);
    expect(both.results.map((r) => r.status)).toEqual(['applied', 'applied']);
    const row = (await pull(server.app, alice.cookie)).changes.flatMap((c) => (c.op === 'upsert' && c.entity === 'listing' && c.row.id === fresh ? [c.row] : []))[0];
    expect(row).toMatchObject({ createdAt: server.clock.now(), bumpedAt: server.clock.now(), lastBumpedAt: server.clock.now() });

    server.clock.advance(1_000);
    expect(await asAlice('listing.bump', { id: fresh })).toMatchObject({ status: 'rejected', code: 'listing.bump_too_soon' });
  });

  it('can be bumped to the top once, then not again for a day', async () => {
    server.clock.advance(5 * 60_000);
    expect(await asAlice('listing.bump', { id })).toMatchObject({ status: 'applied' });
    const bumpedAt = server.clock.now();
    expect(rowIn(await pull(server.app, bob.cookie))).toMatchObject({ bumpedAt });

    server.clock.advance(BUMP_INTERVAL_MS - 60 * 60_000);
    const before = await listingTables();
    expect(await asAlice('listing.bump', { id })).toMatchObject({
      status: 'rejected',
      code: 'listing.bump_too_soon',
      message: expect.stringContaining('Try again in 1 hour'),
    });
    expect(await listingTables()).toEqual(before);

    server.clock.advance(60 * 60_000);
    expect(await asAlice('listing.bump', { id })).toMatchObject({ status: 'applied' });
  });

  it('counts likes once per person, lists them on the liker’s pull, and takes them back', async () => {
    expect(await asBob('listing.set_liked', { id, liked: true })).toMatchObject({ status: 'applied' });
    expect(await asBob('listing.set_liked', { id, liked: true })).toMatchObject({ status: 'applied' });
    const bobPage = await pull(server.app, bob.cookie);
    expect(bobPage.likedIds).toEqual([id]);
    expect(rowIn(bobPage)).toMatchObject({ likeCount: 1 });
    expect((await pull(server.app, alice.cookie)).likedIds).toEqual([]);

    expect(await asBob('listing.set_liked', { id, liked: false })).toMatchObject({ status: 'applied' });
    const after = await pull(server.app, bob.cookie);
    expect(after.likedIds).toEqual([]);
    expect(rowIn(after)).toMatchObject({ likeCount: 0 });
  });

  it('refuses a like for a listing that does not exist', async () => {
    expect(await asBob('listing.set_liked', { id: crypto.randomUUID(), liked: true })).toMatchObject({ status: 'rejected', code: 'listing.not_found' });
  });

  it('answers every action on someone else’s hidden listing exactly as for a missing one', async () => {
    expect(await asAlice('listing.set_hidden', { id, hidden: true })).toMatchObject({ status: 'applied' });
    const missing = crypto.randomUUID();
    const before = await listingTables();
    const actions: [string, (target: string) => object][] = [
      ['listing.set_liked', (target) => ({ id: target, liked: true })],
      ['listing.delete', (target) => ({ id: target })],
      ['listing.set_status', (target) => ({ id: target, status: 'sold' })],
      ['listing.update', (target) => editArgs({ id: target })],
      ['listing.set_hidden', (target) => ({ id: target, hidden: false })],
      ['listing.bump', (target) => ({ id: target })],
    ];
    for (const [name, args] of actions) {
      const onHidden = await asBob(name, args(id));
      const onMissing = await asBob(name, args(missing));
      const { mutationId: _a, seq: _b, current: hiddenCurrent, ...hiddenAnswer } = onHidden as MutationResult & { current?: unknown };
      const { mutationId: _c, seq: _d, current: missingCurrent, ...missingAnswer } = onMissing as MutationResult & { current?: unknown };
      expect(hiddenAnswer, name).toEqual({ status: 'rejected', code: 'listing.not_found', message: 'That listing no longer exists.' });
      expect(hiddenAnswer, name).toEqual(missingAnswer);
      // Even the row that comes back is a tombstone, as for an id nobody ever used.
      expect(hiddenCurrent, name).toEqual({ op: 'delete', entity: 'listing', id });
      expect(missingCurrent, name).toEqual({ op: 'delete', entity: 'listing', id: missing });
    }
    expect(await listingTables()).toEqual(before);
    expect((await pull(server.app, bob.cookie)).likedIds).toEqual([]);
  });

  it('returns the listing as the server holds it with a refused change, so the device need not pull its area again', async () => {
    expect(await asBob('listing.update', editArgs({ title: 'Mine now' }))).toMatchObject({
      status: 'rejected',
      code: 'listing.not_owner',
      current: { op: 'upsert', entity: 'listing', row: { id, title: '원목 의자', sellerId: alice.actorId } },
    });
    expect(await asAlice('listing.delete', { id })).toMatchObject({ status: 'applied' });
    expect(await asAlice('listing.set_status', { id, status: 'sold' })).toMatchObject({
      status: 'rejected',
      code: 'listing.not_found',
      current: { op: 'delete', entity: 'listing', id },
    });
  });

  it('keeps the watchlist to listings the person may see in the area they pull', async () => {
    const hidden = server.createListing(alicePhone.nextSeq());
    expect((await push(server.app, alice.cookie, alicePhone.clientId, [hidden])).results[0]).toMatchObject({ status: 'applied' });
    const hiddenId = (hidden.args as { id: string }).id;
    for (const target of [id, hiddenId]) expect(await asBob('listing.set_liked', { id: target, liked: true })).toMatchObject({ status: 'applied' });
    expect(await asAlice('listing.set_hidden', { id: hiddenId, hidden: true })).toMatchObject({ status: 'applied' });

    const bobPage = await pull(server.app, bob.cookie);
    expect(bobPage.changes).toContainEqual({ op: 'delete', entity: 'listing', id: hiddenId });
    expect(bobPage.likedIds).toEqual([id]);
    // Pulling Seoul instead: nothing Bob liked is there.
    expect((await pull(server.app, bob.cookie, { neighbourhood: 'kr-mapo-mangwon', range: 1 })).likedIds).toEqual([]);
    // A seller who likes their own hidden listing still sees it on their watchlist.
    expect(await asAlice('listing.set_liked', { id: hiddenId, liked: true })).toMatchObject({ status: 'applied' });
    expect((await pull(server.app, alice.cookie, { neighbourhood: 'kr-mapo-mangwon', range: 1 })).likedIds).toEqual([hiddenId]);
  });
});

describe('POST /api/listings/:id/views', () => {
  const view = (cookie?: string) =>
    server.app.request(`/api/listings/${id}/views`, { method: 'POST', headers: { ...(cookie && { cookie }), 'sec-fetch-site': 'same-origin' } });

  it('counts one view per person per day, not the seller’s own, and answers the counts', async () => {
    expect(await (await view(bob.cookie)).json()).toEqual({ viewCount: 1, likeCount: 0 });
    expect(await (await view(bob.cookie)).json()).toEqual({ viewCount: 1, likeCount: 0 });
    expect(await (await view(alice.cookie)).json()).toEqual({ viewCount: 1, likeCount: 0 });
    server.clock.advance(24 * 60 * 60_000);
    expect(await (await view(bob.cookie)).json()).toEqual({ viewCount: 2, likeCount: 0 });
  });

  it('does not send the listing to every device again for a view', async () => {
    const cursor = (await pull(server.app, bob.cookie)).cursor;
    await view(bob.cookie);
    expect((await pull(server.app, bob.cookie, { cursor })).changes).toEqual([]);
  });

  it('answers 404 for someone else’s hidden listing, as if it did not exist', async () => {
    await asAlice('listing.set_hidden', { id, hidden: true });
    const response = await view(bob.cookie);
    expect(response.status).toBe(404);
    expect((await view(alice.cookie)).status).toBe(200);
  });

  it('holds one person to 60 views a minute', async () => {
    for (let i = 0; i < 60; i++) expect((await view(bob.cookie)).status).toBe(200);
    const refused = await view(bob.cookie);
    expect(refused.status).toBe(429);
    expect(await refused.json()).toMatchObject({ error: { code: 'rate_limited' } });
  });

  it('answers 404 for a listing that is gone', async () => {
    const response = await server.app.request(`/api/listings/${crypto.randomUUID()}/views`, { method: 'POST', headers: { 'sec-fetch-site': 'same-origin' } });
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: { code: 'listing.not_found' } });
  });
});


describe('GET /api/listings/:id', () => {
  const read = (listingId: string, cookie?: string) => server.app.request(`/api/listings/${listingId}`, { headers: { ...(cookie && { cookie }) } });

  it('answers the listing as a pull carries it, to a visitor and to a neighbour, never from a shared cache', async () => {
    const asPulled = rowIn(await pull(server.app, bob.cookie));
    for (const cookie of [undefined, bob.cookie]) {
      const response = await read(id, cookie);
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe('private, no-store');
      expect(await response.json()).toEqual({ listing: asPulled });
    }
  });

  it('answers 404 for a hidden listing to everyone but its seller, and for one that is deleted or never was', async () => {
    await asAlice('listing.set_hidden', { id, hidden: true });
    expect((await read(id, bob.cookie)).status).toBe(404);
    expect((await read(id)).status).toBe(404);
    expect(await (await read(id, alice.cookie)).json()).toMatchObject({ listing: { id, hidden: true } });

    await asAlice('listing.delete', { id });
    const gone = await read(id, alice.cookie);
    expect(gone.status).toBe(404);
    expect(await gone.json()).toMatchObject({ error: { code: 'listing.not_found', message: 'That listing no longer exists.' } });
    expect((await read(crypto.randomUUID())).status).toBe(404);
  });

  it('answers 404 between people blocked either way, as their feeds leave each other out', async () => {
    expect(await asBob('block.set', { actorId: alice.actorId, blocked: true })).toMatchObject({ status: 'applied' });
    expect((await read(id, bob.cookie)).status).toBe(404);
    const carol = await newSession(server.app);
    expect((await read(id, carol.cookie)).status).toBe(200);

    expect(await asBob('block.set', { actorId: alice.actorId, blocked: false })).toMatchObject({ status: 'applied' });
    expect(await asAlice('block.set', { actorId: bob.actorId, blocked: true })).toMatchObject({ status: 'applied' });
    expect((await read(id, bob.cookie)).status).toBe(404);
    expect((await read(id, alice.cookie)).status).toBe(200);
  });

  it('refuses an id no listing could have with 400 and a code', async () => {
    const response = await read('x'.repeat(101));
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: expect.any(String), message: expect.any(String) } });
  });
});
