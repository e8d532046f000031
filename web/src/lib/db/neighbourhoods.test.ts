import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Fix, Neighbourhood } from '@dongne/shared';
import { signedIn } from './account.js';
import { DongneDb, type LocalNeighbourhood } from './db.js';
import { getMeta, setMeta } from './meta.js';
import {
  activateNeighbourhood,
  chooseNeighbourhood,
  nearestKnown,
  removeNeighbourhood,
  searchKnown,
  verifyNeighbourhood,
} from './neighbourhoods.js';
import { onLocalMutation } from '../sync/outbox.js';

const SUNAE: Neighbourhood = { id: 'kr-bundang-sunae', nameEn: 'Sunae-dong', nameKo: '수내동', country: 'KR', lat: 37.374, lng: 127.119 };
const PANGYO: Neighbourhood = { id: 'kr-bundang-pangyo', nameEn: 'Pangyo-dong', nameKo: '판교동', country: 'KR', lat: 37.3915, lng: 127.092 };
const MANGWON: Neighbourhood = { id: 'kr-mapo-mangwon', nameEn: 'Mangwon-dong', nameKo: '망원동', country: 'KR', lat: 37.5555, lng: 126.9045 };
const SUNAE_DETAIL: LocalNeighbourhood = { ...SUNAE, neighbours: { 1: [SUNAE.id], 2: [SUNAE.id, PANGYO.id] } };

let db: DongneDb;
let heard: number;
let stopListening: () => void;
beforeEach(() => {
  db = new DongneDb(`test-${crypto.randomUUID()}`);
  heard = 0;
  stopListening = onLocalMutation(() => heard++);
});
afterEach(async () => {
  stopListening();
  db.close();
  await DongneDb.delete(db.name);
});

/** [id, active] of each held neighbourhood, as the profile on this device has them. */
async function held() {
  return (await getMeta(db, 'profile'))?.neighbourhoods.map((n) => [n.id, n.active]);
}

async function queued() {
  return (await db.outbox.orderBy('seq').toArray()).map(({ name, args, entityId, fix }) => ({ name, args, entityId, ...(fix && { fix }) }));
}

describe('choosing a neighbourhood', () => {
  it('holds the first one chosen as active, at once, and queues the change to sync as the signed-in account', async () => {
    await signedIn(db, { actorId: 'me', nickname: '지은이네', joinedAt: 1 });
    await chooseNeighbourhood(db, SUNAE);

    expect(await getMeta(db, 'profile')).toEqual({
      actorId: 'me',
      nickname: '지은이네',
      verificationCount: 0,
      lastVerifiedAt: null,
      neighbourhoods: [{ id: SUNAE.id, name: 'Sunae-dong 수내동', active: true, verifiedAt: null }],
    });
    expect(await queued()).toEqual([{ name: 'neighbourhood.set', args: { held: [SUNAE.id], active: SUNAE.id }, entityId: 'neighbourhoods' }]);
    expect((await db.outbox.toArray()).map((e) => e.ownerId)).toEqual(['me']);
    // Remembered, so the feed and offline search know the place.
    expect(await db.neighbourhoods.get(SUNAE.id)).toEqual(SUNAE);
    expect(heard).toBe(1);
  });

  it('holds a second one beside the first, and makes it active', async () => {
    await chooseNeighbourhood(db, SUNAE);
    await chooseNeighbourhood(db, PANGYO);
    expect(await held()).toEqual([
      [SUNAE.id, false],
      [PANGYO.id, true],
    ]);
    expect((await queued()).at(-1)?.args).toEqual({ held: [SUNAE.id, PANGYO.id], active: PANGYO.id });
  });

  it('only switches to one already held, without holding it twice', async () => {
    await chooseNeighbourhood(db, SUNAE);
    await chooseNeighbourhood(db, PANGYO);
    await chooseNeighbourhood(db, SUNAE);
    expect(await held()).toEqual([
      [SUNAE.id, true],
      [PANGYO.id, false],
    ]);
  });

  it('replaces the inactive one when a third is chosen, keeping the active one', async () => {
    await chooseNeighbourhood(db, SUNAE);
    await chooseNeighbourhood(db, PANGYO);
    await activateNeighbourhood(db, SUNAE.id);
    await chooseNeighbourhood(db, MANGWON);
    expect(await held()).toEqual([
      [SUNAE.id, false],
      [MANGWON.id, true],
    ]);
    expect((await queued()).at(-1)?.args).toEqual({ held: [SUNAE.id, MANGWON.id], active: MANGWON.id });
  });

  it('keeps the neighbour sets it could fetch, and chooses all the same when the lookup fails offline', async () => {
    await chooseNeighbourhood(db, SUNAE, async () => SUNAE_DETAIL);
    expect((await db.neighbourhoods.get(SUNAE.id))?.neighbours).toEqual(SUNAE_DETAIL.neighbours);

    await chooseNeighbourhood(db, PANGYO, () => Promise.reject(new TypeError('Failed to fetch')));
    expect(await held()).toEqual([
      [SUNAE.id, false],
      [PANGYO.id, true],
    ]);
    expect(await db.neighbourhoods.get(PANGYO.id)).toEqual(PANGYO);
  });

  it('does not overwrite neighbour sets it already has with the bare place', async () => {
    await db.neighbourhoods.put(SUNAE_DETAIL);
    await chooseNeighbourhood(db, SUNAE);
    expect((await db.neighbourhoods.get(SUNAE.id))?.neighbours).toEqual(SUNAE_DETAIL.neighbours);
  });
});

describe('switching and removing', () => {
  beforeEach(async () => {
    await chooseNeighbourhood(db, SUNAE);
    await chooseNeighbourhood(db, PANGYO);
  });

  it('switches the active one among those held, and ignores one not held', async () => {
    await activateNeighbourhood(db, SUNAE.id);
    expect(await held()).toEqual([
      [SUNAE.id, true],
      [PANGYO.id, false],
    ]);
    const before = await db.outbox.count();
    await activateNeighbourhood(db, MANGWON.id);
    expect(await db.outbox.count()).toBe(before);
  });

  it('removes the inactive one and keeps the active one', async () => {
    await removeNeighbourhood(db, SUNAE.id);
    expect(await held()).toEqual([[PANGYO.id, true]]);
  });

  it('makes the other one active when the active one is removed', async () => {
    await removeNeighbourhood(db, PANGYO.id);
    expect(await held()).toEqual([[SUNAE.id, true]]);
    expect((await queued()).at(-1)?.args).toEqual({ held: [SUNAE.id], active: SUNAE.id });
  });

  it('keeps at least one: removing the last does nothing', async () => {
    await removeNeighbourhood(db, PANGYO.id);
    const before = await db.outbox.count();
    await removeNeighbourhood(db, SUNAE.id);
    expect(await held()).toEqual([[SUNAE.id, true]]);
    expect(await db.outbox.count()).toBe(before);
  });
});

describe('verifying', () => {
  const fix: Fix = { lat: 37.3741, lng: 127.1189, accuracy: 18, takenAt: 1_772_355_600_000 };

  it('queues the verification with the fix taken when the person tapped, and counts nothing until the server says so', async () => {
    await chooseNeighbourhood(db, SUNAE);
    heard = 0;
    await verifyNeighbourhood(db, SUNAE.id, fix);
    expect((await queued()).at(-1)).toEqual({
      name: 'neighbourhood.verify',
      args: { neighbourhoodId: SUNAE.id },
      entityId: `verify:${SUNAE.id}`,
      fix,
    });
    expect(await getMeta(db, 'profile')).toMatchObject({ verificationCount: 0, lastVerifiedAt: null });
    expect(heard).toBe(1);
  });

  it('clears the reason the last attempt was refused', async () => {
    await setMeta(db, 'verifyRejection', { code: 'location.too_far', message: 'You were 4.2 km from Sunae-dong when you tapped Verify.', at: 1 });
    await verifyNeighbourhood(db, SUNAE.id, fix);
    expect(await getMeta(db, 'verifyRejection')).toBeUndefined();
  });
});

describe('finding places offline', () => {
  beforeEach(async () => {
    await db.neighbourhoods.bulkPut([SUNAE, PANGYO, MANGWON]);
  });

  it('offers the nearest known centre to a position, with its distance', async () => {
    const nearPangyo = { lat: 37.39, lng: 127.095 };
    const found = await nearestKnown(db, nearPangyo);
    expect(found?.place.id).toBe(PANGYO.id);
    expect(found?.distanceM).toBeGreaterThan(250);
    expect(found?.distanceM).toBeLessThan(350);
    expect((await nearestKnown(db, { lat: 37.56, lng: 126.9 }))?.place.id).toBe(MANGWON.id);
  });

  it('knows nothing near anywhere before it has seen a neighbourhood', async () => {
    await db.neighbourhoods.clear();
    expect(await nearestKnown(db, { lat: 37.39, lng: 127.095 })).toBeUndefined();
  });

  it('searches known names in English, in any case, or in Korean', async () => {
    expect((await searchKnown(db, ' PANG ')).map((n) => n.id)).toEqual([PANGYO.id]);
    expect((await searchKnown(db, '망원')).map((n) => n.id)).toEqual([MANGWON.id]);
    expect((await searchKnown(db, '-dong')).map((n) => n.id).sort()).toEqual([PANGYO.id, SUNAE.id, MANGWON.id]);
    expect(await searchKnown(db, 'Atlantis')).toEqual([]);
    expect(await searchKnown(db, 'dong', 2)).toHaveLength(2);
  });
});
