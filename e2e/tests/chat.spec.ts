// Chat (채팅) between a buyer and a seller on two devices: a message written on the subway reaches the
// seller's open app within seconds of the buyer's signal returning (a poke, not the 30 s poll), the
// Chats tab counts what waits, read receipts come back, and a price and a meeting are agreed in the
// chat. Each step waits for what the person would see. The trading screens pass axe in English on
// the way (chat-ko.spec.ts checks the same ones in Korean, by keyboard alone).
import type { Page } from '@playwright/test';
import { test, expect, expectAllSynced, publish, writeDraft } from '../support/fixtures.js';
import { expectAccessible } from '../support/a11y.js';
import { buyerInSunae, LIVE_BOUND_MS, openChatAbout, sellerWithListing, send, verifyHere } from '../support/trading.js';


/** My message on screen, by its words. */
const mine = (page: Page, text: string) => page.getByTestId('chat-message').filter({ hasText: text });

test('a message written offline reaches the seller’s open Chats tab within seconds and comes back read; then a price is offered and accepted, and a meeting agreed and pinned for both', async ({
  page: seller,
  newDevice,
}) => {
  const { buyer, buyerName } = await test.step('a message written offline reaches the seller’s open Chats tab within seconds, counted unread, and comes back read', async () => {
    await sellerWithListing(seller, 'Chat: rice cooker');
    await seller.getByRole('link', { name: /^Chats/ }).click();
    await expect(seller.getByTestId('chats-empty')).toBeVisible();

    // (A device made now, not with the seller's: the two phones' location readings must differ.)
    const buyer = await newDevice();
    const buyerName = await buyerInSunae(buyer);
    await openChatAbout(buyer, 'Chat: rice cooker');
    await expect(buyer.getByText(/Say hello to/)).toBeVisible();

    // On the subway: the message shows at once, waiting.
    await buyer.context().setOffline(true);
    await send(buyer, 'Is it still available? 아직 있나요?');
    await expect(mine(buyer, 'Is it still available?').getByTestId('delivery')).toHaveText('Sending…');

    // Signal again: the seller, who has the app open on the Chats tab, sees it within seconds.
    await buyer.context().setOffline(false);
    const row = seller.getByTestId('chat-row');
    await expect(row).toHaveCount(1, { timeout: LIVE_BOUND_MS });
    await expect(row.getByTestId('last-message')).toHaveText('Is it still available? 아직 있나요?');
    await expect(row.getByTestId('unread-count')).toHaveText('1');
    await expect(seller.getByTestId('chats-unread-tab')).toContainText('1');
    await expectAccessible(seller, 'Chats tab, one unread conversation');
    await expect(mine(buyer, 'Is it still available?').getByTestId('delivery')).toHaveText('Sent');

    // The seller opens it: nothing waits any more, and the buyer's tick turns to Read.
    await row.click();
    await expect(seller.getByTestId('chat-message').filter({ hasText: 'Is it still available?' })).toBeVisible();
    await expect(seller.getByTestId('chats-unread-tab')).toHaveCount(0);
    await expect(mine(buyer, 'Is it still available?').getByTestId('delivery')).toHaveText('Read', { timeout: LIVE_BOUND_MS });

    // And back: the seller's answer reaches the buyer's open chat the same way.
    await send(seller, 'Yes! Pick it up any evening.');
    await expect(buyer.getByTestId('chat-message').filter({ hasText: 'Pick it up any evening.' })).toBeVisible({ timeout: LIVE_BOUND_MS });
    return { buyer, buyerName };
  });

  await test.step('a price is offered and accepted, then a meeting agreed and pinned on top of the chat for both', async () => {
    // A second listing from the same seller, open to offers; each leaves the chat it is in (a phone
    // shows no tab bar there) by its address.
    await seller.goto('/me');
    await writeDraft(seller, { title: 'Chat: standing lamp', price: '30000', category: 'household' });
    await seller.getByLabel('Accept price offers').check();
    await expect(seller.getByTestId('save-state')).toHaveText('Draft saved on this device');
    await publish(seller, 2);
    await expectAllSynced(seller);
    await buyer.goto('/');
    await openChatAbout(buyer, 'Chat: standing lamp');
    await send(buyer, 'Hello! Would you take 25,000?');
    await buyer.getByRole('button', { name: 'Make an offer' }).click();
    await buyer.getByRole('textbox', { name: 'Your price in won' }).fill('25000');
    await buyer.getByRole('button', { name: 'Send offer' }).click();
    const offer = buyer.getByTestId('offer-card');
    await expect(offer).toContainText('₩25,000');
    await expect(offer).toContainText('Waiting for an answer');
    await expectAccessible(buyer, 'conversation with an offer, as the buyer');

    await seller.goto('/chats');
    await seller.getByTestId('chat-row').filter({ hasText: buyerName }).filter({ hasText: 'Chat: standing lamp' }).click();
    await expect(seller.getByTestId('chat-row')).toHaveCount(0);
    const sellerOffer = seller.getByTestId('offer-card');
    await expect(sellerOffer).toContainText('₩25,000');
    await expectAccessible(seller, 'conversation, as the seller with an offer to answer');
    await sellerOffer.getByRole('button', { name: 'Accept' }).click();
    await expect(sellerOffer).toContainText('Accepted');
    await expect(offer).toContainText('Accepted', { timeout: LIVE_BOUND_MS });
    await expect(buyer.getByTestId('chat-step').filter({ hasText: 'accepted the offer of ₩25,000' })).toBeVisible();

    // The seller proposes tomorrow evening at the station; the buyer confirms it.
    await seller.getByRole('button', { name: 'Appointment' }).click();
    await seller.getByRole('textbox', { name: 'Place' }).fill('Sunae station exit 3');
    await seller.getByRole('button', { name: 'Propose', exact: true }).click();
    const sellerPinned = seller.getByTestId('pinned-appointment');
    await expect(sellerPinned).toContainText('Waiting for');
    await expect(sellerPinned).toContainText('Sunae station exit 3');

    const pinned = buyer.getByTestId('pinned-appointment');
    await expect(pinned).toContainText('proposed to meet', { timeout: LIVE_BOUND_MS });
    await pinned.getByRole('button', { name: 'Confirm' }).click();
    await expect(pinned).toHaveAttribute('data-confirmed', 'true');
    await expect(pinned).toContainText('Appointment confirmed');
    await expect(sellerPinned).toHaveAttribute('data-confirmed', 'true', { timeout: LIVE_BOUND_MS });
    await expect(sellerPinned).toContainText('Sunae station exit 3');
    await expect(seller.getByTestId('chat-step').filter({ hasText: 'confirmed the appointment' })).toBeVisible();
  });
});

test('a first message refused for want of a verified neighbourhood keeps its words and reason, and goes on Retry once verified', async ({ page: seller, newDevice }) => {
  await sellerWithListing(seller, 'Chat: kettle');
  const buyer = await newDevice();
  await buyerInSunae(buyer, { verified: false });
  await openChatAbout(buyer, 'Chat: kettle');
  await send(buyer, 'Can I come by tonight?');

  const refused = buyer.getByTestId('message-failed');
  await expect(refused).toContainText('verified neighbourhood');
  await expect(mine(buyer, 'Can I come by tonight?').getByTestId('delivery')).toHaveText('Not sent');

  // Verify, then back to the chat, where the refused message waits.
  await buyer.getByRole('link', { name: 'Back to chats' }).click();
  await verifyHere(buyer);
  await buyer.getByRole('link', { name: /^Chats/ }).click();
  await buyer.getByTestId('chat-row').click();
  await expect(refused).toBeVisible();
  await refused.getByRole('button', { name: 'Retry' }).click();
  await expect(refused).toHaveCount(0);
  await expect(mine(buyer, 'Can I come by tonight?').getByTestId('delivery')).toHaveText(/Sent|Read/);

  await seller.getByRole('link', { name: /^Chats/ }).click();
  await expect(seller.getByTestId('chat-row').getByTestId('last-message')).toHaveText('Can I come by tonight?');
});
