// Real coordinates of the demo neighbourhoods, read from the data file the server imports, so the
// journeys stand exactly where the server will check.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './server.js';

interface Feature {
  geometry: { type: string; coordinates: unknown };
  properties: { id: string; name_en: string };
}

const features = (JSON.parse(readFileSync(join(ROOT, 'server/data/neighbourhoods.geojson'), 'utf8')) as { features: Feature[] }).features;

/** The centre of a demo neighbourhood, as Playwright's geolocation option wants it. */
export function at(id: string, accuracy = 20) {
  const feature = features.find((f) => f.properties.id === id);
  if (!feature) throw new Error(`no demo neighbourhood ${id}`);
  if (feature.geometry.type === 'Point') {
    const [longitude, latitude] = feature.geometry.coordinates as [number, number];
    return { latitude, longitude, accuracy };
  }
  // Polygon: the mean of the outer ring is inside for the convex-ish demo shapes.
  const ring = (feature.geometry.type === 'Polygon'
    ? (feature.geometry.coordinates as number[][][])[0]
    : (feature.geometry.coordinates as number[][][][])[0][0]) as [number, number][];
  const longitude = ring.reduce((s, p) => s + p[0], 0) / ring.length;
  const latitude = ring.reduce((s, p) => s + p[1], 0) / ring.length;
  return { latitude, longitude, accuracy };
}

export function nameOf(id: string): string {
  return features.find((f) => f.properties.id === id)!.properties.name_en;
}
