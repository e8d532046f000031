// The account screen, My listings and a profile in Korean and in English, each passing axe; the
// language switch on the account screen, remembered on the device, with <html lang> following.
import type { Page } from '@playwright/test';
import { test, expect, openApp } from '../support/fixtures.js';
import { expectAccessible } from '../support/a11y.js';

/** What the journey presses and reads, in each language. */
const WORDS = {
  'en-US': {
    lang: 'en',
    join: 'Join Dongne',
    signIn: 'Sign in',
    newHere: 'New here',
    existing: 'I have an account',
    nickname: 'Nickname',
    password: 'Password',
    create: 'Create account',
    shortPassword: 'Use at least 8 characters',
    myListings: 'My listings',
    empty: "You haven't listed anything yet.",
    joined: /Joined [A-Z][a-z]{2} \d{1,2}, \d{4} · 0 listings/,
    budget: 'Space for offline photos',
    storageUsed: /^Dongne uses .+ on this device\.$/,
    manner: 'Manner temperature',
    noPraise: 'No reviews with words yet.',
  },
  'ko-KR': {
    lang: 'ko',
    join: '동네 가입하기',
    signIn: '로그인',
    newHere: '처음이에요',
    existing: '계정이 있어요',
    nickname: '닉네임',
    password: '비밀번호',
    create: '가입하기',
    shortPassword: '8자 이상 입력해 주세요',
    myListings: '나의 판매내역',
    empty: '아직 올린 판매글이 없어요.',
    joined: /\d{4}년 \d{1,2}월 \d{1,2}일 가입 · 판매글 0개/,
    budget: '오프라인 사진 저장 한도',
    storageUsed: /^동네가 이 기기에서 쓰는 공간: .+$/,
    manner: '매너온도',
    noPraise: '아직 글로 남긴 후기가 없어요.',
  },
} as const;

/** A tab's words stay on one line: a 44 px tall pill, not two lines of text. */
async function expectOneLine(page: Page, name: string) {
  const box = (await page.getByRole('tab', { name }).boundingBox())!;
  expect(box.height, name).toBeLessThan(50);
  expect(box.x + box.width, name).toBeLessThanOrEqual(page.viewportSize()!.width);
}

for (const [locale, words] of Object.entries(WORDS)) {
  test.describe(locale, () => {
    test.use({ locale });

    test(`signing up, My listings and my profile speak ${locale}, with no serious accessibility violation`, async ({ page }) => {
      await openApp(page);
      await expect(page.locator('html')).toHaveAttribute('lang', words.lang);
      await page.getByTestId('account-link').click();
      await expect(page.getByRole('heading', { name: words.join, level: 1 })).toBeVisible();
      await expectOneLine(page, words.newHere);
      await expectOneLine(page, words.existing);
      await expect(page.getByTestId('offline-storage').getByLabel(words.budget)).toBeVisible();
      await expect(page.getByTestId('storage-used')).toHaveText(words.storageUsed);
      await expectAccessible(page, `account, signed out (${locale})`);

      await page.getByRole('tab', { name: words.existing }).click();
      await expect(page.getByRole('heading', { name: words.signIn, level: 1 })).toBeVisible();
      await page.getByRole('tab', { name: words.newHere }).click();

      // A problem is said on its field, in the person's language.
      const nickname = locale === 'ko-KR' ? `한국이웃${Date.now() % 100000}` : `neighbour${Date.now() % 100000}`;
      await page.getByLabel(words.nickname).fill(nickname);
      await page.getByLabel(words.password).fill('short');
      await page.getByRole('button', { name: words.create, exact: true }).click();
      await expect(page.getByTestId('auth-error')).toHaveText(words.shortPassword);
      await expect(page.getByLabel(words.password)).toHaveAttribute('aria-invalid', 'true');

      await page.getByLabel(words.password).fill('correct horse battery');
      await page.getByRole('button', { name: words.create, exact: true }).click();
      await expect(page).toHaveURL(/\/me$/);
      await expect(page.getByRole('heading', { name: words.myListings, level: 1 })).toBeVisible();
      await expect(page.getByText(words.empty)).toBeVisible();
      await expectAccessible(page, `my listings (${locale})`);

      await page.getByTestId('account-link').click();
      await expect(page.getByTestId('profile')).toContainText(words.joined);
      await expect(page.getByTestId('my-manner')).toContainText(words.manner);
      await expect(page.getByTestId('offline-storage')).toBeVisible();
      await expectAccessible(page, `account, signed in (${locale})`);

      await page.getByTestId('my-manner').click();
      await expect(page).toHaveURL(/\/profiles\//);
      await expect(page.getByTestId('public-profile')).toContainText(nickname);
      await expect(page.getByTestId('manner-card')).toContainText(words.manner);
      await expect(page.getByText(words.noPraise)).toBeVisible();
      await expectAccessible(page, `profile (${locale})`);
    });
  });
}

test('the language switch on the account screen: Korean ⇄ English, remembered on this device after a reload', async ({ page }) => {
  await openApp(page);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.getByTestId('account-link').click();
  const switcher = page.getByRole('group', { name: 'Language' });
  await expect(switcher.getByRole('button', { name: 'English' })).toHaveAttribute('aria-pressed', 'true');

  await switcher.getByRole('button', { name: '한국어' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
  await expect(page.getByRole('heading', { name: '동네 가입하기', level: 1 })).toBeVisible();
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
  const korean = page.getByRole('group', { name: '언어' });
  await expect(korean.getByRole('button', { name: '한국어' })).toHaveAttribute('aria-pressed', 'true');

  // Back to English, by keyboard alone.
  await korean.getByRole('button', { name: 'English' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { name: 'Join Dongne', level: 1 })).toBeVisible();
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { name: 'Join Dongne', level: 1 })).toBeVisible();
});
