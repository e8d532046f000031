// The budget rule through push and pull on a real store (either engine): serving stops before the
// day's budget is reached, and clicks counted offline that arrive after it was spent — from many
// devices, all at once too — are recorded but leave the day's spend at most one click's price over.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestServer, T0, type TestServer } from '../testing/harness.js';
import { query, queryValue } from '../testing/test-store.js';
import { people, type Person } from '../testing/trading.js';
import { adEvent, adsView, createCampaign, openBusiness, phoneOf } from '../testing/ads.js';
import { budgetNearlySpent, chargeableImpressions, servingMarginKrw } from './ad-budget.js';

const HOUR = 60 * 60_000;

let server: TestServer;
let tools: ReturnType<typeof people>;
let owner: Person;
let shop: string;

beforeEach(async () => {
  server = await createTestServer();
  tools = people(server);
  owner = await tools.person({ verified: true });
  shop = await openBusiness(server, owner);
});
afterEach(async () => {
  expect(server.logged).toEqual([]);
  await server.close();
});

const spendOn = async (campaignId: string, day = '2026-03-01') =>
  Number((await queryValue(server.store, 'SELECT spend_krw FROM campaign_days WHERE campaign_id = ? AND day = ?', campaignId, day)) ?? 0);
const chargedSum = async (campaignId: string) => Number(await queryValue(server.store, 'SELECT coalesce(sum(charged_krw), 0) FROM ad_events WHERE campaign_id = ?', campaignId));
const servingFor = async (who: Person | undefined, campaignId: string) => (await adsView(server.app, who)).campaigns.get(campaignId)?.serving;

/** `n` neighbours, each with a phone that clicks once at `at`: as many devices as people (a person's clicks are capped). */
async function clicksFromDevices(campaignId: string, n: number, at: number) {
  const neighbours = await Promise.all(Array.from({ length: n }, () => tools.person()));
  return neighbours.map((neighbour) => ({ phone: phoneOf(server, neighbour), event: adEvent(campaignId, 'click', at) }));
}

const perClick = (dailyBudgetKrw: number, pricePerClickKrw: number) => ({ dailyBudgetKrw, pricePerClickKrw, pricePerThousandImpressionsKrw: 0 });
const perThousand = (dailyBudgetKrw: number, pricePerThousandImpressionsKrw: number) => ({ dailyBudgetKrw, pricePerClickKrw: 0, pricePerThousandImpressionsKrw });

describe('the serving margin', () => {
  it('is a few clicks’ price, at most a fifth of the budget, and never less than one click', () => {
    expect(servingMarginKrw(perClick(100_000, 100))).toBe(500);
    expect(servingMarginKrw(perClick(1000, 100))).toBe(200);
    expect(servingMarginKrw(perClick(1000, 900))).toBe(900);
    expect(budgetNearlySpent(perClick(1000, 100), 700)).toBe(false);
    expect(budgetNearlySpent(perClick(1000, 100), 800)).toBe(true);
  });

  it('is a busy half minute of impressions when paid per thousand, at most a fifth of the budget, and never less than one impression', () => {
    // 200 impressions at 2,000원 a thousand: 400원.
    expect(servingMarginKrw(perThousand(100_000, 2000))).toBe(400);
    expect(servingMarginKrw(perThousand(1000, 20_000))).toBe(200);
    // A thousandth of 500원 is half a won: one impression's price rounds up to 1원.
    expect(servingMarginKrw(perThousand(1, 500))).toBe(1);
  });

  it('charges a day paid per thousand impressions for as many as began below its budget', () => {
    expect(chargeableImpressions(perThousand(1000, 2000))).toBe(500);
    // 1,000원 at 3,000원 a thousand: the 334th impression begins at 999원 and ends the day at 1,002원.
    expect(chargeableImpressions(perThousand(1000, 3000))).toBe(334);
  });
});

describe('the daily budget', () => {
  it('stops serving before the budget is reached, and devices hear it at their next pull', async () => {
    const ad = await createCampaign(owner, shop, { dailyBudgetKrw: 1000, pricePerClickKrw: 100 });
    const neighbour = await tools.person({ verified: true });
    expect(await servingFor(neighbour, ad)).toBe(true);
    const devices = await clicksFromDevices(ad, 8, T0 - 60_000);
    for (const { phone, event } of devices.slice(0, 7)) await phone.send([event]);
    // 700 spent, the margin 200: still serving.
    expect(await servingFor(neighbour, ad)).toBe(true);
    await devices[7].phone.send([devices[7].event]);
    expect(await spendOn(ad)).toBe(800);
    expect(await servingFor(neighbour, ad)).toBe(false);
    expect(await servingFor(owner, ad)).toBe(false);
  });

  it('charges late offline clicks only while the day has budget left: the spend ends at most one click over', async () => {
    // 300 won a click does not divide 1,000: the last charged click goes over, by less than its price.
    const ad = await createCampaign(owner, shop, { dailyBudgetKrw: 1000, pricePerClickKrw: 300 });
    const online = await clicksFromDevices(ad, 3, T0 - HOUR);
    for (const { phone, event } of online) await phone.send([event]);
    expect(await spendOn(ad)).toBe(900);
    expect(await servingFor(undefined, ad)).toBe(false);
    // Twenty phones that were offline all afternoon, each with a click from before serving stopped,
    // come back online one after another.
    const offline = await clicksFromDevices(ad, 20, T0 - 3 * HOUR);
    for (const { phone, event } of offline) expect(await phone.send([event])).toMatchObject({ status: 'applied' });
    expect(await spendOn(ad)).toBe(1200);
    expect(await chargedSum(ad)).toBe(1200);
    expect(await spendOn(ad)).toBeLessThanOrEqual(1000 + 300);
    const flagged = await queryValue(server.store, "SELECT count(*) FROM ad_events WHERE campaign_id = ? AND flag = 'budget_spent'", ad);
    expect(Number(flagged)).toBe(19);
    // Every click counted, the free ones too; the dashboard shows them (stats.test.ts).
    expect(Number(await queryValue(server.store, 'SELECT clicks FROM campaign_days WHERE campaign_id = ?', ad))).toBe(23);
  });

  it('holds when many devices’ clicks arrive at once', async () => {
    const ad = await createCampaign(owner, shop, { dailyBudgetKrw: 1000, pricePerClickKrw: 300 });
    const devices = await clicksFromDevices(ad, 30, T0 - HOUR);
    const results = await Promise.all(devices.map(({ phone, event }) => phone.send([event])));
    expect(results.every((r) => r.status === 'applied')).toBe(true);
    expect(await spendOn(ad)).toBe(1200);
    expect(await chargedSum(ad)).toBe(1200);
  });

  it('charges a click that arrives a day late to its own day, and leaves today’s serving alone', async () => {
    const ad = await createCampaign(owner, shop, { dailyBudgetKrw: 1000, pricePerClickKrw: 100 });
    const yesterday = await clicksFromDevices(ad, 12, T0 - HOUR);
    // The next day in Seoul: the phones that clicked yesterday come online only now.
    server.clock.advance(24 * HOUR);
    for (const { phone, event } of yesterday) await phone.send([event]);
    expect(await spendOn(ad, '2026-03-01')).toBe(1000);
    expect(await spendOn(ad, '2026-03-02')).toBe(0);
    expect(await servingFor(undefined, ad)).toBe(true);
  });

  it('serves again the next Seoul day, with a new day’s budget', async () => {
    const ad = await createCampaign(owner, shop, { dailyBudgetKrw: 1000, pricePerClickKrw: 500 });
    for (const { phone, event } of await clicksFromDevices(ad, 2, T0 - HOUR)) await phone.send([event]);
    expect(await servingFor(undefined, ad)).toBe(false);
    // 18:00 in Seoul: midnight is six hours away.
    server.clock.advance(5 * HOUR);
    expect(await servingFor(undefined, ad)).toBe(false);
    server.clock.advance(2 * HOUR);
    expect(await servingFor(undefined, ad)).toBe(true);
    const [today] = await clicksFromDevices(ad, 1, server.clock.now() - 60_000);
    await today.phone.send([today.event]);
    expect(await spendOn(ad, '2026-03-02')).toBe(500);
  });

  it('keeps a campaign stopped when the new day’s budget is spent before any pull turned it back on', async () => {
    const ad = await createCampaign(owner, shop, { dailyBudgetKrw: 1000, pricePerClickKrw: 500 });
    for (const { phone, event } of await clicksFromDevices(ad, 2, T0 - HOUR)) await phone.send([event]);
    // Past midnight in Seoul, clicks come in before anyone has pulled.
    server.clock.advance(7 * HOUR);
    for (const { phone, event } of await clicksFromDevices(ad, 2, server.clock.now() - 60_000)) await phone.send([event]);
    expect(await spendOn(ad, '2026-03-02')).toBe(1000);
    expect(await servingFor(undefined, ad)).toBe(false);
    expect(await servingFor(owner, ad)).toBe(false);
  });
});

describe('a campaign paid per thousand impressions', () => {
  /** `n` neighbours, each with a phone that counted `each` impressions (a person's are capped at 3 a day). */
  async function impressionsFromDevices(campaignId: string, n: number, each: number, at: number) {
    const neighbours = await Promise.all(Array.from({ length: n }, () => tools.person()));
    return neighbours.map((neighbour) => ({
      phone: phoneOf(server, neighbour),
      events: Array.from({ length: each }, (_, i) => adEvent(campaignId, 'impression', at + i * 1000)),
    }));
  }
  const dayRow = async (campaignId: string) =>
    (await query(server.store, 'SELECT impressions, charged_impressions, clicks, spend_krw FROM campaign_days WHERE campaign_id = ?', campaignId)).map((r) =>
      Object.fromEntries(Object.entries(r).map(([k, v]) => [k, Number(v)])),
    );

  it('spends a thousandth of the price per counted impression, charges no click, and stops serving before the budget', async () => {
    // 20원 an impression, 1,000원 a day: 50 impressions spend it; serving stops 200원 before, at 40.
    const ad = await createCampaign(owner, shop, { dailyBudgetKrw: 1000, pricePerClickKrw: undefined, pricePerThousandImpressionsKrw: 20_000 });
    const neighbour = await tools.person({ verified: true });
    expect((await adsView(server.app, neighbour)).campaigns.get(ad)).toMatchObject({ pricePerClickKrw: 0, pricePerThousandImpressionsKrw: 20_000, serving: true });
    const devices = await impressionsFromDevices(ad, 14, 3, T0 - HOUR);
    for (const { phone, events } of devices.slice(0, 13)) await phone.send(events);
    await devices[13].phone.send([...devices[13].events, adEvent(ad, 'click', T0 - 30 * 60_000)]);
    expect(await dayRow(ad)).toEqual([{ impressions: 42, charged_impressions: 42, clicks: 1, spend_krw: 840 }]);
    expect(await servingFor(neighbour, ad)).toBe(false);
    expect(await chargedSum(ad)).toBe(0);
  });

  it('charges late offline impressions only while the day has budget left, and resent ones never', async () => {
    const ad = await createCampaign(owner, shop, { dailyBudgetKrw: 1000, pricePerClickKrw: undefined, pricePerThousandImpressionsKrw: 20_000 });
    const devices = await impressionsFromDevices(ad, 20, 3, T0 - 3 * HOUR);
    // Twenty phones offline all afternoon come back at once, and every one sends its batch twice.
    const results = await Promise.all(devices.map(async ({ phone, events }) => [await phone.send(events), await phone.send(events)]));
    expect(results.flat().every((r) => r.status === 'applied')).toBe(true);
    expect(await dayRow(ad)).toEqual([{ impressions: 60, charged_impressions: 50, clicks: 0, spend_krw: 1000 }]);
  });
});
