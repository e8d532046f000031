// Search on the server and offline over the saved listings: one visitor's device, read-only over
// the demo data.
import { test, expect, openApp } from '../support/fixtures.js';

test('search finds words online and offline, and a price range narrows the results', async ({ page, context }) => {
  await openApp(page);

  await test.step('search finds a Korean word inside a title on the server, and offline over the saved listings', async () => {
    await page.getByRole('link', { name: 'Search' }).click();
    const box = page.getByRole('searchbox', { name: 'Search listings' });

    await box.fill('암체어');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await expect(page.getByTestId('search-summary')).toHaveText('1 result');
    await expect(page.getByTestId('search-results')).toContainText('이케아 포엥 암체어');

    await context.setOffline(true);
    await box.fill('포엥');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await expect(page.getByTestId('search-summary')).toContainText('from listings saved on this device (offline)');
    await expect(page.getByTestId('search-results')).toContainText('이케아 포엥 암체어');

    // Filters apply offline too: once the category takes effect, every result is a giveaway.
    await box.fill('free');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.getByRole('combobox', { name: 'Category' }).selectOption('free');
    const prices = page.getByTestId('search-results').getByTestId('listing-card').locator('.price');
    await expect
      .poll(async () => {
        const texts = await prices.allTextContents();
        return texts.length > 0 && texts.every((text) => text === 'Free');
      })
      .toBe(true);

    await box.fill('no such thing anywhere');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await expect(page.getByText('Nothing matches “no such thing anywhere” in your area.')).toBeVisible();
  });

  // Back online, and a fresh Search screen (its words and filters are the screen's own state).
  await context.setOffline(false);
  await page.goto('/');

  await test.step('a price range narrows the results online and offline, and a reversed range is explained', async () => {
    await page.getByRole('link', { name: 'Search' }).click();
    const box = page.getByRole('searchbox', { name: 'Search listings' });
    const summary = page.getByTestId('search-summary');
    const cards = page.getByTestId('search-results').getByTestId('listing-card');
    const prices = async () =>
      (await cards.locator('.price').allTextContents()).map((text) => (/Free/.test(text) ? 0 : Number(text.replace(/[^\d]/g, ''))));
    const inRange = (price: number) => price >= 10_000 && price <= 50_000;
    const cheapAndDear = (all: number[]) => all.some((p) => p < 10_000) && all.some((p) => p > 50_000);

    for (const offline of [false, true]) {
      await context.setOffline(offline);
      await page.getByLabel('Lowest price').fill('');
      await page.getByLabel('Highest price').fill('');
      await box.fill('e');
      await page.getByRole('button', { name: 'Search', exact: true }).click();
      // Wait for this search's answer, not the one still on screen: offline it says so, and with no
      // price range it holds cheap and dear things alike.
      await expect(summary).toHaveText(offline ? /^\d+ results?\s+from listings saved on this device \(offline\)$/ : /^\d+ results?$/);
      await expect.poll(async () => cheapAndDear(await prices())).toBe(true);
      const all = await prices();

      await page.getByLabel('Lowest price').fill('10,000');
      await page.getByLabel('Highest price').fill('50000');
      await page.getByRole('button', { name: 'Search', exact: true }).click();
      // Exactly the listings of the unfiltered search whose price is in range.
      const expected = all.filter(inRange).sort((a, b) => a - b);
      expect(expected.length).toBeGreaterThan(0);
      await expect.poll(async () => (await prices()).sort((a, b) => a - b)).toEqual(expected);
    }

    await page.getByLabel('Lowest price').fill('about 5000');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await expect(page.getByRole('alert')).toHaveText('Prices are whole numbers of won, e.g. 10000.');

    await page.getByLabel('Lowest price').fill('90000');
    await page.getByLabel('Highest price').fill('1000');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await expect(page.getByRole('alert')).toHaveText('The lowest price is above the highest.');
  });
});

test('a search is in its address: a shared link searches at once, and a new search takes its place', async ({ page }) => {
  await page.goto(`/search?q=${encodeURIComponent('암체어')}`);
  const box = page.getByRole('searchbox', { name: 'Search listings' });
  await expect(box).toHaveValue('암체어');
  await expect(page.getByTestId('search-results')).toContainText('이케아 포엥 암체어');

  await box.fill('포엥');
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await expect(page).toHaveURL(`/search?q=${encodeURIComponent('포엥')}`);
  await expect(page.getByTestId('search-results')).toContainText('이케아 포엥 암체어');
  // The address was replaced, not added to: Back leaves search.
  await page.goBack();
  await expect(page).not.toHaveURL(/\/search/);
});
