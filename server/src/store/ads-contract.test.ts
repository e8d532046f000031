// The local ads repositories of the store contract, tested the same way on every engine: what pull
// pages out to whom, events kept once, and the budget check that charges only below the budget.
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestStore, type OpenedTestStore } from '../testing/test-store.js';
import type { NewAdEvent, NewCampaign } from './contract/ads.js';
import type { Store } from './contract/store.js';

/** Sunae 1-dong, in Bundang. */
const HOME = 'kr-3102353';
/** Mangwon 1-dong, in Seoul. */
const SEOUL = 'kr-1114069';
const DAY = '2026-03-01';

let opened: OpenedTestStore;
let store: Store;
let seq = 0;
const next = () => ++seq;

beforeEach(async () => {
  opened = await openTestStore();
  store = opened.store;
  seq = 0;
  for (const id of ['owner', 'neighbour']) await store.actors.insert({ id, nickname: id, createdAt: 1 });
});
afterEach(() => opened.close());

async function business(id = randomUUID(), neighbourhoodId = HOME): Promise<string> {
  expect(
    await store.businesses.insert({ id, ownerId: 'owner', name: '수내 베이커리', category: 'bakery', neighbourhoodId, neighbourhood: 'Sunae 1-dong 수내1동', createdAt: 10, changeSeq: next() }),
  ).toBe(true);
  return id;
}

async function campaign(businessId: string, overrides: Partial<NewCampaign> = {}): Promise<string> {
  const id = overrides.id ?? randomUUID();
  expect(
    await store.campaigns.insert({
      id,
      businessId,
      ownerId: 'owner',
      title: '갓 구운 소금빵',
      text: '매일 아침 8시',
      neighbourhoodId: HOME,
      rangeLevel: 2,
      places: [HOME, 'kr-3102354'],
      dailyBudgetKrw: 1000,
      pricePerClickKrw: 300,
      pricePerThousandImpressionsKrw: 0,
      createdAt: 20,
      changeSeq: next(),
      ...overrides,
    }),
  ).toBe(true);
  return id;
}

const event = (campaignId: string, overrides: Partial<NewAdEvent> = {}): NewAdEvent => ({
  id: randomUUID(),
  campaignId,
  actorId: 'neighbour',
  clientId: 'phone',
  kind: 'click',
  at: 1000,
  day: DAY,
  receivedAt: 2000,
  flag: null,
  ...overrides,
});

describe('businesses and campaigns', () => {
  it('keep an id once, and page out to the places they cover and to their owner', async () => {
    const shop = await business();
    expect(await store.businesses.insert({ id: shop, ownerId: 'neighbour', name: 'x', category: 'cafe', neighbourhoodId: HOME, neighbourhood: 'x', createdAt: 1, changeSeq: 98 })).toBe(false);
    const ad = await campaign(shop);
    expect(await store.campaigns.insert({ ...(await store.campaigns.byId(ad))!, id: ad, ownerId: 'owner', createdAt: 1, changeSeq: 99 })).toBe(false);

    expect((await store.businesses.changesSinceIn([HOME], undefined, 0, 10)).map((r) => (r.deleted ? r.id : r.business.id))).toEqual([shop]);
    expect(await store.businesses.changesSinceIn([SEOUL], undefined, 0, 10)).toEqual([]);
    expect(await store.businesses.changesSinceIn([SEOUL], 'owner', 0, 10)).toHaveLength(1);

    const [row] = await store.campaigns.changesSinceIn('kr-3102354', undefined, 0, 10);
    expect(row).toEqual({
      changeSeq: 2,
      deleted: false,
      campaign: {
        id: ad,
        businessId: shop,
        businessName: '수내 베이커리',
        ownerId: 'owner',
        title: '갓 구운 소금빵',
        text: '매일 아침 8시',
        neighbourhoodId: HOME,
        rangeLevel: 2,
        places: [HOME, 'kr-3102354'],
        dailyBudgetKrw: 1000,
        pricePerClickKrw: 300,
        pricePerThousandImpressionsKrw: 0,
        serving: true,
        createdAt: 20,
      },
    });
    expect(await store.campaigns.changesSinceIn(SEOUL, undefined, 0, 10)).toEqual([]);
    expect(await store.campaigns.changesSinceIn(SEOUL, 'owner', 0, 10)).toHaveLength(1);
    expect(await store.campaigns.changesSinceIn(HOME, undefined, 2, 10)).toEqual([]);
    expect(await store.campaigns.latestChangeIn(HOME)).toBe(2);
    expect(await store.businesses.latestChangeIn([HOME, SEOUL])).toBe(1);
  });

  it('move a stopped campaign to a new change number in every place it covers, and back the next day', async () => {
    const ad = await campaign(await business());
    await store.campaigns.stopServing(ad, DAY, next());
    expect(await store.campaigns.changesSinceIn('kr-3102354', undefined, 2, 10)).toMatchObject([{ changeSeq: 3, campaign: { serving: false } }]);
    expect(await store.campaigns.stoppedBefore(DAY)).toEqual([]);
    expect(await store.campaigns.stoppedBefore('2026-03-02')).toEqual([ad]);
    expect(await store.campaigns.resumeServing(ad, '2026-03-02', next())).toBe(true);
    // Only once, and never over a stop made for the same day.
    expect(await store.campaigns.resumeServing(ad, '2026-03-02', next())).toBe(false);
    expect(await store.campaigns.changesSinceIn(HOME, undefined, 3, 10)).toMatchObject([{ changeSeq: 4, campaign: { serving: true } }]);
    expect(await store.campaigns.stoppedBefore('2026-03-02')).toEqual([]);
    // Stopped for today by a push meanwhile: a late resume for today leaves that stop alone.
    await store.campaigns.stopServing(ad, '2026-03-02', next());
    expect(await store.campaigns.resumeServing(ad, '2026-03-02', next())).toBe(false);
    expect((await store.campaigns.byId(ad))!.serving).toBe(false);
  });

  it('end as tombstones', async () => {
    const shop = await business();
    const ad = await campaign(shop);
    await store.campaigns.end(ad, 30, next());
    await store.businesses.markDeleted(shop, 30, next());
    expect(await store.campaigns.changesSinceIn(HOME, undefined, 0, 10)).toEqual([{ changeSeq: 3, deleted: true, id: ad }]);
    expect(await store.businesses.changesSinceIn([HOME], undefined, 0, 10)).toEqual([{ changeSeq: 4, deleted: true, id: shop }]);
    expect(await store.campaigns.liveIdsByOwner('owner')).toEqual([]);
    expect(await store.businesses.liveIdsByOwner('owner')).toEqual([]);
  });
});

describe('ad events and campaign days', () => {
  it('keep an event once by its id', async () => {
    const ad = await campaign(await business());
    const click = event(ad);
    expect(await store.adEvents.record(click)).toBe(true);
    expect(await store.adEvents.record({ ...click, actorId: 'owner' })).toBe(false);
  });

  it('charge a click only while the day has spent less than its budget: at most one price over', async () => {
    const shop = await business();
    const ad = await campaign(shop);
    const spends = [];
    for (let i = 0; i < 6; i++) spends.push(await store.campaignDays.charge(ad, shop, DAY, 300, 1000));
    expect(spends).toEqual([
      { charged: true, spendKrw: 300 },
      { charged: true, spendKrw: 600 },
      { charged: true, spendKrw: 900 },
      { charged: true, spendKrw: 1200 },
      { charged: false, spendKrw: 1200 },
      { charged: false, spendKrw: 1200 },
    ]);
    // Another day has its own budget.
    expect(await store.campaignDays.charge(ad, shop, '2026-03-02', 300, 1000)).toEqual({ charged: true, spendKrw: 300 });
  });

  it('charge impressions a thousandth of the price each, rounded down on the day’s total, up to the most chargeable', async () => {
    const shop = await business();
    const ad = await campaign(shop, { pricePerClickKrw: 0, pricePerThousandImpressionsKrw: 1500 });
    // 1.5원 an impression: one at a time the spend goes 1, 3, 4 (never 1 + 1 + 1 = 3 and drifting).
    const spends = [];
    for (let i = 0; i < 3; i++) spends.push((await store.campaignDays.chargeImpressions(ad, shop, DAY, 1, 1500, 5)).spendKrw);
    expect(spends).toEqual([1, 3, 4]);
    // Five chargeable: a batch of four charges two more and counts all four.
    expect(await store.campaignDays.chargeImpressions(ad, shop, DAY, 4, 1500, 5)).toEqual({ spendKrw: 7 });
    expect(await store.campaignDays.statsOf(shop, DAY)).toEqual([{ day: DAY, impressions: 7, clicks: 0, flaggedClicks: 0, spendKrw: 7 }]);
    // A day's first batch is capped too.
    expect(await store.campaignDays.chargeImpressions(ad, shop, '2026-03-02', 10, 1500, 5)).toEqual({ spendKrw: 7 });
    expect(await store.campaignDays.budgetLeft(shop, DAY)).toBe(1000 - 7);
  });

  it('count a person’s charged clicks and their clicks near one another, from any device', async () => {
    const shop = await business();
    const ad = await campaign(shop);
    const first = event(ad, { at: 10_000 });
    await store.adEvents.record(first);
    await store.adEvents.settle(first.id, 300, null);
    await store.adEvents.record(event(ad, { at: 50_000, flag: 'too_fast' }));
    expect(await store.adEvents.chargedClicksOnDay('neighbour', ad, DAY)).toBe(1);
    expect(await store.adEvents.chargedClicksOnDay('someone else', ad, DAY)).toBe(0);
    expect(await store.adEvents.clickNear('neighbour', ad, 11_500, 2000, 'x')).toBe(true);
    expect(await store.adEvents.clickNear('neighbour', ad, 12_000, 2000, 'x')).toBe(false);
    expect(await store.adEvents.clickNear('neighbour', ad, 10_000, 2000, first.id)).toBe(false);
    await store.adEvents.anonymise('neighbour');
    expect(await store.adEvents.chargedClicksOnDay('neighbour', ad, DAY)).toBe(0);
  });

  it('add up a business’s days, and the budget its live campaigns have left', async () => {
    const shop = await business();
    const a = await campaign(shop);
    const b = await campaign(shop, { dailyBudgetKrw: 5000, pricePerClickKrw: 100 });
    await store.campaignDays.add(a, shop, DAY, { impressions: 10, flaggedClicks: 1 });
    await store.campaignDays.add(b, shop, DAY, { impressions: 5, clicks: 1 });
    await store.campaignDays.charge(a, shop, DAY, 300, 1000);
    await store.campaignDays.charge(b, shop, '2026-02-28', 100, 5000);
    expect(await store.campaignDays.statsOf(shop, '2026-02-01')).toEqual([
      { day: '2026-02-28', impressions: 0, clicks: 1, flaggedClicks: 0, spendKrw: 100 },
      { day: DAY, impressions: 15, clicks: 2, flaggedClicks: 1, spendKrw: 300 },
    ]);
    expect(await store.campaignDays.statsOf(shop, DAY)).toHaveLength(1);
    expect(await store.campaignDays.budgetLeft(shop, DAY)).toBe(700 + 5000);
    await store.campaigns.end(b, 1, next());
    expect(await store.campaignDays.budgetLeft(shop, DAY)).toBe(700);
  });
});
