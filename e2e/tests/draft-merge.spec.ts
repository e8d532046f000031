// One person edits the same draft on a phone and a laptop, both offline; when both sync, the
// draft on each holds both edits (Yjs merged on the server), not whichever synced last.
import { test, expect, openApp, expectAllSent, signIn, signUp, writeDraft } from '../support/fixtures.js';
import { expectAccessible } from '../support/a11y.js';

test('two devices edit one draft offline, then sync: the text holds both edits', async ({ page: phone, newDevice, server }) => {
  await openApp(phone);
  const nickname = await signUp(phone);
  await writeDraft(phone, { title: 'IKEA Poäng armchair', price: '45000', category: 'furniture', description: 'Birch frame.' });
  const draftUrl = phone.url();
  await expectAllSent(phone);

  const laptop = await newDevice({ viewport: { width: 1280, height: 800 } });
  const laptopContext = laptop.context();
  await openApp(laptop, server.url);
  await signIn(laptop, nickname);
  await expect(laptop.getByTestId('draft-link')).toContainText('IKEA Poäng armchair');
  await laptop.getByTestId('draft-link').click();
  await expect(laptop.locator('input[name=title]')).toHaveValue('IKEA Poäng armchair');

  await phone.context().setOffline(true);
  await laptopContext.setOffline(true);
  await phone.locator('input[name=title]').press('End');
  await phone.locator('input[name=title]').pressSequentially(', beige');
  await laptop.locator('input[name=title]').press('Home');
  await laptop.locator('input[name=title]').pressSequentially('Like new: ');
  await laptop.locator('textarea[name=description]').press('End');
  await laptop.locator('textarea[name=description]').pressSequentially(' Cushion washed.');
  for (const device of [phone, laptop]) await expect(device.getByTestId('save-state')).toHaveText('Draft saved on this device');

  await laptopContext.setOffline(false);
  await expectAllSent(laptop);
  await phone.context().setOffline(false);
  await expectAllSent(phone);

  // The phone pulled the laptop's edit with its own sync; the open editor shows the merge.
  await expect(phone.locator('input[name=title]')).toHaveValue('Like new: IKEA Poäng armchair, beige');
  await expect(phone.locator('textarea[name=description]')).toHaveValue('Birch frame. Cushion washed.');
  // The laptop gets the phone's edit on its next sync (here: coming back to the app).
  await laptop.goto(draftUrl.replace(/^https?:\/\/[^/]+/, server.url));
  await expect(laptop.locator('input[name=title]')).toHaveValue('Like new: IKEA Poäng armchair, beige');
  await expect(laptop.locator('textarea[name=description]')).toHaveValue('Birch frame. Cushion washed.');
});

test('both devices rewrite the title while apart: the merge keeps both, the phone says so and takes the laptop’s version in one tap', async ({
  page: phone,
  newDevice,
  server,
}) => {
  await openApp(phone);
  const nickname = await signUp(phone);
  await writeDraft(phone, { title: 'IKEA Poäng armchair', price: '45000', category: 'furniture', description: 'Birch frame.' });
  const draftUrl = phone.url();
  await expectAllSent(phone);

  const laptop = await newDevice({ viewport: { width: 1280, height: 800 } });
  await openApp(laptop, server.url);
  await signIn(laptop, nickname);
  await laptop.getByTestId('draft-link').click();
  await expect(laptop.locator('input[name=title]')).toHaveValue('IKEA Poäng armchair');

  await phone.context().setOffline(true);
  await laptop.context().setOffline(true);
  await phone.locator('input[name=title]').fill('Phone rewrote the title');
  await laptop.locator('input[name=title]').fill('노트북에서 새 제목');
  for (const device of [phone, laptop]) await expect(device.getByTestId('save-state')).toHaveText('Draft saved on this device');

  await laptop.context().setOffline(false);
  await expectAllSent(laptop);
  await phone.context().setOffline(false);
  await expectAllSent(phone);

  // Nothing typed is lost: the merge holds both titles, and the phone tells of the other one.
  const notice = phone.getByTestId('rewrite-conflict');
  await expect(notice).toContainText('This title was also changed on another device.');
  await expect(notice.getByTestId('their-version')).toHaveText('노트북에서 새 제목');
  await expect(phone.locator('input[name=title]')).toHaveValue(/노트북에서 새 제목/);
  await expect(phone.locator('input[name=title]')).toHaveValue(/Phone rewrote the title/);
  await expectAccessible(phone, 'editor telling of a title rewritten on two devices');

  await notice.getByRole('button', { name: 'Use that version' }).click();
  await expect(phone.locator('input[name=title]')).toHaveValue('노트북에서 새 제목');
  await expect(notice).toHaveCount(0);
  await expect(phone.getByTestId('save-state')).toHaveText('Draft saved on this device');
  await expectAllSent(phone);

  // The laptop gets the choice with its next sync (here: coming back to the app).
  await laptop.goto(draftUrl.replace(/^https?:\/\/[^/]+/, server.url));
  await expect(laptop.locator('input[name=title]')).toHaveValue('노트북에서 새 제목');
  await expect(laptop.getByTestId('rewrite-conflict')).toHaveCount(0);
});
