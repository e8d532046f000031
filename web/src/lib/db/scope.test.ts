import { beforeEach, describe, expect, it } from 'vitest';
import type { Listing, Profile } from '@dongne/shared';
import { DongneDb, type LocalNeighbourhood } from './db.js';
import { setMeta } from './meta.js';
import { feedPage } from './queries.js';
import { currentScope, placesIn, scopeKey } from './scope.js';
import { serverListing, useFreshDb } from './test-db.js';

const SUNAE = 'kr-bundang-sunae';
const PANGYO = 'kr-bundang-pangyo';
const YATAP = 'kr-bundang-yatap';
const MANGWON = 'kr-mapo-mangwon';

const place = (id: string, neighbours?: Record<string, string[]>): LocalNeighbourhood => ({
  id,
  nameEn: id,
  nameKo: null,
  country: 'KR',
  lat: 37.4,
  lng: 127.1,
  ...(neighbours && { neighbours }),
});
// Neighbour sets as the server computes them: cumulative, each place in its own.
const SUNAE_SETS = { 1: [SUNAE], 2: [SUNAE, PANGYO], 3: [SUNAE, PANGYO, YATAP], 4: [SUNAE, PANGYO, YATAP] };
const MANGWON_SETS = { 1: [MANGWON], 2: [MANGWON], 3: [MANGWON], 4: [MANGWON] };

function profileHolding(...held: [id: string, active: boolean][]): Profile {
  return {
    actorId: 'me',
    nickname: 'Me',
    verificationCount: 0,
    lastVerifiedAt: null,
    neighbourhoods: held.map(([id, active]) => ({ id, name: id, active, verifiedAt: null })),
  };
}

let createdAt = 1_000;
function listingIn(neighbourhoodId: string): Listing {
  createdAt += 1_000;
  return serverListing({ title: `In ${neighbourhoodId}`, priceKrw: 1000, category: 'books', neighbourhoodId, neighbourhood: neighbourhoodId, createdAt });
}

let db: DongneDb;
useFreshDb((fresh) => (db = fresh));

describe('the current scope', () => {
  it('is unknown on a device that has never synced', async () => {
    expect(await currentScope(db)).toBeUndefined();
    expect(scopeKey(undefined)).toBe('default');
  });

  it("is the server's default area for a visitor", async () => {
    await setMeta(db, 'defaultScope', { neighbourhoodId: SUNAE, range: 4 });
    const current = await currentScope(db);
    expect(current).toEqual({ scope: { neighbourhoodId: SUNAE, range: 4 }, chosen: false });
    expect(scopeKey(current)).toBe('default');
  });

  it('is the active neighbourhood at the default range once one is chosen, then at the range picked', async () => {
    await setMeta(db, 'defaultScope', { neighbourhoodId: SUNAE, range: 4 });
    await setMeta(db, 'profile', profileHolding([PANGYO, false], [MANGWON, true]));
    expect(await currentScope(db)).toEqual({ scope: { neighbourhoodId: MANGWON, range: 2 }, chosen: true });

    await setMeta(db, 'range', 3);
    const current = await currentScope(db);
    expect(current).toEqual({ scope: { neighbourhoodId: MANGWON, range: 3 }, chosen: true });
    expect(scopeKey(current)).toBe(`${MANGWON}:3`);
  });

  it('falls back to the default area while the profile holds no neighbourhood', async () => {
    await setMeta(db, 'defaultScope', { neighbourhoodId: SUNAE, range: 4 });
    await setMeta(db, 'profile', profileHolding());
    expect((await currentScope(db))?.chosen).toBe(false);
  });
});

describe('the places a scope covers', () => {
  it('are the cached neighbour set of its neighbourhood at its range', async () => {
    await db.neighbourhoods.put(place(SUNAE, SUNAE_SETS));
    expect(await placesIn(db, { neighbourhoodId: SUNAE, range: 1 })).toEqual([SUNAE]);
    expect(await placesIn(db, { neighbourhoodId: SUNAE, range: 3 })).toEqual([SUNAE, PANGYO, YATAP]);
  });

  it('are unknown until this device has looked the neighbourhood up', async () => {
    expect(await placesIn(db, { neighbourhoodId: SUNAE, range: 2 })).toBeUndefined();
    await db.neighbourhoods.put(place(SUNAE));
    expect(await placesIn(db, { neighbourhoodId: SUNAE, range: 2 })).toBeUndefined();
  });
});

describe('feedPage', () => {
  let sunae: Listing, pangyo: Listing, yatap: Listing, mangwon: Listing;
  beforeEach(async () => {
    [sunae, pangyo, yatap, mangwon] = [listingIn(SUNAE), listingIn(PANGYO), listingIn(YATAP), listingIn(MANGWON)];
    await db.listings.bulkPut([sunae, pangyo, yatap, mangwon]);
  });
  const feedIds = async (limit = 50) => (await feedPage(db, limit)).map((l) => l.id);

  it('shows the listings of the active neighbourhood’s cached set at the chosen range, newest first', async () => {
    await db.neighbourhoods.put(place(SUNAE, SUNAE_SETS));
    await setMeta(db, 'profile', profileHolding([SUNAE, true]));
    await setMeta(db, 'range', 1);
    expect(await feedIds()).toEqual([sunae.id]);
    await setMeta(db, 'range', 2);
    expect(await feedIds()).toEqual([pangyo.id, sunae.id]);
    await setMeta(db, 'range', 4);
    expect(await feedIds()).toEqual([yatap.id, pangyo.id, sunae.id]);
    expect(await feedIds(2)).toEqual([yatap.id, pangyo.id]);
  });

  it('follows a switch of active neighbourhood at once', async () => {
    await db.neighbourhoods.bulkPut([place(SUNAE, SUNAE_SETS), place(MANGWON, MANGWON_SETS)]);
    await setMeta(db, 'profile', profileHolding([SUNAE, true], [MANGWON, false]));
    expect(await feedIds()).toEqual([pangyo.id, sunae.id]);
    await setMeta(db, 'profile', profileHolding([SUNAE, false], [MANGWON, true]));
    expect(await feedIds()).toEqual([mangwon.id]);
  });

  it("filters a visitor's feed by the default area once its set is known", async () => {
    await setMeta(db, 'defaultScope', { neighbourhoodId: SUNAE, range: 4 });
    await db.neighbourhoods.put(place(SUNAE, SUNAE_SETS));
    expect(await feedIds()).toEqual([yatap.id, pangyo.id, sunae.id]);
  });

  it('shows the neighbourhood alone at range 1 even before its set is known', async () => {
    await setMeta(db, 'profile', profileHolding([PANGYO, true]));
    await setMeta(db, 'range', 1);
    expect(await feedIds()).toEqual([pangyo.id]);
  });

  it('shows everything cached, newest first, while the set for a wider range is unknown', async () => {
    await setMeta(db, 'profile', profileHolding([PANGYO, true]));
    await setMeta(db, 'range', 3);
    expect(await feedIds()).toEqual([mangwon.id, yatap.id, pangyo.id, sunae.id]);
    expect(await feedIds(1)).toEqual([mangwon.id]);
  });

  it('shows everything cached on a device that has never synced', async () => {
    expect(await feedIds()).toEqual([mangwon.id, yatap.id, pangyo.id, sunae.id]);
  });

  it('puts a bumped listing first, by when it was bumped, not when it was made', async () => {
    await db.neighbourhoods.put(place(SUNAE, SUNAE_SETS));
    await setMeta(db, 'profile', profileHolding([SUNAE, true]));
    await setMeta(db, 'range', 4);
    await db.listings.update(sunae.id, { bumpedAt: yatap.bumpedAt + 1 });
    expect(await feedIds()).toEqual([sunae.id, yatap.id, pangyo.id]);
    expect(await feedIds(1)).toEqual([sunae.id]);
  });

  it('leaves hidden listings out, in range or not', async () => {
    await db.listings.bulkUpdate([
      { key: yatap.id, changes: { hidden: true } },
      { key: mangwon.id, changes: { hidden: true } },
    ]);
    expect(await feedIds()).toEqual([pangyo.id, sunae.id]);
    await db.neighbourhoods.put(place(SUNAE, SUNAE_SETS));
    await setMeta(db, 'profile', profileHolding([SUNAE, true]));
    await setMeta(db, 'range', 4);
    expect(await feedIds(1)).toEqual([pangyo.id]);
  });

  it('keeps a wide area (a walk of every listing, newest first) to its own places, hidden ones out, a page at most', async () => {
    const wide = [SUNAE, PANGYO, YATAP, 'kr-bundang-jeongja', 'kr-bundang-seohyeon'];
    await db.neighbourhoods.put(place(SUNAE, { ...SUNAE_SETS, 4: wide }));
    await setMeta(db, 'profile', profileHolding([SUNAE, true]));
    await setMeta(db, 'range', 4);
    const more = [listingIn('kr-bundang-jeongja'), listingIn(MANGWON), listingIn('kr-bundang-seohyeon'), { ...listingIn(SUNAE), hidden: true }];
    await db.listings.bulkPut(more);
    const [jeongja, , seohyeon] = more;
    expect(await feedIds()).toEqual([seohyeon.id, jeongja.id, yatap.id, pangyo.id, sunae.id]);
    expect((await feedPage(db, 2)).map((l) => l.id)).toEqual([seohyeon.id, jeongja.id]);
  });

  it('still fills a wide area\'s page when the device holds many newer listings from elsewhere', async () => {
    const wide = [SUNAE, PANGYO, YATAP, 'kr-bundang-jeongja', 'kr-bundang-seohyeon'];
    await db.neighbourhoods.put(place(SUNAE, { ...SUNAE_SETS, 4: wide }));
    await setMeta(db, 'profile', profileHolding([SUNAE, true]));
    await setMeta(db, 'range', 4);
    // Synced from a wider area before: far more of it than the walk reads for a page of 2.
    await db.listings.bulkPut(Array.from({ length: 40 }, () => listingIn(MANGWON)));
    expect((await feedPage(db, 2)).map((l) => l.id)).toEqual([yatap.id, pangyo.id]);
    expect(await feedIds()).toEqual([yatap.id, pangyo.id, sunae.id]);
  });
});
