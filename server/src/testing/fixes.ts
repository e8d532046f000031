// GPS fixes for tests: what a phone standing in a demo neighbourhood reports, taken when the test's
// clock says, each one distinct so the server never refuses it as a replay. Tests only.
import type { Fix, LatLng } from '@dongne/shared';
import type { Clock } from '../services/clock.js';
import { legacyPlaces } from '../services/neighbourhood-setup.js';
import type { NeighbourhoodRow } from '../store/contract/neighbourhoods.js';

/** Where test listings are unless a test says otherwise: Sunae 1-dong, the visitors' default area. */
export const HOME = 'kr-3102353';

/** Metres per degree of latitude on the sphere that distanceM uses. */
const M_PER_DEG_LAT = (2 * Math.PI * 6_371_008.8) / 360;

/** The point `northM` metres north and `eastM` metres east of `from` (negative for south and west). */
export function offset(from: LatLng, northM: number, eastM = 0): LatLng {
  return {
    lat: from.lat + northM / M_PER_DEG_LAT,
    lng: from.lng + eastM / (M_PER_DEG_LAT * Math.cos((from.lat * Math.PI) / 180)),
  };
}

export interface FixOptions {
  /** Stand this far from the point (default: on it). */
  northM?: number;
  eastM?: number;
  /** Metres; 20 is what a phone outdoors reports. */
  accuracy?: number;
}

/** A fix at `place` (a neighbourhood's centre, or any point) taken at `takenAt`. */
export function fixAt(place: LatLng, takenAt: number, { northM = 0, eastM = 0, accuracy = 20 }: FixOptions = {}): Fix {
  const { lat, lng } = offset(place, northM, eastM);
  return { lat, lng, accuracy, takenAt };
}

export type FixSource = (neighbourhoodId?: string, options?: FixOptions) => Fix;

/**
 * Hands out fixes at the centres of `places` (the store's neighbourhoods, read once) that pass every check: each is taken
 * at the clock's now (or 1 ms after the previous one) and a few metres from the previous one (on a
 * grid up to 200 m from the centre), so none is stale, from before the account, or a replay.
 * Travel between neighbourhoods still needs the clock moved on, as in life.
 */
export function fixSource(places: readonly NeighbourhoodRow[], clock: Clock): FixSource {
  const byId = new Map<string, LatLng>(places.map((place) => [place.id, place]));
  // The demo's old ids, and the dongs that replaced them, stand where the circles' centres stood:
  // inside each dong for sure, where a dong's centroid need not be (a crescent's is not).
  const placed = new Set<string>();
  for (const old of legacyPlaces()) {
    if (!places.some((p) => p.id === old.dongId)) continue;
    byId.set(old.id, old);
    if (!placed.has(old.dongId)) byId.set(old.dongId, old);
    placed.add(old.dongId);
  }
  let last = -Infinity;
  let handedOut = 0;
  return (neighbourhoodId = HOME, options = {}) => {
    const place = byId.get(neighbourhoodId);
    if (!place) throw new Error(`The test store has no neighbourhood "${neighbourhoodId}"; import the demo ones first.`);
    last = Math.max(last + 1, clock.now());
    const step = handedOut++ % 10_000;
    const grid = { northM: 2 * (step % 100), eastM: 2 * Math.floor(step / 100) };
    return fixAt(place, last, { ...options, northM: (options.northM ?? 0) + grid.northM, eastM: (options.eastM ?? 0) + grid.eastM });
  };
}
