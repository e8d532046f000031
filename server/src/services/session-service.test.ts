// The session service over a real store (either engine) and a fixed clock: accounts with scrypt hashes,
// sessions stored by token hash, 30 days of disuse to expire, extended at most once a day.
import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixedClock, T0, TEST_PASSWORD_COST, type FixedClock } from '../testing/harness.js';
import { openTestStore, query, queryValue, type OpenedTestStore, type TestStore } from '../testing/test-store.js';
import { verifyPassword } from './password.js';
import { ServiceError } from './service-error.js';
import { createSessionService, SESSION_ABSOLUTE_MS, SESSION_LIFETIME_MS, SESSIONS_PER_ACCOUNT, type SessionService } from './session-service.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

let opened: OpenedTestStore;
let store: TestStore;
let clock: FixedClock;
let sessions: SessionService;
beforeEach(async () => {
  opened = await openTestStore({ neighbourhoods: 'none' });
  store = opened.store;
  clock = fixedClock();
  sessions = createSessionService(store, clock, TEST_PASSWORD_COST);
});
afterEach(() => opened.close());

const jieun = { nickname: '지은이네', password: 'seven-bridges-8' };

/** The error a call failed with (status, code and message), or undefined if it succeeded. */
async function refusal(attempt: Promise<unknown>) {
  try {
    await attempt;
    return undefined;
  } catch (error) {
    if (!(error instanceof ServiceError)) throw error;
    return { status: error.status, code: error.code, message: error.message };
  }
}

const sessionRow = async (token: string) =>
  (await query(store, 'SELECT * FROM sessions WHERE token_hash = ?', createHash('sha256').update(token).digest('hex')))[0] as
    | { actor_id: string; created_at: number; expires_at: number }
    | undefined;

describe('signing up', () => {
  it('creates the account with a scrypt hash of the password and starts a 30-day session', async () => {
    const started = await sessions.signUp(jieun);
    expect(started.account).toEqual({ actorId: expect.any(String), nickname: '지은이네', joinedAt: T0 });
    expect(started.token).toMatch(/^[\w-]{43}$/);
    expect(started.expiresAt).toBe(T0 + 30 * DAY);

    const [row] = await query(store, 'SELECT * FROM actors WHERE id = ?', started.account.actorId);
    expect(row).toMatchObject({ kind: 'account', nickname: '지은이네', created_at: T0 });
    // No token on the actor: sessions hold them. (SQLite keeps an older device-token column,
    // empty for accounts; PostgreSQL's schema has none.)
    expect(row.token_hash ?? null).toBeNull();
    // At the cost the service was given, which travels with the hash (see password.test.ts).
    expect(row.password_hash).toMatch(new RegExp(`^scrypt\\$${TEST_PASSWORD_COST}\\$8\\$1\\$`));
    expect(await verifyPassword(jieun.password, row.password_hash as string)).toBe(true);
  });

  it('stores only the SHA-256 of the session token, never the token or the password', async () => {
    const started = await sessions.signUp(jieun);
    expect(await sessionRow(started.token)).toEqual({
      token_hash: expect.stringMatching(/^[0-9a-f]{64}$/),
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      actor_id: started.account.actorId,
      created_at: T0,
      expires_at: T0 + SESSION_LIFETIME_MS,
      last_seen_at: T0,
      verified_at: T0,
      user_agent: '',
      address: null,
    });
    const everything = JSON.stringify([await query(store, 'SELECT * FROM actors'), await query(store, 'SELECT * FROM sessions')]);
    expect(everything).not.toContain(started.token);
    expect(everything).not.toContain(jieun.password);
  });

  it('refuses a nickname that is taken, whatever its case (409 auth.nickname_taken)', async () => {
    await sessions.signUp({ nickname: 'Minho', password: 'first-password' });
    for (const nickname of ['Minho', 'minho', 'MINHO']) {
      expect(await refusal(sessions.signUp({ nickname, password: 'second-password' }))).toEqual({
        status: 409,
        code: 'auth.nickname_taken',
        message: `The nickname “${nickname}” is taken. Try another.`,
      });
    }
    expect(Number(await queryValue(store, "SELECT count(*) FROM actors WHERE kind = 'account'"))).toBe(1);
  });

  it('lets only one of two sign-ups racing for the same nickname win', async () => {
    // Both pass the "is it free?" check before either has finished hashing its password.
    const outcomes = await Promise.all([
      refusal(sessions.signUp({ nickname: 'Minho', password: 'first-password' })),
      refusal(sessions.signUp({ nickname: 'MINHO', password: 'second-password' })),
    ]);
    expect(outcomes.filter((o) => o === undefined)).toHaveLength(1);
    expect(outcomes.find((o) => o !== undefined)).toMatchObject({ status: 409, code: 'auth.nickname_taken' });
    expect(Number(await queryValue(store, 'SELECT count(*) FROM sessions'))).toBe(1);
  });
});

describe('signing in', () => {
  it('starts a new session for the right password, whatever the nickname’s case', async () => {
    const { account, token: first } = await sessions.signUp({ nickname: 'Minho', password: 'first-password' });
    clock.advance(HOUR);
    const again = await sessions.signIn({ nickname: 'minho', password: 'first-password' });
    expect(again.account).toEqual(account);
    expect(again.token).not.toBe(first);
    expect(again.expiresAt).toBe(T0 + HOUR + SESSION_LIFETIME_MS);
    // Both devices stay signed in.
    expect((await sessions.resume(first))?.actor.id).toBe(account.actorId);
    expect((await sessions.resume(again.token))?.actor.id).toBe(account.actorId);
  });

  it('answers a wrong password and an unknown nickname alike, and starts no session', async () => {
    await sessions.signUp(jieun);
    const wrong = await refusal(sessions.signIn({ ...jieun, password: 'seven-bridges-9' }));
    const unknown = await refusal(sessions.signIn({ nickname: 'nobody', password: jieun.password }));
    expect(wrong).toEqual({ status: 401, code: 'auth.invalid_credentials', message: 'That nickname and password do not match.' });
    expect(unknown).toEqual(wrong);
    expect(Number(await queryValue(store, 'SELECT count(*) FROM sessions'))).toBe(1);
  });

  it('never lets a password into an account that signs in with passkeys only', async () => {
    await sessions.createAccount(crypto.randomUUID(), 'passkey.only', null);
    for (const password of ['', 'null', 'undefined', 'any password at all']) {
      expect(await refusal(sessions.signIn({ nickname: 'passkey.only', password }))).toMatchObject({ status: 401, code: 'auth.invalid_credentials' });
    }
  });
});

describe('a session', () => {
  it('is not found for an unknown, empty or oversized token', async () => {
    await sessions.signUp(jieun);
    for (const token of [undefined, '', 'not-a-real-token', 'a'.repeat(5_000)]) expect(await sessions.resume(token)).toBeUndefined();
  });

  it('expires after 30 days of disuse, and is then forgotten', async () => {
    const unused = await sessions.signUp(jieun);
    const lastMinute = await sessions.signIn(jieun);

    clock.set(T0 + 30 * DAY - 1);
    expect((await sessions.resume(lastMinute.token))?.actor.nickname).toBe('지은이네');
    clock.set(T0 + 30 * DAY);
    expect(await sessions.resume(unused.token)).toBeUndefined();
    expect(await sessionRow(unused.token)).toBeUndefined();
  });

  it('is extended while used, at most once a day', async () => {
    const { token } = await sessions.signUp(jieun);

    // Used the same day: nothing to write.
    clock.set(T0 + 23 * HOUR);
    expect(await sessions.resume(token)).toEqual({ actor: expect.objectContaining({ nickname: '지은이네' }), session: expect.anything() });
    expect((await sessionRow(token))?.expires_at).toBe(T0 + 30 * DAY);

    // More than a day later: another 30 days from now, which the caller puts on the cookie.
    clock.set(T0 + DAY + 1);
    expect(await sessions.resume(token)).toEqual({ actor: expect.anything(), session: expect.anything(), renewedUntil: T0 + 31 * DAY + 1 });
    expect((await sessionRow(token))?.expires_at).toBe(T0 + 31 * DAY + 1);
    expect((await sessions.resume(token))?.renewedUntil).toBeUndefined();

    // Opened every 25 days, it lasts longer than 30: nobody is signed out while using the app…
    for (const day of [26, 51]) {
      clock.set(T0 + day * DAY);
      expect((await sessions.resume(token))?.renewedUntil).toBe(T0 + (day + 30) * DAY);
    }
    // …but never past 90 days from the sign-in, however often it is used (the cookie is told so).
    clock.set(T0 + 76 * DAY);
    expect((await sessions.resume(token))?.renewedUntil).toBe(T0 + SESSION_ABSOLUTE_MS);
    clock.set(T0 + SESSION_ABSOLUTE_MS - 1);
    expect(await sessions.resume(token)).toBeDefined();
    clock.set(T0 + SESSION_ABSOLUTE_MS);
    expect(await sessions.resume(token)).toBeUndefined();
    expect(await sessionRow(token)).toBeUndefined();
  });

  it('ends a session 90 days after its sign-in even if it was used the day before (absolute lifetime)', async () => {
    const { token } = await sessions.signUp(jieun);
    // A session created 400 days ago and used within the last 30 days: as the attack found it.
    await store.sessions.extend(createHash('sha256').update(token).digest('hex'), T0 + 500 * DAY);
    clock.set(T0 + 400 * DAY);
    expect(await sessions.resume(token)).toBeUndefined();
  });

  it('keeps at most SESSIONS_PER_ACCOUNT sessions, ending the oldest first', async () => {
    const first = await sessions.signUp(jieun);
    const later = [];
    for (let i = 0; i < SESSIONS_PER_ACCOUNT; i++) {
      clock.advance(1000);
      later.push(await sessions.signIn(jieun, { userAgent: 'Mozilla/5.0 (Linux; Android 14) Chrome/130.0' }));
    }
    expect(Number(await queryValue(store, 'SELECT count(*) FROM sessions'))).toBe(SESSIONS_PER_ACCOUNT);
    expect(await sessions.resume(first.token)).toBeUndefined();
    for (const s of later) expect(await sessions.resume(s.token)).toBeDefined();
  });

  it('ends the browser’s previous session when it signs in again (rotation)', async () => {
    const before = await sessions.signUp(jieun);
    const after = await sessions.signIn(jieun, { previousToken: before.token });
    expect(await sessions.resume(before.token)).toBeUndefined();
    expect((await sessions.resume(after.token))?.actor.nickname).toBe('지은이네');
  });

  it('ends at sign-out, and only that one: the account’s other devices stay signed in', async () => {
    const phone = await sessions.signUp(jieun);
    const laptop = await sessions.signIn(jieun);
    await sessions.signOut(phone.token);
    expect(await sessions.resume(phone.token)).toBeUndefined();
    expect(await sessionRow(phone.token)).toBeUndefined();
    expect((await sessions.resume(laptop.token))?.actor.id).toBe(phone.account.actorId);
    // Signing out twice, or with no session at all, is harmless.
    await sessions.signOut(phone.token);
    await sessions.signOut(undefined);
    expect(await sessions.resume(laptop.token)).toBeDefined();
  });
});
