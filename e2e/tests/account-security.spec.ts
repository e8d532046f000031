// Accounts people can trust (issue 17), as a person uses them: the devices signed in and the
// passkeys on the account, a password change, getting back in with a recovery code, and deleting
// the account — in Chromium, with a virtual authenticator for the passkeys.
import type { Page } from '@playwright/test';
import { test, expect, openApp, signIn, signOut, signUp, syncNow } from '../support/fixtures.js';
import { addVirtualAuthenticator } from '../support/virtual-authenticator.js';

async function openSecurity(page: Page) {
  await page.getByTestId('account-link').click();
  await page.getByTestId('security-link').click();
  await expect(page.getByRole('heading', { name: 'Sign-in and security' })).toBeVisible();
}

test('my devices: see where I am signed in, add and remove a passkey, and sign the other devices out', async ({ page, newDevice }) => {
  await openApp(page);
  const { cdp, authenticatorId } = await addVirtualAuthenticator(page);
  const nickname = await signUp(page);
  // Another device: a Mac laptop, as its browser tells the server.
  const laptop = await newDevice({
    userAgent: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15',
  });
  await openApp(laptop);
  await signIn(laptop, nickname);

  await openSecurity(page);
  const devices = page.getByTestId('my-devices');
  await expect(devices.getByTestId('device-session')).toHaveCount(2);
  await expect(devices.getByTestId('device-session').filter({ hasText: 'This device' })).toContainText('Chrome');
  await expect(devices.getByTestId('device-session').filter({ hasNotText: 'This device' })).toContainText('Safari on macOS');

  // A passkey for this phone: listed with when it was added, and removable.
  await devices.getByRole('button', { name: 'Add a passkey' }).click();
  await expect(page.getByTestId('security-notice')).toBeVisible();
  await expect(devices.getByTestId('passkey-item')).toHaveCount(1);
  await expect(devices.getByTestId('passkey-item')).toContainText('not used yet');
  expect((await cdp.send('WebAuthn.getCredentials', { authenticatorId })).credentials).toHaveLength(1);
  page.once('dialog', (dialog) => void dialog.accept());
  await devices.getByRole('button', { name: /^Remove passkey/ }).click();
  await expect(devices.getByTestId('passkey-item')).toHaveCount(0);
  await expect(devices.getByText('No passkeys yet.')).toBeVisible();

  // The laptop is not mine any more: sign it out from here.
  await devices.getByTestId('end-others').click();
  await expect(devices.getByTestId('device-session')).toHaveCount(1);
  await expect(devices.getByText('No other device is signed in.')).toBeVisible();
  expect((await laptop.request.get('/api/auth/session')).status()).toBe(401);

  // And the security messages say what happened, on the security screen and in the inbox.
  await expect(page.getByTestId('security-events')).toContainText('A passkey was added');
  await expect(page.getByTestId('security-events')).toContainText('New sign-in on Safari on macOS');
  await syncNow(page);
  await page.getByTestId('bell').click();
  const told = page.getByTestId('notification');
  await expect(told.filter({ hasText: 'New sign-in on Safari on macOS' })).toContainText('Account security');
  await expect(told.filter({ hasText: 'A passkey was added' })).toHaveCount(1);
  await told.filter({ hasText: 'New sign-in on Safari on macOS' }).click();
  await expect(page.getByRole('heading', { name: 'Sign-in and security' })).toBeVisible();
});

test('change my password: the old one stops working, the new one signs me in', async ({ page }) => {
  await openApp(page);
  const nickname = await signUp(page);
  await openSecurity(page);
  const section = page.getByTestId('password-section');
  // Too easy to guess: refused, in words.
  await section.getByLabel('Current password').fill('correct horse battery');
  await section.getByLabel('New password').fill('password123');
  await section.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByTestId('security-error')).toContainText('too easy to guess');

  await section.getByLabel('Current password').fill('correct horse battery');
  await section.getByLabel('New password').fill('maple-lantern-river-9');
  await section.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByTestId('security-notice')).toContainText('Password changed');

  await signOut(page);
  const old = await page.request.post('/api/auth/signin', { data: { nickname, password: 'correct horse battery' } });
  expect(old.status()).toBe(401);
  await signIn(page, nickname, 'maple-lantern-river-9');
});

test('lost everything: get back in with a recovery code, once', async ({ page }) => {
  await openApp(page);
  const nickname = await signUp(page);
  await page.getByTestId('account-link').click();
  await expect(page.getByTestId('security-link')).toContainText('Save recovery codes');
  await page.getByTestId('security-link').click();

  const recovery = page.getByTestId('recovery-section');
  await recovery.getByRole('button', { name: 'Create recovery codes' }).click();
  const codes = recovery.getByTestId('recovery-codes').locator('code');
  await expect(codes).toHaveCount(10);
  const code = (await codes.nth(2).textContent())!;
  await recovery.getByRole('button', { name: "I've saved them" }).click();
  await expect(recovery.getByTestId('recovery-left')).toContainText('10 unused codes left');

  await signOut(page);
  await page.getByTestId('account-link').click();
  await page.getByRole('tab', { name: 'I have an account' }).click();
  await page.getByTestId('use-recovery-code').click();
  const form = page.getByTestId('recover-form');
  await form.getByLabel('Nickname').fill(nickname);
  await form.getByLabel('Recovery code').fill(code.toUpperCase());
  await form.getByRole('button', { name: 'Sign in with code' }).click();
  await expect(page).toHaveURL(/\/account\/security/);
  await expect(page.getByTestId('security-notice')).toContainText('9 recovery codes left');
  await expect(page.getByTestId('account-link')).toContainText(nickname);

  // The same code does not work twice.
  await signOut(page);
  await page.getByTestId('account-link').click();
  await page.getByRole('tab', { name: 'I have an account' }).click();
  await page.getByTestId('use-recovery-code').click();
  await form.getByLabel('Nickname').fill(nickname);
  await form.getByLabel('Recovery code').fill(code);
  await form.getByRole('button', { name: 'Sign in with code' }).click();
  await expect(page.getByTestId('auth-error')).toContainText('recovery code do not match');
});

test('delete my account made with a passkey: it is gone, and its nickname is not free at once', async ({ page }) => {
  await openApp(page);
  await addVirtualAuthenticator(page);
  await page.getByTestId('account-link').click();
  await page.getByRole('tab', { name: 'New here' }).click();
  await page.fill('input[name=nickname]', '떠나는이웃');
  await page.getByRole('button', { name: 'Create account with a passkey' }).click();
  await expect(page.getByTestId('account-link')).toContainText('떠나는이웃');

  await openSecurity(page);
  await expect(page.getByTestId('password-section')).toContainText('This account has no password');
  page.once('dialog', (dialog) => {
    expect(dialog.message()).toContain('cannot be undone');
    void dialog.accept();
  });
  await page.getByTestId('delete-account').click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByTestId('account-link')).toContainText('Sign in');

  // Its passkey no longer signs anyone in, and nobody can take the nickname over straight away.
  await page.getByTestId('account-link').click();
  await page.getByRole('tab', { name: 'I have an account' }).click();
  await page.getByRole('button', { name: 'Sign in with a passkey' }).click();
  await expect(page.getByTestId('auth-error')).toContainText('registered with Dongne');
  const taken = await page.request.post('/api/auth/signup', { data: { nickname: '떠나는이웃', password: 'maple-lantern-river-9' } });
  expect(taken.status()).toBe(409);
});
