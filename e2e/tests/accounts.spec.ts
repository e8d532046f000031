import Database from 'better-sqlite3';
import { join } from 'node:path';
import {
  test,
  expect,
  openApp,
  chooseNeighbourhood,
  countLocal,
  expectAllSent,
  expectAllSynced,
  publish,
  readMeta,
  serverListings,
  signIn,
  signOut,
  signUp,
  syncNow,
  writeDraft,
} from '../support/fixtures.js';

test('signing out wipes my drafts from the device, and the next person never sees them; sign-up and sign-in say clearly what is wrong', async ({ page }) => {
  await test.step('signing out wipes my drafts from the device, and the next person never sees them', async () => {
    await openApp(page);
    await signUp(page, 'minji');
    await writeDraft(page, { title: 'Minji’s secret draft', price: '5000', category: 'books' });
    await page.getByRole('link', { name: 'My listings', exact: true }).click();
    await expect(page.getByTestId('draft-link')).toContainText('Minji’s secret draft');
    // The draft also reached the server (for Minji's other devices), so nothing is left unsent.
    await expectAllSent(page);

    page.once('dialog', (dialog) => {
      expect(dialog.message()).toContain('Your drafts are removed from this device');
      void dialog.accept();
    });
    await page.getByTestId('account-link').click();
    await page.getByTestId('sign-out').click();
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByTestId('account-link')).toContainText('Sign in');

    // Gone from the device itself, not only from the screen.
    expect(await countLocal(page, 'drafts')).toBe(0);

    await signUp(page, 'daniel');
    await page.getByRole('link', { name: 'My listings', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'My listings' })).toBeVisible();
    await expect(page.getByText("You haven't listed anything yet.")).toBeVisible();
    await expect(page.getByTestId('draft-link')).toHaveCount(0);
    await expect(page.getByText('Minji’s secret draft')).toHaveCount(0);
  });

  await test.step('sign-up and sign-in say clearly what is wrong', async () => {
    await signOut(page);

    await page.getByTestId('account-link').click();
    await page.getByRole('tab', { name: 'New here' }).click();
    await page.fill('input[name=nickname]', 'MINJI');
    await page.fill('input[name=password]', 'long enough password');
    await page.getByRole('button', { name: 'Create account', exact: true }).click();
    // The refusal in the app's words for its code (the server's own sentence is for its logs).
    await expect(page.getByTestId('auth-error')).toContainText('nickname is taken');
    await expect(page.locator('input[name=nickname]')).toHaveAttribute('aria-invalid', 'true');

    await page.fill('input[name=nickname]', '<b>x</b>');
    await page.getByRole('button', { name: 'Create account', exact: true }).click();
    await expect(page.getByTestId('auth-error')).toContainText('Use letters (any language), numbers');

    await page.fill('input[name=nickname]', '지은이네');
    await page.fill('input[name=password]', 'short');
    await page.getByRole('button', { name: 'Create account', exact: true }).click();
    await expect(page.getByTestId('auth-error')).toHaveText('Use at least 8 characters');

    await page.getByRole('tab', { name: 'I have an account' }).click();
    await page.fill('input[name=nickname]', 'minji');
    await page.fill('input[name=password]', 'wrong password here');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(page.getByTestId('auth-error')).toContainText('nickname and password do not match');
  });
});

test('signing out with changes not yet synced warns first, and cancelling keeps everything; then the session expires offline: sign in again and the queued work goes out under my account, not anyone else’s', async ({
  page,
  context,
  server,
}) => {
  await test.step('signing out with changes not yet synced warns first, and cancelling keeps everything', async () => {
    await openApp(page);
    await signUp(page, 'hyunwoo');
    await chooseNeighbourhood(page, 'Sunae', 'Sunae 1-dong');
    await expectAllSent(page);
    await context.setOffline(true);
    await writeDraft(page, { title: 'Offline bike', price: '70000', category: 'sports' });
    await publish(page);

    // Two changes wait: the draft's edit and its publishing (the warning counts what will be sent).
    page.once('dialog', (dialog) => {
      expect(dialog.message()).toContain('2 changes have not reached the server yet and will be lost');
      void dialog.dismiss();
    });
    await page.getByTestId('account-link').click();
    await page.getByTestId('sign-out').click();
    await expect(page.getByTestId('profile')).toBeVisible();
    await page.getByRole('link', { name: 'My listings', exact: true }).click();
    await expect(page.getByTestId('waiting-to-sync')).toHaveCount(1);
  });

  await test.step('a session that expired offline: sign in again and the queued work goes out under my account, not anyone else’s', async () => {
    // Meanwhile the server ends every session (as when one expires).
    const file = new Database(join(server.dataDir, 'dongne.sqlite'));
    file.prepare('DELETE FROM sessions').run();
    file.close();

    await context.setOffline(false);
    // The draft's edit and its publishing.
    await expect(page.getByTestId('signin-needed')).toContainText('Sign in to send 2 waiting changes');
    expect((await serverListings(server)).some((l) => l.title === 'Offline bike')).toBe(false);

    // Someone else signs in on this device: Hyunwoo's work is neither shown to them nor sent as theirs.
    await page.getByTestId('account-link').click();
    await page.getByRole('tab', { name: 'New here' }).click();
    await page.fill('input[name=nickname]', 'intruder');
    await page.fill('input[name=password]', 'another long password');
    await page.getByRole('button', { name: 'Create account', exact: true }).click();
    await expect(page.getByTestId('account-link')).toContainText('intruder');
    await expect(page.getByText("You haven't listed anything yet.")).toBeVisible();
    await expect(page.getByText('Offline bike')).toHaveCount(0);
    // Whatever the device sends as the intruder, it has sent once a whole sync has run as them.
    await syncNow(page);
    expect((await serverListings(server)).some((l) => l.title === 'Offline bike')).toBe(false);
    expect(await countLocal(page, 'outbox')).toBeGreaterThan(0); // Hyunwoo's draft and listing, still waiting for him.
    await signOut(page);

    await signIn(page, 'hyunwoo');
    await expectAllSynced(page);
    const listing = (await serverListings(server)).find((l) => l.title === 'Offline bike');
    expect(listing).toBeTruthy();
    expect(listing!.sellerId).toBe(await readMeta(page, 'actorId'));
  });
});
