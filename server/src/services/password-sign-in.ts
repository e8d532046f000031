// Password sign-in, guarded against guessing without letting a stranger lock anyone out. Failures
// are counted per nickname *and* address: wrong passwords from one place stop that place, never the
// owner signing in from another. An address that has failed on a nickname which is failing a lot
// (from anywhere) waits longer with each failure, and every address is held to RATE_LIMITS.signIn
// attempts across nicknames. The counters live in the database, so every server process shares them.
import { nicknameKey, type Credentials } from '@dongne/shared';
import type { Store } from '../store/contract/store.js';
import type { Clock, Sleep } from './clock.js';
import type { RateLimiter } from './rate-limiter.js';
import { ServiceError } from './service-error.js';
import type { SessionService, SignInContext, StartedSession } from './session-service.js';

export const SIGN_IN_FAILURES = {
  windowMs: 15 * 60_000,
  /** Failed sign-ins one address may make on one nickname per window; then 429 until it ends. */
  perAddress: 10,
  /** Failures on a nickname, from anywhere, after which an address that failed on it too waits. */
  slowAfter: 5,
  /** The wait doubles with each further failure on the nickname, up to maxDelayMs. */
  firstDelayMs: 1_000,
  maxDelayMs: 16_000,
} as const;

export function createPasswordSignIn(store: Store, clock: Clock, sleep: Sleep, session: SessionService, rateLimiter: RateLimiter) {
  const { windowMs, perAddress, slowAfter, firstDelayMs, maxDelayMs } = SIGN_IN_FAILURES;
  const windowStart = () => clock.now() - (clock.now() % windowMs);

  return {
    /** Signs in with a password from `address` (undefined: no socket, e.g. in-process requests). */
    async signIn(credentials: Credentials, address: string | undefined, context: SignInContext = {}): Promise<StartedSession> {
      await rateLimiter.check('signIn', { ip: address });
      const nickname = nicknameKey(credentials.nickname);
      const pair = `signIn:${nickname}:${address ?? 'unknown'}`;
      const nicknameFailures = `signIn:${nickname}:failures`;
      const window = windowStart();
      // The attempt counts before its password is checked, so a burst of parallel guesses cannot
      // all pass this check; successes count apart, and attempts less successes are failures (or
      // checks still running). The owner's own sign-ins are never failures.
      const attempts = await store.rateLimits.hit(`${pair}:attempts`, window);
      const failedHere = Math.max(0, attempts - 1 - (await store.rateLimits.count(`${pair}:successes`, window)));
      if (failedHere >= perAddress) {
        const retryAfterS = Math.ceil((window + windowMs - clock.now()) / 1000);
        throw new ServiceError(
          429,
          'rate_limited',
          `Too many wrong passwords for this nickname from your address. Try again in ${retryAfterS} seconds.`,
          undefined,
          retryAfterS,
        );
      }
      // An address with no failures here goes straight through, however many others are failing.
      const failedOnNickname = await store.rateLimits.count(nicknameFailures, window);
      if (failedHere > 0 && failedOnNickname >= slowAfter) {
        await sleep(Math.min(maxDelayMs, firstDelayMs * 2 ** (failedOnNickname - slowAfter)));
      }
      try {
        const started = await session.signIn(credentials, { address, ...context });
        await store.rateLimits.hit(`${pair}:successes`, windowStart());
        return started;
      } catch (error) {
        if (error instanceof ServiceError && error.code === 'auth.invalid_credentials') await store.rateLimits.hit(nicknameFailures, windowStart());
        throw error;
      }
    },
  };
}
export type PasswordSignIn = ReturnType<typeof createPasswordSignIn>;
