// The upgrade from the demo circles to the real dongs, on each store engine: a database that had the
// circles, a person holding and verified in them and a listing in one, started once more. Every old id
// keeps working, the rows that named it name its dong, and a second start changes nothing.
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Fix } from '@dongne/shared';
import { createApp } from '../app.js';
import { fixedClock, pull, T0 } from '../testing/harness.js';
import { openTestStore, query, queryValue, type OpenedTestStore } from '../testing/test-store.js';
import { DEMO_NEIGHBOURHOODS_FILE } from './neighbourhood-import.js';
import { importNeighbourhoods } from './neighbourhood-save.js';
import { ensureNeighbourhoods, legacyDistricts, legacyPlaces } from './neighbourhood-setup.js';

let opened: OpenedTestStore;
beforeEach(async () => {
  opened = await openTestStore({ neighbourhoods: 'none' });
});
afterEach(() => opened.close());

const DAY = 86_400_000;
const centreOf = (id: string) => legacyPlaces().find((p) => p.id === id)!;
const fixAt = (id: string, takenAt: number): Fix => ({ ...centreOf(id), accuracy: 20, takenAt });
const upgrade = () => ensureNeighbourhoods(opened.store, { districts: legacyDistricts() });

/** The database as the previous version left it: the circles, and someone living in them. */
async function beforeTheUpgrade() {
  const { store } = opened;
  await importNeighbourhoods(store, readFileSync(DEMO_NEIGHBOURHOODS_FILE, 'utf8'));
  await store.transaction(async (tx) => {
    await tx.actors.insert({ id: 'minji', nickname: 'Minji', createdAt: T0 - 100 * DAY });
    // Seohyeon and Yuldong were two circles; both centres lie in one dong, 서현1동.
    await tx.actorNeighbourhoods.set('minji', ['kr-bundang-seohyeon', 'kr-bundang-yuldong'], 'kr-bundang-yuldong', T0 - 90 * DAY);
    await tx.verifications.record({ actorId: 'minji', neighbourhoodId: 'kr-bundang-seohyeon', fix: fixAt('kr-bundang-seohyeon', T0 - 3 * DAY), verifiedAt: T0 - 3 * DAY });
    await tx.verifications.record({ actorId: 'minji', neighbourhoodId: 'kr-bundang-yuldong', fix: fixAt('kr-bundang-yuldong', T0 - 2 * DAY), verifiedAt: T0 - 2 * DAY });
    await tx.listings.insert({
      id: 'lamp',
      sellerId: 'minji',
      title: 'Desk lamp',
      description: '',
      priceKrw: 15_000,
      category: 'household',
      neighbourhood: 'Seohyeon-dong 서현동',
      neighbourhoodId: 'kr-bundang-seohyeon',
      createdAt: T0 - DAY,
      changeSeq: await tx.sync.nextChangeSeq(),
    });
  });
}

describe('upgrading from the demo circles to the dongs', () => {
  it('imports the dongs, and answers every old id with the dong that contains its centre', async () => {
    await beforeTheUpgrade();
    const setup = await upgrade();
    expect(setup).toMatchObject({ retired: legacyPlaces().length, listingsMoved: 1 });
    expect(setup.imported).toBeGreaterThan(90);
    for (const old of legacyPlaces()) {
      expect((await opened.store.neighbourhoods.byId(old.id))?.id).toBe(old.dongId);
    }
    // The circles themselves are gone: only dongs remain, each with its neighbour sets.
    expect(Number(await queryValue(opened.store, 'SELECT count(*) AS n FROM neighbourhoods WHERE radius_m IS NOT NULL'))).toBe(0);
    expect(Number(await queryValue(opened.store, "SELECT count(*) AS n FROM neighbourhood_neighbours WHERE neighbour_id LIKE 'kr-bundang-%'"))).toBe(0);
  });

  it('moves the person, their verifications and their listing to the dong, holding two circles that became one dong once', async () => {
    await beforeTheUpgrade();
    const lampBefore = Number(await queryValue(opened.store, "SELECT change_seq AS n FROM listings WHERE id = 'lamp'"));
    await upgrade();
    const { store } = opened;
    expect(await store.actorNeighbourhoods.held('minji')).toEqual([{ neighbourhoodId: 'kr-3102358', active: true }]);
    expect(await store.verifications.summary('minji')).toEqual({ count: 2, lastVerifiedAt: T0 - 2 * DAY });
    expect(await store.verifications.currentTakenAt('minji', 'kr-3102358')).toBe(T0 - 2 * DAY);
    const lamp = await query(store, "SELECT neighbourhood_id AS \"neighbourhoodId\", neighbourhood, change_seq AS \"changeSeq\" FROM listings WHERE id = 'lamp'");
    // A new change number: every device pulls the lamp again, in its dong.
    expect(lamp).toEqual([{ neighbourhoodId: 'kr-3102358', neighbourhood: 'Seohyeon 1-dong 서현1동', changeSeq: expect.anything() }]);
    expect(Number(lamp[0].changeSeq)).toBeGreaterThan(lampBefore);
  });

  it('changes nothing on the next start', async () => {
    await beforeTheUpgrade();
    await upgrade();
    const count = await opened.store.neighbourhoods.count();
    expect(await upgrade()).toEqual({ imported: 0, neighbourPairs: 0, retired: 0, listingsMoved: 0 });
    expect(await opened.store.neighbourhoods.count()).toBe(count);
  });

  it('knows the old ids on a database that never had the circles too', async () => {
    expect(await upgrade()).toMatchObject({ retired: 0, listingsMoved: 0 });
    expect((await opened.store.neighbourhoods.byId('kr-bundang-pangyo'))?.id).toBe('kr-3102375');
    expect(await opened.store.neighbourhoods.byId('kr-bundang-atlantis')).toBeUndefined();
  });

  it('keeps a device synced before the upgrade in its neighbourhood: a pull with the old id brings the moved listing, in the dong', async () => {
    await beforeTheUpgrade();
    await upgrade();
    const app = createApp({ store: opened.store, clock: fixedClock(), config: { log: () => {} } });
    const page = await pull(app, undefined, { cursor: 0, neighbourhood: 'kr-bundang-yuldong', range: 1 });
    expect(page.scope).toEqual({ neighbourhoodId: 'kr-3102358', range: 1 });
    expect(page.changes).toEqual([expect.objectContaining({ op: 'upsert', row: expect.objectContaining({ id: 'lamp', neighbourhoodId: 'kr-3102358' }) })]);
  });
});
