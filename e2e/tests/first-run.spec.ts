import type { BrowserContext, Page } from '@playwright/test';
import { test, expect } from '../support/fixtures.js';
import { FIRST_RUN_DONE_KEY } from '../support/first-run.js';
import { expectAccessible } from '../support/a11y.js';
import { at } from '../support/places.js';

// The first visit explains the app, then asks for the neighbourhood; the browser is asked for the
// location only once the person taps the button that says why.
test.use({ firstRun: true, geolocation: at('kr-bundang-pangyo') });

/** Counts the app's requests for the location: each one is what makes a browser show its permission prompt. */
async function countLocationRequests(context: BrowserContext) {
  await context.addInitScript(() => {
    const geolocation = navigator.geolocation;
    const take = geolocation.getCurrentPosition.bind(geolocation);
    const counted = window as unknown as { locationRequests: number };
    counted.locationRequests = 0;
    geolocation.getCurrentPosition = (...args) => {
      counted.locationRequests++;
      take(...args);
    };
  });
}
const locationRequests = (page: Page) => page.evaluate(() => (window as unknown as { locationRequests: number }).locationRequests);
const firstRunFlag = (page: Page) => page.evaluate((key) => localStorage.getItem(key), FIRST_RUN_DONE_KEY);

test.describe('on a Korean phone', () => {
  test.use({ locale: 'ko-KR' });

  test('explains Dongne, says why it asks for the location, and asks only after the tap', async ({ page, context }) => {
    await countLocationRequests(context);
    await page.goto('/');
    await expect(page).toHaveURL(/\/welcome$/);
    await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('우리 동네 이웃과 사고팔아요');
    await expect(page.getByTestId('first-run')).toContainText('인터넷이 없어도');
    await expectAccessible(page, 'first run, what Dongne is (ko)');

    await page.getByRole('button', { name: '내 동네 설정하기' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('내 동네는 어디인가요?');
    await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
    await expect(page.getByRole('heading', { name: '위치를 묻는 이유' })).toBeVisible();
    await expect(page.getByRole('searchbox', { name: '동네 검색' })).toBeVisible();
    await expectAccessible(page, 'first run, choosing a neighbourhood (ko)');
    // Everything so far, and no request for the location yet.
    expect(await locationRequests(page)).toBe(0);

    await page.getByRole('button', { name: '현재 위치로 찾기' }).click();
    const suggestion = page.getByTestId('location-suggestion');
    await expect(suggestion).toContainText('판교동');
    await expect(suggestion).toContainText('지금 이 동네에 있어요.');
    await expect(suggestion).toContainText('위치 정확도: 20m 이내');
    expect(await locationRequests(page)).toBe(1);

    await page.getByRole('button', { name: '내 동네로 설정' }).click();
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByTestId('listing-card').first()).toBeVisible();
    expect(await firstRunFlag(page)).toBe('1');

    await page.reload();
    await expect(page.getByTestId('listing-card').first()).toBeVisible();
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByTestId('first-run')).toHaveCount(0);
    await page.goto('/neighbourhood');
    await expect(page.getByTestId('held-neighbourhoods')).toContainText('판교동');
  });

  test('"먼저 둘러볼게요" goes straight to the feed, without asking for the location, and never shows again', async ({ page, context }) => {
    await countLocationRequests(context);
    await page.goto('/');
    await page.getByRole('button', { name: '먼저 둘러볼게요' }).click();
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByTestId('listing-card').first()).toBeVisible();
    expect(await locationRequests(page)).toBe(0);

    await page.reload();
    await expect(page.getByTestId('listing-card').first()).toBeVisible();
    await expect(page).toHaveURL(/\/$/);
    await page.goto('/');
    await expect(page.getByTestId('listing-card').first()).toBeVisible();
    await expect(page.getByTestId('first-run')).toHaveCount(0);
  });
});

test.describe('in English', () => {
  test('finds the neighbourhood by name, without the location, and goes to the feed', async ({ page, context }) => {
    await countLocationRequests(context);
    await page.goto('/');
    await expect(page).toHaveURL(/\/welcome$/);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Buy and sell with your neighbours');
    await expect(page.getByTestId('first-run')).toContainText('Works offline');
    await expectAccessible(page, 'first run, what Dongne is (en)');

    // The keyboard alone: the main action is the first button.
    await page.getByRole('button', { name: 'Choose my neighbourhood' }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Where is your neighbourhood?');
    await expect(page.getByTestId('first-run')).toContainText('Why we ask for your location');
    await expectAccessible(page, 'first run, choosing a neighbourhood (en)');

    await page.getByRole('searchbox', { name: 'Search neighbourhoods' }).fill('Pangyo');
    await page.keyboard.press('Enter');
    await page.getByTestId('search-results').getByRole('listitem').filter({ hasText: 'Pangyo-dong' }).getByRole('button', { name: 'Choose' }).click();
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByTestId('listing-card').first()).toBeVisible();
    expect(await locationRequests(page)).toBe(0);
    expect(await firstRunFlag(page)).toBe('1');
  });

  test('"Look around first" from the second step, and Back, work; it never shows again after a reload', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('button', { name: 'Choose my neighbourhood' }).click();
    await page.getByRole('button', { name: 'Back' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Buy and sell with your neighbours');
    await page.getByRole('button', { name: 'Choose my neighbourhood' }).click();
    await page.getByRole('button', { name: 'Look around first' }).click();
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByTestId('listing-card').first()).toBeVisible();
    await page.reload();
    await expect(page.getByTestId('listing-card').first()).toBeVisible();
    await expect(page.getByTestId('first-run')).toHaveCount(0);
  });

  test('a shared link opens as it is, and Home then shows the first-run screen; leaving it for another screen counts as done', async ({ page }) => {
    await page.goto('/search');
    await expect(page).toHaveURL(/\/search$/);
    await page.goto('/');
    await expect(page).toHaveURL(/\/welcome$/);
    // Home does not lead back to it once the person went elsewhere from it.
    await page.getByRole('link', { name: 'I already have an account' }).click();
    await expect(page).toHaveURL(/\/account$/);
    await page.goto('/');
    await expect(page.getByTestId('listing-card').first()).toBeVisible();
    await expect(page).toHaveURL(/\/$/);
  });
});
