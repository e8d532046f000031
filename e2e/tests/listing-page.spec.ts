// The listing page as Karrot users expect it, in English and in Korean: the photos edge to edge with
// a "1/3" counter and keyboard buttons, the seller row with their verification and manner
// temperature, a bar pinned to the bottom with ♡, the price and Chat (Edit for the seller), the
// seller's other listings, and a wider layout on a desktop; accessible in both languages.
import type { Page } from '@playwright/test';
import { test, expect, openApp, chooseNeighbourhood, expectAllSynced, publish, serverListings, signUp, writeDraft } from '../support/fixtures.js';
import { expectAccessible } from '../support/a11y.js';

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };

/** Distinct made-up photos, drawn in the browser as a camera would hand them over. */
async function photoFiles(page: Page, colours: string[]) {
  const data = await page.evaluate(
    (colours) =>
      colours.map((colour, i) => {
        const canvas = document.createElement('canvas');
        canvas.width = 1200;
        canvas.height = 900;
        const g = canvas.getContext('2d')!;
        g.fillStyle = colour;
        g.fillRect(0, 0, 1200, 900);
        g.fillStyle = 'rgba(255,255,255,0.8)';
        g.fillRect(300 + i * 60, 250, 500, 400);
        return canvas.toDataURL('image/jpeg', 0.9).split(',')[1];
      }),
    colours,
  );
  return data.map((base64, i) => ({ name: `photo-${i + 1}.jpg`, mimeType: 'image/jpeg', buffer: Buffer.from(base64, 'base64') }));
}

/** A seller in Sunae-dong with a rattan chair (three photos) and a side table, both synced. */
async function sellerWithTwoListings(page: Page) {
  await openApp(page);
  const nickname = await signUp(page);
  await chooseNeighbourhood(page, 'Sunae', 'Sunae 1-dong');
  await writeDraft(page, { title: 'Side table, walnut', price: '15000', category: 'furniture' });
  await publish(page);
  await writeDraft(page, { title: 'Rattan chair with cushion', price: '30000', category: 'furniture', description: 'Sturdy, a little sun-faded.' });
  await page.getByTestId('add-photos').locator('input[type=file]').setInputFiles(await photoFiles(page, ['#d97706', '#15803d', '#1d4ed8']));
  await expect(page.getByTestId('photo-tile')).toHaveCount(3);
  await expect(page.getByTestId('save-state')).toHaveText('Draft saved on this device');
  await publish(page, 2);
  await expectAllSynced(page);
  return nickname;
}

/** A neighbour's phone (or desktop) signed in; in Korean when `locale` is ko-KR. */
async function neighbour(newDevice: (options?: object) => Promise<Page>, locale: string, viewport = PHONE) {
  const page = await newDevice({ locale, viewport });
  // Signing up goes through the English screens the shared steps know; the browser's own
  // language (ko-KR) takes over again once the page reloads without the choice.
  await page.addInitScript(() => {
    if (!sessionStorage.getItem('dongne.test.signedUp')) localStorage.setItem('dongne.locale', 'en');
  });
  await openApp(page);
  await signUp(page);
  await page.evaluate(() => {
    sessionStorage.setItem('dongne.test.signedUp', '1');
    localStorage.removeItem('dongne.locale');
  });
  return page;
}

async function openFromFeed(page: Page, title: string) {
  await page.goto('/');
  await page.getByTestId('feed').getByTestId('listing-card').filter({ hasText: title }).click();
  await expect(page.locator('article h1')).toContainText(title);
}

/** Nothing the page shows ends up under the bar pinned to the bottom: scrolled to the end, the last thing clears it. */
async function expectBarCoversNothing(page: Page) {
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  const bar = (await page.getByTestId('listing-bar').boundingBox())!;
  const last = (await page.getByTestId('more-from-seller').getByTestId('more-listing').last().boundingBox())!;
  expect(last.y + last.height).toBeLessThanOrEqual(bar.y);
  expect(bar.y + bar.height).toBeLessThanOrEqual(page.viewportSize()!.height);
  // The Chat (or Edit) button is what a tap there reaches, not the tab bar over it.
  await page.getByTestId('listing-bar').getByRole('link').last().click({ trial: true });
}

test('a buyer’s phone: photos to swipe with a counter, the seller row, the bar with ♡, price and Chat, and the seller’s other listings; then a desktop, the photos beside the text; then the same in Korean (koGallery 1/3, 동네인증, 관심·가격·채팅하기 바, 판매자의 다른 상품)', async ({
  page: seller,
  newDevice,
}) => {
  const sellerName = await sellerWithTwoListings(seller);
  const buyer = await neighbour(newDevice, 'en-US');
  await openFromFeed(buyer, 'Rattan chair with cushion');

  // The photos from one edge of the screen to the other, the first of three.
  const gallery = buyer.getByTestId('gallery');
  const box = (await gallery.boundingBox())!;
  expect(box.x).toBe(0);
  expect(box.width).toBe(PHONE.width);
  await expect(gallery.getByTestId('photo-counter')).toHaveText('1/3');
  await expect(gallery.getByRole('img', { name: 'Rattan chair with cushion, photo 1 of 3' })).toBeVisible();
  // By keyboard: the Next button, then Previous.
  await gallery.getByRole('button', { name: 'Next photo' }).focus();
  await buyer.keyboard.press('Enter');
  await expect(gallery.getByTestId('photo-counter')).toHaveText('2/3');
  await buyer.keyboard.press('Enter');
  await expect(gallery.getByTestId('photo-counter')).toHaveText('3/3');
  // At the end the button keeps the keyboard's focus, and does nothing.
  await expect(gallery.getByRole('button', { name: 'Next photo' })).toBeFocused();
  await expect(gallery.getByRole('button', { name: 'Next photo' })).toHaveAttribute('aria-disabled', 'true');
  await gallery.getByRole('button', { name: 'Previous photo' }).click();
  await expect(gallery.getByTestId('photo-counter')).toHaveText('2/3');

  // The seller row: who, where, verified when they published, and their manner temperature.
  const sellerRow = buyer.getByTestId('seller-link');
  await expect(sellerRow).toContainText(sellerName);
  await expect(sellerRow).toContainText('Sunae 1-dong');
  await expect(sellerRow.getByTestId('seller-verified')).toHaveText('Verified 1 time');
  await expect(sellerRow.getByTestId('manner-temperature')).toBeVisible();

  // The bar: ♡, the price and Chat, pinned in view.
  const bar = buyer.getByTestId('listing-bar');
  await expect(bar).toBeInViewport();
  await expect(bar.getByTestId('price')).toHaveText('₩30,000');
  await expect(bar.getByTestId('offers')).toHaveText('Price is firm');
  await expect(bar.getByTestId('chat-button')).toHaveText('Chat');
  await bar.getByRole('button', { name: 'Add to your watchlist' }).click();
  await expect(bar.getByRole('button', { name: 'Remove from your watchlist' })).toContainText('1');
  await expect(buyer.getByTestId('counts')).toHaveText('1 like · 1 view');

  // The seller's other listing, which opens.
  const more = buyer.getByTestId('more-from-seller');
  await expect(more.getByRole('heading')).toHaveText('Other listings from this seller');
  await expect(more.getByTestId('more-listing')).toHaveCount(1);
  await expect(more.getByTestId('more-listing')).toContainText('Side table, walnut');
  await expect(more.getByTestId('more-listing')).toContainText('₩15,000');
  await expectBarCoversNothing(buyer);
  await expectAccessible(buyer, 'listing with photos, buyer, phone');

  await more.getByTestId('more-listing').click();
  await expect(buyer.locator('article h1')).toHaveText('Side table, walnut');
  // From there, the chair is the seller's other listing.
  await expect(buyer.getByTestId('more-from-seller').getByTestId('more-listing')).toContainText('Rattan chair with cushion');

  // The seller's own page: the heart only counts, and the main action is Edit.
  await seller.getByTestId('my-listings').getByText('Rattan chair with cushion').click();
  const own = seller.getByTestId('listing-bar');
  await expect(own.getByRole('link', { name: 'Edit' })).toBeVisible();
  await expect(own.getByTestId('chat-button')).toHaveCount(0);
  await expect(own.getByTestId('like-count')).toContainText('1', { timeout: 60_000 });
  await expectBarCoversNothing(seller);
  await expectAccessible(seller, 'listing with photos, seller, phone');
  await own.getByRole('link', { name: 'Edit' }).click();
  await expect(seller.locator('input[name=title]')).toHaveValue('Rattan chair with cushion');

  // The buyer on a desktop: the photos beside the text, accessible.
  await buyer.setViewportSize(DESKTOP);
  await openFromFeed(buyer, 'Rattan chair with cushion');
  const photos = (await buyer.getByTestId('gallery').boundingBox())!;
  const title = (await buyer.locator('article h1').boundingBox())!;
  expect(photos.x + photos.width).toBeLessThan(title.x);
  // The row of the seller's other listings spans the page under both columns.
  await expect(buyer.getByTestId('more-from-seller')).toBeVisible();
  await expectAccessible(buyer, 'listing with photos, buyer, desktop');

  // 한국어: a neighbour whose phone speaks Korean opens the same chair.
  const koBuyer = await neighbour(newDevice, 'ko-KR');
  await openFromFeed(koBuyer, 'Rattan chair with cushion');
  await expect(koBuyer.locator('html')).toHaveAttribute('lang', 'ko');
  const koGallery = koBuyer.getByTestId('gallery');
  await expect(koGallery.getByTestId('photo-counter')).toHaveText('1/3');
  await expect(koGallery.getByRole('img', { name: 'Rattan chair with cushion, 사진 3장 중 1번째' })).toBeVisible();
  await koGallery.getByRole('button', { name: '다음 사진' }).click();
  await expect(koGallery.getByTestId('photo-counter')).toHaveText('2/3');
  await expect(koBuyer.getByTestId('seller-link').getByTestId('seller-verified')).toHaveText('동네인증 1회');
  await expect(koBuyer.getByTestId('seller-link')).toContainText('매너온도');
  await expect(koBuyer.getByTestId('listing-meta')).toContainText('가구/인테리어');
  const koBar = koBuyer.getByTestId('listing-bar');
  await expect(koBar.getByTestId('price')).toHaveText('30,000원');
  await expect(koBar.getByTestId('offers')).toHaveText('가격 제안 불가');
  await expect(koBar.getByTestId('chat-button')).toHaveText('채팅하기');
  await koBar.getByRole('button', { name: '관심 목록에 추가' }).click();
  await expect(koBar.getByRole('button', { name: '관심 목록에서 빼기' })).toHaveAttribute('aria-pressed', 'true');
  await expect(koBuyer.getByTestId('counts')).toHaveText(/^관심 2 · 조회 \d+$/);
  const koMore = koBuyer.getByTestId('more-from-seller');
  await expect(koMore.getByRole('heading')).toHaveText('판매자의 다른 상품');
  await expect(koMore.getByTestId('more-listing')).toContainText('15,000원');
  await expectBarCoversNothing(koBuyer);
  await expectAccessible(koBuyer, '상품 페이지, 구매자, 휴대폰');
  // A desktop: the photos beside the text, the bar a card in the text column.
  await koBuyer.setViewportSize(DESKTOP);
  const koPhotos = (await koGallery.boundingBox())!;
  const koTitle = (await koBuyer.locator('article h1').boundingBox())!;
  expect(koPhotos.x + koPhotos.width).toBeLessThan(koTitle.x);
  expect(koPhotos.width).toBeGreaterThan(400);
  expect((await koBar.boundingBox())!.x).toBeGreaterThanOrEqual(koTitle.x - 1);
  await expectAccessible(koBuyer, '상품 페이지, 구매자, 데스크톱');

  // The seller switches their phone to Korean: 수정하기 in the bar, their tools in Korean too.
  await seller.evaluate(() => localStorage.setItem('dongne.locale', 'ko'));
  await seller.goto('/me');
  await seller.getByTestId('my-listings').getByText('Rattan chair with cushion').click();
  const ownKo = seller.getByTestId('listing-bar');
  await expect(ownKo.getByRole('link', { name: '수정하기' })).toBeVisible();
  await expect(ownKo.getByTestId('like-count')).toContainText('2', { timeout: 60_000 });
  await expect(seller.getByRole('radio', { name: '판매중' })).toHaveAttribute('aria-checked', 'true');
  await expect(seller.getByRole('button', { name: '끌어올리기' })).toBeEnabled();
  await expect(seller.getByTestId('listing-chats').getByRole('heading')).toHaveText('채팅 (0)');
  await expectBarCoversNothing(seller);
  await expectAccessible(seller, '상품 페이지, 판매자, 휴대폰');
});

test('a shared link’s first visit: the server paints the listing before the app loads, and the app takes over in its place', async ({ server, newDevice }) => {
  const listing = (await serverListings(server)).find((l) => l.title === '요가매트 + 폼롤러 세트') ?? (await serverListings(server))[0];
  // With no script at all, the HTML alone shows the photo, title and price, in the browser's language.
  const still = await newDevice({ locale: 'ko-KR', viewport: PHONE, javaScriptEnabled: false });
  await still.goto(`/listings/${listing.id}`);
  const painting = still.locator('#first-paint');
  await expect(painting.getByRole('heading', { level: 1 })).toHaveText(listing.title);
  await expect(painting.locator('img')).toHaveJSProperty('complete', true);
  await expect(still.locator('html')).toHaveAttribute('lang', 'ko');
  await expect(still.locator('meta[property="og:title"]')).toHaveAttribute('content', listing.title);
  const photoBox = await painting.locator('img').boundingBox();

  // The app, once it stands, removes the painting: its own photo sits where the painted one was, and
  // nothing covers the screen (the buttons under it take taps).
  const page = await newDevice({ locale: 'ko-KR', viewport: PHONE });
  await page.goto(`/listings/${listing.id}`);
  await expect(page.locator('article.listing').getByRole('heading', { level: 1 })).toHaveText(listing.title);
  await expect(page.locator('#first-paint')).toHaveCount(0);
  expect(await page.locator('article.listing .media').boundingBox()).toEqual(photoBox);
  await expectAccessible(page, 'listing opened from a shared link, visitor, Korean');
  await page.getByRole('link', { name: '홈' }).first().click();
  await expect(page.getByTestId('listing-card').first()).toBeVisible();
});
