import { test, expect, openApp, chooseNeighbourhood, signUp, countLocal, expectAllSent, expectAllSynced, publish, serverListings, writeDraft } from '../support/fixtures.js';
import { at } from '../support/places.js';

test.describe('standing in Pangyo-dong', () => {
  test.use({ geolocation: at('kr-bundang-pangyo') });

  test('finds the neighbourhood from the GPS position; verify inside, publish offline, back online: applied and counted on the profile', async ({ page, context, server }) => {
    await openApp(page);
    await signUp(page);
    await page.getByRole('link', { name: 'Neighbourhood', exact: true }).click();
    await page.getByRole('button', { name: 'Use my current location' }).click();
    await expect(page.getByTestId('location-suggestion')).toContainText('Pangyo-dong');
    await expect(page.getByTestId('location-suggestion')).toContainText('You are here.');
    await expect(page.getByTestId('location-accuracy')).toHaveText('Your location is accurate to 20 m.');
    await page.getByRole('button', { name: 'Set as my neighbourhood' }).click();
    await expect(page.getByTestId('held-neighbourhoods')).toContainText('Pangyo-dong');
    await context.setOffline(true);

    await page.getByTestId('verify-button').click();
    await expect(page.getByTestId('neighbourhood-message')).toContainText('It will be checked against Pangyo-dong');
    await expect(page.getByTestId('verification-status')).toContainText('Not verified yet');
    await expect(page.getByTestId('verification-status')).toContainText('waiting to sync');

    await writeDraft(page, { title: '판교 책상 Desk from Pangyo', price: '40000', category: 'furniture' });
    // A few steps later the phone has a fresh reading (the emulated one keeps its timestamp until reset).
    await context.setGeolocation(at('kr-bundang-pangyo', 15));
    await expect(page.getByTestId('publish-place')).toContainText('Selling in Pangyo-dong');
    const mine = await publish(page);
    await expect(mine.getByTestId('waiting-to-sync')).toBeVisible();

    await context.setOffline(false);
    await expectAllSynced(page);
    // Verified, and counted once: a profile counts at most one verification per neighbourhood a day.
    await expect(page.getByTestId('verification-status')).toContainText('Verified 1 time');
    await expect(page.getByTestId('verification-status')).not.toContainText('waiting to sync');
    const listing = (await serverListings(server)).find((l) => l.title === '판교 책상 Desk from Pangyo');
    expect(listing).toBeTruthy();
  });
});

test('publishing from 20 km away is rejected with the distance, and the draft is kept; then Seoul to Busan in five minutes is rejected as impossible travel', async ({ page, context }) => {
  await context.setGeolocation(at('kr-mapo-mangwon'));
  await openApp(page);
  await signUp(page);
  await chooseNeighbourhood(page, 'Pangyo', 'Pangyo-dong');
  await writeDraft(page, { title: 'Lamp sold from far away', price: '9000', category: 'household' });
  await page.getByRole('button', { name: 'Publish' }).click();

  // The server refuses it when it syncs; the listing turns back into a draft with the reason.
  const draft = page.getByTestId('draft-link').filter({ hasText: 'Lamp sold from far away' });
  // The list says it in short (the message for the server's code); the draft says how far.
  await expect(draft).toContainText('Not published:');
  await expect(page.getByTestId('my-listings')).toHaveCount(0);
  await draft.click();
  await expect(page.getByTestId('rejection')).toContainText(/2\d(\.\d)? km from Pangyo-dong/);
  await expect(page.getByRole('link', { name: 'Verify your neighbourhood again' })).toBeVisible();
  await expect(page.locator('input[name=title]')).toHaveValue('Lamp sold from far away');

  // Where they stand, Mangwon 1-dong, they verify; five minutes later a reading from Busan cannot be theirs.
  await page.goto('/me');
  await chooseNeighbourhood(page, 'Mangwon', 'Mangwon 1-dong');
  await page.getByTestId('verify-button').click();
  await expect(page.getByTestId('verification-status')).toContainText('Verified 1 time');
  await context.setGeolocation(at('kr-haeundae-u'));
  await chooseNeighbourhood(page, '우1동', 'U 1-dong');
  await page.getByTestId('verify-button').click();
  await expect(page.getByTestId('verify-rejection')).toHaveAttribute('data-code', 'location.impossible_travel');
  await expect(page.getByTestId('verify-rejection')).toContainText('faster than anyone can travel');
  // Verified once, in Mangwon 1-dong; not in U 1-dong, where this check failed.
  await expect(page.getByTestId('verification-status')).toContainText('Verified 1 time');
  await expect(page.getByTestId('verify-standing')).toHaveText("You're not verified in U 1-dong 우1동 yet.");
});

test('a fix taken offline two days ago and pushed today is rejected as stale', async ({ page, context }) => {
  await context.setGeolocation(at('kr-bundang-pangyo'));
  await openApp(page);
  await signUp(page);
  await chooseNeighbourhood(page, 'Pangyo', 'Pangyo-dong');
  await expectAllSent(page);
  await context.setOffline(true);
  const now = Date.now();
  await page.clock.setSystemTime(now - 2 * 24 * 3600_000);
  await page.getByTestId('verify-button').click();
  await expect(page.getByTestId('verification-status')).toContainText('waiting to sync');
  await page.clock.setSystemTime(now);
  await context.setOffline(false);
  // One story: this check failed (said by its code), and the person is not verified there.
  await expect(page.getByTestId('verify-rejection')).toHaveAttribute('data-code', 'location.stale');
  await expect(page.getByTestId('verify-rejection')).toContainText("This check didn't pass");
  await expect(page.getByTestId('verify-standing')).toHaveText("You're not verified in Pangyo-dong 판교동 yet.");
  await expect(page.getByTestId('verification-status')).toContainText('Not verified yet');
});

test.describe('with location access denied', () => {
  test.use({ permissions: [] });

  test('verify and publish say so clearly, and browsing keeps working', async ({ page }) => {
    await openApp(page);
    await signUp(page);
    await chooseNeighbourhood(page, 'Sunae', 'Sunae 1-dong');
    await page.getByTestId('verify-button').click();
    await expect(page.getByTestId('neighbourhood-message')).toContainText('Location access is turned off for Dongne');

    await writeDraft(page, { title: 'Kettle without GPS', price: '3000', category: 'household' });
    await page.getByRole('button', { name: 'Publish' }).click();
    await expect(page.getByTestId('location-error')).toContainText('Location access is turned off');
    await expect(page).toHaveURL(/\/drafts\//);

    await page.getByRole('link', { name: 'Home', exact: true }).click();
    await expect(page.getByTestId('listing-card').first()).toBeVisible();
  });
});

test('changing the range re-filters the feed offline from what is cached', async ({ page, context }) => {
  await openApp(page);
  await signUp(page);
  await chooseNeighbourhood(page, 'Pangyo', 'Pangyo-dong');
  await page.getByRole('link', { name: 'Home', exact: true }).click();
  await page.getByRole('radio', { name: 'Far' }).click();
  const cards = page.getByTestId('listing-card');
  await expect(cards.first()).toBeVisible();
  // Scroll until the end: each screenful reads the next page from IndexedDB.
  await expect.poll(async () => (await page.mouse.wheel(0, 20_000), cards.count())).toBe(46);

  await context.setOffline(true);
  await page.getByRole('radio', { name: 'My neighbourhood' }).click();
  // Only Pangyo-dong's own six demo listings.
  await expect(cards).toHaveCount(6);
  await expect(cards.first()).toContainText('Pangyo-dong');
  await page.getByRole('radio', { name: 'Far' }).click();
  // Scroll until the end: each screenful reads the next page from IndexedDB.
  await expect.poll(async () => (await page.mouse.wheel(0, 20_000), cards.count())).toBe(46);
  expect(await countLocal(page, 'listings')).toBe(46);
});
