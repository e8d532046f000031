// Local businesses and their ads (비즈프로필, 지역광고), end to end: a shop opens its profile and a
// campaign; a neighbour with no connection scrolls past the ad (half of it visible for a second:
// one impression) and taps it (one click), both counted on the phone and kept through a reload;
// back online the owner's dashboard counts one impression and one click; the same batch sent again
// changes nothing; the owner's own clicks are recorded and not charged; and once the day's budget
// is spent the campaign leaves the neighbour's feed.
import { randomUUID } from 'node:crypto';
import type { APIRequestContext, BrowserContext, Page } from '@playwright/test';
import { expectAccessible } from '../support/a11y.js';
import { test, expect, expectAllSent, reloadOffline, syncNow } from '../support/fixtures.js';
import { fillArea } from '../support/fill-area.js';
import { buyerInSunae } from '../support/trading.js';
import { at } from '../support/places.js';

/** No network at all, the service worker's own requests included. */
async function goOffline(context: BrowserContext) {
  await context.route('**/api/**', (route) => route.abort('internetdisconnected'));
  await context.setOffline(true);
}
async function goOnline(context: BrowserContext) {
  await context.unroute('**/api/**');
  await context.setOffline(false);
}

type AdEvent = { id: string; campaignId: string; kind: 'impression' | 'click'; at: number };

/** The ad events this phone counted, as it keeps them in IndexedDB. */
function countedEvents(page: Page): Promise<AdEvent[]> {
  return page.evaluate(
    () =>
      new Promise<AdEvent[]>((resolve) => {
        const open = indexedDB.open('dongne');
        open.onsuccess = () => {
          const db = open.result;
          const read = db.transaction('adEvents').objectStore('adEvents').getAll();
          read.onsuccess = () => {
            db.close();
            resolve((read.result as (AdEvent & { viewerId: string; day: string })[]).map(({ id, campaignId, kind, at }) => ({ id, campaignId, kind, at })));
          };
        };
      }),
  );
}

/** Sends ad events as any client may, through the sync push, under a device id of its own. */
async function pushEvents(api: APIRequestContext, events: AdEvent[]) {
  const pushed = await api.post('/api/sync/push', {
    data: { clientId: randomUUID(), mutations: [{ mutationId: randomUUID(), seq: 1, name: 'ad.events', args: { events }, createdAt: Date.now() }] },
  });
  expect(pushed.status()).toBe(200);
  const results = ((await pushed.json()) as { results: { status: string }[] }).results;
  expect(results.map((r) => r.status)).toEqual(['applied']);
}

/** Today's figures as the dashboard shows them. */
async function expectToday(page: Page, figures: { impressions: string; clicks: string; spend: string; flagged?: string }) {
  await page.reload();
  await expect(page.getByTestId('stat-impressions')).toHaveText(figures.impressions);
  await expect(page.getByTestId('stat-clicks')).toHaveText(figures.clicks);
  await expect(page.getByTestId('stat-spend')).toHaveText(figures.spend);
  if (figures.flagged) await expect(page.getByTestId('stat-flagged')).toHaveText(figures.flagged);
}

test('a shop opens a profile and an ad; a neighbour offline sees it and taps it; the dashboard counts each once, never the owner’s clicks, and the ad stops at its budget', async ({
  page,
  newDevice,
  playwright,
  server,
}) => {
  // A busy area: the feed has room for ads (one after every nine listings). Filled straight into the
  // SQLite file, so this journey runs on SQLite; the server's ad rules run on both engines in
  // server/src/services/ads-*.test.ts.
  await fillArea(server, 40);
  let businessId = '';
  let campaignId = '';

  await test.step('the shop opens its business profile, its location checked at the shop', async () => {
    await buyerInSunae(page);
    await page.getByRole('link', { name: 'My listings', exact: true }).click();
    await page.getByTestId('open-business').click();
    await expect(page.getByRole('heading', { name: 'Open a business', level: 1 })).toBeVisible();
    // Nothing typed: each field says what it needs, and nothing is sent.
    await page.getByTestId('business-open').click();
    await expect(page.getByRole('alert').filter({ hasText: 'Give the business a name.' })).toBeVisible();
    await expect(page.getByRole('alert').filter({ hasText: 'Choose a category.' })).toBeVisible();
    await expectAccessible(page, 'opening a business (en)');
    await page.getByRole('textbox', { name: 'Business name' }).fill('행복빵집 Happy Bakery');
    await page.getByRole('radio', { name: 'Bakery' }).click();
    await page.getByTestId('business-open').click();
    await expect(page).toHaveURL(/\/me/);
    const mine = page.getByTestId('my-business');
    await expect(mine).toContainText('행복빵집 Happy Bakery');
    // The browser's emulated reading is the very one the verification used (same place, same
    // time): the server refuses it as a replay, and the profile stays with the reason.
    await expect(mine.getByRole('alert')).toContainText('Not opened: That location was already used.');
    await expectAccessible(page, 'a refused business on the My screen (en)');
    // At the shop's counter, a few metres on, a new reading: tried again, it opens.
    const here = at('kr-bundang-sunae');
    await page.context().setGeolocation({ ...here, latitude: here.latitude + 0.0001 });
    await mine.getByTestId('business-retry').click();
    await expect(mine.getByTestId('business-state')).toHaveText('Open');
    businessId = (await mine.getByTestId('business-dashboard').getAttribute('href'))!.split('/')[2];
  });

  await test.step('and an ad for its neighbourhood and nearby, at 100원 a click unless it says otherwise', async () => {
    await page.getByTestId('business-new-campaign').click();
    await expect(page.getByRole('heading', { name: 'New ad', level: 1 })).toBeVisible();
    await expect(page.getByRole('textbox', { name: 'Price per click (원)' })).toHaveValue('100');
    await page.getByTestId('campaign-start').click();
    await expect(page.getByRole('alert').filter({ hasText: 'Give the ad a title.' })).toBeVisible();
    await expect(page.getByRole('alert').filter({ hasText: 'Choose how far the ad reaches.' })).toBeVisible();
    await expect(page.getByRole('alert').filter({ hasText: 'The daily budget is a whole number of won' })).toBeVisible();
    await expectAccessible(page, 'the campaign form with its errors (en)');
    // Paid per thousand impressions instead: its own price, checked against its own range.
    await page.getByRole('radio', { name: 'Per 1,000 impressions' }).click();
    const perThousand = page.getByRole('textbox', { name: 'Per 1,000 impressions (원)' });
    await expect(perThousand).toHaveValue('2,000');
    await perThousand.fill('100');
    await page.getByTestId('campaign-start').click();
    await expect(page.getByRole('alert').filter({ hasText: 'The price per 1,000 impressions is a whole number of won from 500 to 20,000.' })).toBeVisible();
    // Back to paying per click: the price per click is as it was.
    await page.getByRole('radio', { name: 'Per click' }).click();
    await expect(page.getByRole('textbox', { name: 'Price per click (원)' })).toHaveValue('100');
    await page.getByRole('textbox', { name: 'Ad title' }).fill('갓 구운 소금빵 Fresh salt bread');
    await page.getByRole('textbox', { name: 'Ad text' }).fill('매일 아침 8시에 나와요. Out of the oven at 8 every morning.');
    await page.getByRole('radio', { name: 'Nearby' }).click();
    await expect(page.getByTestId('range-reach')).toContainText('Sunae');
    await page.getByRole('textbox', { name: 'Daily budget (원)' }).fill('1,000');
    await page.getByTestId('campaign-start').click();
    await expect(page).toHaveURL(new RegExp(`/businesses/${businessId}/dashboard$`));
    await expect(page.getByTestId('campaign')).toContainText('Fresh salt bread');
    await expect(page.getByTestId('campaign-state')).toHaveText('Showing');
    campaignId = await page.evaluate(
      () =>
        new Promise<string>((resolve) => {
          const open = indexedDB.open('dongne');
          open.onsuccess = () => {
            const read = open.result.transaction('campaigns').objectStore('campaigns').getAll();
            read.onsuccess = () => resolve((read.result as { id: string }[])[0].id);
          };
        }),
    );
    await expect(page.getByTestId('stat-impressions')).toHaveText('0');
    await expectAccessible(page, 'the dashboard (en)');
  });

  await test.step('the owner is never shown their own ad', async () => {
    await page.getByRole('link', { name: 'Home', exact: true }).click();
    await expect(page.getByTestId('listing-card').nth(20)).toBeAttached();
    await page.getByTestId('listing-card').nth(20).scrollIntoViewIfNeeded();
    await expect(page.getByTestId('ad-card')).toHaveCount(0);
  });

  const neighbour = await newDevice();
  await test.step('a neighbour with no connection scrolls past the ad and taps it: both counted on the phone, kept through a reload', async () => {
    await buyerInSunae(neighbour, { verified: false });
    await syncNow(neighbour);
    await goOffline(neighbour.context());
    await neighbour.getByRole('link', { name: 'Home', exact: true }).click();
    const ad = neighbour.getByTestId('ad-card');
    await expect(ad).toHaveCount(1);
    await expect(ad).toContainText('Ad');
    await expect(ad).toContainText('행복빵집 Happy Bakery');
    await expect(ad).toContainText('Fresh salt bread');
    // Scrolled past quickly: not seen.
    await ad.scrollIntoViewIfNeeded();
    await neighbour.mouse.wheel(0, 3000);
    // Proving that nothing happens takes the rule's second (and a little more).
    await neighbour.waitForTimeout(1_300);
    expect((await countedEvents(neighbour)).length).toBe(0);
    // In view for a second: one impression, however long it stays.
    await ad.scrollIntoViewIfNeeded();
    await expect.poll(async () => (await countedEvents(neighbour)).map((e) => e.kind)).toEqual(['impression']);
    await expectAccessible(neighbour, 'the feed with an ad, offline (en)');
    await ad.click();
    await expect(neighbour).toHaveURL(new RegExp(`/businesses/${businessId}$`));
    // The tap opens the shop's profile, offline too: the area's businesses are on the phone.
    await expect(neighbour.getByRole('heading', { level: 1 })).toHaveText('행복빵집 Happy Bakery');
    await expect.poll(async () => (await countedEvents(neighbour)).map((e) => e.kind).toSorted()).toEqual(['click', 'impression']);
    await reloadOffline(neighbour);
    expect((await countedEvents(neighbour)).length).toBe(2);
  });

  await test.step('back online, the owner’s dashboard counts one impression and one click', async () => {
    await goOnline(neighbour.context());
    await syncNow(neighbour);
    await expectAllSent(neighbour);
    await page.goto(`/businesses/${businessId}/dashboard`);
    await expectToday(page, { impressions: '1', clicks: '1', spend: '₩100', flagged: '0' });
    await expect(page.getByTestId('stat-rate')).toHaveText('100%');
    await expect(page.getByTestId('stat-budget-left')).toHaveText('₩900');
  });

  await test.step('the same batch sent again changes nothing', async () => {
    await pushEvents(neighbour.context().request, await countedEvents(neighbour));
    await expectToday(page, { impressions: '1', clicks: '1', spend: '₩100' });
  });

  await test.step('the owner’s own clicks are recorded and not charged', async () => {
    await pushEvents(page.context().request, [{ id: randomUUID(), campaignId, kind: 'click', at: Date.now() }]);
    await expectToday(page, { impressions: '1', clicks: '1', spend: '₩100', flagged: '1' });
  });

  await test.step('once the day’s budget is spent, the ad stops showing in the neighbour’s feed', async () => {
    // Three more neighbours tap it three times each, seconds apart: charged until the budget is spent.
    for (let n = 0; n < 3; n++) {
      const api = await playwright.request.newContext({ baseURL: server.url });
      const signedUp = await api.post('/api/auth/signup', { data: { nickname: `광고이웃${process.pid}x${n}`, password: 'correct horse battery' } });
      expect(signedUp.status()).toBe(201);
      const now = Date.now();
      await pushEvents(api, [0, 1, 2].map((i) => ({ id: randomUUID(), campaignId, kind: 'click' as const, at: now - (3 - i) * 3_000 })));
      await api.dispose();
    }
    await expectToday(page, { impressions: '1', clicks: '10', spend: '₩1,000' });
    await expect(page.getByTestId('stat-budget-left')).toHaveText('₩0');
    await expect(page.getByTestId('campaign-state')).toHaveText('Budget spent today');
    await syncNow(neighbour);
    await neighbour.goto('/');
    await expect(neighbour.getByTestId('listing-card').nth(20)).toBeAttached();
    await neighbour.getByTestId('listing-card').nth(20).scrollIntoViewIfNeeded();
    await expect(neighbour.getByTestId('ad-card')).toHaveCount(0);
  });

  await test.step('offline, the dashboard says it needs a connection and shows the last figures it had', async () => {
    await goOffline(page.context());
    await reloadOffline(page);
    await expect(page.getByTestId('stats-offline')).toContainText('The figures need a connection. These are from');
    await expect(page.getByTestId('stat-clicks')).toHaveText('10');
    await expectAccessible(page, 'the dashboard, offline (en)');
  });
});
