// Loads neighbourhoods from GeoJSON into the store and precomputes who is whose neighbour at each
// range level. A file is checked whole before anything is written, so it lands entirely or not at all.
import { fileURLToPath } from 'node:url';
import { z } from 'zod/mini';
import { EARTH_RADIUS_M, METRES_PER_DEGREE_LAT, RANGE_LEVELS, type MultiPolygonCoords, type Position } from '@dongne/shared';
import type { NeighbourhoodRow, NeighbourPair } from '../store/contract/neighbourhoods.js';
import { jsonErrorPosition } from './json-error-position.js';

/** The demo circles of earlier versions: a GeoJSON file of centres and radii, now retired (see neighbourhood-setup). */
export const DEMO_NEIGHBOURHOODS_FILE = fileURLToPath(new URL('../../data/neighbourhoods.geojson', import.meta.url));

/** Larger than any neighbourhood: a bigger radius is a mistake, not a place. */
const MAX_RADIUS_M = 50_000;
/** Problems listed in one refusal; past this the file is clearly not what was meant. */
const MAX_PROBLEMS = 20;

export class NeighbourhoodImportError extends Error {
  constructor(readonly problems: string[]) {
    super(
      problems.length === 1
        ? `Neighbourhood file refused, nothing was imported: ${problems[0]}`
        : `Neighbourhood file refused, nothing was imported (${problems.length} problems):\n  ${problems.join('\n  ')}`,
    );
    this.name = 'NeighbourhoodImportError';
  }
}

const text = (name: string, max: number) =>
  z.string({ error: (issue) => (issue.input === undefined ? `missing ${name}` : `${name} must be text`) }).check(
    z.trim(),
    z.minLength(1, `${name} is empty`),
    z.maxLength(max, `${name} is longer than ${max} characters`),
  );

const propertiesSchema = z.object({
  id: text('id', 100),
  name_en: text('name_en', 100),
  name_ko: z.optional(z.nullable(text('name_ko', 100))),
  country: z
    .string({ error: (issue) => (issue.input === undefined ? 'missing country' : 'country must be text') })
    .check(z.regex(/^[A-Z]{2}$/, 'country must be a two-letter code such as "KR"')),
  radius_m: z.optional(
    z.number('radius_m must be a number of metres').check(
      z.positive('radius_m must be more than 0'),
      z.lte(MAX_RADIUS_M, `radius_m must be at most ${MAX_RADIUS_M} m`),
    ),
  ),
});

/** Reads and checks a GeoJSON FeatureCollection; throws NeighbourhoodImportError naming each bad feature. */
export function parseNeighbourhoods(geojsonText: string): NeighbourhoodRow[] {
  let doc: unknown;
  try {
    doc = JSON.parse(geojsonText);
  } catch (error) {
    throw new NeighbourhoodImportError([`not valid JSON: ${describeJsonError(geojsonText, error as Error)}`]);
  }
  if (!isObject(doc) || doc.type !== 'FeatureCollection') {
    throw new NeighbourhoodImportError([`expected a GeoJSON FeatureCollection, got ${describe(isObject(doc) ? doc.type : doc)}`]);
  }
  if (!Array.isArray(doc.features)) throw new NeighbourhoodImportError(['the FeatureCollection has no "features" array']);
  if (doc.features.length === 0) throw new NeighbourhoodImportError(['the FeatureCollection has no features']);

  const rows: NeighbourhoodRow[] = [];
  const problems: string[] = [];
  const firstIndexOf = new Map<string, number>();
  doc.features.forEach((feature: unknown, index: number) => {
    if (problems.length === MAX_PROBLEMS) problems.push(`stopped checking at feature ${index}, after ${MAX_PROBLEMS} problems`);
    if (problems.length > MAX_PROBLEMS) return;
    const label = (id?: string) => (id ? `feature ${index} (${id})` : `feature ${index}`);
    if (!isObject(feature) || feature.type !== 'Feature') {
      problems.push(`${label()}: not a GeoJSON Feature`);
      return;
    }
    const rawId = isObject(feature.properties) && typeof feature.properties.id === 'string' ? feature.properties.id.trim() : undefined;
    const parsed = z.safeParse(propertiesSchema, feature.properties ?? {});
    if (!parsed.success) {
      problems.push(`${label(rawId)}: ${parsed.error.issues.map((issue) => issue.message).join('; ')}`);
      return;
    }
    const props = parsed.data;
    const first = firstIndexOf.get(props.id);
    if (first !== undefined) {
      problems.push(`${label(props.id)}: id is already used by feature ${first}`);
      return;
    }
    firstIndexOf.set(props.id, index);
    try {
      const area = readGeometry(feature.geometry, props.radius_m);
      rows.push({ id: props.id, nameEn: props.name_en, nameKo: props.name_ko ?? null, regionEn: null, regionKo: null, country: props.country, ...area });
    } catch (error) {
      if (!(error instanceof GeometryProblem)) throw error;
      problems.push(`${label(props.id)}: ${error.message}`);
    }
  });
  if (problems.length > 0) throw new NeighbourhoodImportError(problems);
  return rows;
}

/**
 * Every (neighbourhood, level, neighbour) whose centres are within the level's distance, each place
 * included in its own sets at distance 0. Sorting by latitude and sweeping a band as tall as the
 * farthest level keeps this near-linear: 5,000 places compare a few hundred pairs each, not 5,000.
 */
export function neighbourPairs(places: Pick<NeighbourhoodRow, 'id' | 'lat' | 'lng'>[]): NeighbourPair[] {
  const levels = RANGE_LEVELS.map(({ level, maxKm }) => ({ level, maxM: maxKm * 1000 }));
  const farthestM = Math.max(...levels.map((l) => l.maxM));
  // Any two points further apart in latitude than this are further apart than farthestM.
  const bandDeg = farthestM / METRES_PER_DEGREE_LAT;
  const sorted = places
    .map((p) => ({ id: p.id, lat: p.lat, lng: p.lng, phi: rad(p.lat), lambda: rad(p.lng), cosPhi: Math.cos(rad(p.lat)) }))
    .sort((a, b) => a.lat - b.lat);

  const pairs: NeighbourPair[] = [];
  for (const place of sorted) {
    for (const { level } of levels) pairs.push({ neighbourhoodId: place.id, level, neighbourId: place.id, distanceM: 0 });
  }
  for (let i = 0; i < sorted.length; i++) {
    const a = sorted[i];
    for (let j = i + 1; j < sorted.length && sorted[j].lat - a.lat <= bandDeg; j++) {
      const b = sorted[j];
      const d = haversineM(a, b);
      if (d > farthestM) continue;
      for (const { level, maxM } of levels) {
        // Level 1 ("my neighbourhood") is the place alone, even if another shares its centre.
        if (maxM === 0 || d > maxM) continue;
        pairs.push({ neighbourhoodId: a.id, level, neighbourId: b.id, distanceM: d });
        pairs.push({ neighbourhoodId: b.id, level, neighbourId: a.id, distanceM: d });
      }
    }
  }
  return pairs;
}

// The same great-circle distance as shared distanceM, with the trigonometry of each place done once.
function haversineM(
  a: { phi: number; lambda: number; cosPhi: number },
  b: { phi: number; lambda: number; cosPhi: number },
): number {
  const h = Math.sin((b.phi - a.phi) / 2) ** 2 + a.cosPhi * b.cosPhi * Math.sin((b.lambda - a.lambda) / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

export class GeometryProblem extends Error {}

export type Area = Pick<NeighbourhoodRow, 'lat' | 'lng' | 'radiusM' | 'boundary' | 'minLat' | 'maxLat' | 'minLng' | 'maxLng'>;

function readGeometry(geometry: unknown, radiusM: number | undefined): Area {
  if (!isObject(geometry)) throw new GeometryProblem('has no geometry');
  switch (geometry.type) {
    case 'Point': {
      if (radiusM === undefined) throw new GeometryProblem('a Point needs a radius_m property (metres)');
      const [lng, lat] = readPosition(geometry.coordinates, 'Point');
      // Metres per degree of longitude shrink towards the poles; the floor keeps the box finite there.
      const dLat = radiusM / METRES_PER_DEGREE_LAT;
      const dLng = radiusM / (METRES_PER_DEGREE_LAT * Math.max(0.01, Math.cos(rad(lat))));
      return {
        lat,
        lng,
        radiusM,
        boundary: null,
        minLat: Math.max(-90, lat - dLat),
        maxLat: Math.min(90, lat + dLat),
        minLng: Math.max(-180, lng - dLng),
        maxLng: Math.min(180, lng + dLng),
      };
    }
    case 'Polygon':
      return polygonArea([readPolygon(geometry.coordinates, '')]);
    case 'MultiPolygon': {
      if (!Array.isArray(geometry.coordinates) || geometry.coordinates.length === 0) {
        throw new GeometryProblem('MultiPolygon coordinates must be a non-empty array of polygons');
      }
      return polygonArea(geometry.coordinates.map((polygon: unknown, i: number) => readPolygon(polygon, `part ${i}, `)));
    }
    default:
      throw new GeometryProblem(`unsupported geometry type ${describe(geometry.type)} (use Point with radius_m, Polygon or MultiPolygon)`);
  }
}

function readPolygon(coordinates: unknown, where: string): Position[][] {
  if (!Array.isArray(coordinates) || coordinates.length === 0) {
    throw new GeometryProblem(`Polygon coordinates must be a non-empty array of rings${where ? ` (${where.slice(0, -2)})` : ''}`);
  }
  return coordinates.map((ring: unknown, r: number) => {
    if (!Array.isArray(ring)) throw new GeometryProblem(`Polygon ring is not an array of positions (${where}ring ${r})`);
    if (ring.length < 4) throw new GeometryProblem(`Polygon ring has fewer than 4 positions (${where}ring ${r} has ${ring.length})`);
    const positions = ring.map((position: unknown, p: number) => readPosition(position, `${where}ring ${r}, position ${p}`));
    const [first, last] = [positions[0], positions[positions.length - 1]];
    if (first[0] !== last[0] || first[1] !== last[1]) {
      throw new GeometryProblem(`Polygon ring is not closed: its first and last positions differ (${where}ring ${r})`);
    }
    return positions;
  });
}

function readPosition(position: unknown, where: string): Position {
  if (!Array.isArray(position) || position.length < 2 || !position.every((n) => typeof n === 'number' && Number.isFinite(n))) {
    throw new GeometryProblem(`coordinates must be [longitude, latitude] numbers (${where}: ${describe(position)})`);
  }
  const [lng, lat] = position as number[];
  if (lng < -180 || lng > 180 || lat < -90 || lat > 90) {
    throw new GeometryProblem(
      `coordinates out of range (${where}: [${lng}, ${lat}]); GeoJSON positions are [longitude -180..180, latitude -90..90]`,
    );
  }
  return [lng, lat];
}

/** Centre (area-weighted centroid, holes subtracted) and bounding box of a boundary. */
export function polygonArea(polygons: MultiPolygonCoords): Area {
  let [minLat, maxLat, minLng, maxLng] = [Infinity, -Infinity, Infinity, -Infinity];
  for (const [lng, lat] of polygons.flatMap((polygon) => polygon[0])) {
    minLat = Math.min(minLat, lat);
    maxLat = Math.max(maxLat, lat);
    minLng = Math.min(minLng, lng);
    maxLng = Math.max(maxLng, lng);
  }
  // A flat projection around the box's corner is exact enough for a neighbourhood's centroid.
  const k = Math.cos(rad((minLat + maxLat) / 2));
  let area = 0;
  let sx = 0;
  let sy = 0;
  for (const polygon of polygons) {
    polygon.forEach((ring, r) => {
      const { a, cx, cy } = ringCentroid(ring.map(([lng, lat]) => [(lng - minLng) * k, lat - minLat]));
      const sign = r === 0 ? 1 : -1;
      area += sign * a;
      sx += sign * a * cx;
      sy += sign * a * cy;
    });
  }
  if (!(area > 0)) throw new GeometryProblem('Polygon has no area');
  return {
    lat: minLat + sy / area,
    lng: minLng + sx / area / k,
    radiusM: null,
    boundary: JSON.stringify(polygons),
    minLat,
    maxLat,
    minLng,
    maxLng,
  };
}

/** Shoelace area (unsigned) and centroid of a closed ring. */
function ringCentroid(ring: number[][]): { a: number; cx: number; cy: number } {
  let twiceArea = 0;
  let cx = 0;
  let cy = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    const [x0, y0] = ring[i];
    const [x1, y1] = ring[i + 1];
    const cross = x0 * y1 - x1 * y0;
    twiceArea += cross;
    cx += (x0 + x1) * cross;
    cy += (y0 + y1) * cross;
  }
  if (twiceArea === 0) return { a: 0, cx: 0, cy: 0 };
  return { a: Math.abs(twiceArea) / 2, cx: cx / (3 * twiceArea), cy: cy / (3 * twiceArea) };
}

/** JSON.parse's complaint, placed at a line and column a person can find in an editor. */
function describeJsonError(source: string, error: Error): string {
  const at = jsonErrorPosition(source);
  return at ? `${error.message} (line ${at.line}, column ${at.column})` : error.message;
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  const json = JSON.stringify(value) ?? String(value);
  return json.length > 60 ? `${json.slice(0, 57)}...` : json;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const rad = (deg: number) => (deg * Math.PI) / 180;
