// The app's frame, the feed and search in each language, on a phone and on a desktop: the words
// are the person's language (Korean for a browser that prefers it), prices and times are written
// as that language writes them, a wide screen shows a grid of cards, and axe finds no serious
// violation on either screen.
import { test, expect, openApp } from '../support/fixtures.js';
import { expectAccessible } from '../support/a11y.js';

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };

const WORDS = {
  'ko-KR': {
    lang: 'ko',
    tabs: ['홈', '동네생활', '글쓰기', '내 동네', '채팅', '판매내역'],
    nav: '주 메뉴',
    search: '검색',
    searchBox: '판매글 검색',
    choose: '내 동네를 설정해 주세요',
    price: /^(\d{1,3}(,\d{3})*원|나눔)$/,
    recent: /방금 전|\d+분 전/,
    oneResult: '검색 결과 1개',
    category: '카테고리',
    allCategories: '전체 카테고리',
    nothing: '‘없는말없는말’에 맞는 글이 없어요',
  },
  'en-US': {
    lang: 'en',
    tabs: ['Home', 'Community', 'Sell', 'Neighbourhood', 'Chats', 'My listings'],
    nav: 'Main',
    search: 'Search',
    searchBox: 'Search listings',
    choose: 'Choose your neighbourhood',
    price: /^(₩\d{1,3}(,\d{3})*|Free)$/,
    recent: /just now|\d+ minutes? ago/,
    oneResult: '1 result',
    category: 'Category',
    allCategories: 'All categories',
    nothing: 'Nothing matches “없는말없는말” in your area.',
  },
} as const;

for (const locale of ['ko-KR', 'en-US'] as const) {
  const words = WORDS[locale];
  test.describe(locale, () => {
    test.use({ locale });

    test(`the feed and search speak ${locale} on a phone, with prices and times as it writes them, and are a grid of cards on a desktop`, async ({ page }) => {
      await page.setViewportSize(PHONE);
      await openApp(page);

      await test.step(`the feed and search on a phone speak ${locale}, with prices and times as it writes them`, async () => {
        await expect(page.locator('html')).toHaveAttribute('lang', words.lang);

        // The tab bar at the bottom, in the person's language.
        const tabbar = page.getByRole('navigation', { name: words.nav });
        await expect(tabbar.getByRole('link')).toHaveText([...words.tabs]);
        await expect(page.getByTestId('choose-neighbourhood')).toContainText(words.choose);

        const first = page.getByTestId('listing-card').first();
        await expect(first.locator('.price')).toHaveText(words.price);
        await expect(first.locator('.meta')).toContainText(words.recent);
        for (const price of await page.getByTestId('listing-card').locator('.price').allTextContents()) expect(price).toMatch(words.price);
        await expectAccessible(page, `feed, ${locale}, phone`);

        await page.getByRole('link', { name: words.search, exact: true }).click();
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(words.search);
        await expect(page.getByRole('combobox', { name: words.category }).locator('option').first()).toHaveText(words.allCategories);
        await page.getByRole('searchbox', { name: words.searchBox }).fill('암체어');
        await page.getByRole('button', { name: words.search, exact: true }).click();
        await expect(page.getByTestId('search-summary')).toHaveText(words.oneResult);
        await expect(page.getByTestId('search-results').locator('.price')).toHaveText(words.price);
        await expectAccessible(page, `search with a result, ${locale}, phone`);

        await page.getByRole('searchbox', { name: words.searchBox }).fill('없는말없는말');
        await page.getByRole('button', { name: words.search, exact: true }).click();
        await expect(page.getByText(words.nothing)).toBeVisible();
      });

      await test.step(`on a desktop the feed and search results are a grid of cards, in ${locale}`, async () => {
        await page.setViewportSize(DESKTOP);
        await page.goto('/');
        // The main tabs are in the header; the phone's tab bar is gone.
        const nav = page.getByRole('navigation', { name: words.nav });
        await expect(nav).toHaveCount(1);
        await expect(nav.getByRole('link')).toHaveText([...words.tabs]);
        await expect(nav.getByRole('link', { name: words.tabs[0] })).toHaveAttribute('aria-current', 'page');

        const cards = page.getByTestId('feed').getByTestId('listing-card');
        await expect(cards.nth(5)).toBeVisible();
        const boxes = await Promise.all([0, 1, 2, 3].map(async (i) => (await cards.nth(i).boundingBox())!));
        // Side by side, not one under the other, and the grid uses the width of the screen.
        expect(new Set(boxes.map((box) => Math.round(box.y))).size).toBe(1);
        expect(boxes[3].x + boxes[3].width - boxes[0].x).toBeGreaterThan(720);
        await expectAccessible(page, `feed, ${locale}, desktop`);

        await page.getByRole('link', { name: words.search, exact: true }).click();
        await page.getByRole('searchbox', { name: words.searchBox }).fill('e');
        await page.getByRole('button', { name: words.search, exact: true }).click();
        const results = page.getByTestId('search-results').getByTestId('listing-card');
        await expect(results.nth(3)).toBeVisible();
        const [a, b] = await Promise.all([results.nth(0).boundingBox(), results.nth(1).boundingBox()]);
        expect(Math.round(a!.y)).toBe(Math.round(b!.y));
        await expectAccessible(page, `search results, ${locale}, desktop`);
      });
    });
  });
}

test('every action on the feed and search works from the keyboard, with the focus visible', async ({ page }) => {
  await openApp(page);
  // The first Tab reaches the skip link; it takes the focus past the header.
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toBeFocused();

  // Onwards to the first listing, whose focus ring shows.
  const card = page.getByTestId('listing-card').first();
  for (let i = 0; i < 10 && !(await card.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(card).toBeFocused();
  expect(await card.evaluate((el) => getComputedStyle(el).outlineStyle)).not.toBe('none');

  // Search by keyboard alone: type, Enter, and the results come.
  await page.getByRole('link', { name: 'Search', exact: true }).focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/search$/);
  await page.getByRole('searchbox', { name: 'Search listings' }).focus();
  await page.keyboard.type('암체어');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('search-summary')).toHaveText('1 result');
});
