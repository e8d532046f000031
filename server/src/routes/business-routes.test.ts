// GET /api/businesses/:id/stats on a real store (either engine): the owner alone sees the figures
// (visitors 401, others 403, an unknown business 404), today at the top level and each of the last
// 30 Seoul days, fraud-flagged clicks apart and the budget left today.
import { businessStatsSchema, type BusinessStats } from '@dongne/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestServer, T0, type TestServer } from '../testing/harness.js';
import { people, type Person } from '../testing/trading.js';
import { adEvent, createCampaign, openBusiness, phoneOf, statsRequest } from '../testing/ads.js';

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

async function statsOf(who: Person): Promise<BusinessStats> {
  const response = await statsRequest(server.app, who, shop);
  expect(response.status).toBe(200);
  return businessStatsSchema.parse(await response.json());
}

describe('a business’s figures', () => {
  it('are its owner’s alone', async () => {
    const visitor = await statsRequest(server.app, undefined, shop);
    expect(visitor.status).toBe(401);
    expect(await visitor.json()).toMatchObject({ error: { code: 'auth.required' } });
    const other = await statsRequest(server.app, await tools.person(), shop);
    expect(other.status).toBe(403);
    expect(await other.json()).toMatchObject({ error: { code: 'business.not_owner' } });
    const unknown = await statsRequest(server.app, owner, '00000000-0000-4000-8000-000000000000');
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ error: { code: 'business.not_found' } });
    expect((await statsRequest(server.app, owner, 'x'.repeat(101))).status).toBe(400);
  });

  it('count today’s impressions, clicks and spend, the flagged clicks apart, and the budget left', async () => {
    const a = await createCampaign(owner, shop, { dailyBudgetKrw: 1000, pricePerClickKrw: 100 });
    const b = await createCampaign(owner, shop, { dailyBudgetKrw: 2000, pricePerClickKrw: 300 });
    const neighbour = await tools.person();
    const phone = phoneOf(server, neighbour);
    // The next day in Seoul (T0 is 18:00 there): the ads began yesterday.
    server.clock.advance(24 * HOUR);
    const now = server.clock.now();
    await phone.send([
      adEvent(a, 'impression', now - 10 * 60_000),
      adEvent(a, 'impression', now - 9 * 60_000),
      adEvent(b, 'impression', now - 8 * 60_000),
      adEvent(a, 'click', now - 7 * 60_000),
      // A double tap: recorded, not charged.
      adEvent(a, 'click', now - 7 * 60_000 + 500),
      adEvent(b, 'click', now - 6 * 60_000),
    ]);
    // The owner trying their own ad: flagged too.
    await phoneOf(server, owner).send([adEvent(a, 'impression', now - 5 * 60_000), adEvent(a, 'click', now - 5 * 60_000)]);
    // Yesterday, the day the ads began, sent late.
    await phoneOf(server, neighbour).send([adEvent(b, 'impression', T0 - HOUR), adEvent(b, 'click', T0 - HOUR)]);

    const stats = await statsOf(owner);
    expect(stats).toMatchObject({ impressions: 3, clicks: 2, spendKrw: 400, flaggedClicks: 2, budgetLeftKrw: 900 + 1700 });
    expect(stats.days).toHaveLength(30);
    expect(stats.days[29]).toEqual({ day: '2026-03-02', impressions: 3, clicks: 2, spendKrw: 400, flaggedClicks: 2 });
    expect(stats.days[28]).toEqual({ day: '2026-03-01', impressions: 1, clicks: 1, spendKrw: 300, flaggedClicks: 0 });
    expect(stats.days[0]).toEqual({ day: '2026-02-01', impressions: 0, clicks: 0, spendKrw: 0, flaggedClicks: 0 });
  });

  it('start a new day at midnight in Seoul', async () => {
    const a = await createCampaign(owner, shop, { dailyBudgetKrw: 1000, pricePerClickKrw: 100 });
    await phoneOf(server, await tools.person()).send([adEvent(a, 'click', T0 - 60_000)]);
    server.clock.advance(6 * HOUR + 1);
    const stats = await statsOf(owner);
    expect(stats).toMatchObject({ clicks: 0, spendKrw: 0, budgetLeftKrw: 1000 });
    expect(stats.days.slice(-2).map((d) => [d.day, d.spendKrw])).toEqual([
      ['2026-03-01', 100],
      ['2026-03-02', 0],
    ]);
  });
});
