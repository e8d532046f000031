// Steps the trading journeys share: a seller with a listing in Sunae-dong, a verified buyer there,
// the listing and its chat opened the way a person opens them, and a message sent; and, for the
// Korean journeys, the device's language switched the way the account screen's switch does.
import { expect, type Page } from '@playwright/test';
import { chooseNeighbourhood, expectAllSynced, openApp, publish, signUp, writeDraft } from './fixtures.js';

/** Well under the 30 s poll: only a poke over the live channel brings a change this soon. */
export const LIVE_BOUND_MS = 10_000;

/** A seller in Sunae-dong with a listing published and synced (publishing verifies them). */
export async function sellerWithListing(page: Page, title: string, options: { acceptsOffers?: boolean } = {}) {
  await openApp(page);
  const nickname = await signUp(page);
  await chooseNeighbourhood(page, 'Sunae', 'Sunae 1-dong');
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
  await chooseNeighbourhood(page, 'Sunae', 'Sunae 1-dong');
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

/** Writes a message and sends it with Enter; `label` is the message box's name in the page's language. */
export async function send(page: Page, text: string, label = 'Message') {
  await page.getByRole('textbox', { name: label, exact: true }).fill(text);
  await page.getByRole('textbox', { name: label, exact: true }).press('Enter');
}

/** Where the app keeps the person's own choice of language on the device (Paraglide's localStorage strategy). */
const LOCALE_KEY = 'dongne.locale';

/**
 * Chooses the app's language on this device, as the account screen's switch does, and reloads into
 * it; `null` forgets the choice, so the browser's preference decides again. The Korean journeys
 * set up their accounts and listings through the shared English steps, then go back to Korean.
 */
export async function chooseLanguage(page: Page, locale: 'en' | 'ko' | null) {
  await page.evaluate(([key, value]) => (value ? localStorage.setItem(key, value) : localStorage.removeItem(key)), [LOCALE_KEY, locale] as const);
  await page.reload();
  const expected = locale ?? (await page.evaluate(() => (navigator.languages.some((tag) => tag.startsWith('ko')) ? 'ko' : 'en')));
  await expect(page.locator('html')).toHaveAttribute('lang', expected);
}

/** Runs shared steps written against the English screens, then goes back to the browser's language. */
export async function inEnglish<T>(page: Page, steps: () => Promise<T>): Promise<T> {
  await chooseLanguage(page, 'en');
  const result = await steps();
  await chooseLanguage(page, null);
  return result;
}
