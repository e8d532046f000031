// Publishing offline from outside the neighbourhood: the phone knows where its neighbourhood is, so
// it warns at once, in the person's language, instead of letting the listing look published and
// turn back into a draft when the server checks it later. The server's check stays the rule.
import type { BrowserContext, Page } from '@playwright/test';
import { test, expect, chooseNeighbourhood, countLocal, openApp, signUp, writeDraft } from '../support/fixtures.js';
import { expectAccessible } from '../support/a11y.js';
import { at } from '../support/places.js';
import { inEnglish } from '../support/trading.js';

/** 3.7 km north of where Sunae-dong's demo circle had its centre: 3.2 km from Sunae 1-dong's, outside it. */
function awayFromSunae() {
  const sunae = at('kr-bundang-sunae');
  return { ...sunae, latitude: sunae.latitude + 3.7 / 111.195 };
}

/** No network at all, the service worker's own requests included. */
async function goOffline(context: BrowserContext) {
  await context.route('**/api/**', (route) => route.abort('internetdisconnected'));
  await context.setOffline(true);
}
async function goOnline(context: BrowserContext) {
  await context.unroute('**/api/**');
  await context.setOffline(false);
}

const listingsWaiting = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const open = indexedDB.open('dongne');
        open.onsuccess = () => {
          const read = open.result.transaction('outbox').objectStore('outbox').getAll();
          read.onsuccess = () => {
            open.result.close();
            resolve((read.result as { name: string }[]).filter((entry) => entry.name === 'listing.create').length);
          };
        };
      }),
  );

test('offline, a reading too vague to place me is warned about; 3.2 km from my neighbourhood: warned at once; publishing anyway waits, and the server’s refusal brings the draft back with the distance', async ({
  page,
  context,
}) => {
  await openApp(page);
  await signUp(page);
  await chooseNeighbourhood(page, 'Sunae', 'Sunae 1-dong');
  await writeDraft(page, { title: 'Desk lamp from the office', price: '9000', category: 'household' });
  await goOffline(context);
  const warning = page.getByTestId('place-warning');

  // A reading too vague to place me: warned that it cannot show I am in my neighbourhood.
  await context.setGeolocation(at('kr-bundang-sunae', 2_000));
  await page.getByRole('button', { name: 'Publish' }).click();
  await expect(warning).toContainText(/Your location is only accurate to 2(\.0)? km, too vague to show you're in Sunae 1-dong 수내1동/);
  expect(await listingsWaiting(page)).toBe(0);
  await warning.getByRole('button', { name: 'Keep as draft' }).click();
  await expect(warning).toHaveCount(0);

  // 3.2 km from Sunae 1-dong's centre.
  await context.setGeolocation(awayFromSunae());
  await page.getByRole('button', { name: 'Publish' }).click();
  // The keyboard's place moves to the warning, whose buttons come next.
  await expect(warning).toBeFocused();
  await expect(warning).toContainText("You seem to be 3.2 km from Sunae 1-dong 수내1동; the listing will be checked when you're online.");
  await expect(page).toHaveURL(/\/drafts\//);
  expect(await listingsWaiting(page)).toBe(0);
  await expectAccessible(page, 'editor, offline location warning (en-US)');

  // Keeping it as a draft: nothing is queued, the form is back as it was.
  await warning.getByRole('button', { name: 'Keep as draft' }).click();
  await expect(warning).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Publish' })).toBeFocused();
  expect(await listingsWaiting(page)).toBe(0);

  // Publishing anyway: it waits on the phone like any listing written offline.
  await page.getByRole('button', { name: 'Publish' }).click();
  await page.getByTestId('place-warning').getByRole('button', { name: 'Publish anyway' }).click();
  await expect(page).toHaveURL(/\/me$/);
  await expect(page.getByTestId('my-listings').getByTestId('waiting-to-sync')).toBeVisible();
  expect(await listingsWaiting(page)).toBe(1);

  // Online again, the server judges the reading it was warned about, and the draft comes back.
  await goOnline(context);
  const draft = page.getByTestId('draft-link').filter({ hasText: 'Desk lamp from the office' });
  await expect(draft).toBeVisible();
  await expect.poll(() => countLocal(page, 'outbox')).toBe(0);
  await draft.click();
  await expect(page.getByTestId('rejection')).toContainText('You were 3.2 km from Sunae 1-dong 수내1동 when you tapped Publish.');
  await expect(page.getByRole('link', { name: 'Verify your neighbourhood again' })).toBeVisible();
});

test.describe('in Korean', () => {
  test.use({ locale: 'ko-KR' });

  test('오프라인에서 동네 밖 3.2km에서 올리면 바로 한국어로 알려 줘요', async ({ page, context }) => {
    await openApp(page);
    await inEnglish(page, async () => {
      await signUp(page);
      await chooseNeighbourhood(page, 'Sunae', 'Sunae 1-dong');
    });
    await page.goto('/sell');
    await page.getByLabel('제목').fill('사무실 스탠드');
    await page.getByLabel('카테고리').selectOption('household');
    await page.getByLabel('가격 (원)').fill('9000');
    await expect(page.getByTestId('save-state')).toHaveText('이 기기에 임시저장했어요');
    await context.setGeolocation(awayFromSunae());
    await goOffline(context);

    await page.getByRole('button', { name: '작성 완료' }).click();
    const warning = page.getByTestId('place-warning');
    await expect(warning).toContainText('수내1동에서 3.2km 떨어진 곳에 있는 것 같아요. 온라인이 되면 다시 확인할게요.');
    await expect(warning.getByRole('button', { name: '그래도 올리기' })).toBeVisible();
    await expect(warning.getByRole('button', { name: '임시저장해 두기' })).toBeVisible();
    expect(await listingsWaiting(page)).toBe(0);
    await expectAccessible(page, 'editor, offline location warning (ko-KR)');
  });
});
