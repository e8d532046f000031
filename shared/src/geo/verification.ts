// The rules a GPS fix must pass to prove a person is in a neighbourhood. Pure: the server runs them
// at push time with its clock and the person's history; the thresholds live here and nowhere else.
import { distanceM, formatDistance, type LatLng } from './distance.js';
import { distanceToPolygonsM, type MultiPolygonCoords } from './polygon.js';
import type { Fix } from '../sync.js';
import type { LocationErrorCode } from '../error-codes.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export const VERIFICATION_RULES = {
  /** A fix vaguer than this cannot place anyone in a neighbourhood a few km across. */
  maxAccuracyM: 150,
  /** No phone measures its place to better than a metre; a fix claiming so is made up. */
  minAccuracyM: 1,
  /** Two readings this close in place and time are one reading sent twice. */
  sameReadingM: 1,
  sameReadingMs: 1_000,
  /** Offline fixes travel with the mutation; older than this and it proves nothing about today. */
  maxFixAgeMs: 24 * HOUR,
  /** Phone clocks drift; more than this in the future is a forged or broken clock. */
  maxFutureSkewMs: 5 * MINUTE,
  /** Faster than an airliner between two fixes is a spoofed location. */
  maxSpeedKmh: 900,
  /** How long a passed verification lets a person trade in that neighbourhood. */
  validForMs: 30 * DAY,
} as const;

export interface NeighbourhoodArea {
  name: string;
  centroid: LatLng;
  /** Either a radius around the centroid… */
  radiusM: number | null;
  /** …or a boundary. */
  polygons: MultiPolygonCoords | null;
}

export type VerificationAction = 'verify' | 'publish';

export type FixCheck =
  | { ok: true; distanceM: number }
  | { ok: false; code: LocationErrorCode; message: string; distanceM?: number };

const tapped = (action: VerificationAction) => (action === 'publish' ? 'tapped Publish' : 'tapped Verify');

function ago(ms: number): string {
  if (ms >= 2 * DAY) return `${Math.floor(ms / DAY)} days`;
  if (ms >= 2 * HOUR) return `${Math.floor(ms / HOUR)} hours`;
  const minutes = Math.round(ms / MINUTE);
  if (minutes === 0) return 'less than a minute';
  return minutes === 1 ? '1 minute' : `${minutes} minutes`;
}

/** How far the fix is outside the area, in metres (0 inside). */
export function distanceOutsideM(point: LatLng, area: NeighbourhoodArea): number {
  if (area.polygons) return distanceToPolygonsM(point, area.polygons);
  return Math.max(0, distanceM(point, area.centroid) - (area.radiusM ?? 0));
}

export function checkFix(input: {
  fix: Fix;
  area: NeighbourhoodArea;
  now: number;
  action: VerificationAction;
  /** The person's accepted fix just before this one in time, for the travel-speed check. */
  previousFix?: Fix;
  /** …and just after it (when this fix was taken offline and arrives late). */
  laterFix?: Fix;
  /** True if this reading (or one within a metre and a second of it) was already used by a verification. */
  replayed: boolean;
  /** When the person's account was made: a reading taken before then is not theirs. */
  accountCreatedAt?: number;
  /**
   * The person's accepted reading taken after this one in another neighbourhood, if any: a reading
   * older than where they have been since cannot verify them in its place now.
   */
  laterElsewhere?: { name: string; takenAt: number };
}): FixCheck {
  const { fix, area, now, action, previousFix } = input;
  const rules = VERIFICATION_RULES;

  if (fix.takenAt > now + rules.maxFutureSkewMs) {
    return {
      ok: false,
      code: 'location.from_future',
      message: `Your location is dated ${ago(fix.takenAt - now)} in the future. Check your phone's date and time, then try again.`,
    };
  }
  const age = now - fix.takenAt;
  if (age > rules.maxFixAgeMs) {
    return {
      ok: false,
      code: 'location.stale',
      message: `Your location was taken ${ago(age)} before it reached us; it must be less than ${ago(rules.maxFixAgeMs)} old. Verify again where you are now.`,
    };
  }
  // Allowing for the phone's clock running behind the server's, as for the future.
  if (input.accountCreatedAt !== undefined && fix.takenAt < input.accountCreatedAt - rules.maxFutureSkewMs) {
    return {
      ok: false,
      code: 'location.before_account',
      message: 'This location was taken before your account existed. Verify again where you are now.',
    };
  }
  if (fix.accuracy < rules.minAccuracyM) {
    return {
      ok: false,
      code: 'location.implausible_accuracy',
      message: `Your phone reported a location accurate to ${formatDistance(fix.accuracy)}, which no phone can measure. Turn off any app that sets your location, then try again.`,
    };
  }
  if (fix.accuracy > rules.maxAccuracyM) {
    return {
      ok: false,
      code: 'location.inaccurate',
      message: `Your location was only accurate to ${formatDistance(fix.accuracy)}; we need ${rules.maxAccuracyM} m or better. Turn on precise location or step outside, then try again.`,
    };
  }
  if (input.replayed) {
    return { ok: false, code: 'location.replayed', message: 'That location reading was already used. Take a new one.' };
  }
  if (input.laterElsewhere) {
    return {
      ok: false,
      code: 'location.superseded',
      message: `This location was taken ${ago(input.laterElsewhere.takenAt - fix.takenAt)} before you verified in ${input.laterElsewhere.name}, so it cannot verify you in ${area.name} now. Verify again where you are now.`,
    };
  }
  // Against the accepted fixes just before and just after this one in time: a fix that arrives
  // late (taken offline) must fit between them too.
  for (const [other, when] of [[previousFix, 'earlier'], [input.laterFix, 'later']] as const) {
    if (!other) continue;
    const moved = Math.max(0, distanceM(fix, other) - fix.accuracy - other.accuracy);
    const hours = Math.abs(fix.takenAt - other.takenAt) / HOUR;
    if (moved > 0 && (hours === 0 || moved / 1000 / hours > rules.maxSpeedKmh)) {
      return {
        ok: false,
        code: 'location.impossible_travel',
        message: `This location is ${formatDistance(moved)} from where you were ${ago(Math.abs(fix.takenAt - other.takenAt))} ${when} — faster than anyone can travel. Try again from where you are.`,
      };
    }
  }
  const outside = distanceOutsideM(fix, area);
  // The person may be anywhere inside the accuracy circle: give them its benefit.
  if (outside > fix.accuracy) {
    const fromCentre = distanceM(fix, area.centroid);
    return {
      ok: false,
      code: 'location.too_far',
      message: `You were ${formatDistance(fromCentre)} from ${area.name} when you ${tapped(action)}.`,
      distanceM: fromCentre,
    };
  }
  return { ok: true, distanceM: distanceM(fix, area.centroid) };
}

/**
 * Whether a reading taken at `takenAt` still lets the person trade where it was taken. Readings count
 * from when they were taken, not when they arrived, and only until the person's next reading
 * somewhere else: the caller passes the reading that verifies them there only if none came after it.
 */
export function isVerificationCurrent(takenAt: number | null | undefined, now: number): boolean {
  return takenAt != null && now - takenAt <= VERIFICATION_RULES.validForMs;
}

/** Whether two readings are the same one sent twice: within a metre and a second of each other. */
export function isSameReading(a: Fix, b: Fix): boolean {
  return Math.abs(a.takenAt - b.takenAt) <= VERIFICATION_RULES.sameReadingMs && distanceM(a, b) <= VERIFICATION_RULES.sameReadingM;
}
