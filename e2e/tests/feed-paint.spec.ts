// Opening the feed again paints it as it last stood on this device before the app has started
// (lib/first-paint/feed-paint.ts, app.html): over the app, inert, in a closed shadow root; the app
// takes it down once its own cards are drawn. It is forgotten when the person signs in or out.
import type { Page } from '@playwright/test';
import { test, expect, signOut, signUp } from '../support/fixtures.js';

const KEY = 'dongne.feedPaint';

/** Test-only: the shell's closed shadow root, caught as it is made, so the test can read the painting. */
function catchPaintRoot() {
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (this: Element, init: ShadowRootInit) {
    const root = attach.call(this, init);
    if (this.id === 'first-paint') (window as unknown as { __paintRoot: ShadowRoot }).__paintRoot = root;
    return root;
  };
}

const paintedTitles = (page: Page) =>
  page.evaluate(() => {
    const root = (window as unknown as { __paintRoot?: ShadowRoot }).__paintRoot;
    return root ? [...root.querySelectorAll('[data-testid="listing-card"] h3, [data-testid="listing-card"] h2')].map((h) => h.textContent?.trim()) : null;
  });

const kept = (page: Page) => page.evaluate((key) => localStorage.getItem(key), KEY);

test('the feed as it last stood shows before the app starts, and gives way to the app’s own cards', async ({ newDevice }) => {
  // No service worker, so the test can hold the app's code back on the way from the server.
  const page = await newDevice({ serviceWorkers: 'block', viewport: { width: 390, height: 844 } });
  await page.addInitScript(catchPaintRoot);
  await page.goto('/');
  await expect(page.getByTestId('listing-card').nth(7)).toBeVisible();
  // Kept once the feed has settled (every card drawn): the titles are read from the same moment.
  await expect.poll(async () => (await kept(page)) !== null).toBe(true);
  const titles = (await page.getByTestId('listing-card').getByRole('heading').allTextContents()).map((t) => t.trim());
  expect(await kept(page)).toContain(titles[0]);
  await page.getByTestId('listing-card').first().click();
  await expect(page).toHaveURL(/\/listings\//);

  await test.step('with the app held back, the shell alone paints the cards it kept, in the order they stood', async () => {
    await page.route(/\/_app\/immutable\/entry\/app\./, (route) => route.abort());
    await page.goto('/');
    await expect(page.locator('#first-paint')).toBeVisible();
    const painted = await paintedTitles(page);
    expect(painted?.length).toBe(Math.min(20, titles.length));
    expect(painted?.slice(0, 8)).toEqual(titles.slice(0, 8));
    // Only one of each card is in the document for anything that reads it: the painting is not.
    await expect(page.getByTestId('listing-card')).toHaveCount(0);
    await page.unroute(/\/_app\/immutable\/entry\/app\./);
  });

  await test.step('with the app, the painting goes once the app has drawn its own cards', async () => {
    await page.goto('/');
    await expect(page.getByTestId('listing-card').first()).toBeVisible();
    await expect(page.locator('#first-paint')).toHaveCount(0);
    expect(await page.evaluate(() => performance.getEntriesByName('dongne:feed-painted').length)).toBe(1);
  });
});

test('signing in or out forgets the painting: the next person never sees the last one’s screen', async ({ newDevice }) => {
  const page = await newDevice({ serviceWorkers: 'block' });
  await page.goto('/');
  await expect.poll(async () => (await kept(page)) !== null).toBe(true);
  const nickname = await signUp(page);
  // Signing up went from the feed to the account screen: kept, then forgotten at the sign-in.
  expect(await kept(page)).toBeNull();
  await page.goto('/');
  await expect.poll(() => kept(page)).toContain(nickname);
  await signOut(page);
  expect((await kept(page)) ?? '').not.toContain(nickname);
  // What is kept from now on is the signed-out feed.
  await expect.poll(() => kept(page)).toContain('Sign in');
  expect(await kept(page)).not.toContain(nickname);
});
