import { test, expect, openApp, signOut } from '../support/fixtures.js';
import { addVirtualAuthenticator } from '../support/virtual-authenticator.js';

test('create an account with a passkey, sign out, and sign back in with it', async ({ page }) => {
  await openApp(page);
  const { cdp, authenticatorId } = await addVirtualAuthenticator(page);

  await page.getByTestId('account-link').click();
  await page.getByRole('tab', { name: 'New here' }).click();
  await page.fill('input[name=nickname]', '패스키이웃');
  await page.getByRole('button', { name: 'Create account with a passkey' }).click();
  await expect(page).toHaveURL(/\/me$/);
  await expect(page.getByTestId('account-link')).toContainText('패스키이웃');
  const { credentials } = await cdp.send('WebAuthn.getCredentials', { authenticatorId });
  expect(credentials).toHaveLength(1);
  expect(credentials[0].isResidentCredential).toBe(true);

  await signOut(page);

  await page.getByTestId('account-link').click();
  await page.getByRole('tab', { name: 'I have an account' }).click();
  await page.getByRole('button', { name: 'Sign in with a passkey' }).click();
  await expect(page).toHaveURL(/\/me$/);
  await expect(page.getByTestId('account-link')).toContainText('패스키이웃');

  // The account has no password: a password sign-in with its nickname fails.
  const response = await page.request.post('/api/auth/signin', { data: { nickname: '패스키이웃', password: 'anything at all' } });
  expect(response.status()).toBe(401);
});

test('a passkey the server does not know is refused with a clear message', async ({ page }) => {
  await openApp(page);
  const { cdp, authenticatorId } = await addVirtualAuthenticator(page);
  // A credential for this site that was never registered with the server.
  await cdp.send('WebAuthn.addCredential', {
    authenticatorId,
    credential: {
      credentialId: Buffer.from('stranger-credential').toString('base64'),
      isResidentCredential: true,
      rpId: 'localhost',
      privateKey: (await makeP256Pkcs8()).toString('base64'),
      userHandle: Buffer.from('stranger').toString('base64'),
      signCount: 0,
    },
  });
  await page.getByTestId('account-link').click();
  await page.getByRole('tab', { name: 'I have an account' }).click();
  await page.getByRole('button', { name: 'Sign in with a passkey' }).click();
  await expect(page.getByTestId('auth-error')).toContainText('registered with Dongne');
  await expect(page.getByTestId('account-link')).toContainText('Sign in');
});

async function makeP256Pkcs8(): Promise<Buffer> {
  const { generateKeyPairSync } = await import('node:crypto');
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return privateKey.export({ format: 'der', type: 'pkcs8' }) as Buffer;
}
