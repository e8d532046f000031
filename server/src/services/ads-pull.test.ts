// Businesses and campaigns through pull on a real store (either engine): a campaign reaches the
// people whose neighbourhood its target covers and its owner, nobody else; paging stays exact on
// the shared cursor; an account's deletion takes its businesses and campaigns off every device.
import { BUSINESS_PROFILE_BLANK, businessRowSchema, campaignRowSchema, type Change } from '@dongne/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestServer, pullAll, T0, type TestServer } from '../testing/harness.js';
import { HOME } from '../testing/fixes.js';
import { SEOUL } from '../testing/board.js';
import { queryValue } from '../testing/test-store.js';
import { people, type Person } from '../testing/trading.js';
import { adEvent, adsView, adsViewOf, createCampaign, openBusiness, phoneOf } from '../testing/ads.js';

/** Pangyo-dong: across Bundang from HOME, in its wider ranges but not its own dong. */
const PANGYO = 'kr-3102375';

let server: TestServer;
let tools: ReturnType<typeof people>;
let owner: Person;
let neighbour: Person;

beforeEach(async () => {
  server = await createTestServer();
  tools = people(server);
  owner = await tools.person({ verified: true });
  neighbour = await tools.person({ verified: true });
});
afterEach(async () => {
  expect(server.logged).toEqual([]);
  await server.close();
});

async function deleteAccount(who: Person) {
  const confirmed = await server.app.request('/api/account/confirm', {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: who.cookie },
    body: JSON.stringify({ password: who.password }),
  });
  expect(confirmed.status).toBe(204);
  expect((await server.app.request('/api/account', { method: 'DELETE', headers: { cookie: who.cookie } })).status).toBe(204);
}

describe('who pulls a campaign', () => {
  it('goes to people whose own neighbourhood is in its target, visitors too, and to its owner anywhere', async () => {
    const shop = await openBusiness(server, owner);
    const near = await createCampaign(owner, shop, { rangeLevel: 1 });
    const wide = await createCampaign(owner, shop, { rangeLevel: 4 });
    const places = (await server.store.campaigns.byId(wide))!.places;
    expect(places).toContain(PANGYO);

    for (const who of [neighbour, undefined]) {
      expect([...(await adsView(server.app, who)).campaigns.keys()].toSorted()).toEqual([near, wide].toSorted());
    }
    // Someone in Pangyo is in the wide target only, at whatever range they browse.
    for (const range of [1, 4] as const) {
      expect([...(await adsView(server.app, neighbour, { neighbourhood: PANGYO, range })).campaigns.keys()]).toEqual([wide]);
    }
    // In Seoul nobody is in either target, even browsing as wide as they can; its owner still has both.
    expect((await adsView(server.app, neighbour, { neighbourhood: SEOUL, range: 4 })).campaigns.size).toBe(0);
    expect((await adsView(server.app, undefined, { neighbourhood: SEOUL, range: 4 })).campaigns.size).toBe(0);
    expect((await adsView(server.app, owner, { neighbourhood: SEOUL, range: 4 })).campaigns.size).toBe(2);
  });

  it('carries businesses as listings are chosen, and both rows as the shared schemas say', async () => {
    const shop = await openBusiness(server, owner);
    const ad = await createCampaign(owner, shop, { rangeLevel: 2, dailyBudgetKrw: 5000, pricePerClickKrw: 150 });
    const { changes } = await pullAll(server.app, neighbour.cookie);
    const business = changes.find((c): c is Extract<Change, { entity: 'business'; op: 'upsert' }> => c.entity === 'business' && c.op === 'upsert')!.row;
    const campaign = changes.find((c): c is Extract<Change, { entity: 'campaign'; op: 'upsert' }> => c.entity === 'campaign' && c.op === 'upsert')!.row;
    expect(businessRowSchema.parse(business)).toEqual(business);
    expect(campaignRowSchema.parse(campaign)).toEqual(campaign);
    expect(business).toEqual({ id: shop, ownerId: owner.actorId, name: '수내 베이커리', category: 'bakery', neighbourhoodId: HOME, neighbourhood: expect.any(String), createdAt: T0, ...BUSINESS_PROFILE_BLANK });
    expect(campaign).toMatchObject({ id: ad, businessId: shop, businessName: '수내 베이커리', ownerId: owner.actorId, rangeLevel: 2, dailyBudgetKrw: 5000, pricePerClickKrw: 150, serving: true });
    expect((await adsView(server.app, neighbour, { neighbourhood: PANGYO, range: 4 })).businesses.has(shop)).toBe(true);
    expect((await adsView(server.app, neighbour, { neighbourhood: SEOUL, range: 4 })).businesses.has(shop)).toBe(false);
    expect((await adsView(server.app, owner, { neighbourhood: SEOUL, range: 4 })).businesses.has(shop)).toBe(true);
  });

  it('pages businesses and campaigns with the rest on one cursor, none skipped, none twice', async () => {
    const shop = await openBusiness(server, owner);
    const ads = [];
    for (let i = 0; i < 7; i++) ads.push(await createCampaign(owner, shop, { title: `광고 ${i}` }));
    // Stopping one moves it to the end of the changes.
    // Eight neighbours' clicks (a person's own are capped) spend it past the margin.
    for (let i = 0; i < 8; i++) await phoneOf(server, await people(server).person()).send([adEvent(ads[0], 'click', T0 - 60_000)]);
    const { pages, changes } = await pullAll(server.app, neighbour.cookie, 0, 3);
    // One business and seven campaigns, three a page.
    expect(pages.length).toBe(3);
    const campaignIds = changes.flatMap((c) => (c.entity === 'campaign' && c.op === 'upsert' ? [c.row.id] : []));
    expect(campaignIds.toSorted()).toEqual(ads.toSorted());
    expect(adsViewOf(pages).campaigns.get(ads[0])!.serving).toBe(false);
    const cursors = pages.map((p) => p.cursor);
    expect(cursors).toEqual(cursors.toSorted((a, b) => a - b));
  });
});

describe('deleting an account', () => {
  it('closes its businesses and ends its campaigns on every device, and keeps its counted events without a name', async () => {
    const shop = await openBusiness(server, owner);
    const ad = await createCampaign(owner, shop);
    const theirs = await createCampaign(neighbour, await openBusiness(server, neighbour, { name: '탄천 카페', category: 'cafe' }));
    await phoneOf(server, owner).send([adEvent(theirs, 'click', T0 - 60_000)]);
    const before = await adsView(server.app, neighbour);
    expect(before.campaigns.has(ad)).toBe(true);
    await deleteAccount(owner);
    const after = await adsView(server.app, neighbour);
    expect(after.campaigns.has(ad)).toBe(false);
    expect(after.businesses.has(shop)).toBe(false);
    // A device that held them is told to drop them.
    const { changes } = await pullAll(server.app, neighbour.cookie, before.cursor);
    expect(changes).toEqual(expect.arrayContaining([{ op: 'delete', entity: 'campaign', id: ad }, { op: 'delete', entity: 'business', id: shop }]));
    expect(after.campaigns.has(theirs)).toBe(true);
    // The neighbour's business was charged for the click: it stays, with nobody's name on it.
    expect(Number(await queryValue(server.store, 'SELECT count(*) FROM ad_events WHERE campaign_id = ? AND actor_id IS NULL AND client_id IS NULL AND charged_krw = 100', theirs))).toBe(1);
  });
});

describe('ending a campaign', () => {
  it('takes it off every device at their next pull, and only its owner may end it, once', async () => {
    const businessId = await openBusiness(server, owner);
    const campaignId = await createCampaign(owner, businessId);
    const before = await adsView(server.app, neighbour);
    expect(before.campaigns.has(campaignId)).toBe(true);

    // Someone else's campaign, and one that never was: refused with a reason, nothing changes.
    expect(await neighbour.act('campaign.end', { id: campaignId })).toMatchObject({ status: 'rejected', code: 'business.not_owner' });
    expect(await owner.act('campaign.end', { id: crypto.randomUUID() })).toMatchObject({ status: 'rejected', code: 'campaign.not_found' });
    expect((await adsView(server.app, neighbour)).campaigns.has(campaignId)).toBe(true);

    expect(await owner.act('campaign.end', { id: campaignId })).toMatchObject({ status: 'applied' });
    // Sent again (from another of the owner's devices): already ended, nothing more.
    expect(await owner.act('campaign.end', { id: campaignId })).toMatchObject({ status: 'applied' });

    const after = await adsView(server.app, neighbour);
    expect(after.campaigns.has(campaignId)).toBe(false);
    // A device that held it is told to drop it.
    const { pages } = await pullAll(server.app, neighbour.cookie, before.cursor);
    expect(pages.flatMap((p) => p.changes)).toContainEqual(expect.objectContaining({ entity: 'campaign', op: 'delete', id: campaignId }));
    expect((await adsView(server.app, owner)).campaigns.has(campaignId)).toBe(false);
    // Late events on it are kept and charge nothing.
    await phoneOf(server, neighbour).send([adEvent(campaignId, 'click', server.clock.now())]);
    expect(Number(await queryValue(server.store, 'SELECT coalesce(sum(charged_krw), 0) FROM ad_events WHERE campaign_id = ?', campaignId))).toBe(0);
  });
});
