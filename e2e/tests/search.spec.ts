import { test, expect, openApp } from '../support/fixtures.js';

test('search finds a Korean word inside a title on the server, and offline over the saved listings', async ({ page, context }) => {
  await openApp(page);
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

  // Filters apply offline too.
  await box.fill('free');
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await page.getByRole('combobox', { name: 'Category' }).selectOption('free');
  const cards = page.getByTestId('search-results').getByTestId('listing-card');
  await expect(cards.first()).toBeVisible();
  for (const text of await cards.allTextContents()) expect(text).toMatch(/Free \(나눔\)/);

  await box.fill('no such thing anywhere');
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await expect(page.getByText('Nothing matches “no such thing anywhere” in your area.')).toBeVisible();
});

test('a price range narrows the results online and offline, and a reversed range is explained', async ({ page, context }) => {
  await openApp(page);
  await page.getByRole('link', { name: 'Search' }).click();
  const box = page.getByRole('searchbox', { name: 'Search listings' });
  const cards = page.getByTestId('search-results').getByTestId('listing-card');
  const prices = async () =>
    (await cards.locator('.price').allTextContents()).map((text) => (/Free/.test(text) ? 0 : Number(text.replace(/[^\d]/g, ''))));

  for (const offline of [false, true]) {
    await context.setOffline(offline);
    await page.getByLabel('Lowest price').fill('');
    await page.getByLabel('Highest price').fill('');
    await box.fill('e');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await expect(cards.first()).toBeVisible();
    const all = await prices();
    expect(all.some((p) => p < 10_000) && all.some((p) => p > 50_000)).toBe(true);

    await page.getByLabel('Lowest price').fill('10,000');
    await page.getByLabel('Highest price').fill('50000');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await expect.poll(async () => (await prices()).every((p) => p >= 10_000 && p <= 50_000)).toBe(true);
    const inRange = await prices();
    expect(inRange.length).toBeGreaterThan(0);
    expect(inRange.length).toBe(all.filter((p) => p >= 10_000 && p <= 50_000).length);
  }

  await page.getByLabel('Lowest price').fill('about 5000');
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await expect(page.getByRole('alert')).toHaveText('Prices are whole numbers of won, e.g. 10000.');

  await page.getByLabel('Lowest price').fill('90000');
  await page.getByLabel('Highest price').fill('1000');
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await expect(page.getByRole('alert')).toHaveText('The lowest price is above the highest.');
});
