// A local shop's life, end to end: its owner (the profile opened through the outbox's API, as the
// creation form is another screen's) fills in its details and posts a coupon; a neighbour finds it
// in the near-me list with no connection, follows it there, is told of its next post in the inbox,
// and reviews it; the owner cannot review it; search's Shops tab finds it offline.
import { randomUUID } from 'node:crypto';
import type { BrowserContext, Page } from '@playwright/test';
import { expectAccessible } from '../support/a11y.js';
import { test, expect, expectAllSent, readMeta, reloadOffline, syncNow } from '../support/fixtures.js';
import { buyerInSunae, LIVE_BOUND_MS } from '../support/trading.js';
import { at } from '../support/places.js';

const SHOP = '수내 소금빵 베이커리';

async function goOffline(context: BrowserContext) {
  await context.route('**/api/**', (route) => route.abort('internetdisconnected'));
  await context.setOffline(true);
}
async function goOnline(context: BrowserContext) {
  await context.unroute('**/api/**');
  await context.setOffline(false);
}

/**
 * Opens the shop's profile from the owner's signed-in page, as the app's outbox would send it: one
 * business.create with a reading taken at the shop (a little apart from the verification's, so it
 * is a reading of its own, not a replay). Answers the business's id.
 */
async function openShop(page: Page): Promise<string> {
  const placeId = (await readMeta<{ neighbourhoods: { id: string; active: boolean }[] }>(page, 'profile'))!.neighbourhoods.find((n) => n.active)!.id;
  const { latitude: lat, longitude: lng, accuracy } = at('kr-bundang-sunae');
  const id = randomUUID();
  const answer = await page.evaluate(
    async ({ id, placeId, shop, fix }) => {
      const response = await fetch('/api/sync/push', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          clientId: crypto.randomUUID(),
          mutations: [{ mutationId: crypto.randomUUID(), seq: 1, name: 'business.create', args: { id, name: shop, category: 'bakery', neighbourhoodId: placeId }, createdAt: Date.now(), fix: { ...fix, takenAt: Date.now() } }],
        }),
      });
      return (await response.json()) as { results: { status: string; code?: string }[] };
    },
    { id, placeId, shop: SHOP, fix: { lat: lat + 0.0002, lng: lng - 0.0001, accuracy } },
  );
  expect(answer.results.map((r) => r.code ?? r.status)).toEqual(['applied']);
  return id;
}

test('a shop fills in its profile and posts a coupon; a neighbour finds it offline, follows it, is told of its news and reviews it', async ({
  page,
  context,
  newDevice,
}) => {
  await buyerInSunae(page);
  const shopId = await openShop(page);
  await syncNow(page);

  await test.step('the owner finds the shop from the board, fills in its details and posts a coupon', async () => {
    await page.getByRole('link', { name: 'Community', exact: true }).click();
    await page.getByTestId('board-shops').click();
    await expect(page.getByRole('heading', { name: 'Local shops', level: 1 })).toBeVisible();
    const card = page.getByTestId('business-card').filter({ hasText: SHOP });
    await expect(card).toContainText('Your shop');
    await card.click();
    await expect(page.getByTestId('business-name')).toHaveText(SHOP);
    const tools = page.getByTestId('business-owner-tools');
    await expect(tools.getByRole('link', { name: 'Ad results' })).toHaveAttribute('href', `/businesses/${shopId}/dashboard`);
    await expect(tools.getByRole('link', { name: 'Create an ad' })).toHaveAttribute('href', `/businesses/${shopId}/campaigns/new`);
    await expect(page.getByTestId('business-follow')).toHaveCount(0);
    await expect(page.getByTestId('business-write-review')).toHaveCount(0);

    await tools.getByRole('link', { name: 'Edit details' }).click();
    await expect(page.getByRole('heading', { name: 'Edit shop details' })).toBeVisible();
    await page.getByRole('textbox', { name: 'Phone' }).fill('call us');
    await page.getByTestId('business-save').click();
    await expect(page.getByRole('alert').filter({ hasText: 'Use digits, spaces and dashes only.' })).toBeVisible();
    await page.getByRole('textbox', { name: 'Phone' }).fill('031-712-0046');
    await page.getByRole('textbox', { name: 'Address' }).fill('성남시 분당구 수내로 46');
    await page.getByRole('textbox', { name: 'Hours' }).fill('월–토 8:00–20:00\n일요일 휴무');
    await page.getByRole('textbox', { name: 'Description' }).fill('매일 아침 굽는 소금빵 전문점');
    await expectAccessible(page, 'editing a shop’s details (en)');
    await page.getByTestId('business-save').click();
    await expect(page.getByTestId('business-phone')).toHaveAttribute('href', 'tel:0317120046');
    await expect(page.getByTestId('business-hours')).toContainText('일요일 휴무');

    await page.getByRole('link', { name: 'Post news or a coupon' }).click();
    await page.getByRole('radio', { name: 'Coupon' }).click();
    await page.getByTestId('business-publish').click();
    await expect(page.getByRole('alert').filter({ hasText: 'Give it a title.' })).toBeVisible();
    await page.getByRole('textbox', { name: 'Title' }).fill('소금빵 2+1 쿠폰');
    await page.getByRole('textbox', { name: 'Details' }).fill('이번 주 금요일까지, 이 화면을 보여 주세요');
    await expectAccessible(page, 'posting a coupon (en)');
    await page.getByTestId('business-publish').click();
    await expect(page.getByTestId('business-post').filter({ hasText: '소금빵 2+1 쿠폰' })).toContainText('Coupon');
    await expectAccessible(page, 'a shop’s profile, its owner’s view (en)');
    await expectAllSent(page);
    // An ad can start from the post: its words fill the campaign form.
    await page.getByTestId('business-post').filter({ hasText: '소금빵 2+1 쿠폰' }).getByTestId('advertise-post').click();
    await expect(page.getByRole('textbox', { name: 'Ad title' })).toHaveValue('소금빵 2+1 쿠폰');
    await expect(page.getByRole('textbox', { name: 'Ad text' })).toHaveValue('이번 주 금요일까지, 이 화면을 보여 주세요');
    await page.goBack();
    await expect(page.getByTestId('business-post').filter({ hasText: '소금빵 2+1 쿠폰' })).toBeVisible();
  });

  const neighbour = await newDevice();
  await test.step('a neighbour finds it in the near-me list with no connection and follows it there', async () => {
    await buyerInSunae(neighbour);
    await syncNow(neighbour);
    await goOffline(neighbour.context());
    await reloadOffline(neighbour);
    await neighbour.getByRole('link', { name: 'Community', exact: true }).click();
    await neighbour.getByTestId('board-shops').click();
    const card = neighbour.getByTestId('business-card').filter({ hasText: SHOP });
    await expect(card).toContainText('Bakery');
    await expectAccessible(neighbour, 'the near-me list of shops, offline (en)');
    await neighbour.getByRole('radio', { name: 'Café' }).click();
    await expect(neighbour.getByTestId('businesses-empty')).toContainText('No shops in this category nearby.');
    await neighbour.getByRole('radio', { name: 'Bakery' }).click();
    await card.click();
    await expect(neighbour.getByTestId('business-post')).toContainText('소금빵 2+1 쿠폰');
    await expect(neighbour.getByTestId('business-phone')).toHaveText('031-712-0046');
    await neighbour.getByTestId('business-follow').click();
    await expect(neighbour.getByTestId('business-follow')).toHaveAttribute('aria-pressed', 'true');
    await expect(neighbour.getByTestId('business-followers')).toHaveText('1 regular');
    await expectAccessible(neighbour, 'a shop’s profile, a neighbour’s view, offline (en)');

    // Two words, as a neighbour would narrow it: the demo's bakery in Jeongja-dong bakes salt bread too.
    await neighbour.goto(`/search?q=${encodeURIComponent('수내 소금빵')}&in=businesses`).catch(() => {});
    await expect(neighbour.getByTestId('search-businesses').getByTestId('business-card')).toHaveCount(1);
    await expectAccessible(neighbour, 'search, Shops tab, offline (en)');

    await goOnline(neighbour.context());
    await expectAllSent(neighbour, { timeout: 60_000 });
  });

  await test.step('the owner posts news: the follower is told in the inbox and opens the shop from it', async () => {
    await syncNow(page);
    await page.goto(`/businesses/${shopId}`);
    await expect(page.getByTestId('business-followers')).toHaveText('1 regular');
    await page.getByRole('link', { name: 'Post news or a coupon' }).click();
    await page.getByRole('textbox', { name: 'Title' }).fill('내일은 쉬어요');
    await page.getByTestId('business-publish').click();
    await expect(page.getByTestId('business-post').first()).toContainText('내일은 쉬어요');
    await expectAllSent(page);

    await expect(neighbour.getByTestId('bell-unread')).toHaveText(/[1-9]/, { timeout: LIVE_BOUND_MS });
    await neighbour.getByTestId('bell').click();
    const told = neighbour.getByTestId('notification').filter({ hasText: SHOP });
    await expect(told).toContainText('내일은 쉬어요');
    await told.click();
    await expect(neighbour).toHaveURL(new RegExp(`/businesses/${shopId}$`));
    await expect(neighbour.getByTestId('business-post').first()).toContainText('내일은 쉬어요');
  });

  await test.step('the neighbour reviews it, and writing again replaces the review', async () => {
    await neighbour.getByTestId('business-write-review').click();
    await neighbour.getByTestId('business-review-submit').click();
    await expect(neighbour.getByRole('alert').filter({ hasText: 'Choose 1 to 5 stars.' })).toBeVisible();
    await neighbour.getByRole('radio', { name: '3 stars' }).click();
    await neighbour.getByRole('textbox', { name: 'Your review' }).fill('빵은 맛있는데 줄이 길어요');
    await expectAccessible(neighbour, 'reviewing a shop (en)');
    await neighbour.getByTestId('business-review-submit').click();
    await expect(neighbour.getByTestId('business-reviews')).toContainText('줄이 길어요');
    await expectAllSent(neighbour);

    await neighbour.getByTestId('business-write-review').click();
    await expect(neighbour.getByText('Your new review replaces the one you wrote before.')).toBeVisible();
    await neighbour.getByRole('radio', { name: '5 stars' }).click();
    await neighbour.getByRole('textbox', { name: 'Your review' }).fill('다시 가 보니 줄이 줄었어요. 최고!');
    await neighbour.getByTestId('business-review-submit').click();
    await expectAllSent(neighbour);
    await syncNow(neighbour);
    await expect(neighbour.getByTestId('business-reviews').getByRole('listitem')).toHaveCount(1);
    await expect(neighbour.getByTestId('business-reviews')).toContainText('최고!');
    await expect(neighbour.getByRole('img', { name: 'Rated 5.0 out of 5' }).first()).toBeVisible();
  });

  await test.step('the owner sees the review and the average, and cannot review the shop himself', async () => {
    await syncNow(page);
    await page.goto(`/businesses/${shopId}`);
    await expect(page.getByTestId('business-reviews')).toContainText('최고!');
    await expect(page.getByText('1 review').first()).toBeVisible();
    await page.goto(`/businesses/${shopId}/review`);
    await expect(page.getByTestId('business-own-review')).toHaveText('You can’t review your own shop.');
  });
});
