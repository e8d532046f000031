// Local businesses and ads through push on a real store (either engine): who may open a business
// and create its campaigns, events counted once however often they are resent, and the fraud rules
// (the owner's own events, a person's daily cap, clicks too fast, events too old, backdated or from the future).
import { AD_LIMITS, BUSINESS_LIMITS } from '@dongne/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { countRows, createTestServer, T0, type TestServer } from '../testing/harness.js';
import { HOME } from '../testing/fixes.js';
import { query, queryValue } from '../testing/test-store.js';
import { SEOUL } from '../testing/board.js';
import { people, type Person } from '../testing/trading.js';
import { adEvent, businessArgs, campaignArgs, createCampaign, openBusiness, phoneOf } from '../testing/ads.js';

let server: TestServer;
let owner: Person;
let neighbour: Person;

beforeEach(async () => {
  server = await createTestServer();
  const tools = people(server);
  owner = await tools.person({ verified: true });
  neighbour = await tools.person({ verified: true });
});
afterEach(async () => {
  expect(server.logged).toEqual([]);
  await server.close();
});

/** Each event's flag and charge, by id. */
async function settled(campaignId: string): Promise<Map<string, { flag: unknown; charged: number }>> {
  const rows = await query(server.store, 'SELECT id, flag, charged_krw FROM ad_events WHERE campaign_id = ?', campaignId);
  return new Map(rows.map((r) => [r.id as string, { flag: r.flag, charged: Number(r.charged_krw) }]));
}
const spendOf = async (campaignId: string) => Number((await queryValue(server.store, 'SELECT coalesce(sum(charged_krw), 0) FROM ad_events WHERE campaign_id = ?', campaignId)) ?? 0);

describe('opening a business', () => {
  it('needs a passing reading taken in its neighbourhood', async () => {
    const args = businessArgs();
    expect(await owner.act('business.create', args)).toMatchObject({ status: 'rejected', code: 'location.missing' });
    // A reading taken in Seoul (hours later: the trip is possible) does not place a shop in Bundang,
    // whatever its owner verified before.
    server.clock.advance(2 * 60 * 60_000);
    expect(await owner.act('business.create', args, { fix: server.fixAt(SEOUL) })).toMatchObject({ status: 'rejected', code: 'location.too_far' });
    expect(await owner.act('business.create', businessArgs({ neighbourhoodId: 'kr-nowhere' }), { fix: server.fixAt() })).toMatchObject({
      status: 'rejected',
      code: 'neighbourhood.unknown',
    });
    expect(await countRows(server.store, 'businesses')).toBe(0);
    server.clock.advance(60 * 60_000);
    expect(await owner.act('business.create', args, { fix: server.fixAt(HOME) })).toMatchObject({ status: 'applied' });
    expect(await countRows(server.store, 'businesses')).toBe(1);
  });

  it(`allows ${BUSINESS_LIMITS.perPerson} per person`, async () => {
    for (let i = 0; i < BUSINESS_LIMITS.perPerson; i++) await openBusiness(server, owner);
    expect(await owner.act('business.create', businessArgs(), { fix: server.fixAt() })).toMatchObject({ status: 'rejected', code: 'business.limit' });
  });

  it('takes a resend of the same profile once, and never someone else’s id', async () => {
    const args = businessArgs();
    await openBusiness(server, owner, args);
    // An outbox rebuilt after a lost answer sends it again as a new mutation, its reading a replay by now.
    expect(await owner.act('business.create', args, { fix: server.fixAt() })).toMatchObject({ status: 'applied' });
    expect(await neighbour.act('business.create', { ...args, name: '가짜 가게' }, { fix: server.fixAt() })).toMatchObject({
      status: 'rejected',
      code: 'business.id_taken',
    });
    expect(await query(server.store, 'SELECT owner_id, name FROM businesses')).toEqual([{ owner_id: owner.actorId, name: '수내 베이커리' }]);
  });
});

describe('creating a campaign', () => {
  it('is for the business’s owner only, and targets its neighbourhood’s neighbour set at the range level', async () => {
    const shop = await openBusiness(server, owner);
    expect(await neighbour.act('campaign.create', campaignArgs(shop))).toMatchObject({ status: 'rejected', code: 'business.not_owner' });
    expect(await owner.act('campaign.create', campaignArgs('00000000-0000-4000-8000-000000000000'))).toMatchObject({
      status: 'rejected',
      code: 'business.not_found',
    });
    for (const rangeLevel of [1, 3] as const) {
      const ad = await createCampaign(owner, shop, { rangeLevel });
      const campaign = (await server.store.campaigns.byId(ad))!;
      const expected = await server.store.neighbourhoods.neighbourIds(HOME, rangeLevel);
      expect(campaign.places.toSorted()).toEqual(expected.toSorted());
      expect(campaign.places).toContain(HOME);
      expect(campaign).toMatchObject({ ownerId: owner.actorId, businessName: '수내 베이커리', serving: true, pricePerClickKrw: 100 });
    }
    expect((await server.store.campaigns.byId(await createCampaign(owner, shop, { rangeLevel: 1 })))!.places).toEqual([HOME]);
  });

  it('takes a resend once, refuses another’s id, and charges the default price when none is given', async () => {
    const shop = await openBusiness(server, owner);
    const { pricePerClickKrw: _price, ...withoutPrice } = campaignArgs(shop);
    expect(await owner.act('campaign.create', withoutPrice)).toMatchObject({ status: 'applied' });
    expect(await owner.act('campaign.create', withoutPrice)).toMatchObject({ status: 'applied' });
    expect(await countRows(server.store, 'campaigns')).toBe(1);
    expect((await server.store.campaigns.byId(withoutPrice.id))!.pricePerClickKrw).toBe(AD_LIMITS.defaultPricePerClickKrw);
    const theirs = await openBusiness(server, neighbour, { name: '탄천 카페', category: 'cafe' });
    expect(await neighbour.act('campaign.create', { ...campaignArgs(theirs), id: withoutPrice.id })).toMatchObject({ status: 'rejected', code: 'campaign.id_taken' });
  });

  it('is paid per thousand impressions when that price is given instead, and never both', async () => {
    const shop = await openBusiness(server, owner);
    const { pricePerClickKrw: _price, ...perImpression } = campaignArgs(shop, { pricePerThousandImpressionsKrw: 2_000 });
    expect(await owner.act('campaign.create', perImpression)).toMatchObject({ status: 'applied' });
    expect(await server.store.campaigns.byId(perImpression.id)).toMatchObject({ pricePerClickKrw: 0, pricePerThousandImpressionsKrw: 2_000 });
    for (const wrong of [
      campaignArgs(shop, { pricePerClickKrw: 100, pricePerThousandImpressionsKrw: 2_000 }),
      campaignArgs(shop, { pricePerClickKrw: undefined, pricePerThousandImpressionsKrw: AD_LIMITS.pricePerThousandMinKrw - 1 }),
      campaignArgs(shop, { pricePerClickKrw: undefined, pricePerThousandImpressionsKrw: AD_LIMITS.pricePerThousandMaxKrw + 1 }),
      campaignArgs(shop, { pricePerClickKrw: undefined, pricePerThousandImpressionsKrw: 2_000.5 }),
    ]) {
      expect(await owner.act('campaign.create', wrong)).toMatchObject({ status: 'rejected', code: 'mutation.invalid_args' });
    }
    expect(await countRows(server.store, 'campaigns')).toBe(1);
  });

  it('refuses a price per click above the daily budget: the first click would overspend the day', async () => {
    const shop = await openBusiness(server, owner);
    expect(await owner.act('campaign.create', campaignArgs(shop, { dailyBudgetKrw: 1_000, pricePerClickKrw: 5_000 }))).toMatchObject({
      status: 'rejected',
      code: 'mutation.invalid_args',
    });
    expect(await countRows(server.store, 'campaigns')).toBe(0);
  });
});

describe('counting ad events', () => {
  it('counts each event once however often it is resent, in the same batch or a later one', async () => {
    const ad = await createCampaign(owner, await openBusiness(server, owner));
    const phone = phoneOf(server, neighbour);
    const batch = [adEvent(ad, 'impression'), adEvent(ad, 'impression', T0 - 5000), adEvent(ad, 'click', T0 - 4000)];
    expect(await phone.send([...batch, batch[0]])).toMatchObject({ status: 'applied' });
    // The answer was lost: the device sends the batch again, as a new mutation, with one new event.
    const later = adEvent(ad, 'click', T0 - 3000);
    expect(await phone.send([...batch, later])).toMatchObject({ status: 'applied' });
    expect(await countRows(server.store, 'ad_events')).toBe(4);
    expect(await spendOf(ad)).toBe(100);
    expect(await query(server.store, 'SELECT impressions, clicks, flagged_clicks, spend_krw FROM campaign_days')).toEqual([
      { impressions: 2, clicks: 1, flagged_clicks: 1, spend_krw: 100 },
    ]);
  });

  it('records the owner’s own impressions and clicks but never charges them', async () => {
    const ad = await createCampaign(owner, await openBusiness(server, owner));
    const ownPhone = phoneOf(server, owner);
    const clicks = [adEvent(ad, 'impression'), adEvent(ad, 'click', T0 - 10_000), adEvent(ad, 'click', T0 - 5000)];
    expect(await ownPhone.send(clicks)).toMatchObject({ status: 'applied' });
    expect([...(await settled(ad)).values()]).toEqual([
      { flag: 'owner', charged: 0 },
      { flag: 'owner', charged: 0 },
      { flag: 'owner', charged: 0 },
    ]);
    expect(await query(server.store, 'SELECT impressions, clicks, flagged_clicks, spend_krw FROM campaign_days')).toEqual([
      { impressions: 0, clicks: 0, flagged_clicks: 2, spend_krw: 0 },
    ]);
  });

  it(`charges ${AD_LIMITS.chargedClicksPerDevicePerDay} clicks a day from one person, whichever phone (or made-up device id) they come from`, async () => {
    const ad = await createCampaign(owner, await openBusiness(server, owner), { dailyBudgetKrw: 10_000 });
    const phone = phoneOf(server, neighbour);
    const clicks = Array.from({ length: 5 }, (_, i) => adEvent(ad, 'click', T0 - 60_000 + i * 10_000));
    await phone.send(clicks);
    const flags = await settled(ad);
    expect(clicks.map((c) => flags.get(c.id))).toEqual([
      { flag: null, charged: 100 },
      { flag: null, charged: 100 },
      { flag: null, charged: 100 },
      { flag: 'device_cap', charged: 0 },
      { flag: 'device_cap', charged: 0 },
    ]);
    // The same person from another device id (a second phone, or one made up per batch): no new clicks to charge.
    await phoneOf(server, neighbour).send([adEvent(ad, 'click', T0 - 1000)]);
    expect(await spendOf(ad)).toBe(300);
    // Another person has their own.
    await phoneOf(server, await people(server).person({ verified: true })).send([adEvent(ad, 'click', T0 - 1000)]);
    expect(await spendOf(ad)).toBe(400);
  });

  it('never charges a click counted before the campaign existed, however it is backdated', async () => {
    server.clock.advance(3 * 24 * 60 * 60_000);
    const ad = await createCampaign(owner, await openBusiness(server, owner));
    const backdated = adEvent(ad, 'click', server.clock.now() - 2 * 24 * 60 * 60_000);
    const honest = adEvent(ad, 'click', server.clock.now() - 1000);
    await phoneOf(server, neighbour).send([backdated, honest]);
    const flags = await settled(ad);
    expect([backdated, honest].map((c) => flags.get(c.id))).toEqual([
      { flag: 'stale', charged: 0 },
      { flag: null, charged: 100 },
    ]);
  });

  it('refuses, never fails on, an event time that is no time at all', async () => {
    const ad = await createCampaign(owner, await openBusiness(server, owner));
    for (const at of [9e15, -1]) {
      expect(await phoneOf(server, neighbour).send([adEvent(ad, 'click', at)])).toMatchObject({ status: 'rejected', code: 'mutation.invalid_args' });
    }
    expect(await countRows(server.store, 'ad_events')).toBe(0);
  });

  it('does not charge a click closer than the least gap to the device’s previous one', async () => {
    const ad = await createCampaign(owner, await openBusiness(server, owner));
    const phone = phoneOf(server, neighbour);
    const first = adEvent(ad, 'click', T0 - 10_000);
    const double = adEvent(ad, 'click', T0 - 10_000 + AD_LIMITS.clickMinIntervalMs - 1);
    const calm = adEvent(ad, 'click', T0 - 10_000 + 2 * AD_LIMITS.clickMinIntervalMs);
    await phone.send([first, double]);
    await phone.send([calm]);
    const flags = await settled(ad);
    expect([first, double, calm].map((c) => flags.get(c.id))).toEqual([
      { flag: null, charged: 100 },
      { flag: 'too_fast', charged: 0 },
      { flag: null, charged: 100 },
    ]);
  });

  it('records events older than a week or from the future, uncharged, beside the honest ones in the batch', async () => {
    const ad = await createCampaign(owner, await openBusiness(server, owner));
    server.clock.advance(AD_LIMITS.eventMaxAgeMs + 60 * 60_000);
    const now = server.clock.now();
    const stale = adEvent(ad, 'click', T0);
    const future = adEvent(ad, 'click', now + 60 * 60_000);
    const honest = adEvent(ad, 'click', now - 60_000);
    expect(await phoneOf(server, neighbour).send([stale, future, honest])).toMatchObject({ status: 'applied' });
    const flags = await settled(ad);
    expect([stale, future, honest].map((c) => flags.get(c.id))).toEqual([
      { flag: 'stale', charged: 0 },
      { flag: 'future', charged: 0 },
      { flag: null, charged: 100 },
    ]);
  });

  it(`counts ${AD_LIMITS.impressionsPerPersonPerDay} impressions a day from one person, whichever phone they come from; more are recorded, not counted`, async () => {
    const ad = await createCampaign(owner, await openBusiness(server, owner));
    const events = Array.from({ length: AD_LIMITS.impressionsPerPersonPerDay + 2 }, (_, i) => adEvent(ad, 'impression', T0 - 60_000 + i * 1000));
    await phoneOf(server, neighbour).send(events.slice(0, 3));
    await phoneOf(server, neighbour).send(events.slice(3));
    const flags = await settled(ad);
    expect(events.map((e) => flags.get(e.id)?.flag)).toEqual([null, null, null, 'person_cap', 'person_cap']);
    expect(await query(server.store, 'SELECT impressions FROM campaign_days')).toEqual([{ impressions: AD_LIMITS.impressionsPerPersonPerDay }]);
  });

  it('never charges a click from someone whose neighbourhoods are all outside the target', async () => {
    const ad = await createCampaign(owner, await openBusiness(server, owner), { rangeLevel: 1 });
    const seoulite = await people(server).person();
    expect(await seoulite.act('neighbourhood.set', { held: [SEOUL], active: SEOUL })).toMatchObject({ status: 'applied' });
    const [seen, click] = [adEvent(ad, 'impression'), adEvent(ad, 'click', T0 - 1000)];
    await phoneOf(server, seoulite).send([seen, click]);
    const flags = await settled(ad);
    expect([flags.get(seen.id), flags.get(click.id)]).toEqual([
      { flag: 'out_of_area', charged: 0 },
      { flag: 'out_of_area', charged: 0 },
    ]);
    expect(await spendOf(ad)).toBe(0);
  });

  it('ignores events for a campaign that does not exist, and keeps the rest of the batch', async () => {
    const ad = await createCampaign(owner, await openBusiness(server, owner));
    const result = await phoneOf(server, neighbour).send([adEvent('00000000-0000-4000-8000-000000000000', 'click'), adEvent(ad, 'impression')]);
    expect(result).toMatchObject({ status: 'applied' });
    expect(await countRows(server.store, 'ad_events')).toBe(1);
  });

  it(`refuses a batch of more than ${AD_LIMITS.eventsPerBatch} events as a whole`, async () => {
    const ad = await createCampaign(owner, await openBusiness(server, owner));
    const events = Array.from({ length: AD_LIMITS.eventsPerBatch + 1 }, () => adEvent(ad, 'impression'));
    expect(await phoneOf(server, neighbour).send(events)).toMatchObject({ status: 'rejected', code: 'mutation.invalid_args' });
    expect(await countRows(server.store, 'ad_events')).toBe(0);
  });
});
