// GeoJSON builders for the neighbourhood tests: small, readable features in the shapes the importer
// accepts. Tests only.
import { METRES_PER_DEGREE_LAT } from '@dongne/shared';

export interface FeatureOptions {
  nameEn?: string;
  nameKo?: string | null;
  country?: string;
}

export function pointFeature(id: string, lat: number, lng: number, radiusM: number, options: FeatureOptions = {}) {
  return {
    type: 'Feature',
    properties: { id, name_en: options.nameEn ?? `Place ${id}`, name_ko: options.nameKo ?? null, country: options.country ?? 'KR', radius_m: radiusM },
    geometry: { type: 'Point', coordinates: [lng, lat] },
  };
}

/** A closed ring of [lng, lat] corners, going round the given ones in order. */
export function ring(...corners: [lat: number, lng: number][]): number[][] {
  const positions = corners.map(([lat, lng]) => [lng, lat]);
  return [...positions, positions[0]];
}

/** An axis-aligned square `half` degrees either side of its centre. */
export function squareRing(lat: number, lng: number, half: number): number[][] {
  return ring([lat - half, lng - half], [lat - half, lng + half], [lat + half, lng + half], [lat + half, lng - half]);
}

export function polygonFeature(id: string, rings: number[][][], options: FeatureOptions = {}) {
  return {
    type: 'Feature',
    properties: { id, name_en: options.nameEn ?? `Place ${id}`, name_ko: options.nameKo ?? null, country: options.country ?? 'KR' },
    geometry: { type: 'Polygon', coordinates: rings },
  };
}

export function multiPolygonFeature(id: string, polygons: number[][][][], options: FeatureOptions = {}) {
  return { ...polygonFeature(id, [], options), geometry: { type: 'MultiPolygon', coordinates: polygons } };
}

export function featureCollection(...features: unknown[]): string {
  return JSON.stringify({ type: 'FeatureCollection', features });
}

/** Metres north of a latitude, in degrees, on the sphere distanceM uses. */
export const degreesNorth = (metres: number) => metres / METRES_PER_DEGREE_LAT;
