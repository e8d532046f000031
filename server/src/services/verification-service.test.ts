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
  alice = { id: 'alice', nickname: 'Alice' } as Actor;
  bob = { id: 'bob', nickname: 'Bob' } as Actor;
  for (const actor of [alice, bob]) store.actors.insert({ id: actor.id, nickname: actor.nickname, tokenHash: null, createdAt: T0 - DAY });
});
afterEach(() => store.close());

const place = (id: string) => store.neighbourhoods.byId(id)!;
const at = (id: string, takenAt: number, options: Parameters<typeof fixAt>[2] = {}): Fix => fixAt(place(id), takenAt, options);
const verify = (actor: Actor, id: string, fix: Fix, now = T0) => service.verify(actor, place(id), fix, 'verify', now);
const recorded = () => store.db.prepare('SELECT actor_id AS actorId, neighbourhood_id AS place, taken_at AS takenAt FROM verifications ORDER BY id').all();

describe('verify', () => {
  it('records a fix that passes, with the time it was checked', () => {
    const fix = at(HOME, T0 - 1_000);
    expect(verify(alice, HOME, fix)).toEqual({ ok: true, distanceM: expect.closeTo(0, 6) });
    expect(store.verifications.lastVerifiedAt(alice.id, HOME)).toBe(T0);
    expect(store.verifications.lastFix(alice.id)).toEqual(fix);
  });

  it('records nothing for a fix that fails', () => {
    expect(verify(alice, HOME, at(HOME, T0, { northM: 5_000 }))).toMatchObject({ ok: false, code: 'location.too_far' });
    expect(verify(alice, HOME, at(HOME, T0 - 2 * DAY))).toMatchObject({ ok: false, code: 'location.stale' });
    expect(recorded()).toEqual([]);
  });

  it('judges travel from the person’s most recently taken fix, not the most recently sent one', () => {
    // Seoul ten minutes ago; then a fix from Busan, taken offline ten hours ago, arrives.
    expect(verify(alice, 'kr-mapo-mangwon', at('kr-mapo-mangwon', T0 - 10 * MINUTE)).ok).toBe(true);
    expect(verify(alice, 'kr-haeundae-u', at('kr-haeundae-u', T0 - 10 * HOUR)).ok).toBe(true);
    // Busan now is 333 km from Seoul ten minutes ago, whatever was sent last.
    expect(verify(alice, 'kr-haeundae-u', at('kr-haeundae-u', T0))).toMatchObject({ ok: false, code: 'location.impossible_travel' });
  });

  it('judges travel by each person’s own fixes', () => {
    expect(verify(bob, 'kr-mapo-mangwon', at('kr-mapo-mangwon', T0 - 60_000)).ok).toBe(true);
    expect(verify(alice, 'kr-haeundae-u', at('kr-haeundae-u', T0)).ok).toBe(true);
  });

  it('refuses a fix anyone has already used', () => {
    const fix = at(HOME, T0);
    expect(verify(alice, HOME, fix).ok).toBe(true);
    expect(verify(bob, HOME, { ...fix })).toMatchObject({ ok: false, code: 'location.replayed' });
    // One millisecond apart is a different reading.
    expect(verify(bob, HOME, { ...fix, takenAt: fix.takenAt + 1 }).ok).toBe(true);
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
});

describe('profile', () => {
  it('is empty for someone who has done nothing yet', () => {
    expect(service.profile(alice)).toEqual({ actorId: 'alice', nickname: 'Alice', verificationCount: 0, lastVerifiedAt: null, neighbourhoods: [] });
  });

  it('counts every verification, names the held neighbourhoods active first, and dates each', () => {
    verify(alice, HOME, at(HOME, T0));
    verify(alice, HOME, at(HOME, T0 + DAY), T0 + DAY);
    verify(alice, 'kr-bundang-pangyo', at('kr-bundang-pangyo', T0 + 2 * DAY), T0 + 2 * DAY);
    verify(bob, HOME, at(HOME, T0 + 3 * DAY), T0 + 3 * DAY);
    store.actorNeighbourhoods.set(alice.id, [HOME, 'kr-bundang-yatap'], 'kr-bundang-yatap', T0);

    expect(service.profile(alice)).toEqual({
      actorId: 'alice',
      nickname: 'Alice',
      verificationCount: 3,
      lastVerifiedAt: T0 + 2 * DAY,
      neighbourhoods: [
        { id: 'kr-bundang-yatap', name: 'Yatap-dong 야탑동', active: true, verifiedAt: null },
        { id: HOME, name: 'Sunae-dong 수내동', active: false, verifiedAt: T0 + DAY },
      ],
    });
  });
});
