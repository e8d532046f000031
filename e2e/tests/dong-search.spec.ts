// Every dong in Korea: a person finds theirs by its Korean or English name, told apart from its
// namesakes by city and district, and a dong where nobody sells yet says so and offers a wider range.
import { expectAccessible } from '../support/a11y.js';
import { test, expect, openApp, signUp } from '../support/fixtures.js';

test('finds 정자 and Jeongja in Suwon and in Seongnam, says which is which, and a new dong’s empty feed offers the next range', async ({ page }) => {
  await openApp(page);
  await signUp(page);
  await page.getByRole('link', { name: 'Neighbourhood', exact: true }).click();
  const searchbox = page.getByRole('searchbox', { name: 'Search neighbourhoods' });
  const results = page.getByTestId('search-results').getByRole('listitem');

  for (const query of ['정자', 'Jeongja']) {
    await searchbox.fill(query);
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await expect(results.filter({ hasText: 'Jeongja-dong 정자동' })).toContainText('Bundang-gu, Seongnam-si');
    // Two 정자1동s: one in each city, each saying where it is.
    const jeongja1 = results.filter({ hasText: 'Jeongja 1-dong 정자1동' });
    await expect(jeongja1).toHaveCount(2);
    await expect(jeongja1.filter({ hasText: 'Bundang-gu, Seongnam-si' })).toHaveCount(1);
    await expect(jeongja1.filter({ hasText: 'Jangan-gu, Suwon-si' })).toHaveCount(1);
  }
  await expectAccessible(page, 'neighbourhood search with districts');

  // Yeoksam 2-dong in Gangnam: a real dong where the demo has no sellers.
  await searchbox.fill('역삼');
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await results.filter({ hasText: 'Yeoksam 2-dong' }).getByRole('button', { name: 'Choose' }).click();
  await expect(page.getByTestId('held-neighbourhoods')).toContainText('Yeoksam 2-dong');

  await page.goto('/');
  const empty = page.getByTestId('empty-feed');
  await expect(empty).toContainText('Nothing for sale in Yeoksam 2-dong 역삼2동 yet');
  await expectAccessible(page, 'empty feed of a new dong');
  await empty.getByRole('button', { name: 'Look wider: Around town' }).click();
  await expect(page.getByRole('radio', { name: 'Around town' })).toHaveAttribute('aria-checked', 'true');
});
