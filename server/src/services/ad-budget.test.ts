// The budget rule through push and pull on a real store (either engine): serving stops before the
// day's budget is reached, and clicks counted offline that arrive after it was spent — from many
// devices, all at once too — are recorded but leave the day's spend at most one click's price over.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestServer, T0, type TestServer } from '../testing/harness.js';
import { queryValue } from '../testing/test-store.js';
import { people, type Person } from '../testing/trading.js';
import { adEvent, adsView, createCampaign, openBusiness, phoneOf } from '../testing/ads.js';
import { budgetNearlySpent, servingMarginKrw } from './ad-budget.js';

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

describe('the serving margin', () => {
  it('is a few clicks’ price, at most a fifth of the budget, and never less than one click', () => {
    expect(servingMarginKrw({ dailyBudgetKrw: 100_000, pricePerClickKrw: 100 })).toBe(500);
    expect(servingMarginKrw({ dailyBudgetKrw: 1000, pricePerClickKrw: 100 })).toBe(200);
    expect(servingMarginKrw({ dailyBudgetKrw: 1000, pricePerClickKrw: 900 })).toBe(900);
    expect(budgetNearlySpent({ dailyBudgetKrw: 1000, pricePerClickKrw: 100 }, 700)).toBe(false);
    expect(budgetNearlySpent({ dailyBudgetKrw: 1000, pricePerClickKrw: 100 }, 800)).toBe(true);
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
