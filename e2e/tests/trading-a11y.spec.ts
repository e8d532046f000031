// The trading screens pass axe (WCAG 2 A and AA) with no serious or critical violation, in English
// and in Korean, each with what a person sees there mid-trade: the listing with its Chat button and
// the seller's chats, a conversation with an offer, the Chats tab with an unread row, the review
// page and the profile. The Korean run sets up its accounts through the shared English steps, then
// goes back to the browser's Korean.
import { test, expect, expectAllSent, openApp, readMeta } from '../support/fixtures.js';
import { expectAccessible } from '../support/a11y.js';
import { buyerInSunae, inEnglish, LIVE_BOUND_MS, openListing, sellerWithListing, send } from '../support/trading.js';

/** What the journey presses and reads, in each language. */
const WORDS = {
  'en-US': { message: 'Message', offer: 'Make an offer', price: 'Your price in won', sendOffer: 'Send offer', more: 'More', markSold: /^Mark sold to/ },
  'ko-KR': { message: '메시지', offer: '가격 제안하기', price: '제안할 가격 (원)', sendOffer: '제안 보내기', more: '더보기', markSold: /님과 거래완료하기$/ },
} as const;

for (const [locale, words] of Object.entries(WORDS)) {
  test.describe(locale, () => {
    test.use({ locale });
    const korean = locale === 'ko-KR';

    test(`the listing, the chats, a conversation with an offer, the review page and the profile have no serious accessibility violations (${locale})`, async ({
      page: seller,
      newDevice,
    }) => {
      const title = korean ? '접근성: 전기밥솥' : 'A11y: rice cooker';
      await openApp(seller);
      const setUp = <T,>(page: typeof seller, steps: () => Promise<T>) => (korean ? inEnglish(page, steps) : steps());
      await setUp(seller, () => sellerWithListing(seller, title, { acceptsOffers: true }));
      const sellerId = (await readMeta<string>(seller, 'actorId'))!;
      const buyer = await newDevice();
      await openApp(buyer);
      // The buyer finds the listing in the feed (in English for the Korean run: the steps find the
      // tabs by their English names), then reads it and opens its chat in the browser's language.
      await setUp(buyer, async () => {
        await buyerInSunae(buyer);
        await openListing(buyer, title);
      });
      await expect(buyer.locator('html')).toHaveAttribute('lang', korean ? 'ko' : 'en');
      await expect(buyer.locator('article h1')).toContainText(title);
      await expectAccessible(buyer, `listing, as a buyer (${locale})`);
      await buyer.getByTestId('chat-button').click();
      await expect(buyer.getByTestId('listing-strip')).toContainText(title);

      await send(buyer, 'Is it still available? 아직 있나요?', words.message);
      // The offer by keyboard alone: the step's button, the price, Enter.
      await buyer.getByRole('button', { name: words.offer }).focus();
      await buyer.keyboard.press('Enter');
      await expect(buyer.getByRole('button', { name: words.sendOffer })).toBeVisible();
      await expectAccessible(buyer, `conversation, offer form open (${locale})`);
      await expect(buyer.getByRole('textbox', { name: words.price })).toBeFocused();
      await buyer.keyboard.type('25000');
      await buyer.keyboard.press('Enter');
      await expect(buyer.getByRole('textbox', { name: words.message, exact: true })).toBeFocused();
      await expect(buyer.getByTestId('offer-card')).toBeVisible();
      await expectAllSent(buyer);

      await seller.goto('/chats');
      await expect(seller.getByTestId('chat-row')).toBeVisible({ timeout: LIVE_BOUND_MS });
      await expectAccessible(seller, `Chats tab, one unread conversation (${locale})`);
      await seller.getByTestId('chat-row').click();
      await expect(seller.getByTestId('offer-card')).toBeVisible();
      await expectAccessible(seller, `conversation, as the seller with an offer to answer (${locale})`);

      // The menu with block and report, and the report dialog it opens, by keyboard alone.
      await seller.getByRole('button', { name: words.more, exact: true }).focus();
      await seller.keyboard.press('Enter');
      await expect(seller.getByRole('menu')).toBeVisible();
      await expectAccessible(seller, `conversation menu (${locale})`);
      await expect(seller.getByRole('menuitem').first()).toBeFocused();
      await seller.keyboard.press('ArrowDown');
      await expect(seller.getByRole('menuitem').last()).toBeFocused();
      await seller.keyboard.press('Enter');
      await expect(seller.getByTestId('report-dialog')).toBeVisible();
      await expectAccessible(seller, `report dialog (${locale})`);
      await seller.keyboard.press('Escape');
      await expect(seller.getByTestId('report-dialog')).toBeHidden();
      await expect(seller.getByRole('button', { name: words.more, exact: true })).toBeFocused();

      seller.on('dialog', (dialog) => void dialog.accept());
      await seller.getByRole('button', { name: words.markSold }).click();
      await expectAllSent(seller);
      await expect(buyer.getByTestId('leave-review')).toBeVisible({ timeout: LIVE_BOUND_MS });
      await buyer.getByTestId('leave-review').click();
      await expect(buyer.getByTestId('review-form')).toBeVisible();
      await expectAccessible(buyer, `review page (${locale})`);

      await buyer.goto(`/profiles/${encodeURIComponent(sellerId)}`);
      await expect(buyer.getByTestId('manner-card')).toBeVisible();
      await expectAccessible(buyer, `profile (${locale})`);

      // Inside a conversation a phone shows no tab bar: back to My listings by its address.
      await seller.goto('/me');
      await seller.getByTestId('my-listings').getByText(title).click();
      await expect(seller.getByTestId('listing-chats')).toBeVisible();
      await expectAccessible(seller, `listing, as its seller with its chats (${locale})`);
    });
  });
}
