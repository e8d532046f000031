// Recovery by one-time codes: Dongne has no e-mail or SMS to reset a password through, so a person
// keeps ten codes, shown once, stored hashed. Each works once; new codes replace the old; using one
// signs every other device out. Guessing is held back like password sign-in: per address, and per
// nickname across addresses.
import { createHash, randomInt } from 'node:crypto';
import { nicknameKey } from '@dongne/shared';
import type { Store } from '../store/contract/store.js';
import type { Clock } from './clock.js';
import type { RateLimiter } from './rate-limiter.js';
import { ServiceError } from './service-error.js';
import type { CurrentSession, SessionService, SignInContext, StartedSession } from './session-service.js';
import { recordSecurityEvent } from './security-notice.js';

export const RECOVERY_CODE_COUNT = 10;
/** No 0/o, 1/l/i: a code copied by hand from paper must come back the same. 12 of 31 signs ≈ 59 bits. */
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
const CODE_LENGTH = 12;
/** Wrong codes one nickname may take per window, from all addresses together. */
const FAILURES_PER_NICKNAME = 20;
const WINDOW_MS = 15 * 60_000;

function newCode(): string {
  const chars = Array.from({ length: CODE_LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]);
  return `${chars.slice(0, 4).join('')}-${chars.slice(4, 8).join('')}-${chars.slice(8).join('')}`;
}

/** The code as typed: any case, dashes and spaces or none. */
function normalise(code: string): string {
  return code.toLowerCase().replace(/[\s-]/g, '');
}

// The codes are random and long, so a plain hash (salted with the account) is enough: there is no
// dictionary to try against it.
function hashCode(actorId: string, code: string): string {
  return createHash('sha256').update(`${actorId}:${normalise(code)}`).digest('hex');
}

const invalid = () => new ServiceError(401, 'recovery.invalid', 'That nickname and recovery code do not match, or the code was used already.');

export function createRecoveryCodes(store: Store, clock: Clock, session: SessionService, rateLimiter: RateLimiter) {
  return {
    /** New codes for the account, replacing any it had: shown to the person once, kept only hashed. */
    async create(current: CurrentSession): Promise<string[]> {
      const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newCode);
      const actorId = current.actor.id;
      await store.transaction(async (tx) => {
        await tx.recoveryCodes.replace(actorId, codes.map((code) => hashCode(actorId, code)), clock.now());
        await recordSecurityEvent(tx, actorId, 'recovery_codes_created', '', clock.now());
      });
      return codes;
    },

    remaining: (current: CurrentSession) => store.recoveryCodes.remaining(current.actor.id),

    /** Signs in with a code: it is used up, every other session of the account ends. */
    async recover({ nickname, code }: { nickname: string; code: string }, context: SignInContext): Promise<StartedSession & { remainingCodes: number }> {
      await rateLimiter.check('recover', { ip: context.address });
      const now = clock.now();
      const window = now - (now % WINDOW_MS);
      const failures = `recover:${nicknameKey(nickname)}:failures`;
      if ((await store.rateLimits.count(failures, window)) >= FAILURES_PER_NICKNAME) {
        const retryAfterS = Math.ceil((window + WINDOW_MS - now) / 1000);
        throw new ServiceError(429, 'rate_limited', `Too many wrong codes for this nickname. Try again in ${retryAfterS} seconds.`, undefined, retryAfterS);
      }
      const account = await store.sessions.accountByNickname(nickname);
      const used = account && (await store.recoveryCodes.use(account.id, hashCode(account.id, code), now));
      if (!account || !used) {
        await store.rateLimits.hit(failures, window);
        throw invalid();
      }
      const started = await store.transaction(async (tx) => {
        await tx.sessions.removeAllFor(account.id);
        await recordSecurityEvent(tx, account.id, 'recovery_used', '', now);
        return session.start({ id: account.id, nickname: account.nickname, joinedAt: account.createdAt }, { ...context, previousToken: undefined }, tx);
      });
      return { ...started, remainingCodes: await store.recoveryCodes.remaining(account.id) };
    },
  };
}
export type RecoveryCodes = ReturnType<typeof createRecoveryCodes>;
