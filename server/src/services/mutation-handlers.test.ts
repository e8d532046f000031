// What each mutation does on the server, pushed through app.request() into a real store:
// publishing needs proof of place, verifying checks the fix, holding neighbourhoods is checked.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LISTING_LIMITS, type Mutation, type MutationResult } from '@dongne/shared';
import {
  countRows,
  createTestServer,
  deleteListing,
  device,
  dumpTables,
  listingArgs,
  mutation,
  newSession,
  pull,
  push,
  setNeighbourhoods,
  signIn,
  T0,
  verifyNeighbourhood,
  type TestServer,
} from '../testing/harness.js';
import { fixAt, HOME } from '../testing/fixes.js';
import { query } from '../testing/test-store.js';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

let server: TestServer;
let alice: Awaited<ReturnType<typeof newSession>>;
let phone: ReturnType<typeof device>;
beforeEach(async () => {
  server = await createTestServer();
  alice = await newSession(server.app);
  phone = device();
});
afterEach(() => server.close());

/** Pushes from Alice's phone and returns the one result. */
async function pushOne(m: Mutation): Promise<MutationResult> {
  const { results } = await push(server.app, alice.cookie, phone.clientId, [m]);
  return results[0];
}

/** The tables a refused mutation must leave exactly as they were. */
async function domainTables() {
  const { listings, change_counter, verifications, actor_neighbourhoods } = await dumpTables(server.store);
  return { listings, change_counter, verifications, actor_neighbourhoods };
}

const verificationsOf = (actorId: string) =>
  query(
    server.store,
    'SELECT neighbourhood_id AS "neighbourhoodId", lat, lng, accuracy, taken_at AS "takenAt", verified_at AS "verifiedAt" FROM verifications WHERE actor_id = ? ORDER BY id',
    actorId,
  );

const centreOf = async (id: string) => (await server.store.neighbourhoods.byId(id))!;

describe('listing.create needs proof of place', () => {
  it('applies with a passing fix taken at Publish, and records that as a verification', async () => {
    const create = server.createListing(phone.nextSeq());
    expect(await pushOne(create)).toMatchObject({ status: 'applied' });

    expect(await server.store.listings.byId((create.args as { id: string }).id)).toMatchObject({ neighbourhoodId: HOME, sellerId: alice.actorId });
    const { lat, lng, accuracy, takenAt } = create.fix!;
    expect(await verificationsOf(alice.actorId)).toEqual([{ neighbourhoodId: HOME, lat, lng, accuracy, takenAt, verifiedAt: T0 }]);
    const { profile } = await pull(server.app, alice.cookie);
    expect(profile).toMatchObject({ verificationCount: 1, lastVerifiedAt: T0 });
  });

  it('refuses a publish from 20 km away as location.too_far, says how far, and writes nothing', async () => {
    const before = await domainTables();
    const far = mutation(phone.nextSeq(), 'listing.create', server.createListing(0).args, { fix: server.fixAt(HOME, { northM: 20_000 }) });

    const result = await pushOne(far);

    expect(result).toEqual({
      mutationId: far.mutationId,
      seq: far.seq,
      status: 'rejected',
      code: 'location.too_far',
      message: 'You were 19.4 km from Sunae 1-dong when you tapped Publish.',
    });
    expect(await domainTables()).toEqual(before);
  });

  it('applies without a fix when the seller verified there in the last 30 days, and counts no new verification', async () => {
    expect(await pushOne(verifyNeighbourhood(phone.nextSeq(), HOME, server.fixAt(HOME)))).toMatchObject({ status: 'applied' });
    server.clock.advance(3 * DAY);

    const { fix: _, ...withoutFix } = server.createListing(phone.nextSeq());
    expect(await pushOne(withoutFix)).toMatchObject({ status: 'applied' });
    expect(await countRows(server.store, 'listings')).toBe(1);
    expect(await verificationsOf(alice.actorId)).toHaveLength(1);
  });

  it('refuses a publish with neither a fix nor a current verification as location.verification_required', async () => {
    const before = await domainTables();
    const { fix: _, ...withoutFix } = server.createListing(phone.nextSeq());
    expect(await pushOne(withoutFix)).toMatchObject({
      status: 'rejected',
      code: 'location.verification_required',
      message: 'Selling in Sunae 1-dong needs a verified location. Verify your neighbourhood while you are there, then publish again.',
    });
    expect(await domainTables()).toEqual(before);
  });

  it('counts only a verification of the listing’s own neighbourhood', async () => {
    await pushOne(verifyNeighbourhood(phone.nextSeq(), 'kr-3102375', server.fixAt('kr-3102375')));
    const { fix: _, ...inSunae } = server.createListing(phone.nextSeq(), { neighbourhoodId: HOME });
    expect(await pushOne(inSunae)).toMatchObject({ status: 'rejected', code: 'location.verification_required' });
    const { fix: __, ...inPangyo } = server.createListing(phone.nextSeq(), { neighbourhoodId: 'kr-3102375' });
    expect(await pushOne(inPangyo)).toMatchObject({ status: 'applied' });
  });

  it('lets a verification last exactly 30 days', async () => {
    await pushOne(verifyNeighbourhood(phone.nextSeq(), HOME, server.fixAt(HOME)));
    const withoutFix = () => {
      const { fix: _, ...m } = server.createListing(phone.nextSeq());
      return m;
    };

    server.clock.set(T0 + 30 * DAY);
    // A month unused ended Alice's session too: she signs in again.
    alice.cookie = await signIn(server.app, alice);
    expect(await pushOne(withoutFix())).toMatchObject({ status: 'applied' });
    server.clock.set(T0 + 30 * DAY + 1);
    expect(await pushOne(withoutFix())).toMatchObject({ status: 'rejected', code: 'location.verification_required' });
    // A fresh fix at Publish starts another 30 days.
    expect(await pushOne(server.createListing(phone.nextSeq()))).toMatchObject({ status: 'applied' });
    expect(await pushOne(withoutFix())).toMatchObject({ status: 'applied' });
  });

  it('still applies with a current verification when the fix taken at Publish fails, and records no failed fix', async () => {
    await pushOne(verifyNeighbourhood(phone.nextSeq(), HOME, server.fixAt(HOME)));
    const vague = server.createListing(phone.nextSeq());
    expect(await pushOne({ ...vague, fix: { ...vague.fix!, accuracy: 500 } })).toMatchObject({ status: 'applied' });
    expect(await verificationsOf(alice.actorId)).toHaveLength(1);
  });

  it('records no verification for a publish refused for another reason', async () => {
    const first = server.createListing(phone.nextSeq());
    await pushOne(first);
    const before = await domainTables();
    const sameId = server.createListing(phone.nextSeq(), { id: (first.args as { id: string }).id });
    expect(await pushOne(sameId)).toMatchObject({ status: 'rejected', code: 'listing.id_taken' });
    // The fix passed, but the handler's savepoint took the verification back with the listing.
    expect(await domainTables()).toEqual(before);
  });

  it('refuses a listing in a neighbourhood Dongne does not know', async () => {
    const nowhere = server.createListing(phone.nextSeq());
    const result = await pushOne({ ...nowhere, args: { ...(nowhere.args as object), neighbourhoodId: 'kr-atlantis' } });
    expect(result).toMatchObject({ status: 'rejected', code: 'neighbourhood.unknown' });
    expect(await countRows(server.store, 'listings')).toBe(0);
  });

  it('stores the neighbourhood’s display name with the id, whatever name the device had', async () => {
    const create = server.createListing(phone.nextSeq(), { neighbourhoodId: 'kr-3102375' });
    await pushOne({ ...create, args: { ...(create.args as object), neighbourhood: 'Somewhere nicer' } });
    expect(await server.store.listings.byId((create.args as { id: string }).id)).toMatchObject({
      neighbourhoodId: 'kr-3102375',
      neighbourhood: 'Pangyo-dong 판교동',
    });
  });

  it('needs no proof of place to delete one’s own listing', async () => {
    const create = server.createListing(phone.nextSeq());
    await pushOne(create);
    server.clock.advance(60 * DAY);
    alice.cookie = await signIn(server.app, alice);
    expect(await pushOne(deleteListing(phone.nextSeq(), (create.args as { id: string }).id))).toMatchObject({ status: 'applied' });
  });
});

describe('how many listings a day', () => {
  it(`publishes at most ${LISTING_LIMITS.perDay} listings a day per account, deleted ones included, and says when to try again`, async () => {
    const batch = Array.from({ length: LISTING_LIMITS.perDay }, () => server.createListing(phone.nextSeq()));
    expect((await push(server.app, alice.cookie, phone.clientId, batch)).results.every((r) => r.status === 'applied')).toBe(true);
    // Deleting one does not make room for another: the cap counts what was published.
    expect(await pushOne(deleteListing(phone.nextSeq(), (batch[0].args as { id: string }).id))).toMatchObject({ status: 'applied' });
    const before = await domainTables();
    const result = await pushOne(server.createListing(phone.nextSeq()));
    expect(result).toMatchObject({ status: 'rejected', code: 'listing.daily_limit', message: expect.stringContaining('publish it again tomorrow') });
    expect(await domainTables()).toEqual(before);

    // Another account is not held back by Alice's cap.
    const bob = await newSession(server.app);
    expect((await push(server.app, bob.cookie, device().clientId, [server.createListing(1)])).results[0]).toMatchObject({ status: 'applied' });
    // A day after the first of them, there is room again.
    server.clock.advance(DAY + 1);
    expect(await pushOne(server.createListing(phone.nextSeq()))).toMatchObject({ status: 'applied' });
  });
});

describe('daily caps an operator sets', () => {
  it('hold the account to the configured number instead', async () => {
    await server.close();
    server = await createTestServer({ dailyCaps: { listings: 2 } });
    alice = await newSession(server.app);
    const { results } = await push(server.app, alice.cookie, phone.clientId, [1, 2, 3].map((seq) => server.createListing(seq)));
    expect(results.map((r) => (r.status === 'rejected' ? r.message : r.status))).toEqual([
      'applied',
      'applied',
      expect.stringContaining('You can publish 2 listings a day'),
    ]);
  });
});

describe('listing.set_status', () => {
  it('lets the seller move a listing to reserved, sold and back, and everyone pulls the change', async () => {
    const create = server.createListing(phone.nextSeq());
    const id = (create.args as { id: string }).id;
    await pushOne(create);
    for (const status of ['reserved', 'sold', 'selling'] as const) {
      expect(await pushOne(mutation(phone.nextSeq(), 'listing.set_status', { id, status }))).toMatchObject({ status: 'applied' });
      const row = (await pull(server.app, undefined)).changes.find((c) => c.op === 'upsert' && c.entity === 'listing' && c.row.id === id);
      expect(row).toMatchObject({ row: { status } });
    }
  });

  it('refuses anyone but the seller, a listing that is gone, and an unknown status, changing nothing', async () => {
    const create = server.createListing(phone.nextSeq());
    const id = (create.args as { id: string }).id;
    await pushOne(create);
    const bob = await newSession(server.app);
    const before = await dumpTables(server.store);
    const bobsTry = await push(server.app, bob.cookie, device().clientId, [mutation(1, 'listing.set_status', { id, status: 'sold' })]);
    expect(bobsTry.results[0]).toMatchObject({ status: 'rejected', code: 'listing.not_owner' });
    expect(await pushOne(mutation(phone.nextSeq(), 'listing.set_status', { id, status: 'gone' }))).toMatchObject({ status: 'rejected', code: 'mutation.invalid_args' });
    expect(await pushOne(mutation(phone.nextSeq(), 'listing.set_status', { id: crypto.randomUUID(), status: 'sold' }))).toMatchObject({
      status: 'rejected',
      code: 'listing.not_found',
    });
    const after = await dumpTables(server.store);
    expect(after.listings).toEqual(before.listings);
  });
});

describe('neighbourhood.verify', () => {
  it('records a passing fix, which the profile then counts', async () => {
    const fix = server.fixAt('kr-3102375');
    expect(await pushOne(verifyNeighbourhood(phone.nextSeq(), 'kr-3102375', fix))).toMatchObject({ status: 'applied' });
    expect(await verificationsOf(alice.actorId)).toEqual([{ neighbourhoodId: 'kr-3102375', ...fix, verifiedAt: T0 }]);
    expect((await pull(server.app, alice.cookie)).profile).toMatchObject({ verificationCount: 1, lastVerifiedAt: T0 });
  });

  it('refuses a verification that came without a fix as location.missing', async () => {
    expect(await pushOne(verifyNeighbourhood(phone.nextSeq(), HOME))).toMatchObject({
      status: 'rejected',
      code: 'location.missing',
      message: 'No location came with this verification. Allow location access and try again.',
    });
    expect(await countRows(server.store, 'verifications')).toBe(0);
  });

  it('refuses a fix taken offline two days before it was pushed as location.stale', async () => {
    const old = fixAt(await centreOf(HOME), T0 - 2 * DAY);
    const result = await pushOne(verifyNeighbourhood(phone.nextSeq(), HOME, old));
    expect(result).toMatchObject({ status: 'rejected', code: 'location.stale' });
    expect(result.status === 'rejected' && result.message).toMatch(/^Your location was taken 2 days before it reached us/);
    expect(await countRows(server.store, 'verifications')).toBe(0);
  });

  it.each([
    ['a fix dated an hour ahead', { takenAt: T0 + 60 * MINUTE }, 'location.from_future'],
    ['a fix accurate only to 300 m', { accuracy: 300 }, 'location.inaccurate'],
    ['a fix 5 km away', { lat: 37.374 + 0.045 }, 'location.too_far'],
  ])('refuses %s', async (_, change, code) => {
    const fix = { ...server.fixAt(HOME), ...change };
    expect(await pushOne(verifyNeighbourhood(phone.nextSeq(), HOME, fix))).toMatchObject({ status: 'rejected', code });
    expect(await countRows(server.store, 'verifications')).toBe(0);
  });

  it('refuses Seoul then Busan five minutes later as location.impossible_travel', async () => {
    const inSeoul = fixAt(await centreOf('kr-1114069'), server.clock.now());
    expect(await pushOne(verifyNeighbourhood(phone.nextSeq(), 'kr-1114069', inSeoul))).toMatchObject({ status: 'applied' });
    server.clock.advance(5 * MINUTE);
    const inBusan = fixAt(await centreOf('kr-2109073'), server.clock.now());

    const result = await pushOne(verifyNeighbourhood(phone.nextSeq(), 'kr-2109073', inBusan));

    expect(result).toMatchObject({ status: 'rejected', code: 'location.impossible_travel' });
    expect(result.status === 'rejected' && result.message).toMatch(/^This location is 333\.\d km from where you were 5 minutes earlier/);
    expect(await verificationsOf(alice.actorId)).toEqual([expect.objectContaining({ neighbourhoodId: 'kr-1114069' })]);
    // By train it takes hours; after four of them the same trip is believable.
    server.clock.advance(4 * 60 * MINUTE);
    const later = fixAt(await centreOf('kr-2109073'), server.clock.now());
    expect(await pushOne(verifyNeighbourhood(phone.nextSeq(), 'kr-2109073', later))).toMatchObject({ status: 'applied' });
  });

  it('refuses the same fix twice as location.replayed, from the same person or anyone else', async () => {
    const fix = server.fixAt(HOME);
    expect(await pushOne(verifyNeighbourhood(phone.nextSeq(), HOME, fix))).toMatchObject({ status: 'applied' });
    expect(await pushOne(verifyNeighbourhood(phone.nextSeq(), HOME, fix))).toMatchObject({ status: 'rejected', code: 'location.replayed' });

    const bob = await newSession(server.app);
    const bobPhone = device();
    const { results } = await push(server.app, bob.cookie, bobPhone.clientId, [verifyNeighbourhood(1, HOME, { ...fix })]);
    expect(results[0]).toMatchObject({ status: 'rejected', code: 'location.replayed' });
    expect(await countRows(server.store, 'verifications')).toBe(1);
  });

  it('refuses the same reading nudged by a hair, from anyone: one physical reading counts once', async () => {
    const fix = server.fixAt(HOME);
    expect(await pushOne(verifyNeighbourhood(phone.nextSeq(), HOME, fix))).toMatchObject({ status: 'applied' });
    const nudged = [{ ...fix, lat: fix.lat + 1e-9 }, { ...fix, takenAt: fix.takenAt + 1 }, { ...fix, accuracy: fix.accuracy + 1e-9 }];
    for (const copy of nudged) {
      expect(await pushOne(verifyNeighbourhood(phone.nextSeq(), HOME, copy))).toMatchObject({ status: 'rejected', code: 'location.replayed' });
    }
    const bob = await newSession(server.app);
    const bobPhone = device();
    const { results } = await push(server.app, bob.cookie, bobPhone.clientId, nudged.map((copy) => verifyNeighbourhood(bobPhone.nextSeq(), HOME, copy)));
    expect(results.map((r) => r.status === 'rejected' && r.code)).toEqual(['location.replayed', 'location.replayed', 'location.replayed']);
    expect(await countRows(server.store, 'verifications')).toBe(1);
  });

  it('refuses a reading dated before the account existed, and one claiming perfect accuracy', async () => {
    server.clock.advance(60 * MINUTE);
    const carol = await newSession(server.app);
    const carolPhone = device();
    const beforeCarol = fixAt(await centreOf(HOME), T0 + 30 * MINUTE);
    const perfect = { ...server.fixAt(HOME), accuracy: 0 };
    const { results } = await push(server.app, carol.cookie, carolPhone.clientId, [
      verifyNeighbourhood(1, HOME, beforeCarol),
      verifyNeighbourhood(2, HOME, perfect),
    ]);
    expect(results.map((r) => r.status === 'rejected' && r.code)).toEqual(['location.before_account', 'location.implausible_accuracy']);
    expect(await countRows(server.store, 'verifications')).toBe(0);
  });

  it('decides by when readings were taken: a back-dated reading from Busan cannot verify someone verified in Pangyo since', async () => {
    server.clock.advance(DAY);
    const inPangyo = fixAt(await centreOf('kr-3102375'), server.clock.now() - 2 * MINUTE);
    expect(await pushOne(verifyNeighbourhood(phone.nextSeq(), 'kr-3102375', inPangyo))).toMatchObject({ status: 'applied' });
    // 325 km away, dated 23 hours ago: travel allows it, but Pangyo came after it.
    const backDated = fixAt(await centreOf('kr-2109073'), server.clock.now() - 23 * 60 * MINUTE);
    expect(await pushOne(verifyNeighbourhood(phone.nextSeq(), 'kr-2109073', backDated))).toMatchObject({
      status: 'rejected',
      code: 'location.superseded',
    });
    // The next push: a listing in Busan is refused, one in Pangyo is accepted, neither with a fix.
    const busan = mutation(phone.nextSeq(), 'listing.create', listingArgs({ neighbourhoodId: 'kr-2109073' }));
    const busanWithOldFix = mutation(phone.nextSeq(), 'listing.create', listingArgs({ neighbourhoodId: 'kr-2109073' }), {
      fix: fixAt(await centreOf('kr-2109073'), server.clock.now() - 22 * 60 * MINUTE),
    });
    const pangyo = mutation(phone.nextSeq(), 'listing.create', listingArgs({ neighbourhoodId: 'kr-3102375' }));
    const { results } = await push(server.app, alice.cookie, phone.clientId, [busan, busanWithOldFix, pangyo]);
    expect(results.map((r) => (r.status === 'rejected' ? r.code : r.status))).toEqual([
      'location.verification_required',
      'location.superseded',
      'applied',
    ]);
    expect(await verificationsOf(alice.actorId)).toEqual([expect.objectContaining({ neighbourhoodId: 'kr-3102375' })]);
  });

  it('refuses to verify a neighbourhood Dongne does not know', async () => {
    expect(await pushOne(verifyNeighbourhood(phone.nextSeq(), 'kr-atlantis', server.fixAt(HOME)))).toMatchObject({
      status: 'rejected',
      code: 'neighbourhood.unknown',
    });
  });
});

describe('neighbourhood.set', () => {
  const held = async () => (await pull(server.app, alice.cookie)).profile?.neighbourhoods;

  it('holds one or two neighbourhoods with one active, and shows them on the profile', async () => {
    expect(await pushOne(setNeighbourhoods(phone.nextSeq(), [HOME]))).toMatchObject({ status: 'applied' });
    expect(await held()).toEqual([{ id: HOME, name: 'Sunae 1-dong 수내1동', active: true, verifiedAt: null }]);

    await pushOne(verifyNeighbourhood(phone.nextSeq(), 'kr-3102375', server.fixAt('kr-3102375')));
    expect(await pushOne(setNeighbourhoods(phone.nextSeq(), [HOME, 'kr-3102375'], 'kr-3102375'))).toMatchObject({ status: 'applied' });
    // Active first; each with when it was last verified.
    expect(await held()).toEqual([
      { id: 'kr-3102375', name: 'Pangyo-dong 판교동', active: true, verifiedAt: T0 },
      { id: HOME, name: 'Sunae 1-dong 수내1동', active: false, verifiedAt: null },
    ]);
  });

  it('replaces the whole set: a neighbourhood left out is no longer held', async () => {
    await pushOne(setNeighbourhoods(phone.nextSeq(), [HOME, 'kr-3102375']));
    await pushOne(setNeighbourhoods(phone.nextSeq(), ['kr-3102375', 'kr-1114069'], 'kr-1114069'));
    expect((await held())?.map((n) => [n.id, n.active])).toEqual([
      ['kr-1114069', true],
      ['kr-3102375', false],
    ]);
  });

  it.each([
    ['an unknown neighbourhood', { held: [HOME, 'kr-atlantis'], active: HOME }, 'neighbourhood.unknown'],
    ['three neighbourhoods', { held: [HOME, 'kr-3102375', 'kr-3102363'], active: HOME }, 'mutation.invalid_args'],
    ['an active one that is not held', { held: [HOME], active: 'kr-3102375' }, 'mutation.invalid_args'],
    ['the same one twice', { held: [HOME, HOME], active: HOME }, 'mutation.invalid_args'],
    ['none at all', { held: [], active: HOME }, 'mutation.invalid_args'],
  ])('refuses %s and keeps what was held', async (_, args, code) => {
    await pushOne(setNeighbourhoods(phone.nextSeq(), [HOME]));
    const before = await domainTables();
    expect(await pushOne(mutation(phone.nextSeq(), 'neighbourhood.set', args))).toMatchObject({ status: 'rejected', code });
    expect(await domainTables()).toEqual(before);
  });

  it('keeps each person’s neighbourhoods apart', async () => {
    await pushOne(setNeighbourhoods(phone.nextSeq(), [HOME]));
    const bob = await newSession(server.app);
    await push(server.app, bob.cookie, device().clientId, [setNeighbourhoods(1, ['kr-1114069'])]);
    expect((await held())?.map((n) => n.id)).toEqual([HOME]);
    expect((await pull(server.app, bob.cookie)).profile?.neighbourhoods.map((n) => n.id)).toEqual(['kr-1114069']);
  });
});
