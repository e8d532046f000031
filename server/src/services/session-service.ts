// Accounts and their sessions: sign up, sign in, sign out, and "who is behind this cookie". A
// session lasts 30 days and is extended while it is used, so an app that is opened now and then
// stays signed in for weeks, offline in between; but never past 90 days from its sign-in, so a
// stolen cookie does not last for ever. Signing in ends the browser's previous session, and an
// account keeps at most SESSIONS_PER_ACCOUNT (the oldest end first).
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { nicknameKey, type Account, type Credentials } from '@dongne/shared';
import { nicknameSkeleton } from './nickname-skeleton.js';
import { DuplicateError } from '../store/contract/duplicate-error.js';
import type { Repositories, Store } from '../store/contract/store.js';
import type { Clock } from './clock.js';
import { deviceName } from './device-name.js';
import { hashPassword, passwordCostOf, verifyPassword } from './password.js';
import { assertStrongPassword } from './password-policy.js';
import { ServiceError } from './service-error.js';
import { recordSecurityEvent } from './security-notice.js';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
export const SESSION_LIFETIME_MS = 30 * DAY;
/** No session outlives this from its sign-in, however often it is used. */
export const SESSION_ABSOLUTE_MS = 90 * DAY;
/** Signed-in devices one account keeps; a new sign-in past this ends the oldest. */
export const SESSIONS_PER_ACCOUNT = 10;
/** Changes to the account (a passkey, the password, recovery codes, deletion) need a proof this recent. */
export const FRESH_PROOF_MS = 5 * MINUTE;
/** Extend a session at most once a day, not on every request. */
const EXTEND_AFTER_MS = DAY;
/** "Last active" is kept to the quarter hour: a write per request would be wasted. */
const TOUCH_AFTER_MS = 15 * MINUTE;

export interface Actor {
  id: string;
  nickname: string;
  joinedAt: number;
}

/** The session a request came with. */
export interface CurrentSession {
  id: string;
  tokenHash: string;
  actor: Actor;
  /** When the person last proved who they are on it. */
  verifiedAt: number;
}

/** Where a sign-in comes from: the browser's User-Agent, the address, and the session cookie it already had. */
export interface SignInContext {
  userAgent?: string;
  address?: string;
  /** The token of the session this browser held, ended by the new sign-in. */
  previousToken?: string;
}

export interface StartedSession {
  account: Account;
  token: string;
  expiresAt: number;
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

const SWEEP_EVERY_MS = 60 * 60 * 1000;

/** The refusal of a change that needs a fresh proof the session does not hold. */
export const proofNeeded = () =>
  new ServiceError(403, 'auth.reauthentication_required', 'Confirm it is you (your password or a passkey) before changing your account.');

const nicknameTaken = (nickname: string) => new ServiceError(409, 'auth.nickname_taken', `The nickname “${nickname}” is taken. Try another.`);

/** `passwordCost`: scrypt's N for new password hashes (see password.ts). */
export function createSessionService(store: Store, clock: Clock, passwordCost: number) {
  let lastSweep = 0;
  // A hash of a random password, at the same cost as real ones: sign-in checks unknown nicknames
  // against it, so the response time does not tell which nicknames exist.
  const dummyHash = hashPassword(randomBytes(16).toString('hex'), passwordCost);

  /** Starts a session for `actor`, written through `db` (the store, or the caller's transaction). */
  async function start(actor: Actor, context: SignInContext = {}, db: Repositories = store): Promise<StartedSession> {
    const token = randomBytes(32).toString('base64url');
    const now = clock.now();
    const expiresAt = now + SESSION_LIFETIME_MS;
    const userAgent = (context.userAgent ?? '').slice(0, 300);
    let sameBrowser = false;
    if (context.previousToken) {
      // Rotate: the cookie this browser had (whoever's) ends with the new sign-in.
      const previous = await db.sessions.find(hashToken(context.previousToken));
      sameBrowser = previous?.actorId === actor.id;
      if (previous) await db.sessions.remove(hashToken(context.previousToken));
    }
    const others = await db.sessions.forActor(actor.id);
    const knownDevice = sameBrowser || others.some((s) => s.userAgent === userAgent);
    if (!knownDevice && (others.length > 0 || (await db.passkeys.countFor(actor.id)) > 0 || context.previousToken !== undefined)) {
      // Its change number must commit with it (a pull never skips one): in a transaction of its own
      // when the sign-in is not written in one.
      const record = (tx: Repositories) => recordSecurityEvent(tx, actor.id, 'new_device_sign_in', deviceName(userAgent), now);
      await (db === store ? store.transaction(record) : record(db));
    }
    await db.sessions.insert({ tokenHash: hashToken(token), id: randomUUID(), actorId: actor.id, createdAt: now, expiresAt, userAgent, address: context.address ?? null });
    await db.sessions.trimFor(actor.id, SESSIONS_PER_ACCOUNT);
    return { account: toAccount(actor), token, expiresAt };
  }

  async function assertNicknameFree(nickname: string) {
    if (await store.sessions.accountByNickname(nickname)) throw nicknameTaken(nickname);
    // As drawn, and as typed in any case: a held `jieun` keeps `JIEUN` back too.
    for (const skeleton of new Set([nicknameSkeleton(nickname), nicknameSkeleton(nicknameKey(nickname))])) {
      if (await store.sessions.nicknameInUse(skeleton, clock.now())) throw nicknameTaken(nickname);
    }
  }

  /** `passwordHash` null: the account signs in with passkeys only. */
  async function createAccount(id: string, nickname: string, passwordHash: string | null, db: Repositories = store): Promise<Actor> {
    const actor = { id, nickname, joinedAt: clock.now() };
    try {
      await db.sessions.insertAccount({ id, nickname, skeleton: nicknameSkeleton(nickname), createdAt: actor.joinedAt, passwordHash });
    } catch (error) {
      // Two sign-ups raced for the same nickname (or look-alikes) while the password was hashing.
      if (error instanceof DuplicateError) throw nicknameTaken(nickname);
      throw error;
    }
    return actor;
  }

  function toAccount(actor: Actor): Account {
    return { actorId: actor.id, nickname: actor.nickname, joinedAt: actor.joinedAt };
  }

  return {
    /**
     * Who is behind a cookie's token. A session in use is extended (at most once a day, never past
     * its absolute lifetime); then `renewedUntil` is its new expiry, which the cookie must be given too.
     */
    async resume(token: string | undefined): Promise<{ actor: Actor; session: CurrentSession; renewedUntil?: number } | undefined> {
      if (!token || token.length > 200) return undefined;
      const now = clock.now();
      // Sessions nobody presents again would otherwise stay forever: sweep them now and then.
      if (now - lastSweep > SWEEP_EVERY_MS) {
        lastSweep = now;
        await store.sessions.removeExpired(now, now - SESSION_ABSOLUTE_MS);
      }
      const tokenHash = hashToken(token);
      const row = await store.sessions.find(tokenHash);
      if (!row) return undefined;
      const endsAt = row.startedAt + SESSION_ABSOLUTE_MS;
      if (row.expiresAt <= now || endsAt <= now) {
        await store.sessions.remove(tokenHash);
        return undefined;
      }
      const actor = { id: row.actorId, nickname: row.nickname, joinedAt: row.createdAt };
      const session = { id: row.id, tokenHash, actor, verifiedAt: row.verifiedAt };
      if (now - row.lastSeenAt >= TOUCH_AFTER_MS) await store.sessions.touch(tokenHash, now);
      const renewedUntil = Math.min(now + SESSION_LIFETIME_MS, endsAt);
      if (renewedUntil - row.expiresAt < EXTEND_AFTER_MS) return { actor, session };
      await store.sessions.extend(tokenHash, renewedUntil);
      return { actor, session, renewedUntil };
    },

    async signUp({ nickname, password }: Credentials, context: SignInContext = {}): Promise<StartedSession> {
      await assertNicknameFree(nickname);
      await assertStrongPassword(password, nickname);
      return start(await createAccount(randomUUID(), nickname, await hashPassword(password, passwordCost)), context);
    },

    assertNicknameFree,
    createAccount,
    start,

    async signIn({ nickname, password }: Credentials, context: SignInContext = {}): Promise<StartedSession> {
      const row = await store.sessions.accountByNickname(nickname);
      // Hash even for an unknown nickname, so response time does not reveal which nicknames exist.
      const ok = await verifyPassword(password, row?.passwordHash ?? (await dummyHash));
      if (!row || !ok) throw new ServiceError(401, 'auth.invalid_credentials', 'That nickname and password do not match.');
      // A hash made at a lower cost than today's is made again now, while the password is at hand.
      if (passwordCostOf(row.passwordHash!) < passwordCost) await store.sessions.setPasswordHash(row.id, await hashPassword(password, passwordCost));
      return start({ id: row.id, nickname: row.nickname, joinedAt: row.createdAt }, context);
    },

    /** Whether the session a token names is still live, without extending it (for held connections). */
    async isLive(token: string): Promise<boolean> {
      const row = await store.sessions.find(hashToken(token));
      const now = clock.now();
      return row !== undefined && row.expiresAt > now && row.startedAt + SESSION_ABSOLUTE_MS > now;
    },

    /** Whether the person proved who they are on this session within FRESH_PROOF_MS. */
    isFresh(session: CurrentSession): boolean {
      return clock.now() - session.verifiedAt <= FRESH_PROOF_MS;
    },

    /** Records a fresh proof (a password or passkey check) on the session. */
    async markVerified(session: CurrentSession) {
      session.verifiedAt = clock.now();
      await store.sessions.setVerified(session.tokenHash, session.verifiedAt);
    },

    async signOut(token: string | undefined) {
      if (token) await store.sessions.remove(hashToken(token));
    },

    toAccount,
  };
}
export type SessionService = ReturnType<typeof createSessionService>;
