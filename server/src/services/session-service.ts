// Accounts and their sessions: sign up, sign in, sign out, and "who is behind this cookie". A
// session lasts 30 days and is extended while it is used, so an app that is opened now and then
// stays signed in for weeks, offline in between.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Account, Credentials } from '@dongne/shared';
import { DuplicateError } from '../store/contract/duplicate-error.js';
import type { Repositories, Store } from '../store/contract/store.js';
import type { Clock } from './clock.js';
import { hashPassword, verifyPassword } from './password.js';
import { ServiceError } from './service-error.js';

const DAY = 24 * 60 * 60 * 1000;
export const SESSION_LIFETIME_MS = 30 * DAY;
/** Extend a session at most once a day, not on every request. */
const EXTEND_AFTER_MS = DAY;

export interface Actor {
  id: string;
  nickname: string;
  joinedAt: number;
}

export interface StartedSession {
  account: Account;
  token: string;
  expiresAt: number;
}

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

const SWEEP_EVERY_MS = 60 * 60 * 1000;

const nicknameTaken = (nickname: string) => new ServiceError(409, 'auth.nickname_taken', `The nickname “${nickname}” is taken. Try another.`);

/** `passwordCost`: scrypt's N for new password hashes (see password.ts). */
export function createSessionService(store: Store, clock: Clock, passwordCost: number) {
  let lastSweep = 0;
  // A hash of a random password, at the same cost as real ones: sign-in checks unknown nicknames
  // against it, so the response time does not tell which nicknames exist.
  const dummyHash = hashPassword(randomBytes(16).toString('hex'), passwordCost);
  /** Starts a session for `actor`, written through `db` (the store, or the caller's transaction). */
  async function start(actor: Actor, db: Repositories = store): Promise<StartedSession> {
    const token = randomBytes(32).toString('base64url');
    const now = clock.now();
    const expiresAt = now + SESSION_LIFETIME_MS;
    await db.sessions.insert(hashToken(token), actor.id, now, expiresAt);
    return { account: toAccount(actor), token, expiresAt };
  }

  async function assertNicknameFree(nickname: string) {
    if (await store.sessions.accountByNickname(nickname)) throw nicknameTaken(nickname);
  }

  /** `passwordHash` null: the account signs in with passkeys only. */
  async function createAccount(id: string, nickname: string, passwordHash: string | null, db: Repositories = store): Promise<Actor> {
    const actor = { id, nickname, joinedAt: clock.now() };
    try {
      await db.sessions.insertAccount({ id, nickname, createdAt: actor.joinedAt, passwordHash });
    } catch (error) {
      // Two sign-ups raced for the same nickname while the password was hashing.
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
     * Who is behind a cookie's token. A session in use is extended (at most once a day); then
     * `renewedUntil` is its new expiry, which the cookie must be given too.
     */
    async resume(token: string | undefined): Promise<{ actor: Actor; renewedUntil?: number } | undefined> {
      if (!token || token.length > 200) return undefined;
      const now = clock.now();
      // Sessions nobody presents again would otherwise stay forever: sweep them now and then.
      if (now - lastSweep > SWEEP_EVERY_MS) {
        lastSweep = now;
        await store.sessions.removeExpired(now);
      }
      const hash = hashToken(token);
      const row = await store.sessions.find(hash);
      if (!row) return undefined;
      if (row.expiresAt <= now) {
        await store.sessions.remove(hash);
        return undefined;
      }
      const actor = { id: row.actorId, nickname: row.nickname, joinedAt: row.createdAt };
      if (row.expiresAt - now >= SESSION_LIFETIME_MS - EXTEND_AFTER_MS) return { actor };
      const renewedUntil = now + SESSION_LIFETIME_MS;
      await store.sessions.extend(hash, renewedUntil);
      return { actor, renewedUntil };
    },

    async signUp({ nickname, password }: Credentials): Promise<StartedSession> {
      await assertNicknameFree(nickname);
      return start(await createAccount(randomUUID(), nickname, await hashPassword(password, passwordCost)));
    },

    assertNicknameFree,
    createAccount,
    start,

    async signIn({ nickname, password }: Credentials): Promise<StartedSession> {
      const row = await store.sessions.accountByNickname(nickname);
      // Hash even for an unknown nickname, so response time does not reveal which nicknames exist.
      const ok = await verifyPassword(password, row?.passwordHash ?? (await dummyHash));
      if (!row || !ok) throw new ServiceError(401, 'auth.invalid_credentials', 'That nickname and password do not match.');
      return start({ id: row.id, nickname: row.nickname, joinedAt: row.createdAt });
    },

    /** Whether the session a token names is still live, without extending it (for held connections). */
    async isLive(token: string): Promise<boolean> {
      const row = await store.sessions.find(hashToken(token));
      return row !== undefined && row.expiresAt > clock.now();
    },

    async signOut(token: string | undefined) {
      if (token) await store.sessions.remove(hashToken(token));
    },

    toAccount,
  };
}
export type SessionService = ReturnType<typeof createSessionService>;
