import type { Page } from '@playwright/test';
import { test, expect, openApp, chooseNeighbourhood, signUp } from '../support/fixtures.js';
import { expectAccessible } from '../support/a11y.js';
import { at } from '../support/places.js';

// The neighbourhood screen in both languages, and the one story it tells after a check that did not
// pass: still verified from last time, and why this check failed, in words.

const WORDS = {
  'ko-KR': {
    title: '내 동네 설정',
    verifiedOnce: '동네인증 1회',
    active: '사용 중',
    verifiedUntil: /\d+년 \d+월 \d+일까지 인증됨/,
    verify: '동네인증하기',
    failed: '이번 동네인증은 통과하지 못했어요',
    far: /판교동에서 3\.3km 떨어진 곳에 있는 것 같아요/,
    still: /판교동 동네인증은 \d+년 \d+월 \d+일까지 그대로 유지돼요/,
    useLocation: '현재 위치로 찾기',
    near: '판교동 근처에 있는 것 같아요.',
    here: '지금 이 동네에 있어요.',
    rough: '위치 정확도가 5km 이내라 정확하지 않아요',
    searchHint: '한글이나 영어 이름으로 찾아요. 예: 판교, Pangyo',
    lang: 'ko',
  },
  'en-US': {
    title: 'My neighbourhood',
    verifiedOnce: 'Verified 1 time',
    active: 'Active',
    verifiedUntil: /verified until \w{3} \d+, \d{4}/,
    verify: 'Verify my neighbourhood',
    failed: "This check didn't pass",
    far: /You seem to be 3\.3 km from Pangyo-dong 판교동/,
    still: /You're still verified in Pangyo-dong 판교동 until \w{3} \d+, \d{4}\./,
    useLocation: 'Use my current location',
    near: 'You seem to be near Pangyo-dong 판교동.',
    here: 'You are here.',
    rough: 'Your location is only accurate to within 5 km',
    searchHint: 'By name, in English or Korean: e.g. Pangyo or 판교',
    lang: 'en',
  },
} as const;

/** Signs up and chooses Pangyo-dong through the English screens the shared steps know. */
async function signUpInPangyo(page: Page) {
  await openApp(page);
  await page.evaluate(() => localStorage.setItem('dongne.locale', 'en'));
  await page.reload();
  await signUp(page);
  await chooseNeighbourhood(page, 'Pangyo', 'Pangyo-dong');
}

for (const [locale, words] of Object.entries(WORDS)) {
  test.describe(`in ${locale}`, () => {
    test.use({ locale, geolocation: at('kr-bundang-pangyo') });

    test('"you are here" only for a precise reading, and a check that fails 3.3 km away says so while the earlier verification still holds', async ({
      page,
      context,
    }) => {
      // Before any account: the screen with nothing chosen, and what a reading suggests.
      await test.step('"you are here" only for a precise reading; a 5 km reading says "near" and how precise it is', async () => {
        await openApp(page);
        await page.goto('/neighbourhood');
        await expect(page.getByText(words.searchHint)).toBeVisible();
        await expectAccessible(page, `neighbourhood, nothing chosen (${locale})`);

        await context.setGeolocation(at('kr-bundang-pangyo', 5_000));
        await page.getByRole('button', { name: words.useLocation }).click();
        const suggestion = page.getByTestId('location-suggestion');
        await expect(suggestion).toContainText(words.near);
        await expect(suggestion).toContainText(words.rough);
        await expect(suggestion).not.toContainText(words.here);
        await expectAccessible(page, `neighbourhood, a rough reading (${locale})`);

        await context.setGeolocation(at('kr-bundang-pangyo', 15));
        await page.getByRole('button', { name: words.useLocation }).click();
        await expect(suggestion).toContainText(words.here);
      });

      await test.step('a check that fails 3.3 km away says so, and that the earlier verification still holds', async () => {
        await context.setGeolocation(at('kr-bundang-pangyo'));
        await signUpInPangyo(page);
        // Verified in Pangyo-dong two minutes ago (after the account was made), so walking to
        // Jeongja-dong since is no impossible journey.
        const now = Date.now();
        await page.clock.setSystemTime(now - 2 * 60_000);
        await page.getByTestId('verify-button').click();
        await expect(page.getByTestId('verification-status')).toContainText('Verified 1 time');
        await page.clock.setSystemTime(now);

        // Back to the browser's own language.
        await page.evaluate(() => localStorage.removeItem('dongne.locale'));
        await page.goto('/neighbourhood');
        await expect(page.locator('html')).toHaveAttribute('lang', words.lang);
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(words.title);
        await expect(page.getByTestId('verification-status')).toContainText(words.verifiedOnce);
        await expect(page.getByTestId('held-neighbourhoods')).toContainText(words.active);
        await expect(page.getByTestId('held-neighbourhoods')).toContainText(words.verifiedUntil);
        await expect(page.getByTestId('first-run')).toHaveCount(0);
        await expectAccessible(page, `neighbourhood, verified (${locale})`);

        await context.setGeolocation(at('kr-bundang-jeongja'));
        await page.getByRole('button', { name: words.verify }).click();
        const failed = page.getByTestId('verify-rejection');
        await expect(failed).toHaveAttribute('data-code', 'location.too_far');
        await expect(failed).toContainText(words.failed);
        await expect(failed).toContainText(words.far);
        await expect(page.getByTestId('verify-standing')).toContainText(words.still);
        // The rest of the screen tells the same story.
        await expect(page.getByTestId('verification-status')).toContainText(words.verifiedOnce);
        await expect(page.getByTestId('held-neighbourhoods')).toContainText(words.verifiedUntil);
        await expect(page.getByText('Not verified.')).toHaveCount(0);
        await expectAccessible(page, `neighbourhood, after a check that failed (${locale})`);
      });
    });
  });
}
