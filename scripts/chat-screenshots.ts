// Screenshots of the chat screens at phone and desktop size, in English or Korean, for a human to
// look at: the Chats tab (empty, and with an unread conversation), a conversation from each side
// with an offer, a safety warning, a pinned appointment and its reminder, the review page, the
// report dialog and a blocked chat. Accounts and the listing are set up on English screens (the
// device's language chosen as the account screen's switch does), then the screens are in `locale`.
// Usage: npx tsx scripts/chat-screenshots.ts [en|ko] [web build dir]
// (starts its own server; writes .screenshots/chat-*-<size>-<locale>.png)
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { CHROMIUM_LAUNCH } from '../e2e/support/chromium.js';
import { skipFirstRun } from '../e2e/support/first-run.js';
import { at } from '../e2e/support/places.js';
import { startServer } from '../e2e/support/server.js';

const locale = process.argv[2] === 'ko' ? 'ko' : 'en';
/** What the script presses and waits for, in the screens' language. */
const WORDS = {
  en: { offer: 'Make an offer', sendOffer: 'Send offer', accept: 'Accept', appointment: 'Appointment', propose: 'Propose', confirm: 'Confirm', change: 'Change', more: 'More', block: /^Block/, report: /^Report/, sold: /^Mark sold to/, back: 'Back to chats', read: 'Read', sending: 'Sending' },
  ko: { offer: '가격 제안하기', sendOffer: '제안 보내기', accept: '수락하기', appointment: '약속 잡기', propose: '제안하기', confirm: '확정하기', change: '바꾸기', more: '더보기', block: /차단하기$/, report: /신고하기$/, sold: /님과 거래완료하기$/, back: '채팅 목록으로', read: '읽음', sending: '보내는 중' },
}[locale];
/** What the two neighbours write. */
const LINES = {
  en: ['안녕하세요! Is the desk still available?', 'I live near Pangyo station. You can reach me at 010-2345-6789 if easier.', '네, 70,000원에 드릴게요. Tomorrow evening?', 'See you there!'],
  ko: ['안녕하세요! 책상 아직 있나요?', '판교역 근처에 살아요. 편하시면 010-2345-6789로 연락 주세요.', '네, 70,000원에 드릴게요. 내일 저녁 괜찮으세요?', '그때 봬요!'],
}[locale];
const outDir = '.screenshots';
mkdirSync(outDir, { recursive: true });
const server = await startServer(process.argv[3] ? { webDir: process.argv[3] } : {});
const base = server.url;
const browser = await chromium.launch(CHROMIUM_LAUNCH);

try {
  for (const [size, viewport] of [
    ['phone', { width: 390, height: 844 }],
    ['desktop', { width: 1280, height: 800 }],
  ] as const) {
    await conversationScreens(browser, size, viewport);
  }
} finally {
  await browser.close();
  await server.dispose();
}

async function conversationScreens(browser: Browser, device: string, viewport: { width: number; height: number }) {
  const suffix = device === 'phone' ? 1 : 2;
  const size = `${device}-${locale}`;
  const seller = await pangyoContext(browser, device, viewport);
  const sellerPage = await seller.newPage();
  await chooseLanguage(sellerPage, 'en');
  await signUpVerified(sellerPage, `정원${suffix}${Date.now() % 1000}`);
  const listingId = await publishDesk(sellerPage);
  await chooseLanguage(sellerPage, locale);
  await sellerPage.goto(`${base}/chats`);
  await sellerPage.getByTestId('chats-empty').waitFor();
  await sellerPage.screenshot({ path: `${outDir}/chat-list-empty-${size}.png` });

  const buyer = await pangyoContext(browser, device, viewport);
  const buyerPage = await buyer.newPage();
  await chooseLanguage(buyerPage, 'en');
  const buyerName = await signUpVerified(buyerPage, `민지${suffix}${Date.now() % 1000}`);
  await chooseLanguage(buyerPage, locale);
  const buyerId = await buyerPage.evaluate(() => readMeta('actorId'));
  const chat = `${base}/chats/${encodeURIComponent(`${listingId}:${buyerId}`)}`;
  await buyerPage.goto(chat);
  await buyerPage.getByTestId('listing-strip').waitFor();
  await buyerPage.screenshot({ path: `${outDir}/chat-new-${size}.png` });
  await send(buyerPage, LINES[0]);
  await send(buyerPage, LINES[1]);
  await buyerPage.getByRole('button', { name: WORDS.offer }).click();
  await buyerPage.locator('input[name=offer]').fill('70000');
  await buyerPage.screenshot({ path: `${outDir}/chat-offer-form-${size}.png` });
  await buyerPage.getByRole('button', { name: WORDS.sendOffer }).click();
  await allSent(buyerPage);

  await sellerPage.goto(`${base}/chats`);
  await sellerPage.getByTestId('unread-count').waitFor({ timeout: 20_000 });
  await sellerPage.screenshot({ path: `${outDir}/chat-list-${size}.png` });
  await sellerPage.getByTestId('chat-row').first().click();
  await sellerPage.getByTestId('offer-card').waitFor();
  await sellerPage.getByRole('button', { name: WORDS.accept }).click();
  await send(sellerPage, LINES[2]);
  await sellerPage.getByRole('button', { name: WORDS.appointment }).click();
  await sellerPage.locator('input[name=place]').fill(locale === 'ko' ? '판교역 1번 출구 빵집 앞' : 'Pangyo station exit 1, by the bakery');
  await sellerPage.getByRole('button', { name: WORDS.propose, exact: true }).click();
  await sellerPage.getByTestId('pinned-appointment').waitFor();
  await allSent(sellerPage);

  await buyerPage.getByTestId('pinned-appointment').getByRole('button', { name: WORDS.confirm }).click({ timeout: 20_000 });
  await buyerPage.locator('[data-testid=pinned-appointment][data-confirmed=true]').waitFor();
  await send(buyerPage, LINES[3]);
  await buyerPage.getByTestId('delivery').filter({ hasText: WORDS.read }).first().waitFor({ timeout: 20_000 });
  await settled(buyerPage);
  await buyerPage.screenshot({ path: `${outDir}/chat-buyer-${size}.png` });

  await sellerPage.getByText(LINES[3]).waitFor({ timeout: 20_000 });
  await settled(sellerPage);
  await sellerPage.screenshot({ path: `${outDir}/chat-seller-${size}.png` });
  sellerPage.once('dialog', (dialog) => void dialog.accept());
  await sellerPage.getByRole('button', { name: WORDS.sold }).click();
  await sellerPage.getByTestId('leave-review').waitFor();
  await settled(sellerPage);
  await sellerPage.screenshot({ path: `${outDir}/chat-seller-sold-${size}.png` });

  // An appointment in 40 minutes: the reminder shows on every screen.
  await buyerPage.getByRole('button', { name: WORDS.change }).click();
  const soon = new Date(Date.now() + 40 * 60_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  await buyerPage.locator('input[name=date]').fill(`${soon.getFullYear()}-${pad(soon.getMonth() + 1)}-${pad(soon.getDate())}`);
  await buyerPage.locator('input[name=time]').fill(`${pad(soon.getHours())}:${pad(soon.getMinutes())}`);
  await buyerPage.screenshot({ path: `${outDir}/chat-appointment-form-${size}.png` });
  await buyerPage.getByRole('button', { name: WORDS.propose, exact: true }).click();
  await sellerPage.getByTestId('pinned-appointment').getByRole('button', { name: WORDS.confirm }).click({ timeout: 20_000 });
  await sellerPage.locator('[data-testid=pinned-appointment][data-confirmed=true]').waitFor();
  await sellerPage.getByRole('link', { name: WORDS.back }).click();
  await sellerPage.getByTestId('appointment-reminder').waitFor({ timeout: 20_000 });
  await sellerPage.screenshot({ path: `${outDir}/chat-reminder-${size}.png` });

  // The review page, reached from the sold chat.
  await buyerPage.getByTestId('leave-review').click();
  await buyerPage.getByTestId('review-form').waitFor();
  await buyerPage.getByTestId('review-form').getByRole('button').first().click();
  await buyerPage.screenshot({ path: `${outDir}/chat-review-${size}.png`, fullPage: true });
  await buyerPage.goBack();
  await buyerPage.getByTestId('pinned-appointment').waitFor();

  // The menu, the report dialog, then blocked: the composer gives way to a notice.
  await settled(buyerPage);
  await buyerPage.getByRole('button', { name: WORDS.more, exact: true }).click();
  await buyerPage.screenshot({ path: `${outDir}/chat-menu-${size}.png` });
  await buyerPage.getByRole('menuitem', { name: WORDS.report }).click();
  await buyerPage.getByTestId('report-dialog').getByRole('radio').first().check();
  await buyerPage.screenshot({ path: `${outDir}/chat-report-${size}.png` });
  await buyerPage.keyboard.press('Escape');
  await buyerPage.getByRole('button', { name: WORDS.more, exact: true }).click();
  buyerPage.once('dialog', (dialog) => void dialog.accept());
  await buyerPage.getByRole('menuitem', { name: WORDS.block }).click();
  await buyerPage.getByTestId('chat-blocked').waitFor();
  await buyerPage.evaluate(() => window.scrollTo({ top: document.documentElement.scrollHeight, behavior: 'instant' }));
  await settled(buyerPage);
  await buyerPage.screenshot({ path: `${outDir}/chat-blocked-${size}.png` });
  console.log(`${size}: ${buyerName} and the seller chatted`);
  await seller.close();
  await buyer.close();
}

/** Waits until the chat has scrolled to its newest message (it scrolls smoothly). */
async function settled(page: Page) {
  await page.waitForFunction(() => Math.abs(scrollY + innerHeight - document.documentElement.scrollHeight) < 2);
  await page.waitForTimeout(300);
}

/** Waits until none of my messages on screen is still on its way. */
async function allSent(page: Page) {
  await page.waitForFunction((sending) => ![...document.querySelectorAll('[data-testid=delivery]')].some((e) => e.textContent?.includes(sending)), WORDS.sending, { timeout: 20_000 });
}

async function send(page: Page, text: string) {
  await page.locator('textarea[name=message]').fill(text);
  await page.locator('textarea[name=message]').press('Enter');
  await page.getByText(text).first().waitFor();
}

function pangyoContext(browser: Browser, device: string, viewport: { width: number; height: number }): Promise<BrowserContext> {
  return browser
    .newContext({
      viewport,
      deviceScaleFactor: device === 'phone' ? 2 : 1,
      locale: locale === 'ko' ? 'ko-KR' : 'en-US',
      geolocation: at('kr-bundang-pangyo', 15),
      permissions: ['geolocation'],
    })
    .then(async (context) => {
      // Past the first-run screen, as the e2e fixtures start.
      await skipFirstRun(context);
      // Reads the app's meta table, as the e2e fixtures do.
      await context.addInitScript(() => {
        (window as unknown as { readMeta: (key: string) => Promise<unknown> }).readMeta = (key: string) =>
          new Promise((resolve) => {
            const open = indexedDB.open('dongne');
            open.onsuccess = () => {
              const read = open.result.transaction('meta').objectStore('meta').get(key);
              read.onsuccess = () => resolve(read.result?.value);
            };
          });
      });
      return context;
    });
}

declare function readMeta(key: string): Promise<string>;

/** Chooses the app's language on this device (as the account screen's switch does) and reloads into it. */
async function chooseLanguage(page: Page, language: 'en' | 'ko') {
  if (!page.url().startsWith(base)) await page.goto(base);
  await page.evaluate((value) => localStorage.setItem('dongne.locale', value), language);
  await page.reload();
  await page.waitForFunction((value) => document.documentElement.lang === value, language);
}

/** Creates an account, holds Pangyo-dong and verifies it there. */
async function signUpVerified(page: Page, nickname: string): Promise<string> {
  await page.goto(`${base}/account`);
  await page.getByRole('tab', { name: 'New here' }).click();
  await page.fill('input[name=nickname]', nickname);
  await page.fill('input[name=password]', 'a long demo password');
  await page.getByRole('button', { name: 'Create account', exact: true }).click();
  await page.waitForURL(/\/me$/);
  await page.goto(`${base}/neighbourhood`);
  await page.getByRole('searchbox').fill('Pangyo');
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await page.getByRole('button', { name: 'Choose' }).first().click();
  await page.getByTestId('held-neighbourhoods').waitFor();
  await page.getByTestId('verify-button').click();
  await page.waitForFunction(async () => ((await readMeta('profile')) as unknown as { verificationCount: number } | undefined)?.verificationCount === 1, undefined, { timeout: 20_000 });
  return nickname;
}

/** Publishes a desk with a photo; answers its id. */
async function publishDesk(page: Page): Promise<string> {
  await page.goto(`${base}/sell`);
  await page.locator('input[name=title]').waitFor();
  const photo = await page.evaluate(() => {
    const canvas = document.createElement('canvas');
    canvas.width = 1200;
    canvas.height = 900;
    const g = canvas.getContext('2d')!;
    const gradient = g.createLinearGradient(0, 0, 1200, 900);
    gradient.addColorStop(0, '#c8a27a');
    gradient.addColorStop(1, '#8a5a3b');
    g.fillStyle = gradient;
    g.fillRect(0, 0, 1200, 900);
    g.fillStyle = 'rgba(255,255,255,0.85)';
    g.fillRect(300, 260, 600, 300);
    g.fillRect(340, 560, 40, 220);
    g.fillRect(820, 560, 40, 220);
    return canvas.toDataURL('image/jpeg', 0.9).split(',')[1];
  });
  await page.getByTestId('add-photos').locator('input[type=file]').setInputFiles([{ name: 'desk.jpg', mimeType: 'image/jpeg', buffer: Buffer.from(photo, 'base64') }]);
  await page.getByTestId('photo-tile').first().waitFor();
  await page.fill('input[name=title]', '원목 책상 Solid wood desk');
  await page.selectOption('select[name=category]', 'furniture');
  await page.fill('input[name=price]', '80000');
  await page.getByLabel('Accept price offers').check();
  await page.fill('input[name=meetingSpot]', 'Pangyo station exit 1');
  await page.getByTestId('save-state').filter({ hasText: 'Draft saved on this device' }).waitFor();
  await page.getByRole('button', { name: 'Publish' }).click();
  await page.waitForURL(/\/me$/);
  await page.getByTestId('my-listings').getByTestId('waiting-to-sync').waitFor({ state: 'detached', timeout: 20_000 });
  await page.getByTestId('my-listings').getByTestId('listing-card').first().click();
  await page.waitForURL(/\/listings\//);
  return new URL(page.url()).pathname.split('/').at(-1)!;
}
