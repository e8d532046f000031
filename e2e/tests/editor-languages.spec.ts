// The listing editor in Korean and in English: its labels, what each field lacks in the person's
// words, where the listing will be sold, and publishing; with no serious accessibility violation.
import { test, expect, chooseNeighbourhood, expectAllSynced, openApp, signUp } from '../support/fixtures.js';
import { expectAccessible } from '../support/a11y.js';
import { inEnglish } from '../support/trading.js';

const WORDS = {
  'ko-KR': {
    heading: '내 물건 팔기',
    placeMissing: '글을 올리기 전에 동네를 설정해 주세요.',
    sellingIn: '수내1동에서 판매해요',
    title: '제목',
    category: '카테고리',
    price: '가격 (원)',
    description: '자세한 설명',
    publish: '작성 완료',
    saved: '이 기기에 임시저장했어요',
    errors: ['제목을 적어 주세요', '카테고리를 골라 주세요', '가격을 적거나, 카테고리에서 나눔을 골라 주세요'],
    notNumber: '가격은 숫자로 적어 주세요 (예: 15000)',
    listing: { title: '접이식 자전거 브롬톤 스타일', description: '6단 기어, 판교역에서 거래해요.' },
    price15: '85,000원',
  },
  'en-US': {
    heading: 'Sell something',
    placeMissing: 'Choose your neighbourhood before you publish.',
    sellingIn: 'Selling in Sunae 1-dong 수내1동',
    title: 'Title',
    category: 'Category',
    price: 'Price (₩)',
    description: 'Description',
    publish: 'Publish',
    saved: 'Draft saved on this device',
    errors: ['Give your listing a title', 'Pick one of the listed categories', 'Set a price, or choose Free giveaway'],
    notNumber: 'Write the price in numbers, e.g. 15000',
    listing: { title: 'Folding bike, Brompton style', description: '6 speeds. Meet at Pangyo station.' },
    price15: '₩85,000',
  },
} as const;

for (const [locale, words] of Object.entries(WORDS)) {
  test.describe(locale, () => {
    test.use({ locale });

    test(`the editor speaks ${locale}: what is missing, where it sells, and publishing`, async ({ page }) => {
      await openApp(page);
      await page.goto('/sell');
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(words.heading);
      // One sentence and one link, not two columns, at a phone's width.
      const missing = page.getByTestId('publish-place');
      await expect(missing.getByRole('link')).toHaveText(words.placeMissing);
      const link = await missing.getByRole('link').boundingBox();
      const line = await missing.boundingBox();
      expect(link!.width).toBeGreaterThan(line!.width * 0.6);
      expect(link!.height).toBeGreaterThanOrEqual(44);

      const steps = async () => {
        await signUp(page);
        await chooseNeighbourhood(page, 'Sunae', 'Sunae 1-dong');
      };
      if (locale === 'ko-KR') await inEnglish(page, steps);
      else await steps();
      await page.goto('/sell');
      await expect(page.getByTestId('publish-place')).toHaveText(words.sellingIn);

      // Publishing an empty form says what each field lacks, beside the field, in the person's words.
      await page.getByRole('button', { name: words.publish }).click();
      for (const error of words.errors) await expect(page.getByText(error, { exact: true })).toBeVisible();
      await expect(page.getByLabel(words.title)).toHaveAttribute('aria-invalid', 'true');
      await expect(page.getByLabel(words.title)).toHaveAccessibleDescription(words.errors[0]);
      await expectAccessible(page, `editor with what each field lacks (${locale})`);

      await page.getByLabel(words.title).fill(words.listing.title);
      await page.getByLabel(words.category).selectOption('sports');
      await page.getByLabel(words.price).fill('85,OOO');
      await page.getByRole('button', { name: words.publish }).click();
      await expect(page.getByText(words.notNumber, { exact: true })).toBeVisible();

      await page.getByLabel(words.price).fill('85,000');
      await page.getByLabel(words.description).fill(words.listing.description);
      await expect(page.getByTestId('save-state')).toHaveText(words.saved);
      await expectAccessible(page, `editor filled in (${locale})`);
      await page.getByRole('button', { name: words.publish }).click();
      await expect(page).toHaveURL(/\/me$/);
      const mine = page.getByTestId('my-listings').getByTestId('listing-card');
      await expect(mine).toContainText(words.listing.title);
      await expect(mine).toContainText(words.price15);
      await expectAllSynced(page);
    });
  });
}
