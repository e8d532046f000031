// /api/account and the account parts of /api/auth through app.request() with a real store (either
// engine) and a fixed clock: devices and sessions (rotation, the cap), passkeys, the password (its
// rules, its cost, a change), recovery codes, deleting the account, nicknames that look alike, and
// security messages.
import { describe, expect, it } from 'vitest';
import { apiErrorSchema, deviceSessionSchema, type DeviceSession } from '@dongne/shared';
import { authenticationResponse, newPasskey, registrationResponse, type TestPasskey } from '../testing/authenticator.js';
import { createTestServer, device, mutation, newSession, pull, push, sessionCookieOf, T0, type SignedUp, type TestServer, useTestServer } from '../testing/harness.js';
import { HOME } from '../testing/fixes.js';
import { query, queryValue } from '../testing/test-store.js';
import { JPEG_3X2, sha256Hex } from '../testing/images.js';
import { DEFAULT_PASSWORD_COST } from '../services/password.js';
import { SESSIONS_PER_ACCOUNT } from '../services/session-service.js';
import { NICKNAME_HOLD_MS } from '../services/account-deletion.js';

const ORIGIN = 'http://localhost';
const MINUTE = 60_000;
const ANDROID = 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Mobile Safari/537.36';
const MAC = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15';

let server: TestServer;
useTestServer((created) => (server = created));

async function call(
  method: string,
  path: string,
  { body, cookie, userAgent, raw }: { body?: unknown; cookie?: string; userAgent?: string; raw?: { bytes: Uint8Array; type: string } } = {},
) {
  if (raw) {
    return server.app.request(`${ORIGIN}${path}`, { method, headers: { 'content-type': raw.type, ...(cookie ? { cookie } : {}) }, body: Buffer.from(raw.bytes) });
  }
  return server.app.request(`${ORIGIN}${path}`, {
    method,
    headers: {
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(cookie ? { cookie } : {}),
      ...(userAgent ? { 'user-agent': userAgent } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

async function expectError(response: Response, status: number, code: string) {
  const text = await response.text();
  expect(response.status, text).toBe(status);
  expect(apiErrorSchema.parse(JSON.parse(text)).error.code).toBe(code);
}

const signUp = (nickname: string, password = 'plum-blossom-42') => call('POST', '/api/auth/signup', { body: { nickname, password } });
const signInAs = (account: { nickname: string; password: string }, options: { cookie?: string; userAgent?: string } = {}) =>
  call('POST', '/api/auth/signin', { body: { nickname: account.nickname, password: account.password }, ...options });
const alive = async (cookie: string) => (await call('GET', '/api/auth/session', { cookie })).status === 200;
const sessionsOf = async (cookie: string) => ((await (await call('GET', '/api/account/sessions', { cookie })).json()) as DeviceSession[]).map((s) => deviceSessionSchema.parse(s));

async function addPasskey(cookie: string, passkey: TestPasskey = newPasskey()) {
  const options = (await (await call('POST', '/api/auth/passkey/register/options', { body: {}, cookie })).json()) as { challengeId: string; options: { challenge: string; rp: { id: string } } };
  const response = await call('POST', '/api/auth/passkey/register/verify', {
    body: { challengeId: options.challengeId, response: registrationResponse(passkey, options.options, ORIGIN) },
    cookie,
  });
  expect(response.status, await response.clone().text()).toBe(201);
  return passkey;
}

async function confirmWithPasskey(cookie: string, passkey: TestPasskey) {
  const options = (await (await call('POST', '/api/account/confirm/passkey/options', { body: {}, cookie })).json()) as { challengeId: string; options: { challenge: string; rpId: string } };
  return call('POST', '/api/account/confirm/passkey/verify', { body: { challengeId: options.challengeId, response: authenticationResponse(passkey, options.options, ORIGIN) }, cookie });
}

describe('hole 4: sessions end', () => {
  it('signing in ends the session the browser held before (rotation)', async () => {
    const jieun = await newSession(server.app);
    const again = await signInAs(jieun, { cookie: jieun.cookie });
    expect(again.status).toBe(200);
    expect(await alive(jieun.cookie)).toBe(false);
    expect(await alive(sessionCookieOf(again))).toBe(true);
  });

  it(`keeps at most ${SESSIONS_PER_ACCOUNT} sessions an account, ending the oldest`, async () => {
    const jieun = await newSession(server.app);
    const cookies: string[] = [];
    for (let i = 0; i < SESSIONS_PER_ACCOUNT + 5; i++) {
      server.clock.advance(1000);
      cookies.push(sessionCookieOf(await signInAs(jieun)));
    }
    expect(Number(await queryValue(server.store, 'SELECT count(*) FROM sessions'))).toBe(SESSIONS_PER_ACCOUNT);
    expect(await alive(jieun.cookie)).toBe(false);
    expect(await alive(cookies.at(-1)!)).toBe(true);
  });
});

describe('my devices', () => {
  it('lists the signed-in sessions (device, where, last active), ends one, and ends all others', async () => {
    const jieun = await newSession(server.app);
    const phone = sessionCookieOf(await signInAs(jieun, { userAgent: ANDROID }));
    server.clock.advance(20 * MINUTE);
    const laptop = sessionCookieOf(await signInAs(jieun, { userAgent: MAC }));
    const listed = await sessionsOf(laptop);
    expect(listed).toHaveLength(3);
    expect(listed[0]).toMatchObject({ device: 'Safari on macOS', current: true, lastActiveAt: T0 + 20 * MINUTE });
    expect(listed.find((s) => s.device === 'Chrome on Android')).toMatchObject({ current: false, startedAt: T0 });

    const phoneId = listed.find((s) => s.device === 'Chrome on Android')!.id;
    expect((await call('DELETE', `/api/account/sessions/${phoneId}`, { cookie: laptop })).status).toBe(200);
    expect(await alive(phone)).toBe(false);
    await expectError(await call('DELETE', `/api/account/sessions/${phoneId}`, { cookie: laptop }), 404, 'session.not_found');

    expect(await (await call('POST', '/api/account/sessions/end-others', { cookie: laptop })).json()).toEqual({ ended: 1 });
    expect(await alive(jieun.cookie)).toBe(false);
    expect(await alive(laptop)).toBe(true);
  });

  it('cannot end another account’s session', async () => {
    const jieun = await newSession(server.app);
    const minho = await newSession(server.app);
    const [minhoSession] = await sessionsOf(minho.cookie);
    await expectError(await call('DELETE', `/api/account/sessions/${minhoSession.id}`, { cookie: jieun.cookie }), 404, 'session.not_found');
    expect(await alive(minho.cookie)).toBe(true);
  });

  it('lists passkeys and removes one, but never the only way in', async () => {
    const jieun = await newSession(server.app);
    const passkey = await addPasskey(jieun.cookie);
    const listed = (await (await call('GET', '/api/account/passkeys', { cookie: jieun.cookie })).json()) as { id: string; createdAt: number; lastUsedAt: null }[];
    expect(listed).toEqual([{ id: passkey.id, name: '', createdAt: T0, lastUsedAt: null }]);
    // Passkey-only: remove the password, then the last passkey may not go.
    expect((await call('POST', '/api/account/password', { body: { newPassword: null }, cookie: jieun.cookie })).status).toBe(204);
    await expectError(await call('DELETE', `/api/account/passkeys/${passkey.id}`, { cookie: jieun.cookie }), 409, 'account.last_sign_in_method');
    await expectError(await call('DELETE', '/api/account/passkeys/nope', { cookie: jieun.cookie }), 404, 'passkey.not_found');
  });

  it('needs a sign-in for everything under /api/account', async () => {
    for (const [method, path] of [
      ['GET', '/api/account/sessions'],
      ['GET', '/api/account/passkeys'],
      ['POST', '/api/account/sessions/end-others'],
      ['POST', '/api/account/recovery-codes'],
      ['DELETE', '/api/account'],
    ]) {
      await expectError(await call(method, path), 401, 'auth.required');
    }
  });
});

describe('hole 6: passwords', () => {
  it.each([
    ['a common password', 'password'],
    ['another common one', 'qwertyuiop'],
    ['digits in a row', '12345678'],
    ['eight spaces', '        '],
    ['eight zero-width spaces', '\u200b'.repeat(8)],
    ['the nickname itself', 'neighbourhood'],
  ])('refuses %s at sign-up (400 auth.weak_password or request.invalid)', async (_, password) => {
    const response = await call('POST', '/api/auth/signup', { body: { nickname: 'neighbourhood', password } });
    expect(response.status).toBe(400);
    expect(['auth.weak_password', 'request.invalid']).toContain(apiErrorSchema.parse(await response.json()).error.code);
    expect(Number(await queryValue(server.store, "SELECT count(*) FROM actors WHERE kind = 'account'"))).toBe(0);
  });

  it('refuses eight NULs', async () => {
    await expectError(await signUp('nulls', '\0'.repeat(8)), 400, 'request.invalid');
  });

  it('hashes at scrypt N=2^17 by default, and rehashes an older, cheaper hash at the next sign-in', async () => {
    expect(DEFAULT_PASSWORD_COST).toBe(2 ** 17);
    const production = await createTestServer({ passwordCost: DEFAULT_PASSWORD_COST });
    try {
      // An account from before, hashed at the old cost (2^14)…
      const old = await createTestServer({ passwordCost: 2 ** 14 });
      await old.close();
      const { hashPassword } = await import('../services/password.js');
      const account = await newSession(production.app, { nickname: 'oldtimer', password: 'plum-blossom-42' });
      expect(String(await queryValue(production.store, `SELECT password_hash FROM actors WHERE id = '${account.actorId}'`))).toMatch(/^scrypt\$131072\$8\$1\$/);
      await production.store.sessions.setPasswordHash(account.actorId, await hashPassword('plum-blossom-42', 2 ** 14));
      // …is made again at today's cost when its owner signs in, and still works.
      const signedIn = await production.app.request('/api/auth/signin', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ nickname: 'oldtimer', password: 'plum-blossom-42' }),
      });
      expect(signedIn.status).toBe(200);
      expect(String(await queryValue(production.store, `SELECT password_hash FROM actors WHERE id = '${account.actorId}'`))).toMatch(/^scrypt\$131072\$/);
    } finally {
      await production.close();
    }
  });

  it('changes the password with the current one, and signs the other devices out', async () => {
    const jieun = await newSession(server.app);
    const other = sessionCookieOf(await signInAs(jieun, { userAgent: ANDROID }));
    server.clock.advance(10 * MINUTE);
    await expectError(await call('POST', '/api/account/password', { body: { newPassword: 'autumn-river-77' }, cookie: jieun.cookie }), 403, 'auth.reauthentication_required');
    await expectError(
      await call('POST', '/api/account/password', { body: { currentPassword: 'not-it-at-all', newPassword: 'autumn-river-77' }, cookie: jieun.cookie }),
      403,
      'auth.wrong_password',
    );
    await expectError(await call('POST', '/api/account/password', { body: { currentPassword: jieun.password, newPassword: 'password1' }, cookie: jieun.cookie }), 400, 'auth.weak_password');
    expect((await call('POST', '/api/account/password', { body: { currentPassword: jieun.password, newPassword: 'autumn-river-77' }, cookie: jieun.cookie })).status).toBe(204);
    expect(await alive(jieun.cookie)).toBe(true);
    expect(await alive(other)).toBe(false);
    expect((await signInAs(jieun)).status).toBe(401);
    expect((await signInAs({ nickname: jieun.nickname, password: 'autumn-river-77' })).status).toBe(200);
  });

  it('adds a password to a passkey-only account after a fresh passkey check', async () => {
    const jieun = await newSession(server.app);
    const passkey = await addPasskey(jieun.cookie);
    expect((await call('POST', '/api/account/password', { body: { newPassword: null }, cookie: jieun.cookie })).status).toBe(204);
    server.clock.advance(10 * MINUTE);
    await expectError(await call('POST', '/api/account/password', { body: { newPassword: 'autumn-river-77' }, cookie: jieun.cookie }), 403, 'auth.reauthentication_required');
    expect((await confirmWithPasskey(jieun.cookie, passkey)).status).toBe(204);
    expect((await call('POST', '/api/account/password', { body: { newPassword: 'autumn-river-77' }, cookie: jieun.cookie })).status).toBe(204);
    expect((await signInAs({ nickname: jieun.nickname, password: 'autumn-river-77' })).status).toBe(200);
  });
});

describe('recovery codes', () => {
  async function codesFor(account: SignedUp) {
    const response = await call('POST', '/api/account/recovery-codes', { cookie: account.cookie });
    expect(response.status).toBe(201);
    return ((await response.json()) as { codes: string[] }).codes;
  }

  it('gives ten codes once, stores them hashed; each signs in once and ends every other session', async () => {
    const jieun = await newSession(server.app);
    const codes = await codesFor(jieun);
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    const stored = JSON.stringify(await query(server.store, 'SELECT * FROM recovery_codes'));
    expect(stored).toMatch(/[0-9a-f]{64}/);
    for (const code of codes) expect(stored).not.toContain(code);

    const recovered = await call('POST', '/api/auth/recover', { body: { nickname: jieun.nickname, code: codes[3].toUpperCase() } });
    expect(recovered.status).toBe(200);
    expect(await recovered.json()).toMatchObject({ actorId: jieun.actorId, remainingCodes: 9 });
    expect(await alive(jieun.cookie)).toBe(false);
    expect(await alive(sessionCookieOf(recovered))).toBe(true);
    await expectError(await call('POST', '/api/auth/recover', { body: { nickname: jieun.nickname, code: codes[3] } }), 401, 'recovery.invalid');
  });

  it('answers a wrong code and an unknown nickname alike', async () => {
    const jieun = await newSession(server.app);
    await codesFor(jieun);
    await expectError(await call('POST', '/api/auth/recover', { body: { nickname: jieun.nickname, code: 'aaaa-bbbb-cccc' } }), 401, 'recovery.invalid');
    await expectError(await call('POST', '/api/auth/recover', { body: { nickname: 'nobody-here', code: 'aaaa-bbbb-cccc' } }), 401, 'recovery.invalid');
  });

  it('new codes replace the old, and making them needs a fresh proof', async () => {
    const jieun = await newSession(server.app);
    const first = await codesFor(jieun);
    await codesFor(jieun);
    await expectError(await call('POST', '/api/auth/recover', { body: { nickname: jieun.nickname, code: first[0] } }), 401, 'recovery.invalid');
    server.clock.advance(6 * MINUTE);
    await expectError(await call('POST', '/api/account/recovery-codes', { cookie: jieun.cookie }), 403, 'auth.reauthentication_required');
  });
});

describe('deleting the account', () => {
  it('needs a fresh proof; then listings, drafts and sessions go, the nickname is held back', async () => {
    const jieun = await newSession(server.app, { nickname: 'jieun' });
    const phone = device();
    // A photo of hers, on the listing.
    const photoHash = sha256Hex(JPEG_3X2);
    const uploaded = await call('PUT', `/api/media/${photoHash}`, { cookie: jieun.cookie, body: undefined, raw: { bytes: JPEG_3X2, type: 'image/jpeg' } });
    expect(uploaded.status, await uploaded.clone().text()).toBeLessThan(300);
    const create = server.createListing(phone.nextSeq(), { photos: [{ full: photoHash, thumb: photoHash }] });
    expect((await push(server.app, jieun.cookie, phone.clientId, [create])).results[0]).toMatchObject({ status: 'applied' });
    const listingId = (create.args as { id: string }).id;
    const before = await pull(server.app, undefined);

    server.clock.advance(6 * MINUTE);
    await expectError(await call('DELETE', '/api/account', { cookie: jieun.cookie }), 403, 'auth.reauthentication_required');
    expect((await call('POST', '/api/account/confirm', { body: { password: jieun.password }, cookie: jieun.cookie })).status).toBe(204);
    const deleted = await call('DELETE', '/api/account', { cookie: jieun.cookie });
    expect(deleted.status).toBe(204);
    expect(deleted.headers.get('set-cookie')).toMatch(/dongne_session=;/);

    expect(await alive(jieun.cookie)).toBe(false);
    expect((await signInAs(jieun)).status).toBe(401);
    // Her photo is gone too, its bytes with it.
    expect((await call('GET', `/api/media/${photoHash}`)).status).toBe(404);
    expect(Number(await queryValue(server.store, 'SELECT count(*) FROM media'))).toBe(0);
    // Neighbours' devices drop the listing at their next pull.
    const after = await pull(server.app, undefined, { cursor: before.cursor });
    expect(after.changes).toContainEqual(expect.objectContaining({ op: 'delete', entity: 'listing', id: listingId }));
    // Nobody takes the name (or a look-alike) over at once; after the hold it is free again.
    await expectError(await signUp('jieun'), 409, 'auth.nickname_taken');
    await expectError(await signUp('JIEUN'), 409, 'auth.nickname_taken');
    server.clock.advance(NICKNAME_HOLD_MS + MINUTE);
    expect((await signUp('jieun')).status).toBe(201);
  });

  it('takes her keyword alerts and notifications with it, so nothing more is made for nobody', async () => {
    const mina = await newSession(server.app, { nickname: 'mina' });
    const seller = await newSession(server.app, { nickname: 'seller' });
    const minaPhone = device();
    const sellerPhone = device();
    const act = (who: SignedUp, phone: ReturnType<typeof device>, name: string, args: unknown) =>
      push(server.app, who.cookie, phone.clientId, [{ mutationId: crypto.randomUUID(), seq: phone.nextSeq(), name, args, createdAt: T0 }]);
    await act(mina, minaPhone, 'neighbourhood.set', { held: [HOME], active: HOME });
    await act(mina, minaPhone, 'keyword.add', { keyword: 'lamp' });
    await push(server.app, seller.cookie, sellerPhone.clientId, [server.createListing(sellerPhone.nextSeq(), { title: 'Desk lamp' })]);
    expect(Number(await queryValue(server.store, 'SELECT count(*) FROM notifications'))).toBe(1);

    expect((await call('DELETE', '/api/account', { cookie: mina.cookie })).status).toBe(204);
    await push(server.app, seller.cookie, sellerPhone.clientId, [server.createListing(sellerPhone.nextSeq(), { title: 'Floor lamp' })]);
    expect(Number(await queryValue(server.store, 'SELECT count(*) FROM keywords'))).toBe(0);
    expect(Number(await queryValue(server.store, 'SELECT count(*) FROM notifications'))).toBe(0);
  });
});

describe('hole 5: nicknames that look alike', () => {
  it.each([
    ['Latin alice, then Cyrillic аlice', 'alice', 'аlice'],
    ['Alpha, then Greek Αlpha', 'Alpha', 'Αlpha'],
    ['john, then j0hn', 'john', 'j0hn'],
    ['lan, then Ian', 'lan', 'Ian'],
  ])('never gives two accounts names that look the same: %s', async (_, first, second) => {
    expect((await signUp(first)).status).toBe(201);
    const response = await signUp(second);
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
  });

  it.each([
    ['Hangul filler U+3164', '\u3164\u3164'],
    ['Hangul choseong filler U+115F', 'ab\u115f'],
    ['Hangul jungseong filler U+1160', 'a\u1160b'],
    ['a zero-width joiner', 'ab\u200dc'],
    ['Latin mixed with Cyrillic', 'аlice'],
    ['a right-to-left name starting with a digit', '1-אב'],
  ])('refuses a nickname with %s (400)', async (_, nickname) => {
    await expectError(await signUp(nickname), 400, 'request.invalid');
  });

  it.each([
    ['Hindi with vowel signs', 'नमस्ते'],
    ['Thai with vowel signs', 'สมชาย'],
    ['Hangul with Latin digits', '지은이네2'],
    ['Hebrew with a digit at the end', 'אב-1'],
    ['Japanese (Han and Hiragana)', '山田さん'],
  ])('accepts %s', async (_, nickname) => {
    expect((await signUp(nickname)).status).toBe(201);
  });
});

describe('security messages', () => {
  it('tells of a passkey added, a password changed and a sign-in from a new device', async () => {
    const jieun = await newSession(server.app, { nickname: 'secure' });
    await addPasskey(jieun.cookie);
    server.clock.advance(MINUTE);
    await signInAs(jieun, { userAgent: ANDROID });
    server.clock.advance(MINUTE);
    await call('POST', '/api/account/password', { body: { currentPassword: jieun.password, newPassword: 'autumn-river-77' }, cookie: jieun.cookie });
    const events = (await (await call('GET', '/api/account/security-events', { cookie: jieun.cookie })).json()) as { kind: string; device: string }[];
    expect(events.map((e) => e.kind)).toEqual(['password_changed', 'new_device_sign_in', 'passkey_added']);
    expect(events[1].device).toBe('Chrome on Android');
  });

  it("puts each in the person's inbox on every device, through the pull, and nobody else's", async () => {
    const jieun = await newSession(server.app, { nickname: 'inboxed' });
    const other = await newSession(server.app, { nickname: 'bystander' });
    await signInAs(jieun, { userAgent: MAC });
    server.clock.advance(MINUTE);
    await call('POST', '/api/account/password', { body: { currentPassword: jieun.password, newPassword: 'autumn-river-77' }, cookie: jieun.cookie });

    const told = (await pull(server.app, jieun.cookie)).changes.flatMap((c) => (c.entity === 'notification' ? [c.row] : []));
    expect(told.map((n) => ({ kind: n.kind, event: n.event, title: n.title, readAt: n.readAt }))).toEqual([
      { kind: 'security', event: 'new_device_sign_in', title: 'Safari on macOS', readAt: null },
      { kind: 'security', event: 'password_changed', title: '', readAt: null },
    ]);
    expect(new Set(told.map((n) => n.subjectId)).size).toBe(2);
    expect((await pull(server.app, other.cookie)).changes.filter((c) => c.entity === 'notification')).toEqual([]);

    // Read on one device, read on all.
    const phone = device();
    const readIt = await push(server.app, jieun.cookie, phone.clientId, [mutation(phone.nextSeq(), 'notification.read', { ids: [told[0].id] })]);
    expect(readIt.results[0].status).toBe('applied');
    const again = (await pull(server.app, jieun.cookie)).changes.flatMap((c) => (c.entity === 'notification' ? [c.row] : []));
    expect(again.find((n) => n.id === told[0].id)!.readAt).not.toBeNull();
  });
});
