// The verification service over a real store (either engine): which fixes it records, which earlier fix it
// judges travel against, and what it tells a profile.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Fix } from '@dongne/shared';
import { fixAt, HOME } from '../testing/fixes.js';
import { T0 } from '../testing/harness.js';
import type { NeighbourhoodRow } from '../store/contract/neighbourhoods.js';
import type { Repositories } from '../store/contract/store.js';
import { openTestStore, query, type OpenedTestStore, type TestStore } from '../testing/test-store.js';
import type { Actor } from './session-service.js';
import { verification } from './verification-service.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

let opened: OpenedTestStore;
let store: TestStore;
let places: Map<string, NeighbourhoodRow>;
let alice: Actor;
let bob: Actor;
beforeEach(async () => {
  opened = await openTestStore();
  store = opened.store;
  places = new Map((await store.neighbourhoods.all()).map((row) => [row.id, row]));
  alice = { id: 'alice', nickname: 'Alice', joinedAt: T0 - DAY };
  bob = { id: 'bob', nickname: 'Bob', joinedAt: T0 - DAY };
  for (const actor of [alice, bob]) await store.actors.insert({ id: actor.id, nickname: actor.nickname, createdAt: T0 - DAY });
});
afterEach(() => opened.close());

/** The demo neighbourhood `id`, as the store holds it (read once per test: tests never change them). */
const place = (id: string) => places.get(id)!;
const at = (id: string, takenAt: number, options: Parameters<typeof fixAt>[2] = {}): Fix => fixAt(place(id), takenAt, options);
/** Verifies through `db`: the store unless a test passes its transaction. */
const verify = (actor: Actor, id: string, fix: Fix, now = T0, db: Repositories = store) => verification.verify(db, actor, place(id), fix, 'verify', now);
const recorded = () => query(store, 'SELECT actor_id AS "actorId", neighbourhood_id AS place, taken_at AS "takenAt" FROM verifications ORDER BY id');

describe('verify', () => {
  it('records a fix that passes, dated by when it was taken', async () => {
    const fix = at(HOME, T0 - 1_000);
    expect(await verify(alice, HOME, fix)).toEqual({ ok: true, distanceM: expect.closeTo(0, 6) });
    expect(await store.verifications.currentTakenAt(alice.id, HOME)).toBe(T0 - 1_000);
    expect(await store.verifications.fixesAround(alice.id, T0)).toEqual({ before: fix, after: undefined });
  });

  it('records nothing for a fix that fails', async () => {
    expect(await verify(alice, HOME, at(HOME, T0, { northM: 5_000 }))).toMatchObject({ ok: false, code: 'location.too_far' });
    expect(await verify(alice, HOME, at(HOME, T0 - 2 * DAY))).toMatchObject({ ok: false, code: 'location.stale' });
    expect(await recorded()).toEqual([]);
  });

  it('judges travel from the person’s most recently taken fix, not the most recently sent one', async () => {
    // Seoul ten minutes ago; then a reading from Seoul too, taken offline ten hours ago, arrives.
    expect((await verify(alice, 'kr-1114069', at('kr-1114069', T0 - 10 * MINUTE))).ok).toBe(true);
    expect((await verify(alice, 'kr-1114069', at('kr-1114069', T0 - 10 * HOUR))).ok).toBe(true);
    // Busan now is 333 km from Seoul ten minutes ago, whatever was sent last.
    expect(await verify(alice, 'kr-2109073', at('kr-2109073', T0))).toMatchObject({ ok: false, code: 'location.impossible_travel' });
  });

  it('judges travel by each person’s own fixes', async () => {
    expect((await verify(bob, 'kr-1114069', at('kr-1114069', T0 - 60_000))).ok).toBe(true);
    expect((await verify(alice, 'kr-2109073', at('kr-2109073', T0))).ok).toBe(true);
  });

  it('refuses a reading anyone has already used, and one within a metre and a second of it', async () => {
    const fix = at(HOME, T0);
    expect((await verify(alice, HOME, fix)).ok).toBe(true);
    const replays = [
      { ...fix },
      { ...fix, lat: fix.lat + 1e-9 },
      { ...fix, takenAt: fix.takenAt + 1 },
      { ...fix, takenAt: fix.takenAt - 1_000 },
      { ...fix, accuracy: fix.accuracy + 1e-9 },
    ];
    for (const replay of replays) {
      expect(await verify(alice, HOME, replay)).toMatchObject({ ok: false, code: 'location.replayed' });
      expect(await verify(bob, HOME, replay)).toMatchObject({ ok: false, code: 'location.replayed' });
    }
    expect(await recorded()).toHaveLength(1);
    // A second later, or a couple of metres away, is another reading.
    expect((await verify(bob, HOME, { ...fix, takenAt: fix.takenAt + 1_001 })).ok).toBe(true);
    expect((await verify(bob, HOME, at(HOME, T0 + 1_500, { northM: 2 }))).ok).toBe(true);
  });

  it('refuses a reading taken before the account existed', async () => {
    const carol: Actor = { id: 'carol', nickname: 'Carol', joinedAt: T0 - HOUR };
    await store.actors.insert({ id: carol.id, nickname: carol.nickname, createdAt: carol.joinedAt });
    expect(await verify(carol, HOME, at(HOME, carol.joinedAt - 6 * MINUTE))).toMatchObject({ ok: false, code: 'location.before_account' });
    // A phone whose clock runs a little behind the server's is not taken for a forger.
    expect((await verify(carol, HOME, at(HOME, carol.joinedAt - MINUTE))).ok).toBe(true);
  });

  it('refuses accuracy 0 as a made-up reading', async () => {
    expect(await verify(alice, HOME, at(HOME, T0, { accuracy: 0 }))).toMatchObject({ ok: false, code: 'location.implausible_accuracy' });
    expect(await recorded()).toEqual([]);
  });

  it('refuses a back-dated reading older than one accepted elsewhere since', async () => {
    // Verified in Pangyo with a reading taken two minutes ago; then a reading from Busan dated 23
    // hours ago arrives. The travel between them is possible, but the person has been in Pangyo since.
    expect((await verify(alice, 'kr-3102375', at('kr-3102375', T0 - 2 * MINUTE))).ok).toBe(true);
    const busan = await verify(alice, 'kr-2109073', at('kr-2109073', T0 - 23 * HOUR));
    expect(busan).toMatchObject({ ok: false, code: 'location.superseded' });
    expect(busan.ok || busan.message).toContain('before you verified in Pangyo-dong');
    expect(await verification.hasCurrentVerification(store, alice.id, 'kr-2109073', T0)).toBe(false);
    expect(await verification.hasCurrentVerification(store, alice.id, 'kr-3102375', T0)).toBe(true);
    // An older reading in the same place is no news: it passes.
    expect((await verify(alice, 'kr-3102375', at('kr-3102375', T0 - 3 * MINUTE, { northM: 50 }))).ok).toBe(true);
  });

  it('writes inside the caller’s transaction, so a rejected mutation takes its verification back', async () => {
    await expect(
      store.transaction(async (tx) => {
        expect((await verify(alice, HOME, at(HOME, T0), T0, tx)).ok).toBe(true);
        throw new Error('the handler refused the listing');
      }),
    ).rejects.toThrow('refused');
    expect(await recorded()).toEqual([]);
  });
});

describe('hasCurrentVerification', () => {
  it('holds for 30 days in the neighbourhood verified, and nowhere else', async () => {
    await verify(alice, HOME, at(HOME, T0));
    expect(await verification.hasCurrentVerification(store, alice.id, HOME, T0 + 30 * DAY)).toBe(true);
    expect(await verification.hasCurrentVerification(store, alice.id, HOME, T0 + 30 * DAY + 1)).toBe(false);
    expect(await verification.hasCurrentVerification(store, alice.id, 'kr-3102375', T0)).toBe(false);
    expect(await verification.hasCurrentVerification(store, bob.id, HOME, T0)).toBe(false);
  });

  it('counts from the latest verification there', async () => {
    await verify(alice, HOME, at(HOME, T0));
    await verify(alice, HOME, at(HOME, T0 + 20 * DAY), T0 + 20 * DAY);
    expect(await verification.hasCurrentVerification(store, alice.id, HOME, T0 + 45 * DAY)).toBe(true);
  });

  it('counts from when the reading was taken, not when it arrived', async () => {
    // Taken offline 20 hours before it reached the server.
    await verify(alice, HOME, at(HOME, T0 - 20 * HOUR));
    expect(await verification.hasCurrentVerification(store, alice.id, HOME, T0 - 20 * HOUR + 30 * DAY)).toBe(true);
    expect(await verification.hasCurrentVerification(store, alice.id, HOME, T0 - 20 * HOUR + 30 * DAY + 1)).toBe(false);
  });

  it('ends when a later reading is taken somewhere else, whichever arrived first', async () => {
    // In the order they were taken: Busan yesterday, Pangyo now.
    await verify(alice, 'kr-2109073', at('kr-2109073', T0 - 23 * HOUR));
    expect(await verification.hasCurrentVerification(store, alice.id, 'kr-2109073', T0)).toBe(true);
    await verify(alice, 'kr-3102375', at('kr-3102375', T0 - 2 * MINUTE));
    expect(await verification.hasCurrentVerification(store, alice.id, 'kr-2109073', T0)).toBe(false);
    expect(await verification.hasCurrentVerification(store, alice.id, 'kr-3102375', T0)).toBe(true);
    // Back in Busan later: verified there again, and no longer in Pangyo.
    await verify(alice, 'kr-2109073', at('kr-2109073', T0 + DAY), T0 + DAY);
    expect(await verification.hasCurrentVerification(store, alice.id, 'kr-2109073', T0 + DAY)).toBe(true);
    expect(await verification.hasCurrentVerification(store, alice.id, 'kr-3102375', T0 + DAY)).toBe(false);
  });
});

describe('profile', () => {
  it('counts at most one verification per neighbourhood per day, however many readings passed', async () => {
    // Readings a few seconds and metres apart each pass, but they prove nothing new that day.
    for (let i = 0; i < 5; i++) expect((await verify(alice, HOME, at(HOME, T0 + i * 2_000, { northM: 3 * i }))).ok).toBe(true);
    expect((await verification.profile(store, alice, T0 + 10_000)).verificationCount).toBe(1);
    await verify(alice, HOME, at(HOME, T0 + DAY), T0 + DAY);
    expect((await verification.profile(store, alice, T0 + DAY)).verificationCount).toBe(2);
  });

  it('is empty for someone who has done nothing yet', async () => {
    expect(await verification.profile(store, alice, T0)).toEqual({ actorId: 'alice', nickname: 'Alice', verificationCount: 0, lastVerifiedAt: null, neighbourhoods: [] });
  });

  it('counts every verification, names the held neighbourhoods active first, and dates the current one', async () => {
    await verify(alice, 'kr-3102375', at('kr-3102375', T0));
    await verify(alice, HOME, at(HOME, T0 + DAY), T0 + DAY);
    await verify(alice, HOME, at(HOME, T0 + 2 * DAY - HOUR), T0 + 2 * DAY);
    await verify(bob, HOME, at(HOME, T0 + 3 * DAY), T0 + 3 * DAY);
    await store.actorNeighbourhoods.set(alice.id, [HOME, 'kr-3102375'], 'kr-3102375', T0);

    expect(await verification.profile(store, alice, T0 + 3 * DAY)).toEqual({
      actorId: 'alice',
      nickname: 'Alice',
      verificationCount: 3,
      lastVerifiedAt: T0 + 2 * DAY - HOUR,
      neighbourhoods: [
        // Verified in Pangyo first, in Sunae since: only Sunae is current.
        { id: 'kr-3102375', name: 'Pangyo-dong 판교동', active: true, verifiedAt: null },
        { id: HOME, name: 'Sunae 1-dong 수내1동', active: false, verifiedAt: T0 + 2 * DAY - HOUR },
      ],
    });
    // Thirty days after that reading was taken, it no longer counts.
    expect((await verification.profile(store, alice, T0 + 32 * DAY)).neighbourhoods[1].verifiedAt).toBeNull();
  });
});
