// The demo data a fresh install opens with, as a first visitor sees it: a neighbourhood's listings
// with photos served like anyone's, sold by neighbours verified where they sell.
import type { Locator } from '@playwright/test';
import { expectAccessible } from '../support/a11y.js';
import { test, expect, openApp } from '../support/fixtures.js';

/** The pixel width of a loaded photo, or 0 while it has not loaded. */
const loadedWidth = (image: Locator) => image.evaluate((img: HTMLImageElement) => (img.complete ? img.naturalWidth : 0));

test('in English, a sold demo listing says so, and its seller’s profile shows where they verified; a first visit in Korean sees neighbours’ listings with photos, each seller verified in the dong they sell in', async ({ page, newDevice }) => {
  await openApp(page);
  await page.getByRole('link', { name: 'Search' }).click();
  await page.getByRole('checkbox', { name: 'Hide sold' }).uncheck();
  await page.getByRole('searchbox', { name: 'Search listings' }).fill('에어팟');
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  const card = page.getByTestId('search-results').getByTestId('listing-card').first();
  await expect(card).toContainText('에어팟 맥스 스카이블루');
  await expect(card.getByTestId('status-badge')).toHaveText(/^Sold/);
  await expect.poll(() => loadedWidth(card.locator('img'))).toBe(320);

  await card.click();
  await expect(page.getByTestId('seller-verified')).toBeVisible();
  await page.getByTestId('seller-link').click();
  await expect(page.getByTestId('public-profile')).toContainText(/Verified \d+ times · last/);
  await expectAccessible(page, 'demo seller profile, English');

  // 한국어: another first visit, on a phone that speaks Korean.
  const korean = await newDevice({ locale: 'ko-KR' });
  await openApp(korean);
  const cards = korean.getByTestId('listing-card');
  // The feed opens on the freshest listing, its thumbnail drawn from the server's copy.
  await expect(cards.first()).toContainText('아이패드 에어 5세대 64GB 스페이스그레이');
  await expect(cards.first()).toContainText('520,000원');
  await expect.poll(() => loadedWidth(cards.first().locator('img'))).toBe(320);
  // Things are reserved and given away, as in any neighbourhood.
  await expect(cards.filter({ hasText: '나눔' }).first()).toBeAttached();
  await expect(cards.filter({ hasText: '예약중' }).first()).toBeAttached();
  await expectAccessible(korean, 'feed of demo listings, Korean');

  await cards.first().click();
  await expect(korean.locator('article h1')).toHaveText('아이패드 에어 5세대 64GB 스페이스그레이');
  const gallery = korean.getByTestId('gallery');
  await expect.poll(() => loadedWidth(gallery.getByRole('img').first())).toBe(1024);
  await expect(gallery.getByTestId('photo-counter')).toHaveText('1/2');
  await expect(korean.getByTestId('seller-link')).toContainText('판교토끼');
  await expect(korean.getByTestId('seller-link')).toContainText('판교동');
  await expect(korean.getByTestId('seller-verified')).toBeVisible();
  await expectAccessible(korean, 'demo listing, Korean');
});
