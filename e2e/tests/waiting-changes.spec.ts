// What the app says is waiting is what it will send: likes made offline, taken back offline, and a
// server that is down while the phone still has signal.
import type { BrowserContext } from '@playwright/test';
import { test, expect, openApp, countLocal, signUp, SERVER_BACK_BOUND_MS } from '../support/fixtures.js';

/** No network at all, the service worker's own requests included. */
async function goOffline(context: BrowserContext) {
  await context.route('**/api/**', (route) => route.abort('internetdisconnected'));
  await context.setOffline(true);
}
async function goOnline(context: BrowserContext) {
  await context.unroute('**/api/**');
  await context.setOffline(false);
}

test('likes made offline wait as the changes they are, and others’ listings stay out of My listings', async ({ page, context }) => {
  await openApp(page);
  await signUp(page);
  await page.goto('/');
  const cards = page.getByTestId('feed').getByTestId('listing-card');
  await expect(cards.nth(2)).toBeVisible();

  await goOffline(context);
  await expect(page.getByTestId('offline-indicator')).toContainText("You're offline");
  const titles: string[] = [];
  for (let i = 0; i < 3; i++) {
    titles.push((await cards.nth(i).getByRole('heading').textContent())!.trim());
    await cards.nth(i).click();
    // The listing's own page, not the feed still on screen.
    await expect(page.locator('article h1')).toContainText(titles[i]);
    await page.getByRole('button', { name: 'Add to your watchlist' }).click();
    await expect(page.getByTestId('waiting-to-sync')).toBeVisible();
    await page.goBack();
  }
  await expect(page.getByTestId('offline-indicator')).toContainText('3 changes will sync');

  // Taking a like back before it was sent: nothing of it is left to send, nothing is marked.
  await cards.nth(2).click();
  await expect(page.locator('article h1')).toContainText(titles[2]);
  await page.getByRole('button', { name: 'Remove from your watchlist' }).click();
  await expect(page.getByRole('button', { name: 'Add to your watchlist' })).toBeVisible();
  await expect(page.getByTestId('waiting-to-sync')).toHaveCount(0);
  await expect(page.getByTestId('offline-indicator')).toContainText('2 changes will sync');
  expect(await countLocal(page, 'outbox')).toBe(2);

  // My listings holds what I sell (nothing yet); what I liked is on the watchlist.
  await page.getByRole('link', { name: 'My listings', exact: true }).click();
  await expect(page.getByTestId('watchlist')).toContainText(titles[0]);
  await expect(page.getByTestId('watchlist')).toContainText(titles[1]);
  await expect(page.getByTestId('watchlist')).not.toContainText(titles[2]);
  await expect(page.getByTestId('my-listings').getByTestId('listing-card')).toHaveCount(0);

  await goOnline(context);
  await expect(page.getByTestId('offline-indicator')).toHaveCount(0);
  await expect.poll(() => countLocal(page, 'outbox')).toBe(0);
  await page.reload();
  await expect(page.getByTestId('watchlist').getByTestId('listing-card')).toHaveCount(2);
});

test('says when Dongne cannot be reached though the phone has signal, keeps the change, and sends it when it is back', async ({ page, server }) => {
  await openApp(page);
  await signUp(page);
  await page.goto('/');
  const first = page.getByTestId('feed').getByTestId('listing-card').first();
  await first.click();

  await server.stop();
  await page.getByRole('button', { name: 'Add to your watchlist' }).click();
  const banner = page.getByTestId('server-unreachable');
  await expect(banner).toContainText("Dongne can't be reached right now");
  await expect(banner).toContainText('Your 1 change is kept on this device');
  await expect(page.getByTestId('waiting-to-sync')).toBeVisible();

  await server.start();
  // The app retries by itself, backing off up to half a minute between tries.
  await expect(banner).toHaveCount(0, { timeout: SERVER_BACK_BOUND_MS });
  await expect(page.getByTestId('waiting-to-sync')).toHaveCount(0);
  await expect.poll(() => countLocal(page, 'outbox')).toBe(0);
  await expect(page.getByTestId('counts')).toContainText('1 like');
});
