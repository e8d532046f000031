// Point-in-polygon and distance-to-boundary for GeoJSON rings ([lng, lat] positions), using a local
// flat projection around the point: exact enough for areas a few kilometres across.
import { METRES_PER_DEGREE_LAT, type LatLng } from './distance.js';

export type Position = [number, number];
/** GeoJSON Polygon coordinates: an outer ring, then holes. */
export type PolygonCoords = Position[][];
/** GeoJSON MultiPolygon coordinates. */
export type MultiPolygonCoords = PolygonCoords[];

function project(origin: LatLng) {
  const mPerDegLng = METRES_PER_DEGREE_LAT * Math.cos((origin.lat * Math.PI) / 180);
  return ([lng, lat]: Position): [number, number] => [(lng - origin.lng) * mPerDegLng, (lat - origin.lat) * METRES_PER_DEGREE_LAT];
}

/** Even-odd rule with the point at the origin of the projection. */
function ringContainsOrigin(ring: [number, number][]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > 0 !== yj > 0 && 0 < ((xj - xi) * (0 - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function segmentDistanceToOrigin([ax, ay]: [number, number], [bx, by]: [number, number]): number {
  const dx = bx - ax;
  const dy = by - ay;
  const lengthSq = dx * dx + dy * dy;
  const t = lengthSq === 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / lengthSq));
  return Math.hypot(ax + t * dx, ay + t * dy);
}

/**
 * Distance in metres from the point to the area: 0 if inside (outside every hole), otherwise the
 * distance to the nearest edge.
 */
export function distanceToPolygonsM(point: LatLng, polygons: MultiPolygonCoords): number {
  const toXY = project(point);
  let nearest = Infinity;
  for (const polygon of polygons) {
    const rings = polygon.map((ring) => ring.map(toXY));
    const [outer, ...holes] = rings;
    if (ringContainsOrigin(outer) && !holes.some(ringContainsOrigin)) return 0;
    for (const ring of rings) {
      for (let i = 1; i < ring.length; i++) nearest = Math.min(nearest, segmentDistanceToOrigin(ring[i - 1], ring[i]));
    }
  }
  return nearest;
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
