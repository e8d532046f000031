// Screenshots of the main screens at phone and desktop size, for a human to look at.
// Usage: npx tsx scripts/screenshots.ts http://localhost:8080  (writes .screenshots/*.png)
import { chromium, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { CHROMIUM_LAUNCH } from '../e2e/support/chromium.js';

const base = process.argv[2] ?? 'http://localhost:8080';
const outDir = '.screenshots';
mkdirSync(outDir, { recursive: true });

const browser = await chromium.launch(CHROMIUM_LAUNCH);
for (const [size, viewport] of [
  ['phone', { width: 390, height: 844 }],
  ['desktop', { width: 1280, height: 800 }],
] as const) {
  // Standing at Mangwon station, Seoul: far from Pangyo-dong, to show a refused publish.
  const context = await standingAt(size, viewport, { latitude: 37.556, longitude: 126.9105, accuracy: 20 });
  const page = await context.newPage();
  await page.goto(base);
  await page.getByTestId('listing-card').first().waitFor();
  await page.screenshot({ path: `${outDir}/feed-visitor-${size}.png` });
  await page.goto(`${base}/account`);
  await page.getByRole('heading', { name: 'Join Dongne' }).waitFor();
  await page.screenshot({ path: `${outDir}/account-signup-${size}.png` });
  await signUpInPangyo(page, `판교이웃${size === 'phone' ? 1 : 2}${Date.now() % 1000}`);
  await page.getByTestId('verify-button').click();
  await page.getByTestId('verify-rejection').waitFor({ timeout: 10_000 }).catch(() => {});
  await page.screenshot({ path: `${outDir}/neighbourhood-${size}.png` });
  await page.goto(base);
  await page.getByTestId('listing-card').first().waitFor();
  await page.screenshot({ path: `${outDir}/feed-${size}.png` });
  await page.getByTestId('listing-card').nth(1).click();
  await page.locator('article h1').waitFor();
  await page.screenshot({ path: `${outDir}/detail-${size}.png` });
  await page.goto(`${base}/sell`);
  await page.locator('input[name=title]').waitFor();
  await page.fill('input[name=title]', '자전거 팝니다 — city bike');
  await page.selectOption('select[name=category]', 'sports');
  await page.getByRole('button', { name: 'Publish' }).click();
  await page.getByText('Set a price, or choose Free giveaway').waitFor();
  await page.screenshot({ path: `${outDir}/editor-${size}.png` });
  await page.fill('input[name=price]', '120000');
  await page.getByRole('button', { name: 'Publish' }).click();
  await page.getByTestId('draft-link').filter({ hasText: 'Not published' }).first().waitFor({ timeout: 10_000 });
  await page.getByTestId('draft-link').first().click();
  await page.getByTestId('rejection').waitFor();
  await page.screenshot({ path: `${outDir}/editor-rejected-${size}.png` });
  await page.goto(`${base}/account`);
  await page.getByTestId('profile').waitFor();
  await page.screenshot({ path: `${outDir}/account-profile-${size}.png` });
  await context.setOffline(true);
  await page.goto(`${base}/me`).catch(() => {});
  await page.reload().catch(() => {});
  await page.getByRole('heading', { name: 'My listings' }).waitFor();
  await page.screenshot({ path: `${outDir}/me-offline-${size}.png` });
  // A like made offline: the banner counts the one change the next sync sends.
  await page.goto(base).catch(() => {});
  await page.getByTestId('listing-card').nth(2).click();
  await page.getByRole('button', { name: 'Add to your watchlist' }).click();
  await page.getByTestId('waiting-to-sync').waitFor();
  await page.screenshot({ path: `${outDir}/detail-liked-offline-${size}.png` });
  // Signal, but no answer from the server.
  await context.route('**/api/**', (route) => route.abort('connectionrefused'));
  await context.setOffline(false);
  await page.getByTestId('server-unreachable').waitFor({ timeout: 20_000 });
  await page.screenshot({ path: `${outDir}/detail-server-unreachable-${size}.png` });
  await context.close();
  await sellerWithPhotos(size, viewport);
}
await browser.close();

/** A seller standing in Pangyo-dong: photos in the editor, the published listing, the feed, search. */
async function sellerWithPhotos(size: string, viewport: { width: number; height: number }) {
  const context = await standingAt(size, viewport, { latitude: 37.3915, longitude: 127.092, accuracy: 15 });
  const page = await context.newPage();
  await page.goto(`${base}/account`);
  await page.getByRole('heading', { name: 'Join Dongne' }).waitFor();
  await signUpInPangyo(page, `사진판매자${size === 'phone' ? 1 : 2}${Date.now() % 1000}`);
  await page.goto(`${base}/sell`);
  await page.locator('input[name=title]').waitFor();
  // Two made-up "photos" drawn in the browser, as a phone camera would hand them over.
  const photos = await page.evaluate(() =>
    [['#f2c14e', '#f78154'], ['#4d9078', '#b4dc7f']].map(([a, b], i) => {
      const canvas = document.createElement('canvas');
      canvas.width = 1600;
      canvas.height = 1200;
      const g = canvas.getContext('2d')!;
      const gradient = g.createLinearGradient(0, 0, 1600, 1200);
      gradient.addColorStop(0, a);
      gradient.addColorStop(1, b);
      g.fillStyle = gradient;
      g.fillRect(0, 0, 1600, 1200);
      g.fillStyle = 'rgba(255,255,255,0.85)';
      g.fillRect(500, 350 + i * 40, 600, 380);
      g.fillRect(540, 730 + i * 40, 40, 260);
      g.fillRect(1020, 730 + i * 40, 40, 260);
      return canvas.toDataURL('image/jpeg', 0.9).split(',')[1];
    }),
  );
  await page.getByTestId('add-photos').locator('input[type=file]').setInputFiles(
    photos.map((data, i) => ({ name: `desk-${i + 1}.jpg`, mimeType: 'image/jpeg', buffer: Buffer.from(data, 'base64') })),
  );
  await page.getByTestId('photo-tile').nth(1).waitFor();
  await page.fill('input[name=title]', '원목 책상 Solid wood desk');
  await page.selectOption('select[name=category]', 'furniture');
  await page.fill('input[name=price]', '80000');
  await page.getByLabel('Accept price offers').check();
  await page.fill('textarea[name=description]', '120 × 60 cm, oak. A few marks on the top, drawers run smoothly.\n이사 가서 팔아요.');
  await page.fill('input[name=meetingSpot]', 'Pangyo station exit 1');
  await page.getByTestId('save-state').filter({ hasText: 'Draft saved on this device' }).waitFor();
  await page.screenshot({ path: `${outDir}/editor-photos-${size}.png`, fullPage: true });
  await page.getByRole('button', { name: 'Publish' }).click();
  await page.waitForURL(/\/me$/);
  await page.getByTestId('my-listings').getByTestId('listing-card').first().waitFor();
  await page.getByTestId('my-listings').getByTestId('waiting-to-sync').waitFor({ state: 'detached', timeout: 15_000 });
  await page.getByTestId('my-listings').getByTestId('listing-card').first().click();
  await page.getByTestId('gallery').locator('img').first().waitFor();
  await page.waitForFunction(() => (document.querySelector('[data-testid=gallery] img') as HTMLImageElement | null)?.complete);
  await page.screenshot({ path: `${outDir}/detail-owner-${size}.png`, fullPage: true });
  await page.goto(base);
  await page.getByTestId('listing-card').first().waitFor();
  await page.screenshot({ path: `${outDir}/feed-photos-${size}.png` });
  await page.goto(`${base}/search`);
  await page.getByRole('searchbox', { name: 'Search listings' }).fill('책상');
  await page.getByLabel('Highest price').fill('100000');
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await page.getByTestId('search-summary').waitFor();
  await page.screenshot({ path: `${outDir}/search-${size}.png` });
  await context.close();
}

/** A phone (at twice the pixels) or desktop window whose GPS reads `geolocation`. */
function standingAt(size: string, viewport: { width: number; height: number }, geolocation: { latitude: number; longitude: number; accuracy: number }) {
  return browser.newContext({ viewport, deviceScaleFactor: size === 'phone' ? 2 : 1, geolocation, permissions: ['geolocation'] });
}

/** On the open Account screen: creates an account, then holds Pangyo-dong as its neighbourhood. */
async function signUpInPangyo(page: Page, nickname: string) {
  await page.fill('input[name=nickname]', nickname);
  await page.fill('input[name=password]', 'a long demo password');
  await page.getByRole('button', { name: 'Create account', exact: true }).click();
  await page.waitForURL(/\/me$/);
  await page.goto(`${base}/neighbourhood`);
  await page.getByRole('searchbox').fill('Pangyo');
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await page.getByRole('button', { name: 'Choose' }).first().click();
  await page.getByTestId('held-neighbourhoods').waitFor();
}
