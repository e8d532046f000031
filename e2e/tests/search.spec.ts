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
