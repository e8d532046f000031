// What happens to a listing after it is published, seen from the seller's phone and a neighbour's:
// edit ("edited"), like (♥ and the watchlist), views, hide and show, bump to the top once a day.
import { test, expect, openApp, chooseNeighbourhood, expectAllSent, expectAllSynced, publish, signUp, writeDraft } from '../support/fixtures.js';

test('edit, like, view, hide, show and bump, each seen on the other device', async ({ page: seller, newDevice, server }) => {
  await openApp(seller);
  await signUp(seller);
  await chooseNeighbourhood(seller, 'Sunae', 'Sunae 1-dong');
  await writeDraft(seller, { title: 'Older: rice cooker', price: '20000', category: 'household' });
  await publish(seller);
  await writeDraft(seller, { title: 'Newer: desk lamp', price: '9000', category: 'household' });
  await publish(seller, 2);
  await expectAllSynced(seller);

  const neighbour = await newDevice();
  await openApp(neighbour, server.url);
  await signUp(neighbour);
  await neighbour.goto('/');
  const cards = neighbour.getByTestId('feed').getByTestId('listing-card');
  /**
   * The neighbour's device after its next pull (here: the next time the app is opened at `path`),
   * once the seller's phone has sent its change.
   */
  const nextVisit = async (path?: string) => {
    await expectAllSent(seller);
    if (path) await neighbour.goto(path);
    else await neighbour.reload();
  };

  // Edit: the seller changes the title, price and meeting spot; the neighbour sees "edited".
  await seller.getByTestId('my-listings').getByText('Older: rice cooker').click();
  await seller.getByRole('link', { name: 'Edit' }).click();
  await expect(seller.locator('input[name=title]')).toHaveValue('Older: rice cooker');
  await seller.fill('input[name=title]', 'Older: rice cooker, 6 cups');
  await seller.fill('input[name=meetingSpot]', 'Sunae station exit 3');
  await seller.getByLabel('Accept price offers').check();
  await seller.getByRole('button', { name: 'Save changes' }).click();
  await expect(seller.locator('h1')).toHaveText('Older: rice cooker, 6 cups');
  await expect(seller.getByTestId('edited')).toBeVisible();
  const listingUrl = seller.url().replace(/^https?:\/\/[^/]+/, '');
  await nextVisit(listingUrl);
  await expect(neighbour.locator('h1')).toHaveText('Older: rice cooker, 6 cups');
  await expect(neighbour.getByTestId('edited')).toBeVisible();
  await expect(neighbour.getByTestId('meeting-spot')).toContainText('Sunae station exit 3');
  await expect(neighbour.getByTestId('offers')).toHaveText('Open to offers');
  await expect(neighbour.getByTestId('counts')).toContainText('1 view');

  // Like: the neighbour hearts it; it joins their watchlist, and the seller sees the count.
  await neighbour.getByRole('button', { name: 'Add to your watchlist' }).click();
  await expect(neighbour.getByRole('button', { name: 'Remove from your watchlist' })).toHaveAttribute('aria-pressed', 'true');
  await expect(neighbour.getByTestId('counts')).toContainText('1 like');
  await neighbour.getByRole('link', { name: 'My listings', exact: true }).click();
  await expect(neighbour.getByTestId('watchlist')).toContainText('Older: rice cooker, 6 cups');
  // The seller's phone after its next pull, once the neighbour's like has reached the server.
  await expectAllSent(neighbour);
  await seller.reload();
  await expect(seller.getByTestId('counts')).toHaveText('1 like · 1 view');

  // Hide: gone from the neighbour's feed and search; the seller still has it, marked hidden.
  await seller.getByRole('button', { name: 'Hide' }).click();
  await expect(seller.getByTestId('hidden-note')).toBeVisible();
  await nextVisit('/');
  // The feed opens with what the device saved; the pull then takes the hidden listing away.
  await expect(cards.filter({ hasText: 'Newer: desk lamp' })).toBeVisible();
  await expect(cards.filter({ hasText: 'rice cooker' })).toHaveCount(0);
  // Show it again: back for everyone.
  await seller.getByRole('button', { name: 'Show again' }).click();
  await expect(seller.getByTestId('hidden-note')).toHaveCount(0);
  await nextVisit();
  await expect(cards.filter({ hasText: 'rice cooker' })).toBeVisible();
  await expect(cards.first()).toContainText('Newer: desk lamp');

  // Bump: the older listing goes back to the top, and can't be bumped again today.
  await seller.getByRole('button', { name: 'Bump to top' }).click();
  await expect(seller.getByRole('button', { name: /Bump again in 24 h/ })).toBeDisabled();
  await expect(seller.getByTestId('listing-meta')).toContainText('bumped');
  await nextVisit();
  await expect(cards.first()).toContainText('Older: rice cooker, 6 cups');
  await expect(cards.nth(1)).toContainText('Newer: desk lamp');
});
