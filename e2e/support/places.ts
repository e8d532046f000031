// Where journeys stand: the centres of the old demo circles (server/data/neighbourhoods.geojson),
// each inside the real dong that replaced it, so the server's check against the dong passes there.
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

/** The old circle's English name (the dong that replaced it may be named otherwise: Sunae 1-dong). */
export function nameOf(id: string): string {
  return features.find((f) => f.properties.id === id)!.properties.name_en;
}
