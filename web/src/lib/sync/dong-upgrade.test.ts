// A device that synced before the server replaced the demo circles with the real dongs, syncing
// after the upgrade: its IndexedDB holds the old ids (in its profile, its scope, its listings), and
// it keeps its neighbourhood, its verification and its feed, now under the dong's id.
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { neighbourhoodDetailSchema, type Neighbourhood } from '@dongne/shared';
import {
  createApp,
  DEMO_NEIGHBOURHOODS_FILE,
  ensureNeighbourhoods,
  fixSource,
  importNeighbourhoods,
  legacyDistricts,
  openSqliteStore,
  T0,
} from '@dongne/server/testing';
import { getMeta } from '../db/meta.js';
import { chooseNeighbourhood, verifyNeighbourhood } from '../db/neighbourhoods.js';
import { feedPage } from '../db/queries.js';
import { createDevice, type Device, type TestServer } from './test-device.js';

let server: TestServer;
let phone: Device;
beforeEach(async () => {
  // The server as the previous version left it: the 21 demo circles.
  const store = openSqliteStore(':memory:');
  await importNeighbourhoods(store, readFileSync(DEMO_NEIGHBOURHOODS_FILE, 'utf8'));
  let now = T0;
  const clock = { now: () => now, advance: (ms: number) => void (now += ms) };
  const logged: string[] = [];
  const app = createApp({ store, clock, config: { log: (line) => logged.push(line) } });
  server = { app, store, clock, logged, fixAt: fixSource(await store.neighbourhoods.all(), clock), close: () => store.close() };
  phone = createDevice(server, 'phone');
});
afterEach(async () => {
  await phone.close();
  expect(server.logged).toEqual([]);
  await server.close();
});

const SUNAE = 'kr-bundang-sunae';
const SUNAE_1 = 'kr-3102353';

it('keeps its neighbourhood, verification and feed across the server’s upgrade to the dongs', async () => {
  const sellerId = 'neighbour';
  server.store.sqlite.actors.insert({ id: sellerId, nickname: 'Neighbour', createdAt: T0 - 1 });
  server.store.sqlite.listings.insert({
    id: 'lamp',
    sellerId,
    title: 'Desk lamp',
    description: '',
    priceKrw: 15_000,
    category: 'household',
    neighbourhood: 'Sunae-dong 수내동',
    neighbourhoodId: SUNAE,
    createdAt: T0,
    changeSeq: server.store.sqlite.sync.nextChangeSeq(),
  });
  await phone.signUp();
  const { nameEn, nameKo, country, lat, lng } = server.store.sqlite.neighbourhoods.byId(SUNAE)!;
  const sunae: Neighbourhood = { id: SUNAE, nameEn, nameKo, country, lat, lng };
  await chooseNeighbourhood(phone.db, sunae, async () => neighbourhoodDetailSchema.parse(await (await phone.deps.fetch(`/api/neighbourhoods/${SUNAE}`)).json()));
  await verifyNeighbourhood(phone.db, SUNAE, server.fixAt(SUNAE));
  await phone.sync();
  expect((await getMeta(phone.db, 'profile'))?.neighbourhoods).toEqual([{ id: SUNAE, name: 'Sunae-dong 수내동', active: true, verifiedAt: expect.any(Number) }]);
  expect((await feedPage(phone.db, 10)).map((l) => [l.id, l.neighbourhoodId])).toEqual([['lamp', SUNAE]]);

  // The server restarts on the new version.
  await ensureNeighbourhoods(server.store, { districts: legacyDistricts() });

  // The next syncs (the app runs them on its own) bring the profile, the area and the lamp in the dong.
  await phone.sync();
  await phone.sync();
  const profile = await getMeta(phone.db, 'profile');
  expect(profile?.neighbourhoods).toEqual([{ id: SUNAE_1, name: 'Sunae 1-dong 수내1동', active: true, verifiedAt: expect.any(Number) }]);
  expect(profile?.verificationCount).toBe(1);
  expect((await feedPage(phone.db, 10)).map((l) => [l.id, l.neighbourhoodId])).toEqual([['lamp', SUNAE_1]]);
  // Its range works offline again: the dong's neighbour sets are on the device.
  expect((await phone.db.neighbourhoods.get(SUNAE_1))?.neighbours?.['2']).toContain(SUNAE_1);
  expect(phone.requests.filter((r) => r.includes('/api/sync/pull')).at(-1)).toContain(`neighbourhood=${SUNAE_1}`);
});
