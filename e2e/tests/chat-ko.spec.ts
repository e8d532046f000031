// The trade in Korean (ko-KR browsers on two devices): a chat with a price offer (가격 제안) and an
// appointment (약속 잡기), the Chats tab (채팅), the reservation and the sale said from each side, and
// the review (거래 후기) with its manners in Korean. Accounts and the listing are set up through the
// shared English steps (the device's language switched to English and back, as the account
// screen's switch does); everything the journey proves is read in Korean. Each trading screen it
// passes is checked with axe in Korean on the way (chat.spec.ts and trade.spec.ts check them in English).
import type { Page } from '@playwright/test';
import { test, expect, expectAllSent, openApp, serverListings } from '../support/fixtures.js';
import { expectAccessible } from '../support/a11y.js';
import { buyerInSunae, inEnglish, LIVE_BOUND_MS, sellerWithListing, send } from '../support/trading.js';

test.use({ locale: 'ko-KR' });

const TITLE = '스탠드 조명 Standing lamp';
const step = (page: Page, text: string) => page.getByTestId('chat-step').filter({ hasText: text });

test('두 이웃이 한국어로 가격을 제안하고 약속을 잡아 거래를 마치고 후기를 남겨요', async ({ page: seller, newDevice, server }) => {
  await openApp(seller);
  const sellerName = await inEnglish(seller, () => sellerWithListing(seller, TITLE, { acceptsOffers: true }));
  const buyer = await newDevice();
  await openApp(buyer);
  const buyerName = await inEnglish(buyer, () => buyerInSunae(buyer));
  await expect(buyer.locator('html')).toHaveAttribute('lang', 'ko');

  // The buyer opens the listing and its chat: an empty chat says hello in Korean.
  const listing = (await serverListings(server)).find((l) => l.title === TITLE)!;
  await buyer.goto(`/listings/${listing.id}`);
  await expect(buyer.locator('article h1')).toContainText(TITLE);
  await expectAccessible(buyer, '상품 (listing, as a buyer, Korean)');
  await buyer.getByTestId('chat-button').click();
  await expect(buyer.getByTestId('listing-strip')).toContainText('30,000원');
  await expect(buyer.getByText(`${sellerName}님에게 인사해 보세요`)).toBeVisible();
  await send(buyer, '안녕하세요! 아직 있나요?', '메시지');
  const hello = buyer.getByTestId('chat-message').filter({ hasText: '아직 있나요?' });
  await expect(hello.getByTestId('delivery')).toHaveText(/전송됨|읽음/);

  // 가격 제안 by keyboard alone (the step's button, the price, Enter): 25,000원, waiting for the
  // seller's answer.
  await buyer.getByRole('button', { name: '가격 제안하기' }).focus();
  await buyer.keyboard.press('Enter');
  await expect(buyer.getByRole('form', { name: '가격 제안하기' })).toContainText('판매가 30,000원');
  await expect(buyer.getByRole('button', { name: '제안 보내기' })).toBeVisible();
  await expectAccessible(buyer, '채팅방, 가격 제안 양식 (conversation, offer form open, Korean)');
  await expect(buyer.getByRole('textbox', { name: '제안할 가격 (원)' })).toBeFocused();
  await buyer.keyboard.type('25000');
  await buyer.keyboard.press('Enter');
  await expect(buyer.getByRole('textbox', { name: '메시지', exact: true })).toBeFocused();
  const offer = buyer.getByTestId('offer-card');
  await expect(offer).toContainText('25,000원');
  await expect(offer).toContainText('답을 기다리고 있어요');
  await expectAllSent(buyer);

  // The seller's Chats tab (채팅): the offer as the latest line, two unread.
  await seller.goto('/chats');
  await expect(seller.getByRole('heading', { level: 1 })).toHaveText('채팅');
  const row = seller.getByTestId('chat-row');
  await expect(row.getByTestId('last-message')).toHaveText('25,000원 가격 제안이 왔어요', { timeout: LIVE_BOUND_MS });
  await expect(row.getByTestId('unread-count')).toHaveText('2');
  await expect(row).toContainText('안 읽은 메시지 2개');
  await expectAccessible(seller, '채팅 목록 (Chats tab, Korean)');

  await row.click();
  await expect(seller.getByTestId('offer-card')).toBeVisible();
  await expectAccessible(seller, '채팅방, 답할 가격 제안 (conversation, as the seller with an offer to answer, Korean)');

  // The menu with block and report, and the report dialog it opens, by keyboard alone.
  await seller.getByRole('button', { name: '더보기', exact: true }).focus();
  await seller.keyboard.press('Enter');
  await expect(seller.getByRole('menu')).toBeVisible();
  await expectAccessible(seller, '채팅방 메뉴 (conversation menu, Korean)');
  await expect(seller.getByRole('menuitem').first()).toBeFocused();
  await seller.keyboard.press('ArrowDown');
  await expect(seller.getByRole('menuitem').last()).toBeFocused();
  await seller.keyboard.press('Enter');
  await expect(seller.getByTestId('report-dialog')).toBeVisible();
  await expectAccessible(seller, '신고 (report dialog, Korean)');
  await seller.keyboard.press('Escape');
  await expect(seller.getByTestId('report-dialog')).toBeHidden();
  await expect(seller.getByRole('button', { name: '더보기', exact: true })).toBeFocused();

  // The seller accepts; the buyer reads who accepted, in Korean.
  await seller.getByTestId('offer-card').getByRole('button', { name: '수락하기' }).click();
  await expect(seller.getByTestId('offer-card')).toContainText('수락됐어요');
  await expect(step(seller, '25,000원 가격 제안을 수락했어요')).toBeVisible();
  await expect(offer).toContainText('수락됐어요', { timeout: LIVE_BOUND_MS });
  await expect(step(buyer, `${sellerName}님이 25,000원 가격 제안을 수락했어요`)).toBeVisible();

  // 약속 잡기: the seller proposes tomorrow evening at the station; the date reads in Korean.
  await seller.getByRole('button', { name: '약속 잡기' }).click();
  await expectAccessible(seller, '약속 잡기 (appointment form, Korean)');
  await seller.getByRole('textbox', { name: '장소' }).fill('수내역 3번 출구');
  await seller.getByRole('button', { name: '제안하기', exact: true }).click();
  const sellerPinned = seller.getByTestId('pinned-appointment');
  await expect(sellerPinned).toContainText(`${buyerName}님의 확인을 기다리고 있어요`);
  await expect(sellerPinned).toContainText(/\d+월 \d+일 \(.\) 오후 6:00/);
  const pinned = buyer.getByTestId('pinned-appointment');
  await expect(pinned).toContainText(`${sellerName}님이 약속을 제안했어요`, { timeout: LIVE_BOUND_MS });
  await pinned.getByRole('button', { name: '확정하기' }).click();
  await expect(pinned).toContainText('약속이 확정됐어요');
  await expect(sellerPinned).toHaveAttribute('data-confirmed', 'true', { timeout: LIVE_BOUND_MS });
  await expect(step(seller, `${buyerName}님이 약속을 확정했어요`)).toContainText('수내역 3번 출구');
  await expectAccessible(buyer, '채팅방, 약속 확정 (conversation with a confirmed appointment, Korean)');

  // 예약중, then 거래완료, each said from the reader's side.
  const asked: string[] = [];
  seller.on('dialog', (dialog) => {
    asked.push(dialog.message());
    void dialog.accept();
  });
  await seller.getByRole('button', { name: `${buyerName}님에게 예약하기` }).click();
  await expect(step(seller, `${buyerName}님에게 예약중으로 변경했어요`)).toBeVisible();
  await expect(step(buyer, `${sellerName}님이 나에게 예약중으로 변경했어요`)).toBeVisible({ timeout: LIVE_BOUND_MS });
  await seller.getByRole('button', { name: `${buyerName}님과 거래완료하기` }).click();
  await expect(step(seller, `${buyerName}님과 거래완료로 변경했어요`)).toBeVisible();
  await expect(step(buyer, `${sellerName}님과 거래가 완료되었어요`)).toBeVisible({ timeout: LIVE_BOUND_MS });
  expect(asked[0]).toContain(`${buyerName}님에게 예약할까요?`);
  expect(asked[1]).toContain(`${buyerName}님과 거래완료로 바꿀까요?`);

  // 거래 후기: the manners in Korean, a word for the seller, back to the chat.
  await buyer.getByTestId('leave-review').click();
  const form = buyer.getByTestId('review-form');
  await expect(form.getByRole('heading')).toHaveText(`${sellerName}님과 거래는 어떠셨나요?`);
  await expect(buyer.getByText(`30,000원 · ${sellerName}님에게 샀어요`)).toBeVisible();
  await expectAccessible(buyer, '거래 후기 (review page, Korean)');
  await form.getByRole('button', { name: '후기 보내기' }).click();
  await expect(form.getByRole('alert')).toHaveText('하나 이상 골라 주세요.');
  for (const manner of ['친절하고 매너가 좋아요', '시간 약속을 잘 지켜요']) {
    await form.getByRole('button', { name: manner }).click();
    await expect(form.getByRole('button', { name: manner })).toHaveAttribute('aria-pressed', 'true');
  }
  await form.getByRole('textbox', { name: `${sellerName}님에게 한마디` }).fill('친절하게 거래해 주셔서 감사합니다!');
  await form.getByRole('button', { name: '후기 보내기' }).click();
  await expect(buyer).toHaveURL(/\/chats\//);
  await expect(buyer.getByTestId('reviewed')).toHaveText('후기를 보냈어요');
  await expectAllSent(buyer);

  // The seller's profile, and the listing as its seller sees it with its chats.
  await buyer.goto(`/profiles/${encodeURIComponent(listing.sellerId)}`);
  await expect(buyer.getByTestId('manner-card')).toBeVisible();
  await expectAccessible(buyer, '프로필 (profile, Korean)');
  // Inside a conversation a phone shows no tab bar: back to My listings by its address.
  await seller.goto('/me');
  await seller.getByTestId('my-listings').getByText(TITLE).click();
  await expect(seller.getByTestId('listing-chats')).toBeVisible();
  await expectAccessible(seller, '내 상품과 채팅 (listing, as its seller with its chats, Korean)');
});
