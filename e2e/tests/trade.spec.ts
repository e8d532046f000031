// Trading (거래) between two neighbours on two devices: a chat ends in a sale (each told in their
// inbox: the message, then the request to review), both sides review each
// other, and the manner temperature (매너온도) on each profile moves from 36.5 °C; reports (신고) of a
// listing and its seller reach the server; and a block (차단) stops the chat and takes each one's
// listings out of the other's feed and search. Each step waits for what the person would see.
import type { Page } from '@playwright/test';
import { test, expect, expectAllSent, readMeta, syncNow } from '../support/fixtures.js';
import { buyerInSunae, LIVE_BOUND_MS, openListing, sellerWithListing, send } from '../support/trading.js';
import { expectAccessible } from '../support/a11y.js';


/** The names of the device's mutations the server has applied, as its answers to pushes say. */
function watchApplied(page: Page): string[] {
  const applied: string[] = [];
  page.on('response', async (response) => {
    if (!response.url().endsWith('/api/sync/push') || !response.ok()) return;
    const sent = (JSON.parse(response.request().postData() ?? '{}') as { mutations?: { mutationId: string; name: string }[] }).mutations ?? [];
    const answer = (await response.json().catch(() => ({}))) as { results?: { mutationId: string; status: string }[] };
    for (const result of answer.results ?? []) {
      const name = sent.find((m) => m.mutationId === result.mutationId)?.name;
      if (result.status === 'applied' && name) applied.push(name);
    }
  });
  return applied;
}

/** The temperature a manner-temperature badge shows, in °C. */
async function degrees(badge: ReturnType<Page['getByTestId']>): Promise<number> {
  const label = (await badge.getAttribute('aria-label')) ?? '';
  return Number(/([\d.]+)°C/.exec(label)?.[1] ?? NaN);
}

/** Someone's public profile, opened fresh so it is fetched from the server now. */
async function openProfile(page: Page, actorId: string) {
  await page.goto(`/profiles/${encodeURIComponent(actorId)}`);
  await expect(page.getByTestId('manner-card')).toBeVisible();
}

/**
 * Reviews the other side from the chat's "Leave a review" (or however `open` opens the review):
 * good manners, and words for them. Answers the review page's address.
 */
async function review(page: Page, manners: string[], words: string, open = () => page.getByTestId('leave-review').click()): Promise<string> {
  await open();
  await expect(page.getByTestId('review-form')).toBeVisible();
  await expectAccessible(page, 'review page');
  const reviewPath = page.url().replace(/^https?:\/\/[^/]+/, '');
  for (const manner of manners) {
    const chip = page.getByTestId('review-form').getByRole('button', { name: manner });
    await chip.click();
    await expect(chip).toHaveAttribute('aria-pressed', 'true');
  }
  await page.getByRole('textbox', { name: /A word for/ }).fill(words);
  await page.getByRole('button', { name: 'Send review' }).click();
  // Back in the chat, which knows this side has reviewed.
  await expect(page).toHaveURL(/\/chats\//);
  await expect(page.getByTestId('reviewed')).toBeVisible();
  await expectAllSent(page);
  return reviewPath;
}

// The one journey also run against PostgreSQL: a chat and a sale end to end, with live pokes over
// its change bus. The store contract itself runs on both engines in vitest (server-pg).
test(
  'a chat ends in a sale, both review each other, and both temperatures move from 36.5 °C with the praise on the profile',
  { tag: '@both-engines' },
  async ({ page: seller, newDevice }) => {
    const sellerName = await sellerWithListing(seller, 'Trade: rice cooker');
    const sellerId = (await readMeta<string>(seller, 'actorId'))!;

    const buyer = await newDevice();
    const buyerName = await buyerInSunae(buyer);
    const buyerId = (await readMeta<string>(buyer, 'actorId'))!;

    // The buyer sees a new neighbour at the first temperature, and starts a chat from the listing.
    await openListing(buyer, 'Trade: rice cooker');
    await expect.poll(() => degrees(buyer.getByTestId('seller-link').getByTestId('manner-temperature'))).toBe(36.5);
    await buyer.getByTestId('chat-button').click();
    await expect(buyer).toHaveURL(/\/chats\//);
    await send(buyer, 'Hello! Is the rice cooker still available?');
    await expectAllSent(buyer);

    // The seller's listing lists the chat; the seller reserves it for the buyer, then sells it to them.
    await seller.getByTestId('my-listings').getByText('Trade: rice cooker').click();
    const chats = seller.getByTestId('listing-chats');
    await expect(chats.getByRole('heading')).toHaveText('Chats (1)', { timeout: LIVE_BOUND_MS });
    await expect(chats.getByTestId('listing-chat')).toContainText(buyerName);
    await expect(chats.getByTestId('listing-chat')).toContainText('Is the rice cooker still available?');
    // The inbox told the seller too, in the buyer's words, and opens the conversation.
    await expect(seller.getByTestId('bell-unread')).toHaveText('1');
    await seller.getByTestId('bell').click();
    const told = seller.getByTestId('notification').filter({ hasText: 'Trade: rice cooker' });
    await expect(told).toContainText(`${buyerName} sent a message: Hello! Is the rice cooker still available?`);
    await told.click();
    await expect(seller.getByTestId('chat-message').filter({ hasText: 'Is the rice cooker still available?' })).toBeVisible();
    await expect(seller.getByTestId('bell-unread')).toHaveCount(0);
    seller.on('dialog', (dialog) => void dialog.accept());
    await seller.getByRole('button', { name: `Reserve for ${buyerName}` }).click();
    await expect(seller.getByTestId('chat-step').filter({ hasText: `reserved this for ${buyerName}` })).toBeVisible();
    await expect(buyer.getByTestId('chat-step').filter({ hasText: 'reserved this for you' })).toBeVisible({ timeout: LIVE_BOUND_MS });
    await seller.getByRole('button', { name: `Mark sold to ${buyerName}` }).click();
    await expect(seller.getByTestId('chat-step').filter({ hasText: `marked this sold to ${buyerName}` })).toBeVisible();
    await expectAllSent(seller);
    await expect(buyer.getByTestId('chat-step').filter({ hasText: 'marked this sold to you' })).toBeVisible({ timeout: LIVE_BOUND_MS });

    // Both review: the buyer, asked in their inbox, with words of praise; the seller with good manners too.
    const buyerReview = await review(buyer, ['Kind and polite', 'On time'], 'Smooth trade, thank you! 감사합니다', async () => {
      await expect(buyer.getByTestId('bell-unread')).toHaveText('1', { timeout: LIVE_BOUND_MS });
      await buyer.getByTestId('bell').click();
      await buyer.getByTestId('notification').filter({ hasText: `How did it go? Leave ${sellerName} a review` }).click();
    });
    await review(seller, ['Quick to reply'], 'Pleasure to deal with.');

    // A review is once per side: opened again, the review page says it is done.
    await buyer.goto(buyerReview);
    await expect(buyer.getByTestId('already-reviewed')).toContainText(`You reviewed ${sellerName}`);

    // The seller's profile, seen by the buyer: warmer than 36.5 °C, one trade, the manners and the praise.
    await openProfile(buyer, sellerId);
    const sellerCard = buyer.getByTestId('manner-card');
    await expect.poll(() => degrees(sellerCard.getByTestId('manner-temperature'))).toBeGreaterThan(36.5);
    await expect(sellerCard.getByTestId('trade-count')).toContainText('1 trade completed');
    await expect(buyer.getByTestId('top-manners')).toContainText('Kind and polite');
    await expect(buyer.getByTestId('top-manners')).toContainText('On time');
    await expect(buyer.getByTestId('praise')).toContainText('Smooth trade, thank you! 감사합니다');
    await expect(buyer.getByTestId('praise')).toContainText(buyerName);
    await expectAccessible(buyer, 'profile, after a trade');
    // The listing page shows the new temperature too, remembered from the profile.
    await openListing(buyer, 'Trade: rice cooker');
    await expect.poll(() => degrees(buyer.getByTestId('seller-link').getByTestId('manner-temperature'))).toBeGreaterThan(36.5);

    // The buyer's profile, seen by the seller, has warmed up as well; and on their own Account screen.
    await openProfile(seller, buyerId);
    await expect.poll(() => degrees(seller.getByTestId('manner-card').getByTestId('manner-temperature'))).toBeGreaterThan(36.5);
    await expect(seller.getByTestId('praise')).toContainText('Pleasure to deal with.');
    await buyer.getByTestId('account-link').click();
    await expect(buyer.getByTestId('my-trade-count')).toHaveText('1 trade completed');
    await expect.poll(() => degrees(buyer.getByTestId('my-manner').getByTestId('manner-temperature'))).toBeGreaterThan(36.5);
  },
);

test('a listing and its seller are reported, offline too; then blocking stops the chat, refuses what was written before it arrived, and takes each one’s listings out of the other’s feed and search', async ({
  page: seller,
  newDevice,
}) => {
  await sellerWithListing(seller, 'Block test: desk lamp');
  const neighbour = await newDevice();
  await sellerWithListing(neighbour, 'Block test: bookshelf');

  // A report changes nothing either side sees (it goes to moderation), so the block below starts
  // from where it would without it.
  await test.step('a listing and its seller are reported from their pages, offline too, and the reports reach the server', async () => {
    const applied = watchApplied(neighbour);
    await openListing(neighbour, 'Block test: desk lamp');

    // On the subway: the report is kept on the phone, and sent when the signal returns.
    await neighbour.context().setOffline(true);
    await neighbour.getByRole('button', { name: 'Report this listing' }).click();
    const dialog = neighbour.getByTestId('report-dialog');
    await dialog.getByRole('button', { name: 'Send report' }).click();
    await expect(dialog.getByRole('alert')).toHaveText('Choose a reason.');
    await expectAccessible(neighbour, 'report dialog, a reason missing');
    await dialog.getByRole('radio', { name: /Looks like a scam/ }).check();
    await dialog.getByRole('textbox', { name: /Anything the team should know/ }).fill('Asked me to pay before meeting.');
    await dialog.getByRole('button', { name: 'Send report' }).click();
    await expect(dialog.getByTestId('report-sent')).toContainText('will not be told who reported');
    await dialog.getByRole('button', { name: 'Done' }).click();
    await expect(dialog).toBeHidden();
    await neighbour.context().setOffline(false);
    await expect.poll(() => applied.filter((name) => name === 'report.create')).toHaveLength(1);

    // The seller, from their profile.
    await neighbour.getByTestId('seller-link').click();
    await neighbour.getByTestId('report-button').click();
    await dialog.getByRole('radio', { name: /Spam or advertising/ }).check();
    await dialog.getByRole('button', { name: 'Send report' }).click();
    await expect(dialog.getByTestId('report-sent')).toBeVisible();
    await expect.poll(() => applied.filter((name) => name === 'report.create')).toHaveLength(2);
    await neighbour.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
  });

  // Each sees the other's listing; the neighbour asks about the lamp.
  await openListing(neighbour, 'Block test: desk lamp');
  await neighbour.getByTestId('chat-button').click();
  await send(neighbour, 'Hi, could I see the lamp tomorrow?');
  await expectAllSent(neighbour);
  const chatUrl = neighbour.url();

  // On the subway, the neighbour writes again; meanwhile the seller blocks them, from their profile
  // (reached from the bookshelf), after being told what blocking does.
  await neighbour.context().setOffline(true);
  await send(neighbour, 'Are you there?');
  await expect(neighbour.getByTestId('chat-message').filter({ hasText: 'Are you there?' }).getByTestId('delivery')).toHaveText('Sending…');
  await syncNow(seller);
  await openListing(seller, 'Block test: bookshelf');
  await seller.getByTestId('seller-link').click();
  seller.once('dialog', (dialog) => {
    expect(dialog.message()).toContain("won't be able to message you");
    void dialog.accept();
  });
  await seller.getByTestId('block-button').click();
  await expect(seller.getByTestId('blocked-note')).toBeVisible();
  await expectAllSent(seller);

  // Back online: the server refuses the message, which stays on the neighbour's phone with the
  // reason, and the composer gives way to a notice.
  await neighbour.context().setOffline(false);
  await expect(neighbour.getByTestId('chat-message').filter({ hasText: 'Are you there?' }).getByTestId('delivery')).toHaveText('Not sent');
  await expect(neighbour.getByTestId('message-failed')).toContainText('one of you has blocked the other');
  await expect(neighbour.getByTestId('chat-blocked')).toContainText("You can't message");
  await expect(neighbour.getByRole('textbox', { name: 'Message' })).toHaveCount(0);

  // The seller's side of the chat: the first message only, and a notice with Unblock in place of the composer.
  await seller.goto(chatUrl.replace(/^https?:\/\/[^/]+/, ''));
  await expect(seller.getByTestId('chat-message').filter({ hasText: 'could I see the lamp' })).toBeVisible();
  await expect(seller.getByTestId('chat-message').filter({ hasText: 'Are you there?' })).toHaveCount(0);
  await expect(seller.getByTestId('chat-blocked')).toContainText('You blocked');

  // Feed and search, both ways: each sees their own listing only (search on the server, and offline
  // over what the device saved).
  const feedCards = (page: Page) => page.getByTestId('feed').getByTestId('listing-card').filter({ hasText: 'Block test:' });
  async function searchResults(page: Page, words: string) {
    await page.getByRole('link', { name: 'Search' }).click();
    await page.getByRole('searchbox', { name: 'Search listings' }).fill(words);
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await expect(page.getByTestId('search-summary')).toBeVisible();
    return page.getByTestId('search-results').getByTestId('listing-card');
  }
  for (const [page, own] of [
    [seller, /desk lamp/],
    [neighbour, /bookshelf/],
  ] as const) {
    // (From the chat, whose composer takes the tab bar's place.)
    await page.goto('/');
    await syncNow(page);
    await expect(feedCards(page)).toHaveText([own]);
    const online = await searchResults(page, 'Block test');
    await expect(page.getByTestId('search-summary')).not.toContainText('offline');
    await expect(online).toHaveText([own]);
    await page.context().setOffline(true);
    const offline = await searchResults(page, 'Block test');
    await expect(page.getByTestId('search-summary')).toContainText('offline');
    await expect(offline).toHaveText([own]);
    await page.context().setOffline(false);
  }
});
