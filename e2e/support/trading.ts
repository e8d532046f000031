// Steps the trading journeys share: a seller with a listing in Sunae-dong, a verified buyer there,
// the listing and its chat opened the way a person opens them, and a message sent.
import { expect, type Page } from '@playwright/test';
import { chooseNeighbourhood, expectAllSynced, openApp, publish, signUp, writeDraft } from './fixtures.js';

/** Well under the 30 s poll: only a poke over the live channel brings a change this soon. */
export const LIVE_BOUND_MS = 10_000;

/** A seller in Sunae-dong with a listing published and synced (publishing verifies them). */
export async function sellerWithListing(page: Page, title: string, options: { acceptsOffers?: boolean } = {}) {
  await openApp(page);
  const nickname = await signUp(page);
  await chooseNeighbourhood(page, 'Sunae', 'Sunae-dong');
  await writeDraft(page, { title, price: '30000', category: 'household' });
  if (options.acceptsOffers) {
    await page.getByLabel('Accept price offers').check();
    await expect(page.getByTestId('save-state')).toHaveText('Draft saved on this device');
  }
  await publish(page);
  await expectAllSynced(page);
  return nickname;
}

/** A neighbour in Sunae-dong, verified there (starting a chat with a seller needs it) unless told not to. */
export async function buyerInSunae(page: Page, { verified = true } = {}) {
  await openApp(page);
  const nickname = await signUp(page);
  await chooseNeighbourhood(page, 'Sunae', 'Sunae-dong');
  if (verified) await verifyHere(page);
  return nickname;
}

export async function verifyHere(page: Page) {
  await page.getByRole('link', { name: 'Neighbourhood', exact: true }).click();
  await page.getByTestId('verify-button').click();
  await expect(page.getByTestId('verification-status')).toContainText('Verified 1 time');
}

/** The listing, found in the feed. */
export async function openListing(page: Page, title: string) {
  await page.getByRole('link', { name: 'Home', exact: true }).click();
  await page.getByTestId('feed').getByTestId('listing-card').filter({ hasText: title }).click();
  await expect(page.locator('article h1')).toContainText(title);
}

/** From the feed, the listing's page, then its Chat button: the chat about it opens. */
export async function openChatAbout(page: Page, title: string) {
  await openListing(page, title);
  await page.getByTestId('chat-button').click();
  await expect(page.getByTestId('listing-strip')).toContainText(title);
}

export async function send(page: Page, text: string) {
  await page.getByRole('textbox', { name: 'Message' }).fill(text);
  await page.getByRole('textbox', { name: 'Message' }).press('Enter');
}
