import { chromium, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { CHROMIUM_LAUNCH } from '../e2e/support/chromium.js';
import { skipFirstRun } from '../e2e/support/first-run.js';
import { at } from '../e2e/support/places.js';
import { startServer } from '../e2e/support/server.js';

mkdirSync('.screenshots', { recursive: true });
const server = await startServer();
const browser = await chromium.launch(CHROMIUM_LAUNCH);
const only = process.argv[2] ?? 'all';
try {
  for (const [size, viewport] of [['phone', { width: 390, height: 844 }], ['desktop', { width: 1280, height: 800 }]] as const) {
    const context = await browser.newContext({ viewport, locale: 'en-US', geolocation: at('kr-bundang-sunae'), permissions: ['geolocation', 'notifications'] });
    await skipFirstRun(context);
    const page: Page = await context.newPage();
    await page.goto(server.url);
    await page.getByTestId('listing-card').first().waitFor();
    await page.getByTestId('account-link').click();
    await page.getByRole('tab', { name: 'New here' }).click();
    await page.fill('input[name=nickname]', `민지${size}${Date.now() % 1000}`);
    await page.fill('input[name=password]', 'correct horse battery');
    await page.getByRole('button', { name: 'Create account', exact: true }).click();
    await page.waitForURL(/\/me$/);
    await page.getByRole('link', { name: 'Neighbourhood', exact: true }).click();
    await page.getByRole('searchbox', { name: 'Search neighbourhoods' }).fill('Sunae');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.getByTestId('search-results').getByRole('listitem').filter({ hasText: 'Sunae 1-dong' }).getByRole('button', { name: 'Choose' }).click();
    await page.getByTestId('verify-button').click();
    await page.getByTestId('verification-status').filter({ hasText: 'Verified 1 time' }).waitFor();
    for (const locale of ['en', 'ko'] as const) {
      await page.evaluate((l) => localStorage.setItem('dongne.locale', l), locale);
      await page.goto(`${server.url}/board`);
      await page.waitForTimeout(1500);
      await page.screenshot({ path: `.screenshots/board-${size}-${locale}.png` });
      await page.goto(`${server.url}/board/write`);
      await page.waitForTimeout(800);
      await page.screenshot({ path: `.screenshots/board-write-${size}-${locale}.png`, fullPage: true });
      const first = await page.evaluate(async () => {
        const open = indexedDB.open('dongne');
        return await new Promise<string | undefined>((resolve) => {
          open.onsuccess = () => {
            const r = open.result.transaction('posts').objectStore('posts').getAll();
            r.onsuccess = () => resolve((r.result as { id: string; commentCount: number }[]).sort((a, b) => b.commentCount - a.commentCount)[0]?.id);
          };
        });
      });
      if (first) {
        await page.goto(`${server.url}/board/${first}`);
        await page.waitForTimeout(1000);
        await page.screenshot({ path: `.screenshots/board-post-${size}-${locale}.png`, fullPage: true });
      }
      await page.goto(`${server.url}/search?q=${encodeURIComponent('수내')}&in=board`);
      await page.waitForTimeout(1200);
      await page.screenshot({ path: `.screenshots/board-search-${size}-${locale}.png` });
    }
    await context.close();
    if (only === 'phone') break;
  }
} finally {
  await browser.close();
  await server.dispose();
}
