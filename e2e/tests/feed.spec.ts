// The feed on a first visit and the listing page it leads to: one visitor's device, read-only over
// the demo data, so the steps share one server and one service-worker install. Then a shared link
// to a listing, opened as a first visit.
import type { Route } from '@playwright/test';
import { test, expect, lastSyncedAt, openApp, serverListings } from '../support/fixtures.js';
import { fillArea } from '../support/fill-area.js';

test('a first visit opens to a feed of demo listings around Bundang; a listing opens on its own page, and one that does not exist says so', async ({ page }) => {
  await openApp(page);

  await test.step('a first visit opens to a feed of demo listings around Bundang, before choosing a neighbourhood', async () => {
    const cards = page.getByTestId('listing-card');
    await expect(cards.nth(19)).toBeAttached();
    // Demo data is bilingual and priced in won.
    await expect(page.getByText('아이패드 에어 5세대 64GB 스페이스그레이')).toBeVisible();
    await expect(page.getByText('Nintendo Switch OLED + 2 games')).toBeVisible();
    await expect(cards.first()).toContainText('₩520,000');
    await expect(cards.first()).toContainText('Pangyo-dong');

    // Infinite scroll reads further pages from IndexedDB.
    await cards.last().scrollIntoViewIfNeeded();
    // Every demo listing within the widest range of central Bundang; the Seoul ones are too far.
    await expect.poll(async () => (await page.mouse.wheel(0, 20_000), cards.count())).toBe(46);
    await expect(page.getByText('Sourdough starter jar — free to a good home')).toBeVisible();
    await expect(page.getByText('Pothos cuttings, rooted — free')).toHaveCount(0);
    await expect(page.getByTestId('choose-neighbourhood')).toBeVisible();
  });

  await test.step('a listing opens on its own page with seller, price and description', async () => {
    await page.getByText('Nintendo Switch OLED + 2 games').click();
    await expect(page).toHaveURL(/\/listings\/[0-9a-f-]{36}$/);
    await expect(page.getByRole('heading', { name: 'Nintendo Switch OLED + 2 games' })).toBeVisible();
    await expect(page.getByText('₩330,000')).toBeVisible();
    await expect(page.getByText('Minji K.')).toBeVisible();
    await expect(page.getByText(/Zelda TOTK/)).toBeVisible();
  });

  await test.step('a listing id that does not exist says so instead of showing a blank page', async () => {
    await page.goto('/listings/00000000-0000-4000-8000-999999999999');
    await expect(page.getByText("This listing isn't saved on this device, or it was removed.")).toBeVisible();
  });
});

declare global {
  interface Window {
    __sawNotFound?: boolean;
  }
}

test('a shared link to a listing, opened on a first visit, shows the listing once the first sync brings it, never "not saved"', async ({ page, server }) => {
  // A busy area, so the listing comes in the first sync's last page, a while after the page opens.
  await fillArea(server, 500);
  const last = (await serverListings(server)).at(-1)!;
  await page.addInitScript(() => {
    new MutationObserver(() => {
      if (document.body?.innerText.includes('isn’t saved on this device') || document.body?.innerText.includes("isn't saved on this device")) window.__sawNotFound = true;
    }).observe(document, { subtree: true, childList: true, characterData: true });
  });
  await page.goto(`/listings/${last.id}`);
  await expect(page.getByRole('heading', { name: last.title })).toBeVisible();
  expect(await page.evaluate(() => window.__sawNotFound ?? false), 'the page said the listing was not on the device while the first sync was still bringing it').toBe(false);
});

test('a shared link on a first visit shows the listing from the server while the first sync is still on its way, and says at once when there is none', async ({ page, context, server }) => {
  const listing = (await serverListings(server)).find((l) => l.title === 'Nintendo Switch OLED + 2 games')!;
  // The first sync never lands in this test: what shows can only be the listing's own answer.
  const held: Route[] = [];
  await context.route('**/api/sync/pull**', (route) => void held.push(route));

  await page.goto(`/listings/${listing.id}`);
  await expect(page.getByRole('heading', { name: listing.title })).toBeVisible();
  await expect(page.getByText('₩330,000')).toBeVisible();
  await expect(page.getByText('Minji K.')).toBeVisible();
  expect(await lastSyncedAt(page)).toBe(0);

  await page.goto('/listings/00000000-0000-4000-8000-999999999999');
  await expect(page.getByText("This listing isn't saved on this device, or it was removed.")).toBeVisible();
  expect(await lastSyncedAt(page)).toBe(0);
  await context.unroute('**/api/sync/pull**');
  await Promise.all(held.map((route) => route.abort().catch(() => {})));
});
