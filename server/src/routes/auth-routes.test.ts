// /api/auth through app.request() with a real store and a fixed clock: sign-up, sign-in,
// sign-out, sessions that expire and are extended, the sign-in failure limits (requests come from
// an address through the bindings fromAddress gives them), and what one account can do to
// another's things.
import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { accountSchema, apiErrorSchema } from '@dongne/shared';
import { RATE_LIMITS } from '../services/rate-limiter.js';
import { SIGN_IN_FAILURES } from '../services/password-sign-in.js';
import {
  createTestServer,
  deleteListing,
  device,
  dumpTables,
  fromAddress,
  listingArgs,
  newSession,
  pull,
  push,
  pushRequest,
  sessionCookieOf,
  signIn,
  T0,
  TEST_PASSWORD_COST,
  verifyNeighbourhood,
  type TestServer,
} from '../testing/harness.js';
import { verifyPassword } from '../services/password.js';
import { openTestStore, queryValue } from '../testing/test-store.js';
import { createApp } from '../app.js';

// The real password check, counted: the rate limit must stop guesses before they reach it.
vi.mock('../services/password.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../services/password.js')>();
  return { ...real, verifyPassword: vi.fn(real.verifyPassword) };
});

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

let server: TestServer;
/** Every response body the server sent in this test, to look for secrets in. */
let answered: string[];
beforeEach(async () => {
  server = await createTestServer();
  answered = [];
  vi.mocked(verifyPassword).mockClear();
});
afterEach(async () => {
  // An unexpected 500 would otherwise pass unseen behind a 4xx assertion.
  expect(server.logged).toEqual([]);
  await server.close();
});

const PASSWORD = 'plum-blossom-42';

async function post(path: string, body: unknown, headers: Record<string, string> = {}, origin = 'http://localhost') {
  const response = await server.app.request(`${origin}/api/auth/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  answered.push(await response.clone().text());
  return response;
}

const signUp = (nickname: string, password = PASSWORD, origin?: string) => post('signup', { nickname, password }, {}, origin);
const signInAs = (nickname: string, password = PASSWORD) => post('signin', { nickname, password });
const whoIs = (cookie?: string) => server.app.request('/api/auth/session', { headers: cookie ? { cookie } : {} });
const count = async (table: string) => Number(await queryValue(server.store, `SELECT count(*) FROM ${table}`));

/** Asserts the shared error shape with this status and code; returns the body. */
async function expectError(response: Response, status: number, code: string) {
  const text = await response.text();
  expect(response.status, text).toBe(status);
  const body = apiErrorSchema.parse(JSON.parse(text));
  expect(body.error.code).toBe(code);
  expect(body.error.message.length).toBeGreaterThan(0);
  return body;
}

describe('signing up', () => {
  it('creates the account, answers 201 with it, and signs the device in with an httpOnly SameSite=Lax cookie', async () => {
    const response = await signUp('지은이네');
    expect(response.status).toBe(201);
    const account = accountSchema.parse(await response.json());
    expect(account).toEqual({ actorId: expect.any(String), nickname: '지은이네', joinedAt: T0 });

    const cookie = response.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^dongne_session=[\w-]{43};/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');
    expect(cookie).toContain('Path=/');
    expect(cookie).toContain(`Expires=${new Date(T0 + 30 * DAY).toUTCString()}`);
    expect(cookie).not.toContain('Secure'); // plain http here; see the https case

    const who = await whoIs(sessionCookieOf(response));
    expect(who.status).toBe(200);
    expect(await who.json()).toEqual(account);
  });

  it('marks the cookie Secure when the app is reached over https, and only then', async () => {
    const secure = await signUp('minho', PASSWORD, 'https://dongne.example');
    expect(secure.status).toBe(201);
    expect(secure.headers.get('set-cookie')).toMatch(/; Secure/);
    expect(secure.headers.get('set-cookie')).toContain('HttpOnly');
    const signedIn = await server.app.request('https://dongne.example/api/auth/signin', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ nickname: 'minho', password: PASSWORD }),
    });
    expect(signedIn.headers.get('set-cookie')).toMatch(/; Secure/);
    expect((await signInAs('minho')).headers.get('set-cookie')).not.toMatch(/Secure/);
  });

  it('still sets the cookie when the device accepts gzip', async () => {
    const response = await post('signup', { nickname: 'gzip.fan', password: PASSWORD }, { 'accept-encoding': 'gzip' });
    expect(response.status).toBe(201);
    expect(response.headers.get('set-cookie')).toMatch(/^dongne_session=/);
  });

  it.each([
    ['Hangul', '지은이네'],
    ['two letters', 'Ab'],
    ['twenty characters', 'a'.repeat(20)],
    ['digits, dots, dashes and underscores', 'kim.min-ji_2'],
    ['another script', 'Ольга'],
  ])('accepts a nickname in %s', async (_, nickname) => {
    expect((await signUp(nickname)).status).toBe(201);
  });

  it.each([
    ['markup', '<b>x</b>', 'Use letters (any language), numbers, and . _ - (not at the start)'],
    ['one character', 'a', 'A nickname has at least 2 characters'],
    ['21 characters', 'a'.repeat(21), 'A nickname has at most 20 characters'],
    ['a space inside', 'kim minji', 'Use letters (any language), numbers, and . _ - (not at the start)'],
    ['a leading dot', '.minji', 'Use letters (any language), numbers, and . _ - (not at the start)'],
    ['nothing', '', 'A nickname has at least 2 characters'],
  ])('refuses a nickname with %s (400, and says why)', async (_, nickname, message) => {
    const body = await expectError(await signUp(nickname), 400, 'request.invalid');
    expect(body.error.issues).toContainEqual({ path: 'nickname', message });
    expect(await count('actors')).toBe(0);
  });

  it('refuses a password under 8 characters, and a body without one', async () => {
    const short = await expectError(await signUp('minho', 'seven77'), 400, 'request.invalid');
    expect(short.error.issues).toEqual([{ path: 'password', message: 'Use at least 8 characters' }]);
    const missing = await expectError(await post('signup', { nickname: 'minho' }), 400, 'request.invalid');
    expect(missing.error.issues).toEqual([{ path: 'password', message: 'Enter a password' }]);
    await expectError(await server.app.request('/api/auth/signup', { method: 'POST', body: 'nickname=minho' }), 415, 'request.not_json');
    expect(await count('actors')).toBe(0);
  });

  it('refuses a nickname someone has, whatever its case (409 auth.nickname_taken), and signs nobody in', async () => {
    expect((await signUp('Jieun')).status).toBe(201);
    for (const nickname of ['Jieun', 'jieun', 'JIEUN']) {
      const response = await signUp(nickname, 'another-password');
      expect(response.headers.get('set-cookie')).toBeNull();
      const body = await expectError(response, 409, 'auth.nickname_taken');
      expect(body.error.message).toBe(`The nickname “${nickname}” is taken. Try another.`);
    }
    expect([await count('actors'), await count('sessions')]).toEqual([1, 1]);
  });

  it('stores the password only as a scrypt hash, and never says it back or logs it', async () => {
    const { actorId, cookie } = await newSession(server.app, { nickname: 'minho', password: PASSWORD });
    await signInAs('minho');
    await signInAs('minho', 'plum-blossom-43');
    await signUp('minho');
    answered.push(await (await whoIs(cookie)).text());

    const stored = (await queryValue(server.store, 'SELECT password_hash FROM actors WHERE id = ?', actorId)) as string;
    expect(stored).toMatch(/^scrypt\$/);
    expect(JSON.stringify(await dumpTables(server.store))).not.toContain(PASSWORD);
    expect(answered.length).toBeGreaterThan(3);
    for (const body of answered) {
      expect(body).not.toContain(PASSWORD);
      expect(body).not.toContain('scrypt');
    }
    expect(server.logged).toEqual([]);
  });
});

describe('signing in', () => {
  it('signs in with the right password: 200, the account, a new session cookie', async () => {
    const minho = await newSession(server.app, { nickname: 'Minho', password: PASSWORD });
    server.clock.advance(MINUTE);
    const response = await signInAs('minho');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ actorId: minho.actorId, nickname: 'Minho', joinedAt: T0 });
    const cookie = sessionCookieOf(response);
    expect(cookie).not.toBe(minho.cookie);
    expect(response.headers.get('set-cookie')).toContain('HttpOnly');
    expect((await whoIs(cookie)).status).toBe(200);
  });

  it('answers a wrong password and an unknown nickname with the same 401, and no cookie', async () => {
    await newSession(server.app, { nickname: 'minho', password: PASSWORD });
    const wrong = await signInAs('minho', 'plum-blossom-43');
    const unknown = await signInAs('nobody.here');
    expect(wrong.headers.get('set-cookie')).toBeNull();
    expect(unknown.headers.get('set-cookie')).toBeNull();
    const wrongBody = await expectError(wrong, 401, 'auth.invalid_credentials');
    expect(await expectError(unknown, 401, 'auth.invalid_credentials')).toEqual(wrongBody);
    expect(wrongBody.error.message).toBe('That nickname and password do not match.');
    expect(await count('sessions')).toBe(1);
  });
});

describe('password hash cost', () => {
  const storedHash = async (actorId: string) => (await queryValue(server.store, 'SELECT password_hash FROM actors WHERE id = ?', actorId)) as string;

  it('hashes new passwords at the configured cost, and signs in accounts hashed at any other', async () => {
    const early = await newSession(server.app, { nickname: 'early', password: PASSWORD });
    expect(await storedHash(early.actorId)).toMatch(new RegExp(`^scrypt\\$${TEST_PASSWORD_COST}\\$`));

    // The operator raises the cost: the same database, a dearer hash for new passwords only.
    const raised = createApp({ store: server.store, clock: server.clock, config: { log: (line) => server.logged.push(line), passwordCost: 1024 } });
    const late = await newSession(raised, { nickname: 'late', password: PASSWORD });
    expect(await storedHash(late.actorId)).toMatch(/^scrypt\$1024\$/);
    for (const app of [raised, server.app]) {
      expect(await signIn(app, early)).toMatch(/^dongne_session=/);
      expect(await signIn(app, late)).toMatch(/^dongne_session=/);
    }
  });
});

describe('signing out', () => {
  it('ends the session: the cookie is cleared and a push with it afterwards gets 401', async () => {
    const minho = await newSession(server.app);
    const laptop = await signIn(server.app, minho);
    const response = await post('signout', {}, { cookie: minho.cookie });
    expect(response.status).toBe(204);
    expect(response.headers.get('set-cookie')).toMatch(/^dongne_session=; Max-Age=0; Path=\//);

    const phone = device();
    await expectError(await pushRequest(server.app, minho.cookie, { clientId: phone.clientId, mutations: [server.createListing(1)] }), 401, 'auth.required');
    await expectError(await whoIs(minho.cookie), 401, 'auth.required');
    expect(await pull(server.app, minho.cookie)).toMatchObject({ profile: null });
    // The same account on another device stays signed in.
    expect((await whoIs(laptop)).status).toBe(200);
  });

  it('is harmless without a session: 204, and nothing changes', async () => {
    await newSession(server.app);
    const before = await dumpTables(server.store);
    for (const cookie of [undefined, 'dongne_session=forged']) {
      expect((await post('signout', {}, cookie ? { cookie } : {})).status).toBe(204);
    }
    expect(await dumpTables(server.store)).toEqual(before);
  });
});

describe('a session over time', () => {
  it('expires after 30 days of disuse', async () => {
    const minho = await newSession(server.app);
    server.clock.set(T0 + 30 * DAY - 1);
    const jieun = await newSession(server.app);
    expect((await whoIs(jieun.cookie)).status).toBe(200);

    server.clock.set(T0 + 30 * DAY);
    await expectError(await whoIs(minho.cookie), 401, 'auth.required');
    await expectError(await pushRequest(server.app, minho.cookie, { clientId: device().clientId, mutations: [] }), 401, 'auth.required');
  });

  it('is extended while used, and the cookie with it, so the browser keeps it as long as the server does', async () => {
    const minho = await newSession(server.app);
    // Used the same day: no new cookie needed.
    server.clock.set(T0 + 12 * 60 * MINUTE);
    expect((await whoIs(minho.cookie)).headers.get('set-cookie')).toBeNull();

    server.clock.set(T0 + 20 * DAY);
    const used = await pull(server.app, minho.cookie).then(() => whoIs(minho.cookie));
    // The pull renewed it; the whoIs after it the same day did not need to.
    expect(used.headers.get('set-cookie')).toBeNull();
    server.clock.set(T0 + 21 * DAY + 1);
    const renewed = await whoIs(minho.cookie);
    expect(renewed.headers.get('set-cookie')).toBe(
      `${minho.cookie}; Path=/; Expires=${new Date(T0 + 51 * DAY + 1).toUTCString()}; HttpOnly; SameSite=Lax`,
    );

    // Past the first 30 days, still signed in; 30 days after the last use, not.
    server.clock.set(T0 + 50 * DAY);
    expect((await whoIs(minho.cookie)).status).toBe(200);
    server.clock.set(T0 + 80 * DAY);
    await expectError(await whoIs(minho.cookie), 401, 'auth.required');
  });

  it('renews the cookie on whatever request used it, a refused one too', async () => {
    const minho = await newSession(server.app);
    server.clock.set(T0 + 2 * DAY);
    const refused = await pushRequest(server.app, minho.cookie, { clientId: 'not-a-uuid', mutations: [] });
    expect(refused.status).toBe(400);
    expect(refused.headers.get('set-cookie')).toContain(`Expires=${new Date(T0 + 32 * DAY).toUTCString()}`);
  });
});

describe('sign-in failures', () => {
  /** A stranger's address, and the owner's. */
  const A = '203.0.113.7';
  const B = '198.51.100.20';
  const { perAddress, slowAfter, firstDelayMs, maxDelayMs } = SIGN_IN_FAILURES;

  const signInFrom = (address: string, nickname: string, password = PASSWORD) =>
    server.app.request(
      'http://localhost/api/auth/signin',
      { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ nickname, password }) },
      fromAddress(address),
    );

  it('do not lock the owner out: a stranger’s 20 wrong passwords from one address leave the owner’s sign-in from another untouched', async () => {
    await newSession(server.app, { nickname: 'minho', password: PASSWORD });
    for (let i = 0; i < 20; i++) expect([401, 429]).toContain((await signInFrom(A, 'minho', `guess-number-${i}`)).status);
    server.slept.length = 0;
    vi.mocked(verifyPassword).mockClear();

    const owner = await signInFrom(B, 'minho');
    expect(owner.status).toBe(200);
    expect(sessionCookieOf(owner)).toMatch(/^dongne_session=/);
    // Straight through: no wait, one password check.
    expect(server.slept).toEqual([]);
    expect(vi.mocked(verifyPassword)).toHaveBeenCalledTimes(1);
  });

  it('count every address of one IPv6 /64 network as one address', async () => {
    await newSession(server.app, { nickname: 'minho', password: PASSWORD });
    const statuses: number[] = [];
    // A new address from the same network for every guess.
    for (let i = 0; i < perAddress + 2; i++) statuses.push((await signInFrom(`2001:db8:0:1::${(i + 1).toString(16)}`, 'minho', `wrong-guess-${i}`)).status);
    expect(statuses).toEqual([...Array(perAddress).fill(401), 429, 429]);
    // Another network is another address: the owner there gets in.
    expect((await signInFrom('2001:db8:0:2::1', 'minho')).status).toBe(200);
  });

  it(`stop an address after ${perAddress} failures on a nickname with 429 and Retry-After, before the password is checked`, async () => {
    await newSession(server.app, { nickname: 'minho', password: PASSWORD });
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < 30; i++) {
      // The nickname counts regardless of case, so changing it does not buy more guesses.
      const response = await signInFrom(A, i % 2 ? 'minho' : 'MINHO', `guess-number-${i}`);
      statuses.push(response.status);
      if (response.status === 429) retryAfter = response.headers.get('retry-after');
    }
    expect(statuses).toEqual([...Array(perAddress).fill(401), ...Array(30 - perAddress).fill(429)]);
    expect(vi.mocked(verifyPassword)).toHaveBeenCalledTimes(perAddress);
    expect(retryAfter).toBe('900');

    // Even the right password from there waits for the window to pass.
    server.clock.set(T0 + 15 * MINUTE - 1_000);
    const held = await signInFrom(A, 'minho');
    const body = await expectError(held, 429, 'rate_limited');
    expect(body.error.message).toBe('Too many wrong passwords for this nickname from your address. Try again in 1 seconds.');
    expect(held.headers.get('retry-after')).toBe('1');
    expect(vi.mocked(verifyPassword)).toHaveBeenCalledTimes(perAddress);
    // Another nickname from the same address is not held back.
    await newSession(server.app, { nickname: 'jieun', password: PASSWORD });
    expect((await signInFrom(A, 'jieun')).status).toBe(200);

    server.clock.set(T0 + 15 * MINUTE);
    expect((await signInFrom(A, 'minho')).status).toBe(200);
  });

  it('count a burst of parallel guesses before checking any of them, so a script cannot slip past the limit', async () => {
    await newSession(server.app, { nickname: 'minho', password: PASSWORD });
    const burst = await Promise.all(Array.from({ length: 30 }, (_, i) => signInFrom(A, 'minho', `guess-number-${i}`)));
    const statuses = burst.map((r) => r.status).sort();
    expect(statuses).toEqual([...Array(perAddress).fill(401), ...Array(30 - perAddress).fill(429)]);
    expect(vi.mocked(verifyPassword)).toHaveBeenCalledTimes(perAddress);
  });

  it(`slow an address that failed, longer with each failure, once the nickname has ${slowAfter} failures from anywhere`, async () => {
    await newSession(server.app, { nickname: 'minho', password: PASSWORD });
    const waits: number[][] = [];
    for (let i = 0; i < perAddress; i++) {
      server.slept.length = 0;
      expect((await signInFrom(A, 'minho', `guess-number-${i}`)).status).toBe(401);
      waits.push([...server.slept]);
    }
    const growing = Array.from({ length: perAddress - slowAfter }, (_, i) => [Math.min(maxDelayMs, firstDelayMs * 2 ** i)]);
    expect(waits).toEqual([...Array.from({ length: slowAfter }, () => []), ...growing]);
    expect(growing.at(-1)![0]).toBeGreaterThan(growing[0][0]);
  });

  it('count failures on the nickname from every address: a spread-out guesser waits from its second guess on', async () => {
    await newSession(server.app, { nickname: 'minho', password: PASSWORD });
    const addresses = Array.from({ length: slowAfter + 2 }, (_, i) => `192.0.2.${i + 1}`);
    // One guess from each: nobody has failed before, so nobody waits.
    for (const address of addresses) expect((await signInFrom(address, 'minho', 'a wrong guess')).status).toBe(401);
    expect(server.slept).toEqual([]);
    // A second guess from any of them waits, as long as the nickname's failures say.
    expect((await signInFrom(addresses[0], 'minho', 'another wrong guess')).status).toBe(401);
    expect(server.slept).toEqual([Math.min(maxDelayMs, firstDelayMs * 2 ** (addresses.length - slowAfter))]);
  });

  it('slow and then stop the owner on an address that failed on their nickname, but not on another', async () => {
    await newSession(server.app, { nickname: 'minho', password: PASSWORD });
    for (let i = 0; i < slowAfter + 1; i++) await signInFrom(A, 'minho', `guess-number-${i}`);

    // The owner on the same address (a shared café network, say) waits, then gets in.
    server.slept.length = 0;
    expect((await signInFrom(A, 'minho')).status).toBe(200);
    expect(server.slept).toHaveLength(1);
    expect(server.slept[0]).toBeGreaterThan(0);

    for (let i = slowAfter + 1; i < perAddress; i++) await signInFrom(A, 'minho', `guess-number-${i}`);
    await expectError(await signInFrom(A, 'minho'), 429, 'rate_limited');

    // From home, the owner goes straight in.
    server.slept.length = 0;
    expect((await signInFrom(B, 'minho')).status).toBe(200);
    expect(server.slept).toEqual([]);
  });

  it(`hold one address to ${RATE_LIMITS.signIn.perIp} sign-in attempts per 15 minutes across nicknames, with Retry-After`, async () => {
    const { perIp } = RATE_LIMITS.signIn;
    // A different nickname each time, so only the per-address limit can stop them; sent in
    // parallel, as a script would.
    const first = await Promise.all(Array.from({ length: perIp }, (_, i) => signInFrom(A, `guess${i}`)));
    expect(first.map((r) => r.status)).toEqual(first.map(() => 401));

    const over = await signInFrom(A, 'someone.new');
    expect(await over.json()).toEqual({ error: { code: 'rate_limited', message: 'Too many requests. Try again in 900 seconds.' } });
    expect(over.status).toBe(429);
    expect(over.headers.get('retry-after')).toBe('900');
    // Another address is not held back.
    expect((await signInFrom(B, 'someone.new')).status).toBe(401);
  });
});

describe('without a session', () => {
  it('refuses every state-changing endpoint that needs one with 401, and changes nothing', async () => {
    const minho = await newSession(server.app);
    const phone = device();
    await push(server.app, minho.cookie, phone.clientId, [server.createListing(phone.nextSeq())]);
    const signedOut = await signIn(server.app, minho);
    await post('signout', {}, { cookie: signedOut });
    const expired = await signIn(server.app, minho);
    server.clock.advance(30 * DAY);
    const current = await signIn(server.app, minho);
    const before = await dumpTables(server.store);

    const cookies = [undefined, 'dongne_session=forged', signedOut, expired, 'other=1'];
    for (const cookie of cookies) {
      const headers: Record<string, string> = cookie ? { cookie } : {};
      const listing = listingArgs();
      await expectError(
        await pushRequest(server.app, cookie, {
          clientId: phone.clientId,
          mutations: [server.createListing(phone.nextSeq(), listing), deleteListing(phone.nextSeq(), listing.id)],
        }),
        401,
        'auth.required',
      );
      await expectError(await pushRequest(server.app, cookie, { clientId: device().clientId, mutations: [verifyNeighbourhood(1, 'kr-bundang-sunae', server.fixAt())] }), 401, 'auth.required');
      // Adding a passkey is a change to the signed-in account.
      await expectError(await post('passkey/register/options', {}, headers), 401, 'auth.required');
      await expectError(await whoIs(cookie), 401, 'auth.required');
    }
    // The expired session was forgotten when it was presented; nothing else changed.
    const { sessions, ...after } = await dumpTables(server.store);
    const { sessions: sessionsBefore, ...rest } = before;
    expect(after).toEqual(rest);
    const expiredHash = createHash('sha256').update(expired.split('=')[1]).digest('hex');
    expect(sessions).toEqual(sessionsBefore.filter((s) => (s as { token_hash: string }).token_hash !== expiredHash));
    expect((await whoIs(current)).status).toBe(200);
  });
});

describe('another account', () => {
  async function aliceWithListing() {
    const alice = await newSession(server.app, { nickname: 'alice' });
    const phone = device();
    const listing = listingArgs({ title: 'Alice’s rice cooker' });
    await push(server.app, alice.cookie, phone.clientId, [
      verifyNeighbourhood(phone.nextSeq(), 'kr-bundang-sunae', server.fixAt()),
      server.createListing(phone.nextSeq(), listing),
    ]);
    return { alice, phone, listing };
  }

  it('cannot delete the first account’s listing (listing.not_owner), nor overwrite it by reusing its id', async () => {
    const { listing } = await aliceWithListing();
    const mallory = await newSession(server.app, { nickname: 'mallory' });
    const malloryPhone = device();
    const { results } = await push(server.app, mallory.cookie, malloryPhone.clientId, [
      deleteListing(malloryPhone.nextSeq(), listing.id),
      server.createListing(malloryPhone.nextSeq(), { ...listing, title: 'Now Mallory’s', priceKrw: 1 }),
    ]);
    expect(results).toMatchObject([
      { status: 'rejected', code: 'listing.not_owner' },
      { status: 'rejected', code: 'listing.id_taken' },
    ]);
    expect(await server.store.listings.byId(listing.id)).toMatchObject({ title: 'Alice’s rice cooker', priceKrw: listing.priceKrw });
  });

  it('cannot push with the first account’s device id (403 sync.client_not_yours), and nothing changes', async () => {
    const { phone, listing } = await aliceWithListing();
    const mallory = await newSession(server.app, { nickname: 'mallory' });
    const before = await dumpTables(server.store);
    const response = await pushRequest(server.app, mallory.cookie, {
      clientId: phone.clientId,
      mutations: [deleteListing(phone.nextSeq(), listing.id), server.createListing(phone.nextSeq())],
    });
    await expectError(response, 403, 'sync.client_not_yours');
    expect(await dumpTables(server.store)).toEqual(before);
  });

  it('never gets the first account’s profile from a pull, not even with its device id', async () => {
    const { alice, phone } = await aliceWithListing();
    const mallory = await newSession(server.app, { nickname: 'mallory' });
    for (const clientId of [phone.clientId, undefined]) {
      const page = await pull(server.app, mallory.cookie, { clientId });
      expect(page.profile).toMatchObject({ actorId: mallory.actorId, nickname: 'mallory', verificationCount: 0 });
      // Nor how far Alice's device got.
      expect(page.lastSeq).toBe(0);
      expect(JSON.stringify(page.profile)).not.toContain(alice.actorId);
    }
    // Alice's two readings were in one neighbourhood on one day: one verification on her profile.
    expect((await pull(server.app, alice.cookie, { clientId: phone.clientId })).profile).toMatchObject({ actorId: alice.actorId, verificationCount: 1 });
  });
});

describe('nicknames that only look different', () => {
  it('refuses a second account whose nickname differs only in Unicode form, width or accented case', async () => {
    const { createApp } = await import('../app.js');
    const opened = await openTestStore({ neighbourhoods: 'none' });
    onTestFinished(() => opened.close());
    const app = createApp({ store: opened.store, clock: { now: () => Date.UTC(2026, 10, 25) }, config: { log: () => {} } });
    const signUp = (nickname: string) =>
      app.request('/api/auth/signup', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ nickname, password: 'a long password' }),
      });
    expect((await signUp('지은이네')).status).toBe(201);
    expect((await signUp('지은이네'.normalize('NFD'))).status).toBe(409);
    expect((await signUp('Émile')).status).toBe(201);
    expect((await signUp('émile')).status).toBe(409);
    expect((await signUp('ｊｉｅｕｎ')).status).toBe(201);
    expect((await signUp('JIEUN')).status).toBe(409);
  });
});
