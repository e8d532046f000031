// Rate limits per client IP and per actor, by named rule. Limits live here, in one table.
import type { Store } from '../store/contract/store.js';
import type { Clock } from './clock.js';
import { ServiceError } from './service-error.js';

export const RATE_LIMITS = {
  /** A device catching up pushes its outbox 100 mutations a request. */
  push: { windowMs: 60_000, perActor: 300, perIp: 600 },
  /** Every password sign-in attempt from an address; failures per nickname: SIGN_IN_FAILURES. */
  signIn: { windowMs: 15 * 60_000, perActor: Infinity, perIp: 50 },
  signUp: { windowMs: 60 * 60_000, perActor: Infinity, perIp: 20 },
  /** Recovery-code sign-ins from an address; wrong codes per nickname: recovery-codes.ts. */
  recover: { windowMs: 15 * 60_000, perActor: Infinity, perIp: 20 },
  /** Adding passkeys: a few tries on a new phone is normal; thousands filling the disk are not. */
  passkeyRegister: { windowMs: 60 * 60_000, perActor: 20, perIp: 60 },
  /** Password and passkey checks before a change to the account. */
  confirm: { windowMs: 15 * 60_000, perActor: 20, perIp: 50 },
  /** Two files (photo and thumbnail) per picture, up to ten pictures a listing; retries count too. */
  mediaUpload: { windowMs: 60 * 60_000, perActor: 300, perIp: 600 },
  /** Trying a few profile photos in a row is normal; a script rewriting one every second is not. */
  profilePhoto: { windowMs: 60 * 60_000, perActor: 20, perIp: 60 },
  /** Someone leafing through listings opens a few a minute; this stops a script inflating counts. */
  view: { windowMs: 60_000, perActor: 60, perIp: 120 },
  /** A device opens its live channel on start, on reconnecting and when its area changes. */
  live: { windowMs: 60_000, perActor: Infinity, perIp: 120 },
} as const;

export type RateLimitRule = keyof typeof RATE_LIMITS;

export function createRateLimiter(store: Store, clock: Clock) {
  let lastPrune = 0;
  return {
    /** Counts one request; throws 429 (with the seconds until the window resets) when over a limit. */
    async check(rule: RateLimitRule, who: { ip?: string; actorId?: string }): Promise<void> {
      const { windowMs, perActor, perIp } = RATE_LIMITS[rule];
      const now = clock.now();
      const windowStart = now - (now % windowMs);
      if (now - lastPrune > 10 * 60_000) {
        lastPrune = now;
        await store.rateLimits.prune(now - 2 * 60 * 60_000);
      }
      const over =
        (who.ip && (await store.rateLimits.hit(`${rule}:ip:${who.ip}`, windowStart)) > perIp) ||
        (who.actorId && (await store.rateLimits.hit(`${rule}:actor:${who.actorId}`, windowStart)) > perActor);
      if (over) {
        const retryAfterS = Math.ceil((windowStart + windowMs - now) / 1000);
        throw new ServiceError(429, 'rate_limited', `Too many requests. Try again in ${retryAfterS} seconds.`, undefined, retryAfterS);
      }
    },
  };
}
export type RateLimiter = ReturnType<typeof createRateLimiter>;
