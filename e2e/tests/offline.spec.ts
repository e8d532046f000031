import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect, openApp, reloadOffline } from '../support/fixtures.js';
import { BUILT_WEB } from '../support/server.js';

test('the offline indicator comes and goes with the connection; offline, a reload opens the app from the service worker and the feed from IndexedDB', async ({
  page,
  context,
  server,
}) => {
  await openApp(page);
  await test.step('every file the build wrote is kept for offline use', async () => {
    // The sync worker's lazy chunks too: a worker that starts offline and cannot load one fails every
    // sync until the page closes.
    const builtFiles = readdirSync(join(BUILT_WEB, '_app/immutable'), { recursive: true, withFileTypes: true })
      // Not the .br and .gz copies the build writes beside each file for the server to send.
      .filter((entry) => entry.isFile() && !/\.(br|gz)$/.test(entry.name))
      .map((entry) => `/${join(entry.parentPath, entry.name).slice(BUILT_WEB.length + 1)}`);
    expect(builtFiles.length).toBeGreaterThan(100);
    const missing = await page.evaluate(
      async (urls) => (await Promise.all(urls.map(async (url) => ((await caches.match(url, { ignoreSearch: true })) ? '' : url)))).filter(Boolean),
      builtFiles,
    );
    expect(missing).toEqual([]);
  });
  await test.step('the offline indicator goes away when the connection returns', async () => {
    await expect(page.getByTestId('offline-indicator')).toHaveCount(0);
    await context.setOffline(true);
    await expect(page.getByTestId('offline-indicator')).toBeVisible();
    await context.setOffline(false);
    await expect(page.getByTestId('offline-indicator')).toHaveCount(0);
  });

  // No connection, and no server either: whatever shows now comes from the phone itself.
  await context.setOffline(true);
  await server.stop();
  await reloadOffline(page);
  await expect(page.getByTestId('offline-indicator')).toContainText("You're offline");
  await expect(page.getByTestId('listing-card').nth(19)).toBeAttached();

  await page.getByText('Solid oak dining table (4 seats)').click();
  await expect(page).toHaveURL(/\/listings\//);
  const article = page.locator('article');
  await expect(article.getByRole('heading', { name: 'Solid oak dining table (4 seats)', level: 1 })).toBeVisible();
  await expect(article.getByText('₩180,000')).toBeVisible();

  // A detail page loaded directly, with no network at all.
  await reloadOffline(page);
  await expect(page.locator('article').getByRole('heading', { name: 'Solid oak dining table (4 seats)', level: 1 })).toBeVisible();
  await expect(page.getByTestId('offline-indicator')).toBeVisible();
});
