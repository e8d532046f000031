// Screenshots of the local-ads screens at phone and desktop size, in English and Korean, for a
// human to look at: opening a business, the campaign form (with its errors, then filled in), the
// feed with an ad card, and the owner's dashboard with a few days' figures. The shop and the
// neighbour are set up on English screens, then each screen is shot in both languages.
// Usage: npx tsx scripts/ads-screenshots.ts   (starts its own server; writes .screenshots/ads-*.png)
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { CHROMIUM_LAUNCH } from '../e2e/support/chromium.js';
import { skipFirstRun } from '../e2e/support/first-run.js';
import { fillArea } from '../e2e/support/fill-area.js';
import { at } from '../e2e/support/places.js';
import { startServer } from '../e2e/support/server.js';
import { buyerInSunae } from '../e2e/support/trading.js';

const outDir = '.screenshots';
mkdirSync(outDir, { recursive: true });
const SIZES = [
  ['phone', { width: 390, height: 844 }],
  ['desktop', { width: 1280, height: 800 }],
] as const;
const server = await startServer();
await fillArea(server, 40);
const browser = await chromium.launch(CHROMIUM_LAUNCH);

async function device(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL: server.url, viewport: SIZES[0][1], locale: 'en-US', geolocation: at('kr-bundang-sunae'), permissions: ['geolocation'] });
  await skipFirstRun(context);
  return { context, page: await context.newPage() };
}

async function shoot(page: Page, name: string, path: string, ready: (page: Page) => Promise<unknown>) {
  for (const locale of ['en', 'ko'] as const) {
    await page.evaluate((l) => localStorage.setItem('dongne.locale', l), locale);
    for (const [size, viewport] of SIZES) {
      await page.setViewportSize(viewport);
      await page.goto(path);
      await ready(page);
      await page.screenshot({ path: `${outDir}/ads-${name}-${size}-${locale}.png`, fullPage: name !== 'feed' });
    }
  }
  await page.evaluate(() => localStorage.setItem('dongne.locale', 'en'));
}

try {
  const owner = await device();
  await owner.page.goto('/');
  await buyerInSunae(owner.page);
  await shoot(owner.page, 'business-new', '/businesses/new', (p) => p.getByTestId('business-open').waitFor());

  // At the shop, a few metres from where the owner verified: a reading of its own, not a replay.
  const here = at('kr-bundang-sunae');
  await owner.context.setGeolocation({ ...here, latitude: here.latitude + 0.0001 });
  await owner.page.goto('/businesses/new');
  await owner.page.getByRole('textbox', { name: 'Business name' }).fill('행복빵집 Happy Bakery');
  await owner.page.getByRole('radio', { name: 'Bakery' }).click();
  await owner.page.getByTestId('business-open').click();
  await owner.page.getByTestId('business-new-campaign').waitFor();
  const businessId = (await owner.page.getByTestId('business-dashboard').getAttribute('href'))!.split('/')[2];

  await shoot(owner.page, 'campaign-errors', `/businesses/${businessId}/campaigns/new`, async (p) => {
    await p.getByTestId('campaign-start').click();
    await p.getByRole('alert').first().waitFor();
  });
  await shoot(owner.page, 'campaign-filled', `/businesses/${businessId}/campaigns/new`, async (p) => {
    await p.locator('input[name=title]').fill('갓 구운 소금빵 Fresh salt bread');
    await p.locator('textarea[name=text]').fill('매일 아침 8시에 나와요. Out of the oven at 8 every morning.');
    await p.getByRole('radio').nth(1).click();
    await p.locator('input[name=dailyBudgetKrw]').fill('10,000');
    await p.getByTestId('pricing-impressions').click();
    await p.getByTestId('range-reach').waitFor();
  });
  await owner.page.goto(`/businesses/${businessId}/campaigns/new`);
  await owner.page.locator('input[name=title]').fill('갓 구운 소금빵 Fresh salt bread');
  await owner.page.locator('textarea[name=text]').fill('매일 아침 8시에 나와요. Out of the oven at 8 every morning.');
  await owner.page.getByRole('radio', { name: 'Nearby' }).click();
  await owner.page.locator('input[name=dailyBudgetKrw]').fill('10,000');
  await owner.page.getByTestId('campaign-start').click();
  await owner.page.getByText('Showing').waitFor();
  // A second ad, paid per thousand impressions, so the dashboard lists both kinds.
  await owner.page.goto(`/businesses/${businessId}/campaigns/new`);
  await owner.page.locator('input[name=title]').fill('소금빵 쿠폰 Salt bread coupon');
  await owner.page.getByRole('radio', { name: 'Nearby' }).click();
  await owner.page.locator('input[name=dailyBudgetKrw]').fill('5,000');
  await owner.page.getByTestId('pricing-impressions').click();
  await owner.page.getByTestId('campaign-start').click();
  await owner.page.getByTestId('campaign').nth(1).waitFor();

  const neighbour = await device();
  await neighbour.page.goto('/');
  await buyerInSunae(neighbour.page, { verified: false });
  await neighbour.page.waitForTimeout(2_000);
  await shoot(neighbour.page, 'feed', '/', async (p) => {
    await p.getByTestId('ad-card').first().scrollIntoViewIfNeeded();
    await p.evaluate(() => window.scrollBy(0, -200));
  });

  // A few neighbours' events, so the dashboard has figures to draw.
  const campaignIds = await neighbour.page.getByTestId('ad-card').evaluateAll((cards) => cards.map((card) => card.getAttribute('data-campaign')!));
  for (const [n, campaignId] of [0, 1, 2].flatMap((n) => campaignIds.map((id) => [n, id] as const))) {
    const api = await (await import('@playwright/test')).request.newContext({ baseURL: server.url });
    await api.post('/api/auth/signup', { data: { nickname: `사진이웃${n}${Date.now() % 1000}`, password: 'correct horse battery' } });
    const now = Date.now();
    const events = [...Array.from({ length: 6 + 3 * n }, () => ({ id: randomUUID(), campaignId, kind: 'impression', at: now - 60_000 })), ...Array.from({ length: n + 1 }, (_, i) => ({ id: randomUUID(), campaignId, kind: 'click', at: now - 30_000 + i * 3_000 }))];
    await api.post('/api/sync/push', { data: { clientId: randomUUID(), mutations: [{ mutationId: randomUUID(), seq: 1, name: 'ad.events', args: { events }, createdAt: now }] } });
    await api.dispose();
  }
  await shoot(owner.page, 'dashboard', `/businesses/${businessId}/dashboard`, (p) => p.getByTestId('stats-chart').waitFor());
  await shoot(owner.page, 'me', '/me', (p) => p.getByTestId('my-business').waitFor());
  await owner.context.close();
  await neighbour.context.close();
} finally {
  await browser.close();
  await server.dispose();
}
