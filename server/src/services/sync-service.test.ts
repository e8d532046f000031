import { afterEach, beforeEach, describe, expect, it, onTestFinished } from 'vitest';
import { randomUUID } from 'node:crypto';
import { DEFAULT_RANGE, distanceM, LISTING_LIMITS, listingSchema, pullResponseSchema, pushResponseSchema, RANGE_LEVELS, SYNC_LIMITS, type Change, type Mutation } from '@dongne/shared';
import {
  changeCounter,
  countRows,
  createTestServer,
  deleteListing,
  device,
  dumpTables,
  listingArgs,
  mutation,
  newSession,
  pull,
  pullAll,
  push,
  pushRequest,
  setNeighbourhoods,
  T0,
  type TestServer,
} from '../testing/harness.js';
import { HOME } from '../testing/fixes.js';
import { failInsertsOfTitle, query, queryColumn, queryValue } from '../testing/test-store.js';

let server: TestServer;
beforeEach(async () => {
  server = await createTestServer();
});
afterEach(() => server.close());

/** The domain state a rejected mutation must leave alone (sync bookkeeping records the rejection). */
async function domainTables() {
  const { listings, change_counter, actors, verifications, actor_neighbourhoods } = await dumpTables(server.store);
  return { listings, change_counter, actors, verifications, actor_neighbourhoods };
}

describe('push then pull', () => {
  it('applies listing.create and pull returns the listing with a cursor and lastSeq', async () => {
    const { app } = server;
    const alice = await newSession(app);
    const phone = device();
    const create = server.createListing(phone.nextSeq(), { title: '  Wooden stool  ', priceKrw: 8000, category: 'furniture' });

    const pushed = await push(app, alice.cookie, phone.clientId, [create]);
    expect(pushResponseSchema.safeParse(pushed).success).toBe(true);
    expect(pushed).toEqual({ results: [{ mutationId: create.mutationId, seq: 1, status: 'applied' }], lastSeq: 1 });

    const page = await pull(app, alice.cookie, { cursor: 0, clientId: phone.clientId });
    expect(pullResponseSchema.safeParse(page).success).toBe(true);
    expect(page.hasMore).toBe(false);
    expect(page.lastSeq).toBe(1);
    expect(page.cursor).toBe(await changeCounter(server.store));
    expect(page.changes).toHaveLength(1);
    const change = page.changes[0];
    expect(change.op).toBe('upsert');
    if (change.op !== 'upsert' || change.entity !== 'listing') return;
    // Exactly the shared schema's fields, nothing the server keeps privately.
    expect(listingSchema.parse(change.row)).toEqual(change.row);
    expect(Object.keys(change.row).sort()).toEqual(
      [
        'acceptsOffers', 'bumpedAt', 'category', 'createdAt', 'description', 'editedAt', 'hidden', 'id', 'lastBumpedAt', 'likeCount', 'meetingSpot',
        'neighbourhood', 'neighbourhoodId', 'photos', 'priceKrw', 'sellerId', 'sellerName', 'status', 'title', 'updatedAt', 'viewCount',
      ],
    );
    const args = create.args as ReturnType<typeof listingArgs>;
    expect(change.row).toEqual({
      id: args.id,
      sellerId: alice.actorId,
      sellerName: alice.nickname,
      title: 'Wooden stool', // trimmed by the shared schema before it is stored
      description: args.description,
      priceKrw: 8000,
      category: 'furniture',
      neighbourhoodId: HOME,
      neighbourhood: 'Sunae 1-dong 수내1동', // the server's display name for the id the device sent
      status: 'selling',
      acceptsOffers: false,
      meetingSpot: '',
      photos: [],
      hidden: false,
      createdAt: T0,
      updatedAt: T0,
      bumpedAt: T0,
      lastBumpedAt: null,
      editedAt: null,
      likeCount: 0,
      viewCount: 0,
    });
  });

  it('round-trips Korean, emoji and multi-line text exactly', async () => {
    const { app } = server;
    const alice = await newSession(app);
    const phone = device();
    const args = listingArgs({ title: '🪴 몬스테라 — Monstera', description: '잎 10장\n물은 주 1회 💧\n"quotes" & <tags>' });
    await push(app, alice.cookie, phone.clientId, [server.createListing(1, args)]);
    const [change] = (await pull(app, undefined)).changes;
    expect(change).toMatchObject({ op: 'upsert', row: { title: args.title, description: args.description } });
  });

  it('returns nothing new when pulled again from the returned cursor', async () => {
    const { app } = server;
    const alice = await newSession(app);
    const phone = device();
    await push(app, alice.cookie, phone.clientId, [server.createListing(phone.nextSeq())]);
    const first = await pull(app, alice.cookie);
    const again = await pull(app, alice.cookie, { cursor: first.cursor });
    expect(again).toEqual({ changes: [], cursor: first.cursor, hasMore: false, lastSeq: 0, scope: first.scope, profile: first.profile, likedIds: [], reactedPostIds: [], followedBusinessIds: [], blockedIds: [], hiddenSellerIds: [], keywords: [] });
  });

  it('lets anyone browse without a session, and tells them lastSeq 0', async () => {
    const { app } = server;
    const alice = await newSession(app);
    const phone = device();
    await push(app, alice.cookie, phone.clientId, [server.createListing(phone.nextSeq())]);
    const page = await pull(app, undefined, { clientId: phone.clientId });
    expect(page.changes).toHaveLength(1);
    expect(page.lastSeq).toBe(0);
  });

  it("does not reveal another actor's device progress through lastSeq", async () => {
    const { app } = server;
    const alice = await newSession(app);
    const bob = await newSession(app);
    const phone = device();
    await push(app, alice.cookie, phone.clientId, [server.createListing(phone.nextSeq()), server.createListing(phone.nextSeq())]);
    expect((await pull(app, alice.cookie, { clientId: phone.clientId })).lastSeq).toBe(2);
    expect((await pull(app, bob.cookie, { clientId: phone.clientId })).lastSeq).toBe(0);
  });

  it('gives lastSeq 0 for a device the server has never heard from', async () => {
    const { app } = server;
    const alice = await newSession(app);
    expect((await pull(app, alice.cookie, { clientId: randomUUID() })).lastSeq).toBe(0);
  });

  it('applies later mutations of a batch even when an earlier one is rejected', async () => {
    const { app } = server;
    const alice = await newSession(app);
    const phone = device();
    const first = server.createListing(phone.nextSeq());
    const bad = deleteListing(phone.nextSeq(), randomUUID());
    const third = server.createListing(phone.nextSeq());
    const { results, lastSeq } = await push(app, alice.cookie, phone.clientId, [first, bad, third]);
    expect(results.map((r) => r.status)).toEqual(['applied', 'rejected', 'applied']);
    expect(results[1]).toMatchObject({ code: 'listing.not_found' });
    expect(lastSeq).toBe(3);
    expect(await countRows(server.store, 'listings')).toBe(2);
  });
});

describe('exactly once', () => {
  it('applies a mutation pushed twice in two requests once, and answers the same both times', async () => {
    const { app, store } = server;
    const alice = await newSession(app);
    const phone = device();
    const create = server.createListing(phone.nextSeq());

    const first = await push(app, alice.cookie, phone.clientId, [create]);
    const counterAfterFirst = await changeCounter(store);
    const tablesAfterFirst = await dumpTables(store);
    server.clock.advance(5_000);
    const second = await push(app, alice.cookie, phone.clientId, [create]);

    expect(second).toEqual(first);
    expect(await countRows(store, 'listings')).toBe(1);
    expect(await changeCounter(store)).toBe(counterAfterFirst);
    expect(await dumpTables(store)).toEqual(tablesAfterFirst);
  });

  it('applies a mutation sent twice in one batch once, with the same result for both copies', async () => {
    const { app, store } = server;
    const alice = await newSession(app);
    const phone = device();
    const create = server.createListing(phone.nextSeq());

    const { results, lastSeq } = await push(app, alice.cookie, phone.clientId, [create, create]);

    expect(results).toEqual([
      { mutationId: create.mutationId, seq: 1, status: 'applied' },
      { mutationId: create.mutationId, seq: 1, status: 'applied' },
    ]);
    expect(lastSeq).toBe(1);
    expect(await countRows(store, 'listings')).toBe(1);
    expect(await countRows(store, 'processed_mutations')).toBe(1);
    expect(await changeCounter(store)).toBe(1);
  });

  it('survives a lost response: the retried batch changes nothing and pull reports lastSeq', async () => {
    const { app, store } = server;
    const alice = await newSession(app);
    const phone = device();
    const listing = listingArgs();
    const batch: Mutation[] = [
      server.createListing(phone.nextSeq(), listing),
      server.createListing(phone.nextSeq()),
      mutation(phone.nextSeq(), 'listing.delete', { id: listing.id }),
    ];

    // The server applies the batch, but the response never reaches the device.
    const lost = await push(app, alice.cookie, phone.clientId, batch);
    const tablesAfterApply = await dumpTables(store);

    // The device's outbox still holds all three; it retries them as they are.
    server.clock.advance(60_000);
    const retried = await push(app, alice.cookie, phone.clientId, batch);

    expect(retried).toEqual(lost);
    expect(retried.results.every((r) => r.status === 'applied')).toBe(true);
    expect(await dumpTables(store)).toEqual(tablesAfterApply);
    const { changes } = await pullAll(app, alice.cookie);
    expect(changes.filter((c) => c.op === 'upsert' && c.entity === 'listing')).toHaveLength(1);
    expect(changes.filter((c) => c.op === 'delete')).toEqual([{ op: 'delete', entity: 'listing', id: listing.id }]);
    expect((await pull(app, alice.cookie, { clientId: phone.clientId })).lastSeq).toBe(3);
  });

  it('answers a retried batch that also carries new mutations: old ones replayed, new ones applied', async () => {
    const { app, store } = server;
    const alice = await newSession(app);
    const phone = device();
    const first = server.createListing(phone.nextSeq());
    await push(app, alice.cookie, phone.clientId, [first]);
    const second = server.createListing(phone.nextSeq());

    const { results, lastSeq } = await push(app, alice.cookie, phone.clientId, [first, second]);

    expect(results).toEqual([
      { mutationId: first.mutationId, seq: 1, status: 'applied' },
      { mutationId: second.mutationId, seq: 2, status: 'applied' },
    ]);
    expect(lastSeq).toBe(2);
    expect(await countRows(store, 'listings')).toBe(2);
  });

  it('keeps mutations of different devices apart even when their ids collide', async () => {
    const { app, store } = server;
    const alice = await newSession(app);
    const phone = device();
    const laptop = device();
    const sharedId = randomUUID();
    const onPhone = server.createListing(1, {});
    const onLaptop = server.createListing(1, {});
    await push(app, alice.cookie, phone.clientId, [{ ...onPhone, mutationId: sharedId }]);
    const { results } = await push(app, alice.cookie, laptop.clientId, [{ ...onLaptop, mutationId: sharedId }]);
    expect(results[0].status).toBe('applied');
    expect(await countRows(store, 'listings')).toBe(2);
  });
});

describe('a failure part-way through a batch', () => {
  it('records none of the batch, answers 500, and applies the whole batch once on retry', async () => {
    const { app, store } = server;
    const alice = await newSession(app);
    const phone = device();
    // A real database error on the second insert (think: disk full), not a rejection.
    const failing = await failInsertsOfTitle(store, 'boom');
    let undone = false;
    // Undone even if an assertion fails first: on PostgreSQL the next test reuses this database.
    onTestFinished(async () => void (undone || (await failing.undo())));
    const batch = [server.createListing(1), server.createListing(2, { title: 'boom' }), server.createListing(3)];
    const before = await dumpTables(store);

    const failed = await pushRequest(app, alice.cookie, { clientId: phone.clientId, mutations: batch });

    expect(failed.status).toBe(500);
    expect(await failed.json()).toEqual({ error: { code: 'internal', message: expect.any(String) } });
    expect(await dumpTables(store)).toEqual(before);
    expect(server.logged).toEqual([expect.stringContaining('disk I/O error')]);

    await failing.undo();
    undone = true;
    const retried = await push(app, alice.cookie, phone.clientId, batch);
    expect(retried.results.map((r) => r.status)).toEqual(['applied', 'applied', 'applied']);
    expect(await countRows(store, 'listings')).toBe(3);
    expect(await changeCounter(store)).toBe(3);
  });
});

describe('ordering', () => {
  it('applies a batch in seq order even when it arrives out of order', async () => {
    const { app, store } = server;
    const alice = await newSession(app);
    const phone = device();
    const listing = listingArgs();
    const create = server.createListing(1, listing);
    const remove = mutation(2, 'listing.delete', { id: listing.id });

    const { results, lastSeq } = await push(app, alice.cookie, phone.clientId, [remove, create]);

    expect(results).toEqual([
      { mutationId: create.mutationId, seq: 1, status: 'applied' },
      { mutationId: remove.mutationId, seq: 2, status: 'applied' },
    ]);
    expect(lastSeq).toBe(2);
    const [row] = await query(store, 'SELECT deleted_at, change_seq FROM listings WHERE id = ?', listing.id);
    expect(row).toEqual({ deleted_at: T0, change_seq: 2 });
    const page = await pull(app, alice.cookie);
    expect(page.changes).toEqual([{ op: 'delete', entity: 'listing', id: listing.id }]);
    expect(page.cursor).toBe(2);
  });

  it('refuses a batch that skips ahead of the device, applies none of it, and says where to resume', async () => {
    const { app, store } = server;
    const alice = await newSession(app);
    const phone = device();
    const listing = listingArgs();
    const create = server.createListing(1, listing);
    const reserve = mutation(2, 'listing.set_status', { id: listing.id, status: 'reserved' });
    const remove = mutation(3, 'listing.delete', { id: listing.id });
    const before = await dumpTables(store);

    // Seq 3 arrives first (another server instance took the earlier batch, say).
    const early = await pushRequest(app, alice.cookie, { clientId: phone.clientId, mutations: [remove] });
    expect(early.status).toBe(409);
    expect(await early.json()).toEqual({ error: { code: 'sync.seq_gap', message: expect.stringContaining('from 1'), expectedSeq: 1, unprocessed: [remove.mutationId] } });
    expect(await dumpTables(store)).toEqual(before);

    // Then 1 and 2 arrive, and 3 again: all three apply, in order.
    expect((await push(app, alice.cookie, phone.clientId, [create, reserve])).results.map((r) => r.status)).toEqual(['applied', 'applied']);
    expect(await push(app, alice.cookie, phone.clientId, [remove])).toEqual({
      results: [{ mutationId: remove.mutationId, seq: 3, status: 'applied' }],
      lastSeq: 3,
    });
  });

  it('refuses a batch with a hole in it, and one that jumps to the largest seq, so the device can go on', async () => {
    const { app, store } = server;
    const alice = await newSession(app);
    const phone = device();
    const batch = [server.createListing(1), server.createListing(2), server.createListing(4)];
    const holed = await pushRequest(app, alice.cookie, { clientId: phone.clientId, mutations: batch });
    expect(holed.status).toBe(409);
    // None of it applied: all three are to be numbered again from 1.
    expect(await holed.json()).toMatchObject({ error: { code: 'sync.seq_gap', expectedSeq: 1, unprocessed: batch.map((m) => m.mutationId) } });

    const huge = await pushRequest(app, alice.cookie, { clientId: phone.clientId, mutations: [server.createListing(Number.MAX_SAFE_INTEGER)] });
    expect(huge.status).toBe(409);
    expect(await huge.json()).toMatchObject({ error: { code: 'sync.seq_gap', expectedSeq: 1 } });
    expect(await store.sync.client(phone.clientId)).toBeUndefined();
    // Nothing was processed, so the device is still free to send 1 and onwards.
    expect((await push(app, alice.cookie, phone.clientId, [server.createListing(1)])).lastSeq).toBe(1);
  });

  it('answers retries below lastSeq alongside new mutations that continue from it', async () => {
    const { app } = server;
    const alice = await newSession(app);
    const phone = device();
    const first = [server.createListing(1), server.createListing(2)];
    const ack = await push(app, alice.cookie, phone.clientId, first);
    const next = server.createListing(3);
    const { results, lastSeq } = await push(app, alice.cookie, phone.clientId, [...first, next]);
    expect(results).toEqual([...ack.results, { mutationId: next.mutationId, seq: 3, status: 'applied' }]);
    expect(lastSeq).toBe(3);
  });

  it('tells devices that already hold a listing that it was deleted', async () => {
    const { app } = server;
    const alice = await newSession(app);
    const phone = device();
    const listing = listingArgs();
    await push(app, alice.cookie, phone.clientId, [server.createListing(phone.nextSeq(), listing)]);
    const before = await pull(app, undefined);
    expect(before.changes[0]).toMatchObject({ op: 'upsert', row: { id: listing.id } });

    server.clock.advance(1_000);
    await push(app, alice.cookie, phone.clientId, [deleteListing(phone.nextSeq(), listing.id)]);
    const after = await pull(app, undefined, { cursor: before.cursor });
    expect(after.changes).toEqual([{ op: 'delete', entity: 'listing', id: listing.id }]);
    expect(after.cursor).toBeGreaterThan(before.cursor);
  });
});

describe('rejections', () => {
  async function pushOne(m: Mutation) {
    const alice = await newSession(server.app);
    const phone = device();
    return { alice, phone, response: await push(server.app, alice.cookie, phone.clientId, [m]) };
  }

  it('rejects an unknown mutation name with mutation.unknown', async () => {
    const unknown = mutation(1, 'listing.teleport', { id: randomUUID() });
    const { response } = await pushOne(unknown);
    expect(response.results).toEqual([
      { mutationId: unknown.mutationId, seq: 1, status: 'rejected', code: 'mutation.unknown', message: expect.stringContaining('listing.teleport') },
    ]);
    expect(response.lastSeq).toBe(1);
  });

  it.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty'])('treats the inherited name %s as unknown', async (name) => {
    const { response } = await pushOne(mutation(1, name, {}));
    expect(response.results[0]).toMatchObject({ status: 'rejected', code: 'mutation.unknown' });
  });

  it.each([
    ['a fractional price', { priceKrw: 10.5 }, 'priceKrw'],
    ['a negative price', { priceKrw: -1 }, 'priceKrw'],
    ['a blank title', { title: '   ' }, 'title'],
    ['a title past 80 characters', { title: 'x'.repeat(81) }, 'title'],
    ['an unknown category', { category: 'weapons' }, 'category'],
    ['an id that is not a uuid', { id: 'listing-1' }, 'id'],
    ['a price given as text', { priceKrw: '1000' }, 'priceKrw'],
  ])('rejects listing.create with %s as mutation.invalid_args', async (_, overrides, path) => {
    const invalid = mutation(1, 'listing.create', { ...listingArgs(), ...overrides });
    const { response } = await pushOne(invalid);
    expect(response.results[0]).toMatchObject({ status: 'rejected', code: 'mutation.invalid_args' });
    expect(response.results[0].status === 'rejected' && response.results[0].message).toMatch(new RegExp(`^${path}: `));
    expect(await countRows(server.store, 'listings')).toBe(0);
  });

  it.each([
    ['null', null],
    ['an array', []],
    ['a string', 'delete everything'],
  ])('rejects args that are %s as mutation.invalid_args', async (_, args) => {
    const { response } = await pushOne(mutation(1, 'listing.delete', args));
    expect(response.results[0]).toMatchObject({ status: 'rejected', code: 'mutation.invalid_args' });
  });

  it("rejects deleting someone else's listing with listing.not_owner and leaves it alone", async () => {
    const { app } = server;
    const alice = await newSession(app);
    const bob = await newSession(app);
    const alicePhone = device();
    const bobPhone = device();
    const listing = listingArgs();
    await push(app, alice.cookie, alicePhone.clientId, [server.createListing(alicePhone.nextSeq(), listing)]);
    const before = await domainTables();

    const { results } = await push(app, bob.cookie, bobPhone.clientId, [deleteListing(bobPhone.nextSeq(), listing.id)]);

    expect(results[0]).toMatchObject({ status: 'rejected', code: 'listing.not_owner', message: expect.any(String) });
    expect(await domainTables()).toEqual(before);
    const page = await pull(app, undefined);
    expect(page.changes).toEqual([expect.objectContaining({ op: 'upsert', row: expect.objectContaining({ id: listing.id }) })]);
  });

  it('rejects deleting a listing that does not exist, or twice, with listing.not_found', async () => {
    const { app } = server;
    const alice = await newSession(app);
    const phone = device();
    const listing = listingArgs();
    const { results } = await push(app, alice.cookie, phone.clientId, [
      server.createListing(phone.nextSeq(), listing),
      deleteListing(phone.nextSeq(), listing.id),
      deleteListing(phone.nextSeq(), listing.id),
      deleteListing(phone.nextSeq(), randomUUID()),
    ]);
    expect(results.map((r) => (r.status === 'rejected' ? r.code : r.status))).toEqual([
      'applied',
      'applied',
      'listing.not_found',
      'listing.not_found',
    ]);
  });

  it('rejects creating a listing whose id is taken, even by a deleted listing, with listing.id_taken', async () => {
    const { app, store } = server;
    const alice = await newSession(app);
    const bob = await newSession(app);
    const phone = device();
    const listing = listingArgs();
    await push(app, alice.cookie, phone.clientId, [
      server.createListing(phone.nextSeq(), listing),
      deleteListing(phone.nextSeq(), listing.id),
    ]);
    const before = await domainTables();
    const bobPhone = device();
    const { results } = await push(app, bob.cookie, bobPhone.clientId, [
      server.createListing(bobPhone.nextSeq(), { id: listing.id }),
    ]);
    expect(results[0]).toMatchObject({ status: 'rejected', code: 'listing.id_taken' });
    expect(await domainTables()).toEqual(before);
    expect(await queryValue(store, 'SELECT seller_id FROM listings WHERE id = ?', listing.id)).toBe(alice.actorId);
  });

  it('changes no data for a rejected mutation, but records it so a retry gets the same rejection', async () => {
    const { app, store } = server;
    const alice = await newSession(app);
    const bob = await newSession(app);
    const alicePhone = device();
    const listing = listingArgs();
    await push(app, alice.cookie, alicePhone.clientId, [server.createListing(alicePhone.nextSeq(), listing)]);

    const bobPhone = device();
    const batch = [
      mutation(bobPhone.nextSeq(), 'listing.teleport', {}),
      mutation(bobPhone.nextSeq(), 'listing.create', { ...listingArgs(), priceKrw: -5 }),
      deleteListing(bobPhone.nextSeq(), listing.id),
    ];
    const before = await dumpTables(store);
    const first = await push(app, bob.cookie, bobPhone.clientId, batch);
    const after = await dumpTables(store);

    expect(first.results.map((r) => r.status === 'rejected' && r.code)).toEqual([
      'mutation.unknown',
      'mutation.invalid_args',
      'listing.not_owner',
    ]);
    // Nothing a user sees changed: not the listings, not the change counter, not the actors.
    expect(after.listings).toEqual(before.listings);
    expect(after.change_counter).toEqual(before.change_counter);
    expect(after.actors).toEqual(before.actors);
    // The rejections are remembered, with their codes, so the device can drop them from its outbox.
    expect(await query(store, 'SELECT seq, status, code FROM processed_mutations WHERE client_id = ? ORDER BY seq', bobPhone.clientId)).toEqual([
      { seq: 1, status: 'rejected', code: 'mutation.unknown' },
      { seq: 2, status: 'rejected', code: 'mutation.invalid_args' },
      { seq: 3, status: 'rejected', code: 'listing.not_owner' },
    ]);
    expect(first.lastSeq).toBe(3);
    expect((await pull(app, bob.cookie, { clientId: bobPhone.clientId })).lastSeq).toBe(3);

    const retry = await push(app, bob.cookie, bobPhone.clientId, batch);
    expect(retry).toEqual(first);
    expect(await dumpTables(store)).toEqual(after);
  });

  it('replays the recorded rejection even after the reason has gone away', async () => {
    const { app } = server;
    const alice = await newSession(app);
    const phone = device();
    const listing = listingArgs();
    const earlyDelete = deleteListing(1, listing.id);
    const first = await push(app, alice.cookie, phone.clientId, [earlyDelete]);
    expect(first.results[0]).toMatchObject({ status: 'rejected', code: 'listing.not_found' });
    expect(first.results[0]).toMatchObject({ current: { op: 'delete', entity: 'listing', id: listing.id } });

    await push(app, alice.cookie, phone.clientId, [server.createListing(2, listing)]);
    const retry = await push(app, alice.cookie, phone.clientId, [earlyDelete]);

    // The same refusal; the listing it carries is the one the server holds now.
    expect(retry.results).toEqual([{ ...first.results[0], current: { op: 'upsert', entity: 'listing', row: expect.objectContaining({ id: listing.id }) } }]);
    expect((await pull(app, undefined)).changes).toEqual([expect.objectContaining({ op: 'upsert' })]);
  });

  it('refuses a new mutation numbered with a seq already used, naming what to number again, and applies it once renumbered', async () => {
    const { app, store } = server;
    const alice = await newSession(app);
    const phone = device();
    const [first, second] = [server.createListing(1), server.createListing(2)];
    await push(app, alice.cookie, phone.clientId, [first, second]);
    const before = await dumpTables(store);

    // A device that lost track of its numbers (restored from an old copy, say) sends new work as 1 and 2.
    const reused = server.createListing(2);
    const older = server.createListing(1);
    const refused = await pushRequest(app, alice.cookie, { clientId: phone.clientId, mutations: [reused, older] });
    expect(refused.status).toBe(409);
    expect(await refused.json()).toEqual({
      error: { code: 'sync.seq_gap', message: expect.stringContaining('from 3'), expectedSeq: 3, unprocessed: [older.mutationId, reused.mutationId] },
    });
    expect(await dumpTables(store)).toEqual(before);

    // A genuine retry in the same batch is not named: it keeps its number and its answer.
    const mixed = await pushRequest(app, alice.cookie, { clientId: phone.clientId, mutations: [second, { ...reused, seq: 4 }] });
    expect(await mixed.json()).toMatchObject({ error: { expectedSeq: 3, unprocessed: [reused.mutationId] } });

    const { results, lastSeq } = await push(app, alice.cookie, phone.clientId, [second, { ...older, seq: 3 }, { ...reused, seq: 4 }]);
    expect(results.map((r) => [r.seq, r.status])).toEqual([[2, 'applied'], [3, 'applied'], [4, 'applied']]);
    expect(lastSeq).toBe(4);
    expect(await countRows(store, 'listings')).toBe(4);
  });

  it('refuses two new mutations sharing a seq within one batch, and applies the same one sent twice once', async () => {
    const { app, store } = server;
    const alice = await newSession(app);
    const phone = device();
    const a = server.createListing(1);
    const b = server.createListing(1);
    const refused = await pushRequest(app, alice.cookie, { clientId: phone.clientId, mutations: [a, b] });
    expect(refused.status).toBe(409);
    expect(await refused.json()).toMatchObject({ error: { code: 'sync.seq_gap', expectedSeq: 1, unprocessed: [a.mutationId, b.mutationId] } });
    expect(await countRows(store, 'listings')).toBe(0);
    const { results } = await push(app, alice.cookie, phone.clientId, [a, a]);
    expect(results).toEqual([
      { mutationId: a.mutationId, seq: 1, status: 'applied' },
      { mutationId: a.mutationId, seq: 1, status: 'applied' },
    ]);
    expect(await countRows(store, 'listings')).toBe(1);
  });
});

describe('attribution', () => {
  it("makes the session's actor the seller, whatever the mutation claims", async () => {
    const { app, store } = server;
    const alice = await newSession(app);
    const bob = await newSession(app);
    const phone = device();
    const listing = listingArgs();
    // Extra fields in args are not trusted; the seller comes only from the cookie.
    const sneaky = mutation(1, 'listing.create', { ...listing, sellerId: bob.actorId, sellerName: bob.nickname }, { fix: server.fixAt() });
    await push(app, alice.cookie, phone.clientId, [sneaky]);
    const page = await pull(app, undefined);
    expect(page.changes[0]).toMatchObject({ op: 'upsert', row: { id: listing.id, sellerId: alice.actorId, sellerName: alice.nickname } });
    expect(await queryColumn(store, 'SELECT seller_id FROM listings')).toEqual([alice.actorId]);
  });

  it('ties a clientId to the actor that first pushed from it: another actor gets 403 sync.client_not_yours', async () => {
    const { app, store } = server;
    const alice = await newSession(app);
    const bob = await newSession(app);
    const phone = device();
    const listing = listingArgs();
    await push(app, alice.cookie, phone.clientId, [server.createListing(phone.nextSeq(), listing)]);
    const before = await dumpTables(store);

    const hijack = await pushRequest(app, bob.cookie, {
      clientId: phone.clientId,
      mutations: [deleteListing(phone.nextSeq(), listing.id), server.createListing(phone.nextSeq())],
    });

    expect(hijack.status).toBe(403);
    expect(await hijack.json()).toEqual({ error: { code: 'sync.client_not_yours', message: expect.any(String) } });
    expect(await dumpTables(store)).toEqual(before);
  });

  it('does not let another actor replay a device\'s processed mutation to read its result', async () => {
    const { app } = server;
    const alice = await newSession(app);
    const bob = await newSession(app);
    const phone = device();
    const create = server.createListing(phone.nextSeq());
    await push(app, alice.cookie, phone.clientId, [create]);
    const replay = await pushRequest(app, bob.cookie, { clientId: phone.clientId, mutations: [create] });
    expect(replay.status).toBe(403);
  });
});

describe('paged pull', () => {
  const TOTAL = 1_250;

  async function seedListings(count: number) {
    const alice = await newSession(server.app);
    const phone = device();
    const ids: string[] = [];
    // A day's worth of listings at a time: one account may publish only so many a day.
    for (let start = 0; start < count; start += LISTING_LIMITS.perDay) {
      const batch = Array.from({ length: Math.min(LISTING_LIMITS.perDay, count - start) }, (_, i) => {
        const args = listingArgs({ title: `Item ${start + i + 1}` });
        ids.push(args.id);
        return server.createListing(phone.nextSeq(), args);
      });
      const { results } = await push(server.app, alice.cookie, phone.clientId, batch);
      expect(results.every((r) => r.status === 'applied')).toBe(true);
      server.clock.advance(24 * 60 * 60 * 1000);
    }
    return { alice, ids };
  }

  function upsertIds(changes: { op: string; row?: { id: string } }[]) {
    return changes.map((c) => c.row!.id);
  }

  it('pages a fresh device through every listing exactly once, with strictly increasing cursors, 500 a page by default and at most 1,000', async () => {
    const { ids } = await seedListings(TOTAL);
    const { pages } = await pullAll(server.app, undefined, 0, 500);

    expect(pages.map((p) => p.changes.length)).toEqual([500, 500, 250]);
    expect(pages.map((p) => p.hasMore)).toEqual([true, true, false]);
    const cursors = pages.map((p) => p.cursor);
    for (let i = 1; i < cursors.length; i++) expect(cursors[i]).toBeGreaterThan(cursors[i - 1]);
    expect(cursors.at(-1)).toBe(await changeCounter(server.store));
    const seen = upsertIds(pages.flatMap((p) => p.changes));
    expect(seen).toHaveLength(TOTAL);
    expect(new Set(seen)).toEqual(new Set(ids));

    // The same listings asked for without a page size, and with the largest allowed.
    const byDefault = await pull(server.app, undefined);
    expect(byDefault.changes).toHaveLength(SYNC_LIMITS.pullPageDefault);
    const biggest = await pull(server.app, undefined, { limit: SYNC_LIMITS.pullPageMax });
    expect(biggest.changes).toHaveLength(SYNC_LIMITS.pullPageMax);
    expect(biggest.hasMore).toBe(true);
  });

  it('says hasMore=false on a page that ends exactly at the last change', async () => {
    await seedListings(10);
    const { pages } = await pullAll(server.app, undefined, 0, 5);
    expect(pages.map((p) => [p.changes.length, p.hasMore])).toEqual([
      [5, true],
      [5, false],
    ]);
  });

  it('still yields every listing exactly once when the network drops mid-paging and the device resumes', async () => {
    const { ids } = await seedListings(TOTAL);
    const seen: string[] = [];
    let storedCursor = 0; // What the device persisted after applying the last complete page.

    // First attempt: one page arrives and is stored; the second response is lost in flight.
    const page1 = await pull(server.app, undefined, { cursor: storedCursor, limit: 500 });
    seen.push(...upsertIds(page1.changes));
    storedCursor = page1.cursor;
    await pull(server.app, undefined, { cursor: storedCursor, limit: 500 }); // never applied

    // Meanwhile someone posts more; then the device restarts from its stored cursor.
    const { ids: later } = await seedListings(30);
    const { changes } = await pullAll(server.app, undefined, storedCursor, 500);
    seen.push(...upsertIds(changes));

    expect(seen).toHaveLength(TOTAL + 30);
    expect(new Set(seen)).toEqual(new Set([...ids, ...later]));
  });

  it('moves a deleted listing to the end of the change order, so a resuming device sees the tombstone', async () => {
    const { alice, ids } = await seedListings(10);
    const page1 = await pull(server.app, undefined, { limit: 5 });
    // One already fetched and one not yet fetched are deleted before the device resumes.
    const phone = device();
    await push(server.app, alice.cookie, phone.clientId, [deleteListing(1, ids[0]), deleteListing(2, ids[7])]);
    const { changes } = await pullAll(server.app, undefined, page1.cursor, 5);
    expect(changes.filter((c) => c.op === 'upsert' && c.entity === 'listing').map((c) => c.op === 'upsert' && c.entity === 'listing' && c.row.id)).toEqual(
      [ids[5], ids[6], ids[8], ids[9]],
    );
    expect(changes.filter((c) => c.op === 'delete')).toEqual([
      { op: 'delete', entity: 'listing', id: ids[0] },
      { op: 'delete', entity: 'listing', id: ids[7] },
    ]);
  });
});

describe('pull by neighbourhood and range', () => {
  const SELLER = 'seller-next-door';

  /** A listing by someone else, written straight into the store, in `place`; returns its id. */
  async function listingIn(place: string, title = `In ${place}`): Promise<string> {
    const id = randomUUID();
    await server.store.transaction(async (tx) => {
      if (!(await tx.actors.byId(SELLER))) await tx.actors.insert({ id: SELLER, nickname: 'Next door', createdAt: T0 });
      const row = (await tx.neighbourhoods.byId(place))!;
      await tx.listings.insert({
        id,
        sellerId: SELLER,
        title,
        description: '',
        priceKrw: 1000,
        category: 'books',
        neighbourhood: row.nameEn,
        neighbourhoodId: place,
        createdAt: T0,
        changeSeq: await tx.sync.nextChangeSeq(),
      });
    });
    return id;
  }

  const idsOf = (changes: { op: string; row?: { id: string }; id?: string }[]) => changes.map((c) => (c.op === 'upsert' ? c.row!.id : c.id!));
  const placesOf = (changes: Change[]) => new Set(changes.flatMap((c) => (c.op === 'upsert' && c.entity === 'listing' ? [c.row.neighbourhoodId] : [])));

  it("returns only the neighbourhood's own listings at range 1, plus the person's own listings anywhere", async () => {
    const { app } = server;
    const alice = await newSession(app);
    const phone = device();
    const pangyo = [await listingIn('kr-3102375'), await listingIn('kr-3102375')];
    await listingIn('kr-3102374');
    await listingIn(HOME);
    await listingIn('kr-1114069');
    const mine = server.createListing(phone.nextSeq(), { neighbourhoodId: 'kr-1114071' });
    expect((await push(app, alice.cookie, phone.clientId, [mine])).results[0].status).toBe('applied');

    const visitor = await pull(app, undefined, { neighbourhood: 'kr-3102375', range: 1 });
    expect(visitor.scope).toEqual({ neighbourhoodId: 'kr-3102375', range: 1 });
    expect(idsOf(visitor.changes)).toEqual(pangyo);

    const own = await pull(app, alice.cookie, { neighbourhood: 'kr-3102375', range: 1 });
    expect(idsOf(own.changes)).toEqual([...pangyo, (mine.args as { id: string }).id]);
  });

  it('widens level by level to the dongs around: the dong, those across its borders, and one and two borders further', async () => {
    const all = await server.store.neighbourhoods.all();
    for (const place of all) await listingIn(place.id);
    const pangyo = (await server.store.neighbourhoods.byId('kr-3102375'))!;
    const sets = await server.store.neighbourhoods.neighbourSets(pangyo.id);
    const reached: number[] = [];
    for (const { level } of RANGE_LEVELS) {
      const { changes } = await pullAll(server.app, undefined, 0, undefined, { neighbourhood: pangyo.id, range: level });
      expect(placesOf(changes)).toEqual(new Set(sets[level]));
      reached.push(sets[level].length);
    }
    // Levels are cumulative and grow with each border crossed; even Far stays in Seongnam and its
    // neighbours, never Seoul's Mapo or Busan.
    expect(reached[0]).toBe(1);
    for (let i = 1; i < reached.length; i++) expect(reached[i]).toBeGreaterThan(reached[i - 1]);
    const far = await pullAll(server.app, undefined, 0, undefined, { neighbourhood: pangyo.id, range: 4 });
    expect([...placesOf(far.changes)].every((id) => !id.startsWith('kr-1114') && !id.startsWith('kr-21'))).toBe(true);
  });

  it('uses the default area without a neighbourhood, and the default range without a range', async () => {
    const { app } = server;
    expect((await pull(app, undefined)).scope).toEqual({ neighbourhoodId: HOME, range: 4 });
    expect((await pull(app, undefined, { neighbourhood: 'kr-1114069' })).scope).toEqual({ neighbourhoodId: 'kr-1114069', range: DEFAULT_RANGE });
    expect((await pull(app, undefined, { range: 1 })).scope).toEqual({ neighbourhoodId: HOME, range: 1 });
  });

  it('sends a deletion to those whose area holds the listing, and only to them', async () => {
    const { app } = server;
    const alice = await newSession(app);
    const phone = device();
    const create = server.createListing(phone.nextSeq(), { neighbourhoodId: 'kr-3102375' });
    await push(app, alice.cookie, phone.clientId, [create]);
    const id = (create.args as { id: string }).id;
    const inPangyo = await pull(app, undefined, { neighbourhood: 'kr-3102375', range: 1 });
    const inMapo = await pull(app, undefined, { neighbourhood: 'kr-1114069', range: 4 });
    expect(idsOf(inPangyo.changes)).toEqual([id]);
    expect(inMapo.changes).toEqual([]);

    await push(app, alice.cookie, phone.clientId, [deleteListing(phone.nextSeq(), id)]);
    expect((await pull(app, undefined, { neighbourhood: 'kr-3102375', range: 1, cursor: inPangyo.cursor })).changes).toEqual([
      { op: 'delete', entity: 'listing', id },
    ]);
    expect((await pull(app, undefined, { neighbourhood: 'kr-1114069', range: 4, cursor: inMapo.cursor })).changes).toEqual([]);
  });

  it('pages through an area of several neighbourhoods exactly once, in change order, skipping the rest', async () => {
    const inArea: string[] = [];
    for (let i = 0; i < 12; i++) {
      inArea.push(await listingIn('kr-3102375'), await listingIn('kr-3102374'));
      await listingIn('kr-1114069');
      inArea.push(await listingIn('kr-3102376'));
    }
    const { pages } = await pullAll(server.app, undefined, 0, 7, { neighbourhood: 'kr-3102375', range: 2 });

    expect(pages.map((p) => p.changes.length)).toEqual([7, 7, 7, 7, 7, 1]);
    expect(pages.map((p) => p.hasMore)).toEqual([true, true, true, true, true, false]);
    const seen = idsOf(pages.flatMap((p) => p.changes));
    expect(seen).toEqual(inArea);
    const cursors = pages.map((p) => p.cursor);
    for (let i = 1; i < cursors.length; i++) expect(cursors[i]).toBeGreaterThan(cursors[i - 1]);
  });

  it('brings the signed-in person their profile, and a visitor none', async () => {
    const { app } = server;
    expect((await pull(app, undefined)).profile).toBeNull();
    const alice = await newSession(app);
    const phone = device();
    await push(app, alice.cookie, phone.clientId, [server.createListing(phone.nextSeq()), setNeighbourhoods(phone.nextSeq(), [HOME, 'kr-3102375'])]);
    expect((await pull(app, alice.cookie, { neighbourhood: 'kr-1114069', range: 1 })).profile).toEqual({
      actorId: alice.actorId,
      nickname: alice.nickname,
      verificationCount: 1,
      lastVerifiedAt: T0,
      neighbourhoods: [
        { id: HOME, name: 'Sunae 1-dong 수내1동', active: true, verifiedAt: T0 },
        { id: 'kr-3102375', name: 'Pangyo-dong 판교동', active: false, verifiedAt: null },
      ],
    });
  });
});
