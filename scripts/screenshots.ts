// Screenshots of the main screens at phone and desktop size, in Korean or English, for a human to
// look at. Usage: npx tsx scripts/screenshots.ts http://localhost:8080 [en|ko]  (writes
// .screenshots/*-<locale>.png; needs a build, whose compiled messages name what it clicks)
import { chromium, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { CHROMIUM_LAUNCH } from '../e2e/support/chromium.js';
import { skipFirstRun } from '../e2e/support/first-run.js';

const base = process.argv[2] ?? 'http://localhost:8080';
const locale = process.argv[3] === 'ko' ? 'ko' : 'en';
const outDir = '.screenshots';
mkdirSync(outDir, { recursive: true });
type Message = (inputs: object, options: { locale: 'en' | 'ko' }) => string;
// The build's compiled messages (plain JavaScript Paraglide writes; no types for this project's tsc).
const { m } = (await import('../web/src/lib/paraglide/messages.js' as string)) as { m: Record<string, Message> };
/** The app's own words for `key`, in the language of the run. */
const say = (key: string, inputs: object = {}) => m[key](inputs, { locale });

const browser = await chromium.launch(CHROMIUM_LAUNCH);
for (const [size, viewport] of [
  ['phone', { width: 390, height: 844 }],
  ['desktop', { width: 1280, height: 800 }],
] as const) {
  // Standing at Mangwon station, Seoul: far from Pangyo-dong, to show a refused publish.
  const context = await standingAt(size, viewport, { latitude: 37.556, longitude: 126.9105, accuracy: 20 });
  const page = await context.newPage();
  // A new visitor's first look: the first-run screen, before anything is chosen.
  await page.goto(base);
  await page.waitForURL(/\/welcome$/);
  await page.getByRole('heading', { level: 1 }).waitFor();
  await page.screenshot({ path: `${outDir}/welcome-${size}-${locale}.png` });
  await page.evaluate(() => localStorage.setItem('dongne.firstRunDone', '1'));
  await page.goto(base);
  await page.getByTestId('listing-card').first().waitFor();
  await page.screenshot({ path: `${outDir}/feed-visitor-${size}-${locale}.png` });
  await page.goto(`${base}/account`);
  await page.getByRole('heading', { name: say('account_join_title') }).waitFor();
  await page.screenshot({ path: `${outDir}/account-signup-${size}-${locale}.png` });
  // Signing in with a recovery code, for a person who lost their password and passkey.
  await page.getByRole('tab', { name: say('account_tab_existing') }).click();
  await page.getByTestId('use-recovery-code').click();
  await page.getByTestId('recover-form').waitFor();
  await page.screenshot({ path: `${outDir}/account-recover-${size}-${locale}.png` });
  await page.getByRole('tab', { name: say('account_tab_new') }).click();
  await signUpInPangyo(page, `판교이웃${size === 'phone' ? 1 : 2}${Date.now() % 1000}`);
  await page.getByTestId('verify-button').click();
  await page.getByTestId('verify-rejection').waitFor({ timeout: 10_000 }).catch(() => {});
  await page.screenshot({ path: `${outDir}/neighbourhood-${size}-${locale}.png` });
  await page.goto(base);
  await page.getByTestId('listing-card').first().waitFor();
  await page.screenshot({ path: `${outDir}/feed-${size}-${locale}.png` });
  await page.getByTestId('listing-card').nth(1).click();
  await page.locator('article h1').waitFor();
  await page.screenshot({ path: `${outDir}/detail-${size}-${locale}.png` });
  await page.goto(`${base}/sell`);
  await page.locator('input[name=title]').waitFor();
  await page.fill('input[name=title]', '자전거 팝니다 — city bike');
  await page.selectOption('select[name=category]', 'sports');
  await page.getByRole('button', { name: say('editor_publish'), exact: true }).click();
  await page.getByText(say('editor_error_price_missing')).waitFor();
  await page.screenshot({ path: `${outDir}/editor-${size}-${locale}.png` });
  await page.fill('input[name=price]', '120000');
  await page.getByRole('button', { name: say('editor_publish'), exact: true }).click();
  await page.getByTestId('draft-link').filter({ hasText: say('account_me_not_published', { reason: '' }).replace(/[:\s]+$/, '') }).first().waitFor({ timeout: 10_000 });
  await page.getByTestId('draft-link').first().click();
  await page.getByTestId('rejection').waitFor();
  await page.screenshot({ path: `${outDir}/editor-rejected-${size}-${locale}.png` });
  await page.goto(`${base}/account`);
  await page.getByTestId('profile').waitFor();
  await page.screenshot({ path: `${outDir}/account-profile-${size}-${locale}.png` });
  // Sign-in and security: devices, passkeys, password, recovery codes (made, then shown once).
  await page.goto(`${base}/account/security`);
  await page.getByTestId('my-devices').getByTestId('device-session').first().waitFor();
  await page.screenshot({ path: `${outDir}/account-security-${size}-${locale}.png`, fullPage: true });
  await page.getByTestId('recovery-section').getByRole('button', { name: say('security_recovery_create') }).click();
  await page.getByTestId('recovery-codes').waitFor();
  await page.getByTestId('recovery-section').screenshot({ path: `${outDir}/account-recovery-codes-${size}-${locale}.png` });
  await context.setOffline(true);
  await page.goto(`${base}/me`).catch(() => {});
  await page.reload().catch(() => {});
  await page.getByRole('heading', { name: say('account_me_head') }).waitFor();
  await page.screenshot({ path: `${outDir}/me-offline-${size}-${locale}.png` });
  // A like made offline: the banner counts the one change the next sync sends.
  await page.goto(base).catch(() => {});
  await page.getByTestId('listing-card').nth(2).click();
  await page.getByRole('button', { name: say('listing_like_add') }).click();
  await page.getByTestId('waiting-to-sync').waitFor();
  await page.screenshot({ path: `${outDir}/detail-liked-offline-${size}-${locale}.png` });
  // Signal, but no answer from the server.
  await context.route('**/api/**', (route) => route.abort('connectionrefused'));
  await context.setOffline(false);
  await page.getByTestId('server-unreachable').waitFor({ timeout: 20_000 });
  await page.screenshot({ path: `${outDir}/detail-server-unreachable-${size}-${locale}.png` });
  await context.close();
  await sellerWithPhotos(size, viewport);
}
await browser.close();

/** A seller standing in Pangyo-dong: photos in the editor, the published listing, the feed, search. */
async function sellerWithPhotos(size: string, viewport: { width: number; height: number }) {
  const context = await standingAt(size, viewport, { latitude: 37.3915, longitude: 127.092, accuracy: 15 });
  await skipFirstRun(context);
  const page = await context.newPage();
  await page.goto(`${base}/account`);
  await page.getByRole('heading', { name: say('account_join_title') }).waitFor();
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
  await page.getByLabel(say('editor_accepts_offers')).check();
  await page.fill('textarea[name=description]', '120 × 60 cm, oak. A few marks on the top, drawers run smoothly.\n이사 가서 팔아요.');
  await page.fill('input[name=meetingSpot]', 'Pangyo station exit 1');
  await page.getByTestId('save-state').filter({ hasText: say('editor_save_state', { state: 'saved' }) }).waitFor();
  await page.screenshot({ path: `${outDir}/editor-photos-${size}-${locale}.png`, fullPage: true });
  await page.getByRole('button', { name: say('editor_publish'), exact: true }).click();
  await page.waitForURL(/\/me$/);
  await page.getByTestId('my-listings').getByTestId('listing-card').first().waitFor();
  await page.getByTestId('my-listings').getByTestId('waiting-to-sync').waitFor({ state: 'detached', timeout: 15_000 });
  await page.getByTestId('my-listings').getByTestId('listing-card').first().click();
  await page.getByTestId('gallery').locator('img').first().waitFor();
  await page.waitForFunction(() => (document.querySelector('[data-testid=gallery] img') as HTMLImageElement | null)?.complete);
  await page.screenshot({ path: `${outDir}/detail-owner-${size}-${locale}.png`, fullPage: true });
  await page.goto(base);
  await page.getByTestId('listing-card').first().waitFor();
  await page.screenshot({ path: `${outDir}/feed-photos-${size}-${locale}.png` });
  await page.goto(`${base}/search`);
  await page.getByRole('searchbox', { name: say('feed_search_label') }).fill('책상');
  await page.getByLabel(say('feed_search_max')).fill('100000');
  await page.getByRole('button', { name: say('app_search'), exact: true }).click();
  await page.getByTestId('search-summary').waitFor();
  await page.screenshot({ path: `${outDir}/search-${size}-${locale}.png` });
  await context.close();
}

/** A phone (at twice the pixels) or desktop window whose GPS reads `geolocation`. */
function standingAt(size: string, viewport: { width: number; height: number }, geolocation: { latitude: number; longitude: number; accuracy: number }) {
  return browser.newContext({ viewport, deviceScaleFactor: size === 'phone' ? 2 : 1, geolocation, permissions: ['geolocation'], locale: locale === 'ko' ? 'ko-KR' : 'en-US' });
}

/** On the open Account screen: creates an account, then holds Pangyo-dong as its neighbourhood. */
async function signUpInPangyo(page: Page, nickname: string) {
  await page.fill('input[name=nickname]', nickname);
  await page.fill('input[name=password]', 'a long demo password');
  await page.getByRole('button', { name: say('account_create'), exact: true }).click();
  await page.waitForURL(/\/me$/);
  await page.goto(`${base}/neighbourhood`);
  await page.getByRole('searchbox').fill('Pangyo');
  await page.getByRole('button', { name: say('app_search'), exact: true }).click();
  await page.getByRole('button', { name: say('onboarding_choose') }).first().click();
  await page.getByTestId('held-neighbourhoods').waitFor();
}
