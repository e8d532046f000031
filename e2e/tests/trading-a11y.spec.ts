// The trading screens pass axe (WCAG 2 A and AA) with no serious or critical violation, each with
// what a person sees there mid-trade: the listing with its Chat button and the seller's chats, a
// conversation with an offer, the Chats tab with an unread row, the review page and the profile. In
// English here; the Korean trade journey (chat-ko.spec.ts) checks the same screens in Korean on its way.
import { test, expect, expectAllSent, readMeta } from '../support/fixtures.js';
import { expectAccessible } from '../support/a11y.js';
import { buyerInSunae, LIVE_BOUND_MS, openListing, sellerWithListing, send } from '../support/trading.js';

test('the listing, the chats, a conversation with an offer, the review page and the profile have no serious accessibility violations', async ({
  page: seller,
  newDevice,
}) => {
  const title = 'A11y: rice cooker';
  await sellerWithListing(seller, title, { acceptsOffers: true });
  const sellerId = (await readMeta<string>(seller, 'actorId'))!;
  const buyer = await newDevice();
  // The buyer finds the listing in the feed, reads it and opens its chat.
  await buyerInSunae(buyer);
  await openListing(buyer, title);
  await expect(buyer.locator('html')).toHaveAttribute('lang', 'en');
  await expect(buyer.locator('article h1')).toContainText(title);
  await expectAccessible(buyer, 'listing, as a buyer');
  await buyer.getByTestId('chat-button').click();
  await expect(buyer.getByTestId('listing-strip')).toContainText(title);

  await send(buyer, 'Is it still available? 아직 있나요?', 'Message');
  // The offer by keyboard alone: the step's button, the price, Enter.
  await buyer.getByRole('button', { name: 'Make an offer' }).focus();
  await buyer.keyboard.press('Enter');
  await expect(buyer.getByRole('button', { name: 'Send offer' })).toBeVisible();
  await expectAccessible(buyer, 'conversation, offer form open');
  await expect(buyer.getByRole('textbox', { name: 'Your price in won' })).toBeFocused();
  await buyer.keyboard.type('25000');
  await buyer.keyboard.press('Enter');
  await expect(buyer.getByRole('textbox', { name: 'Message', exact: true })).toBeFocused();
  await expect(buyer.getByTestId('offer-card')).toBeVisible();
  await expectAllSent(buyer);

  await seller.goto('/chats');
  await expect(seller.getByTestId('chat-row')).toBeVisible({ timeout: LIVE_BOUND_MS });
  await expectAccessible(seller, 'Chats tab, one unread conversation');
  await seller.getByTestId('chat-row').click();
  await expect(seller.getByTestId('offer-card')).toBeVisible();
  await expectAccessible(seller, 'conversation, as the seller with an offer to answer');

  // The menu with block and report, and the report dialog it opens, by keyboard alone.
  await seller.getByRole('button', { name: 'More', exact: true }).focus();
  await seller.keyboard.press('Enter');
  await expect(seller.getByRole('menu')).toBeVisible();
  await expectAccessible(seller, 'conversation menu');
  await expect(seller.getByRole('menuitem').first()).toBeFocused();
  await seller.keyboard.press('ArrowDown');
  await expect(seller.getByRole('menuitem').last()).toBeFocused();
  await seller.keyboard.press('Enter');
  await expect(seller.getByTestId('report-dialog')).toBeVisible();
  await expectAccessible(seller, 'report dialog');
  await seller.keyboard.press('Escape');
  await expect(seller.getByTestId('report-dialog')).toBeHidden();
  await expect(seller.getByRole('button', { name: 'More', exact: true })).toBeFocused();

  seller.on('dialog', (dialog) => void dialog.accept());
  await seller.getByRole('button', { name: /^Mark sold to/ }).click();
  await expectAllSent(seller);
  await expect(buyer.getByTestId('leave-review')).toBeVisible({ timeout: LIVE_BOUND_MS });
  await buyer.getByTestId('leave-review').click();
  await expect(buyer.getByTestId('review-form')).toBeVisible();
  await expectAccessible(buyer, 'review page');

  await buyer.goto(`/profiles/${encodeURIComponent(sellerId)}`);
  await expect(buyer.getByTestId('manner-card')).toBeVisible();
  await expectAccessible(buyer, 'profile');

  // Inside a conversation a phone shows no tab bar: back to My listings by its address.
  await seller.goto('/me');
  await seller.getByTestId('my-listings').getByText(title).click();
  await expect(seller.getByTestId('listing-chats')).toBeVisible();
  await expectAccessible(seller, 'listing, as its seller with its chats');
});
