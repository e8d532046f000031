// Great-circle distance on a spherical Earth: accurate to ~0.5% at neighbourhood scale, which is
// far inside GPS error.
export interface LatLng {
  lat: number;
  lng: number;
}

/** The mean Earth radius: the sphere every distance in Dongne is measured on. */
export const EARTH_RADIUS_M = 6_371_008.8;
/** Metres per degree of latitude on that sphere (a degree of longitude is this times cos(latitude)). */
export const METRES_PER_DEGREE_LAT = (2 * Math.PI * EARTH_RADIUS_M) / 360;
const rad = (deg: number) => (deg * Math.PI) / 180;

export function distanceM(a: LatLng, b: LatLng): number {
  const dLat = rad(b.lat - a.lat);
  const dLng = rad(b.lng - a.lng);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** "4.2 km" or "850 m", as people say it. */
export function formatDistance(meters: number): string {
  return meters >= 1000 ? `${(meters / 1000).toFixed(1)} km` : `${Math.round(meters)} m`;
}
