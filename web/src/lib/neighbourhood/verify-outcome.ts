// The story the neighbourhood screen tells after "Verify my neighbourhood": the server judges the
// reading when it syncs and answers only with a code, so the device remembers how far the reading
// was from the neighbourhood's centre (a distance, never the coordinates) to say it in words.
import { isVerificationCurrent, VERIFICATION_RULES } from '@dongne/shared';

const ATTEMPT_KEY = 'dongne.lastVerifyAttempt';

export interface VerifyAttempt {
  neighbourhoodId: string;
  /** From the neighbourhood's centre, as the server measures a reading that is too far. */
  distanceM: number;
  at: number;
}

export function rememberVerifyAttempt(attempt: VerifyAttempt, storage: Pick<Storage, 'setItem'> | undefined = globalThis.localStorage): void {
  try {
    storage?.setItem(ATTEMPT_KEY, JSON.stringify(attempt));
  } catch {
    // Without it the refusal is still explained, only without the distance.
  }
}

export function lastVerifyAttempt(storage: Pick<Storage, 'getItem'> | undefined = globalThis.localStorage): VerifyAttempt | undefined {
  try {
    const value = JSON.parse(storage?.getItem(ATTEMPT_KEY) ?? 'null') as VerifyAttempt | null;
    return value && typeof value.distanceM === 'number' && typeof value.at === 'number' ? value : undefined;
  } catch {
    return undefined;
  }
}

/** Until when a verification by a reading taken at `verifiedAt` lasts, or null if it no longer does. */
export function verifiedUntil(verifiedAt: number | null, now: number): number | null {
  return verifiedAt !== null && isVerificationCurrent(verifiedAt, now) ? verifiedAt + VERIFICATION_RULES.validForMs : null;
}

export interface FailedCheck {
  /** Why, in words the screen has: a distance for a reading too far away, else the server's code. */
  reason: { kind: 'far'; distanceM: number } | { kind: 'code'; code: string };
  /** Until when the person stays verified in the active neighbourhood from an earlier check; null if not. */
  stillVerifiedUntil: number | null;
}

/** One consistent account of a refused verification: why this check failed, and where that leaves the person. */
export function failedCheck(input: {
  rejection: { code: string; at: number };
  attempt?: VerifyAttempt;
  /** The active neighbourhood as the profile holds it. */
  active?: { verifiedAt: number | null };
  now: number;
}): FailedCheck {
  const { rejection, attempt, active, now } = input;
  // Only the reading this refusal answers: one taken before the refusal arrived.
  const far = rejection.code === 'location.too_far' && attempt && attempt.at <= rejection.at;
  return {
    reason: far ? { kind: 'far', distanceM: attempt.distanceM } : { kind: 'code', code: rejection.code },
    stillVerifiedUntil: verifiedUntil(active?.verifiedAt ?? null, now),
  };
}

