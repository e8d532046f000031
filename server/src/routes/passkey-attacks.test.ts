// Passkeys under attack, through app.request() with a real store (either engine) and a software
// authenticator that signs for real: a credential id registered twice, one account filling the
// disk with passkeys, a stolen cookie trying to make itself permanent, and a passkey used on a
// site it was not made for.
import { beforeEach, describe, expect, it } from 'vitest';
import { apiErrorSchema } from '@dongne/shared';
import { authenticationResponse, newPasskey, registrationResponse, type TestPasskey } from '../testing/authenticator.js';
import { newSession, sessionCookieOf, type SignedUp, type TestServer, useTestServer } from '../testing/harness.js';
import { queryValue } from '../testing/test-store.js';
import { PASSKEYS_PER_ACCOUNT } from '../services/passkey-service.js';
import { RATE_LIMITS } from '../services/rate-limiter.js';

const ORIGIN = 'http://localhost';
const MINUTE = 60_000;

let server: TestServer;
useTestServer((created) => (server = created));

async function call(method: string, path: string, { body, cookie, origin = ORIGIN }: { body?: unknown; cookie?: string; origin?: string } = {}) {
  return server.app.request(`${origin}${path}`, {
    method,
    headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...(cookie ? { cookie } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

async function expectError(response: Response, status: number, code: string) {
  const text = await response.text();
  expect(response.status, text).toBe(status);
  expect(apiErrorSchema.parse(JSON.parse(text)).error.code).toBe(code);
}

/** Starts adding a passkey to the account behind `cookie`; the options as the server sent them. */
async function startAdding(cookie: string | undefined, origin = ORIGIN) {
  const response = await call('POST', '/api/auth/passkey/register/options', { body: {}, cookie, origin });
  expect(response.status, await response.clone().text()).toBe(200);
  return (await response.json()) as { challengeId: string; options: { challenge: string; rp: { id: string }; excludeCredentials?: { id: string }[] } };
}

/** Adds `passkey` to the account behind `cookie` (the ceremony from options to verify). */
async function addPasskey(cookie: string, passkey: TestPasskey = newPasskey(), overrides: Parameters<typeof registrationResponse>[3] = {}) {
  const { challengeId, options } = await startAdding(cookie);
  return call('POST', '/api/auth/passkey/register/verify', { body: { challengeId, response: registrationResponse(passkey, options, ORIGIN, overrides) }, cookie });
}

async function signInWithPasskey(passkey: TestPasskey, origin = ORIGIN) {
  const options = await call('POST', '/api/auth/passkey/signin/options', { body: {}, origin });
  const { challengeId, options: o } = (await options.json()) as { challengeId: string; options: { challenge: string; rpId: string } };
  return call('POST', '/api/auth/passkey/signin/verify', { body: { challengeId, response: authenticationResponse(passkey, o, origin) }, origin });
}

const passkeyCount = async () => Number(await queryValue(server.store, 'SELECT count(*) FROM passkeys'));

describe('hole 3: a credential id that exists already', () => {
  it('is refused with 409 passkey.already_registered, never a 500', async () => {
    const jieun = await newSession(server.app);
    const minho = await newSession(server.app);
    const passkey = newPasskey();
    expect((await addPasskey(jieun.cookie, passkey)).status).toBe(201);
    await expectError(await addPasskey(minho.cookie, passkey), 409, 'passkey.already_registered');
    await expectError(await addPasskey(jieun.cookie, passkey), 409, 'passkey.already_registered');
    expect(await passkeyCount()).toBe(1);
  });
});

describe('hole 2: one account cannot fill the disk with passkeys', () => {
  let jieun: SignedUp;
  beforeEach(async () => {
    jieun = await newSession(server.app);
  });

  it(`holds at most ${PASSKEYS_PER_ACCOUNT} passkeys an account (409 passkey.limit_reached)`, async () => {
    for (let i = 0; i < PASSKEYS_PER_ACCOUNT; i++) expect((await addPasskey(jieun.cookie)).status).toBe(201);
    await expectError(await call('POST', '/api/auth/passkey/register/options', { body: {}, cookie: jieun.cookie }), 409, 'passkey.limit_reached');
    expect(await passkeyCount()).toBe(PASSKEYS_PER_ACCOUNT);
  });

  it('sends the account’s passkeys as excludeCredentials, so an authenticator does not register twice', async () => {
    const passkey = newPasskey();
    await addPasskey(jieun.cookie, passkey);
    const { options } = await startAdding(jieun.cookie);
    expect(options.excludeCredentials?.map((c) => c.id)).toEqual([passkey.id]);
  });

  it('refuses a public key that is not a key, or too large (400 passkey.invalid_key)', async () => {
    // Not a COSE key at all: the WebAuthn library refuses it before our own check.
    expect((await addPasskey(jieun.cookie, newPasskey(), { cosePublicKey: new Uint8Array([0xa1, 0x01, 0x02]) })).status).toBe(400);
    // A well-formed COSE EC2 key whose point is not on the curve.
    const offCurve = newPasskey();
    const bytes = new Uint8Array(offCurve.cosePublicKey);
    bytes[bytes.length - 1] ^= 0xff;
    await expectError(await addPasskey(jieun.cookie, offCurve, { cosePublicKey: bytes }), 400, 'passkey.invalid_key');
    // 700 kB of key, as the attack sent.
    const padded = new Uint8Array([...newPasskey().cosePublicKey, ...new Uint8Array(2000)]);
    const response = await addPasskey(jieun.cookie, newPasskey(), { cosePublicKey: padded });
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    expect(await passkeyCount()).toBe(0);
  });

  it('keeps only the WebAuthn transports, each once', async () => {
    expect((await addPasskey(jieun.cookie, newPasskey(), { transports: ['internal', 'x'.repeat(5000), 'usb', 'internal'] })).status).toBe(201);
    expect(JSON.parse(String(await queryValue(server.store, 'SELECT transports FROM passkeys')))).toEqual(['internal', 'usb']);
  });

  it('rate-limits the ceremony per account', async () => {
    const limit = RATE_LIMITS.passkeyRegister.perActor;
    for (let i = 0; i < limit; i++) await startAdding(jieun.cookie);
    await expectError(await call('POST', '/api/auth/passkey/register/options', { body: {}, cookie: jieun.cookie }), 429, 'rate_limited');
  });
});

describe('hole 1: a stolen cookie does not become permanent access', () => {
  it('asks for a fresh proof (password or passkey in the last 5 minutes) before adding a passkey', async () => {
    const jieun = await newSession(server.app);
    server.clock.advance(6 * MINUTE);
    await expectError(await call('POST', '/api/auth/passkey/register/options', { body: {}, cookie: jieun.cookie }), 403, 'auth.reauthentication_required');
    // Confirming with the password opens five minutes for changes.
    await expectError(await call('POST', '/api/account/confirm', { body: { password: 'wrong-guess-123' }, cookie: jieun.cookie }), 403, 'auth.wrong_password');
    expect((await call('POST', '/api/account/confirm', { body: { password: jieun.password }, cookie: jieun.cookie })).status).toBe(204);
    expect((await addPasskey(jieun.cookie)).status).toBe(201);
  });

  it('a proof that went stale between options and verify does not add the passkey', async () => {
    const jieun = await newSession(server.app);
    server.clock.advance(4 * MINUTE);
    const { challengeId, options } = await startAdding(jieun.cookie);
    server.clock.advance(2 * MINUTE);
    const response = await call('POST', '/api/auth/passkey/register/verify', { body: { challengeId, response: registrationResponse(newPasskey(), options, ORIGIN) }, cookie: jieun.cookie });
    await expectError(response, 403, 'auth.reauthentication_required');
  });

  it('binds the ceremony to the session that started it: no cookie, another cookie, or after sign-out, nothing is added', async () => {
    const jieun = await newSession(server.app);
    const thief = await newSession(server.app);
    for (const cookie of [undefined, thief.cookie]) {
      const { challengeId, options } = await startAdding(jieun.cookie);
      const response = await call('POST', '/api/auth/passkey/register/verify', { body: { challengeId, response: registrationResponse(newPasskey(), options, ORIGIN) }, cookie });
      await expectError(response, 400, 'passkey.challenge_expired');
      expect(response.headers.get('set-cookie')).toBeNull();
    }
    const { challengeId, options } = await startAdding(jieun.cookie);
    expect((await call('POST', '/api/auth/signout', { cookie: jieun.cookie })).status).toBe(204);
    await expectError(
      await call('POST', '/api/auth/passkey/register/verify', { body: { challengeId, response: registrationResponse(newPasskey(), options, ORIGIN) }, cookie: jieun.cookie }),
      400,
      'passkey.challenge_expired',
    );
    expect(await passkeyCount()).toBe(0);
  });

  it('adding a passkey starts no second session; the owner sees and removes the thief’s passkey and session', async () => {
    const jieun = await newSession(server.app);
    const sessionsBefore = Number(await queryValue(server.store, 'SELECT count(*) FROM sessions'));
    const added = await addPasskey(jieun.cookie);
    expect(added.status).toBe(201);
    expect(added.headers.get('set-cookie')).toBeNull();
    expect(Number(await queryValue(server.store, 'SELECT count(*) FROM sessions'))).toBe(sessionsBefore);

    // The thief's passkey signs in from elsewhere; the owner lists both and removes what is not theirs.
    const thiefKey = newPasskey();
    await addPasskey(jieun.cookie, thiefKey);
    const thief = sessionCookieOf(await signInWithPasskey(thiefKey));
    const devices = (await (await call('GET', '/api/account/sessions', { cookie: jieun.cookie })).json()) as { id: string; current: boolean }[];
    expect(devices).toHaveLength(2);
    const passkeys = (await (await call('GET', '/api/account/passkeys', { cookie: jieun.cookie })).json()) as { id: string }[];
    expect(passkeys.map((p) => p.id)).toContain(thiefKey.id);
    expect((await call('DELETE', `/api/account/passkeys/${thiefKey.id}`, { cookie: jieun.cookie })).status).toBe(204);
    expect((await call('POST', '/api/account/sessions/end-others', { cookie: jieun.cookie })).status).toBe(200);
    expect((await call('GET', '/api/auth/session', { cookie: thief })).status).toBe(401);
    expect((await signInWithPasskey(thiefKey)).status).toBe(401);
  });
});

describe('hole 8: a passkey works only on the site it was made for', () => {
  it('remembers the rpId with each passkey and refuses it on another host', async () => {
    const jieun = await newSession(server.app);
    const passkey = newPasskey();
    expect((await addPasskey(jieun.cookie, passkey)).status).toBe(201);
    expect(await queryValue(server.store, 'SELECT rp_id FROM passkeys')).toBe('localhost');
    expect((await signInWithPasskey(passkey)).status).toBe(200);
    // Without DONGNE_PUBLIC_ORIGIN the site comes from the Host header: another host is another site.
    await expectError(await signInWithPasskey(passkey, 'http://evil.example'), 401, 'passkey.unknown');
  });
});
