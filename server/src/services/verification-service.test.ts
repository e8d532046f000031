// The verification service over a real SQLite store: which fixes it records, which earlier fix it
// judges travel against, and what it tells a profile.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Fix } from '@dongne/shared';
import { fixAt, HOME } from '../testing/fixes.js';
import { T0 } from '../testing/harness.js';
import { openStore, type Store } from '../store/store.js';
import { ensureDemoNeighbourhoods } from './neighbourhood-import.js';
import type { Actor } from './session-service.js';
import { createVerificationService, type VerificationService } from './verification-service.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

let store: Store;
let service: VerificationService;
let alice: Actor;
let bob: Actor;
beforeEach(() => {
  store = openStore(':memory:');
  ensureDemoNeighbourhoods(store);
  service = createVerificationService(store);
  alice = { id: 'alice', nickname: 'Alice', joinedAt: T0 - DAY };
  bob = { id: 'bob', nickname: 'Bob', joinedAt: T0 - DAY };
  for (const actor of [alice, bob]) store.actors.insert({ id: actor.id, nickname: actor.nickname, tokenHash: null, createdAt: T0 - DAY });
});
afterEach(() => store.close());

const place = (id: string) => store.neighbourhoods.byId(id)!;
const at = (id: string, takenAt: number, options: Parameters<typeof fixAt>[2] = {}): Fix => fixAt(place(id), takenAt, options);
const verify = (actor: Actor, id: string, fix: Fix, now = T0) => service.verify(actor, place(id), fix, 'verify', now);
const recorded = () => store.db.prepare('SELECT actor_id AS actorId, neighbourhood_id AS place, taken_at AS takenAt FROM verifications ORDER BY id').all();

describe('verify', () => {
  it('records a fix that passes, dated by when it was taken', () => {
    const fix = at(HOME, T0 - 1_000);
    expect(verify(alice, HOME, fix)).toEqual({ ok: true, distanceM: expect.closeTo(0, 6) });
    expect(store.verifications.currentTakenAt(alice.id, HOME)).toBe(T0 - 1_000);
    expect(store.verifications.fixesAround(alice.id, T0)).toEqual({ before: fix, after: undefined });
  });

  it('records nothing for a fix that fails', () => {
    expect(verify(alice, HOME, at(HOME, T0, { northM: 5_000 }))).toMatchObject({ ok: false, code: 'location.too_far' });
    expect(verify(alice, HOME, at(HOME, T0 - 2 * DAY))).toMatchObject({ ok: false, code: 'location.stale' });
    expect(recorded()).toEqual([]);
  });

  it('judges travel from the person’s most recently taken fix, not the most recently sent one', () => {
    // Seoul ten minutes ago; then a reading from Seoul too, taken offline ten hours ago, arrives.
    expect(verify(alice, 'kr-mapo-mangwon', at('kr-mapo-mangwon', T0 - 10 * MINUTE)).ok).toBe(true);
    expect(verify(alice, 'kr-mapo-mangwon', at('kr-mapo-mangwon', T0 - 10 * HOUR)).ok).toBe(true);
    // Busan now is 333 km from Seoul ten minutes ago, whatever was sent last.
    expect(verify(alice, 'kr-haeundae-u', at('kr-haeundae-u', T0))).toMatchObject({ ok: false, code: 'location.impossible_travel' });
  });

  it('judges travel by each person’s own fixes', () => {
    expect(verify(bob, 'kr-mapo-mangwon', at('kr-mapo-mangwon', T0 - 60_000)).ok).toBe(true);
    expect(verify(alice, 'kr-haeundae-u', at('kr-haeundae-u', T0)).ok).toBe(true);
  });

  it('refuses a reading anyone has already used, and one within a metre and a second of it', () => {
    const fix = at(HOME, T0);
    expect(verify(alice, HOME, fix).ok).toBe(true);
    const replays = [
      { ...fix },
      { ...fix, lat: fix.lat + 1e-9 },
      { ...fix, takenAt: fix.takenAt + 1 },
      { ...fix, takenAt: fix.takenAt - 1_000 },
      { ...fix, accuracy: fix.accuracy + 1e-9 },
    ];
    for (const replay of replays) {
      expect(verify(alice, HOME, replay)).toMatchObject({ ok: false, code: 'location.replayed' });
      expect(verify(bob, HOME, replay)).toMatchObject({ ok: false, code: 'location.replayed' });
    }
    expect(recorded()).toHaveLength(1);
    // A second later, or a couple of metres away, is another reading.
    expect(verify(bob, HOME, { ...fix, takenAt: fix.takenAt + 1_001 }).ok).toBe(true);
    expect(verify(bob, HOME, at(HOME, T0 + 1_500, { northM: 2 })).ok).toBe(true);
  });

  it('refuses a reading taken before the account existed', () => {
    const carol: Actor = { id: 'carol', nickname: 'Carol', joinedAt: T0 - HOUR };
    store.actors.insert({ id: carol.id, nickname: carol.nickname, tokenHash: null, createdAt: carol.joinedAt });
    expect(verify(carol, HOME, at(HOME, carol.joinedAt - 6 * MINUTE))).toMatchObject({ ok: false, code: 'location.before_account' });
    // A phone whose clock runs a little behind the server's is not taken for a forger.
    expect(verify(carol, HOME, at(HOME, carol.joinedAt - MINUTE)).ok).toBe(true);
  });

  it('refuses accuracy 0 as a made-up reading', () => {
    expect(verify(alice, HOME, at(HOME, T0, { accuracy: 0 }))).toMatchObject({ ok: false, code: 'location.implausible_accuracy' });
    expect(recorded()).toEqual([]);
  });

  it('refuses a back-dated reading older than one accepted elsewhere since', () => {
    // Verified in Pangyo with a reading taken two minutes ago; then a reading from Busan dated 23
    // hours ago arrives. The travel between them is possible, but the person has been in Pangyo since.
    expect(verify(alice, 'kr-bundang-pangyo', at('kr-bundang-pangyo', T0 - 2 * MINUTE)).ok).toBe(true);
    const busan = verify(alice, 'kr-haeundae-u', at('kr-haeundae-u', T0 - 23 * HOUR));
    expect(busan).toMatchObject({ ok: false, code: 'location.superseded' });
    expect(busan.ok || busan.message).toContain('before you verified in Pangyo-dong');
    expect(service.hasCurrentVerification(alice.id, 'kr-haeundae-u', T0)).toBe(false);
    expect(service.hasCurrentVerification(alice.id, 'kr-bundang-pangyo', T0)).toBe(true);
    // An older reading in the same place is no news: it passes.
    expect(verify(alice, 'kr-bundang-pangyo', at('kr-bundang-pangyo', T0 - 3 * MINUTE, { northM: 50 })).ok).toBe(true);
  });

  it('writes inside the caller’s transaction, so a rejected mutation takes its verification back', () => {
    expect(() =>
      store.transaction(() => {
        expect(verify(alice, HOME, at(HOME, T0)).ok).toBe(true);
        throw new Error('the handler refused the listing');
      }),
    ).toThrow('refused');
    expect(recorded()).toEqual([]);
  });
});

describe('hasCurrentVerification', () => {
  it('holds for 30 days in the neighbourhood verified, and nowhere else', () => {
    verify(alice, HOME, at(HOME, T0));
    expect(service.hasCurrentVerification(alice.id, HOME, T0 + 30 * DAY)).toBe(true);
    expect(service.hasCurrentVerification(alice.id, HOME, T0 + 30 * DAY + 1)).toBe(false);
    expect(service.hasCurrentVerification(alice.id, 'kr-bundang-pangyo', T0)).toBe(false);
    expect(service.hasCurrentVerification(bob.id, HOME, T0)).toBe(false);
  });

  it('counts from the latest verification there', () => {
    verify(alice, HOME, at(HOME, T0));
    verify(alice, HOME, at(HOME, T0 + 20 * DAY), T0 + 20 * DAY);
    expect(service.hasCurrentVerification(alice.id, HOME, T0 + 45 * DAY)).toBe(true);
  });

  it('counts from when the reading was taken, not when it arrived', () => {
    // Taken offline 20 hours before it reached the server.
    verify(alice, HOME, at(HOME, T0 - 20 * HOUR));
    expect(service.hasCurrentVerification(alice.id, HOME, T0 - 20 * HOUR + 30 * DAY)).toBe(true);
    expect(service.hasCurrentVerification(alice.id, HOME, T0 - 20 * HOUR + 30 * DAY + 1)).toBe(false);
  });

  it('ends when a later reading is taken somewhere else, whichever arrived first', () => {
    // In the order they were taken: Busan yesterday, Pangyo now.
    verify(alice, 'kr-haeundae-u', at('kr-haeundae-u', T0 - 23 * HOUR));
    expect(service.hasCurrentVerification(alice.id, 'kr-haeundae-u', T0)).toBe(true);
    verify(alice, 'kr-bundang-pangyo', at('kr-bundang-pangyo', T0 - 2 * MINUTE));
    expect(service.hasCurrentVerification(alice.id, 'kr-haeundae-u', T0)).toBe(false);
    expect(service.hasCurrentVerification(alice.id, 'kr-bundang-pangyo', T0)).toBe(true);
    // Back in Busan later: verified there again, and no longer in Pangyo.
    verify(alice, 'kr-haeundae-u', at('kr-haeundae-u', T0 + DAY), T0 + DAY);
    expect(service.hasCurrentVerification(alice.id, 'kr-haeundae-u', T0 + DAY)).toBe(true);
    expect(service.hasCurrentVerification(alice.id, 'kr-bundang-pangyo', T0 + DAY)).toBe(false);
  });
});

describe('profile', () => {
  it('counts at most one verification per neighbourhood per day, however many readings passed', () => {
    // Readings a few seconds and metres apart each pass, but they prove nothing new that day.
    for (let i = 0; i < 5; i++) expect(verify(alice, HOME, at(HOME, T0 + i * 2_000, { northM: 3 * i })).ok).toBe(true);
    expect(service.profile(alice, T0 + 10_000).verificationCount).toBe(1);
    verify(alice, HOME, at(HOME, T0 + DAY), T0 + DAY);
    expect(service.profile(alice, T0 + DAY).verificationCount).toBe(2);
  });

  it('is empty for someone who has done nothing yet', () => {
    expect(service.profile(alice, T0)).toEqual({ actorId: 'alice', nickname: 'Alice', verificationCount: 0, lastVerifiedAt: null, neighbourhoods: [] });
  });

  it('counts every verification, names the held neighbourhoods active first, and dates the current one', () => {
    verify(alice, 'kr-bundang-pangyo', at('kr-bundang-pangyo', T0));
    verify(alice, HOME, at(HOME, T0 + DAY), T0 + DAY);
    verify(alice, HOME, at(HOME, T0 + 2 * DAY - HOUR), T0 + 2 * DAY);
    verify(bob, HOME, at(HOME, T0 + 3 * DAY), T0 + 3 * DAY);
    store.actorNeighbourhoods.set(alice.id, [HOME, 'kr-bundang-pangyo'], 'kr-bundang-pangyo', T0);

    expect(service.profile(alice, T0 + 3 * DAY)).toEqual({
      actorId: 'alice',
      nickname: 'Alice',
      verificationCount: 3,
      lastVerifiedAt: T0 + 2 * DAY - HOUR,
      neighbourhoods: [
        // Verified in Pangyo first, in Sunae since: only Sunae is current.
        { id: 'kr-bundang-pangyo', name: 'Pangyo-dong 판교동', active: true, verifiedAt: null },
        { id: HOME, name: 'Sunae-dong 수내동', active: false, verifiedAt: T0 + 2 * DAY - HOUR },
      ],
    });
    // Thirty days after that reading was taken, it no longer counts.
    expect(service.profile(alice, T0 + 32 * DAY).neighbourhoods[1].verifiedAt).toBeNull();
  });
});
