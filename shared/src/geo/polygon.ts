// Point-in-polygon and distance-to-boundary for GeoJSON rings ([lng, lat] positions), using a local
// flat projection around the point: exact enough for areas a few kilometres across.
import { METRES_PER_DEGREE_LAT, type LatLng } from './distance.js';

export type Position = [number, number];
/** GeoJSON Polygon coordinates: an outer ring, then holes. */
export type PolygonCoords = Position[][];
/** GeoJSON MultiPolygon coordinates. */
export type MultiPolygonCoords = PolygonCoords[];

/**
 * Distance in metres from the point to the area: 0 if inside (outside every hole), otherwise the
 * distance to the nearest edge. Positions are projected one by one as the rings are walked, flat
 * around the point, so a lookup measuring many boundaries allocates nothing.
 */
export function distanceToPolygonsM(point: LatLng, polygons: MultiPolygonCoords): number {
  const mPerDegLng = METRES_PER_DEGREE_LAT * Math.cos((point.lat * Math.PI) / 180);
  let nearestSq = Infinity;
  for (const polygon of polygons) {
    let inside = false;
    for (let r = 0; r < polygon.length; r++) {
      const ring = polygon[r];
      // Even-odd rule with the point at the origin; a hole that holds the point puts it outside.
      let inRing = false;
      let [px, py] = ring[ring.length - 1];
      px = (px - point.lng) * mPerDegLng;
      py = (py - point.lat) * METRES_PER_DEGREE_LAT;
      for (let i = 0; i < ring.length; i++) {
        const x = (ring[i][0] - point.lng) * mPerDegLng;
        const y = (ring[i][1] - point.lat) * METRES_PER_DEGREE_LAT;
        if (y > 0 !== py > 0 && 0 < ((px - x) * (0 - y)) / (py - y) + x) inRing = !inRing;
        if (i > 0) nearestSq = Math.min(nearestSq, segmentDistanceSqToOrigin(px, py, x, y));
        px = x;
        py = y;
      }
      if (r === 0) inside = inRing;
      else if (inRing) inside = false;
    }
    if (inside) return 0;
  }
  return Math.sqrt(nearestSq);
}

function segmentDistanceSqToOrigin(ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const lengthSq = dx * dx + dy * dy;
  const t = lengthSq === 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / lengthSq));
  const x = ax + t * dx;
  const y = ay + t * dy;
  return x * x + y * y;
}

/** Even-odd rule straight on [lng, lat]: inside-ness survives the flat projection, so none is needed. */
function ringContains(ring: Position[], lng: number, lat: number): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const yi = ring[i][1];
    const yj = ring[j][1];
    if (yi > lat !== yj > lat) {
      const xi = ring[i][0];
      if (lng < ((ring[j][0] - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}

/**
 * Whether the point is strictly inside the area (outside every hole). Allocates nothing, so the
 * lookup can ask it of every candidate: a point on an edge may go either way, which is why callers
 * fall back to distanceToPolygonsM when no area says yes.
 */
export function polygonsContain(point: LatLng, polygons: MultiPolygonCoords): boolean {
  for (const polygon of polygons) {
    if (!ringContains(polygon[0], point.lng, point.lat)) continue;
    let inHole = false;
    for (let h = 1; h < polygon.length && !inHole; h++) inHole = ringContains(polygon[h], point.lng, point.lat);
    if (!inHole) return true;
  }
  return false;
}
