// Screenshots of the main screens at phone and desktop size, for a human to look at.
// Usage: npx tsx scripts/screenshots.ts http://localhost:8080  (writes .screenshots/*.png)
import { chromium } from '@playwright/test';
import { mkdirSync } from 'node:fs';

const base = process.argv[2] ?? 'http://localhost:8080';
const outDir = '.screenshots';
mkdirSync(outDir, { recursive: true });

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
for (const [size, viewport] of [
  ['phone', { width: 390, height: 844 }],
  ['desktop', { width: 1280, height: 800 }],
] as const) {
  const context = await browser.newContext({
    viewport,
    deviceScaleFactor: size === 'phone' ? 2 : 1,
    // Standing at Mangwon station, Seoul: far from Pangyo-dong, to show a refused publish.
    geolocation: { latitude: 37.556, longitude: 126.9105, accuracy: 20 },
    permissions: ['geolocation'],
  });
  const page = await context.newPage();
  await page.goto(base);
  await page.getByTestId('listing-card').first().waitFor();
  await page.screenshot({ path: `${outDir}/feed-visitor-${size}.png` });
  await page.goto(`${base}/account`);
  await page.getByRole('heading', { name: 'Join Dongne' }).waitFor();
  await page.screenshot({ path: `${outDir}/account-signup-${size}.png` });
  await page.fill('input[name=nickname]', `판교이웃${size === 'phone' ? 1 : 2}${Date.now() % 1000}`);
  await page.fill('input[name=password]', 'a long demo password');
  await page.getByRole('button', { name: 'Create account', exact: true }).click();
  await page.waitForURL(/\/me$/);
  await page.goto(`${base}/neighbourhood`);
  await page.getByRole('searchbox').fill('Pangyo');
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await page.getByRole('button', { name: 'Choose' }).first().click();
  await page.getByTestId('held-neighbourhoods').waitFor();
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
  await context.close();
}
await browser.close();
