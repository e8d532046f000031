// The device's own look at where a listing is published from, before it waits offline for the
// server. The server's check when the listing syncs stays the rule: this only warns early, so a
// listing published from far away does not look published and quietly turn back into a draft later.
import { distanceM, distanceOutsideM, VERIFICATION_RULES, type Fix, type MultiPolygonCoords } from '@dongne/shared';

/** A neighbourhood as this device knows it: always its centre, its boundary only if it was sent. */
export interface KnownPlace {
  lat: number;
  lng: number;
  radiusM?: number | null;
  polygons?: MultiPolygonCoords | null;
}

/**
 * Without a boundary the device takes the neighbourhood to reach this far from its centre: wider
 * than any neighbourhood Dongne knows (the widest demo dong is 1.5 km across its radius), so only a
 * reading that is clearly outside warns, and one at the edge of a large dong never does.
 */
export const ASSUMED_REACH_M = 3_000;

export type PlaceCheck =
  /** Inside, or too close to the boundary to say: nothing to warn about. */
  | { kind: 'fine' }
  /** Clearly outside, even giving the reading the benefit of its accuracy. `distanceM` is from the centre. */
  | { kind: 'outside'; distanceM: number }
  /** Too vague for the server to place anyone (it refuses readings vaguer than its bound). */
  | { kind: 'imprecise'; accuracyM: number };

/** The decision, with the server's own rules: outside by more than the reading's accuracy. */
export function checkPlace(fix: Fix, place: KnownPlace): PlaceCheck {
  const centroid = { lat: place.lat, lng: place.lng };
  const hasBoundary = !!place.polygons || place.radiusM != null;
  const outside = distanceOutsideM(fix, {
    name: '',
    centroid,
    polygons: place.polygons ?? null,
    radiusM: hasBoundary ? (place.radiusM ?? null) : ASSUMED_REACH_M,
  });
  if (outside > fix.accuracy) return { kind: 'outside', distanceM: distanceM(fix, centroid) };
  if (fix.accuracy > VERIFICATION_RULES.maxAccuracyM) return { kind: 'imprecise', accuracyM: fix.accuracy };
  return { kind: 'fine' };
}
