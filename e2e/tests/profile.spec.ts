import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect, openApp, chooseNeighbourhood, expectAllSynced, publish, signUp, writeDraft } from '../support/fixtures.js';
import { ROOT } from '../support/server.js';

test('a file that is not an image is refused; a profile photo resized in the browser shows on my profile, and neighbours open my profile from a listing', async ({
  page,
  newDevice,
  server,
}) => {
  await openApp(page);
  const nickname = await signUp(page, '사진있는이웃');
  // The profile the account screen asks for on opening is read now but arrives only after the
  // upload, as on a slow network: that older answer must not take the new photo away.
  let releaseProfile!: () => void;
  const uploaded = new Promise<void>((resolve) => (releaseProfile = resolve));
  let held = false;
  await page.context().route(/\/api\/profiles\/[^/?]+$/, async (route) => {
    if (held || route.request().method() !== 'GET') return route.continue();
    held = true;
    const before = await route.fetch();
    await uploaded;
    await route.fulfill({ response: before });
  });
  await page.getByTestId('account-link').click();

  // First a file that is not an image: refused with a clear message, and no photo.
  await page.getByTestId('photo-input').setInputFiles({ name: 'holiday.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('not really a photo') });
  await expect(page.getByTestId('auth-error')).toHaveText('That file is not an image this browser can read.');
  await expect(page.locator('img.avatar')).toHaveCount(0);

  await page.getByTestId('photo-input').setInputFiles({
    name: 'me.png',
    mimeType: 'image/png',
    buffer: readFileSync(join(ROOT, 'web/static/icons/icon-512.png')),
  });
  const photo = page.locator('img.avatar');
  await expect(photo).toBeVisible();
  expect(held).toBe(true);
  releaseProfile();
  await expect(page.getByTestId('my-trade-count')).toBeVisible();
  await expect(photo).toBeVisible();
  await expect.poll(() => photo.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(256);
  await page.context().unrouteAll();

  await chooseNeighbourhood(page, 'Sunae', 'Sunae 1-dong');
  await writeDraft(page, { title: 'Desk fan from my profile', price: '15000', category: 'household' });
  await publish(page);
  await expectAllSynced(page);

  const other = await newDevice();
  await openApp(other, server.url);
  await other.getByText('Desk fan from my profile').click();
  await other.getByTestId('seller-link').click();
  const profile = other.getByTestId('public-profile');
  await expect(profile).toContainText(nickname);
  await expect(profile).toContainText('Joined');
  await expect(profile).toContainText('1 listing');
  await expect(profile).toContainText('Verified 1 time');
  await expect(profile.locator('img.avatar')).toBeVisible();
  await expect(other.getByTestId('listing-card')).toContainText('Desk fan from my profile');
});
