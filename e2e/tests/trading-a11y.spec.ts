// The trading screens pass axe (WCAG 2 A and AA) with no serious or critical violation, each with
// what a person sees there mid-trade: the listing with its Chat button and the seller's chats, a
// conversation with an offer, the Chats tab with an unread row, the review page and the profile.
import { test, expect, expectAllSent, readMeta } from '../support/fixtures.js';
import { expectAccessible } from '../support/a11y.js';
import { buyerInSunae, LIVE_BOUND_MS, openChatAbout, openListing, sellerWithListing, send } from '../support/trading.js';

test('the listing, the chats, a conversation with an offer, the review page and the profile have no serious accessibility violations', async ({
  page: seller,
  newDevice,
}) => {
  await sellerWithListing(seller, 'A11y: rice cooker', { acceptsOffers: true });
  const sellerId = (await readMeta<string>(seller, 'actorId'))!;
  const buyer = await newDevice();
  await buyerInSunae(buyer);

  await openListing(buyer, 'A11y: rice cooker');
  await expectAccessible(buyer, 'listing, as a buyer');

  await openChatAbout(buyer, 'A11y: rice cooker');
  await send(buyer, 'Is it still available? 아직 있나요?');
  await buyer.getByRole('button', { name: 'Make an offer' }).click();
  await expectAccessible(buyer, 'conversation, offer form open');
  await buyer.getByRole('textbox', { name: 'Your price in won' }).fill('25000');
  await buyer.getByRole('button', { name: 'Send offer' }).click();
  await expect(buyer.getByTestId('offer-card')).toBeVisible();
  await expectAllSent(buyer);

  await seller.getByRole('link', { name: /^Chats/ }).first().click();
  await expect(seller.getByTestId('chat-row')).toBeVisible({ timeout: LIVE_BOUND_MS });
  await expectAccessible(seller, 'Chats tab, one unread conversation');
  await seller.getByTestId('chat-row').click();
  await expect(seller.getByTestId('offer-card')).toBeVisible();
  await expectAccessible(seller, 'conversation, as the seller with an offer to answer');

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
  await seller.getByTestId('my-listings').getByText('A11y: rice cooker').click();
  await expect(seller.getByTestId('listing-chats')).toBeVisible();
  await expectAccessible(seller, 'listing, as its seller with its chats');
});
