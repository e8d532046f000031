// The real dongs: the first start's import of all 3,504 with their neighbour sets, locating a reading
// among them, and the polygon check a verification makes. benchDongs() returns the lines (with the
// limits checked in the same run); scripts/bench.ts prints them.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkFix, polygonsContain, type Fix, type MultiPolygonCoords } from '@dongne/shared';
import { readKoreaDongs } from '../server/src/services/korea-dongs.js';
import { createNeighbourhoodLookup } from '../server/src/services/neighbourhood-lookup.js';
import { ensureNeighbourhoods } from '../server/src/services/neighbourhood-setup.js';
import { toArea } from '../server/src/store/contract/neighbourhoods.js';
import { openSqliteStore } from '../server/src/store/sqlite/sqlite-store.js';
import { seededRandom } from './bench-listings.js';

const LOOKUPS = 200_000;
const CHECKS = 100_000;
/** The floor: locating a reading among the real polygons stays above this. */
const MIN_LOOKUPS_PER_S = 100_000;
/** South Korea's mainland, the box the synthetic-circle figure used: some of it is sea. */
const KOREA = { south: 34.3, west: 126.3, north: 38.3, east: 129.4 };

export async function benchDongs(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'dongne-bench-dongs-'));
  try {
    const first = await benchFirstStart(join(dir, 'dongne.sqlite'));
    const { rows } = readKoreaDongs();
    const lookup = createNeighbourhoodLookup({ neighbourhoods: { all: async () => rows, count: async () => rows.length } });
    await lookup.ready;
    const random = seededRandom(16);
    const anywhere = await lookups(lookup, () => ({ lat: KOREA.south + random() * (KOREA.north - KOREA.south), lng: KOREA.west + random() * (KOREA.east - KOREA.west) }));
    // Where people are: a random point inside a random dong (most readings come from inside one).
    const polygons = rows.map((row) => JSON.parse(row.boundary!) as MultiPolygonCoords);
    const onLand = await lookups(lookup, () => {
      for (;;) {
        const i = Math.floor(random() * rows.length);
        const row = rows[i];
        const point = { lat: row.minLat + random() * (row.maxLat - row.minLat), lng: row.minLng + random() * (row.maxLng - row.minLng) };
        if (polygonsContain(point, polygons[i])) return point;
      }
    });
    const check = benchChecks(rows, random);
    const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
    const verdict = (perS: number) => (perS > MIN_LOOKUPS_PER_S ? 'OK' : 'UNDER');
    return [
      `dongs: all ${fmt(rows.length)} administrative dongs of South Korea (Statistics Korea SGIS 2018)`,
      `  first start: import + neighbour sets   ${fmt(first.ms)} ms  (${fmt(first.pairs)} neighbour-set rows; a fresh SQLite file; the next start ${first.againMs.toFixed(1)} ms)`,
      `  locate, random points over Korea      ${fmt(anywhere.perSecond)} lookups/s  (${fmt(LOOKUPS)}: ${anywhere.inside}% inside a dong, ${anywhere.nearest}% at sea, nearest within 50 km, ${anywhere.none}% none)  (aim > ${fmt(MIN_LOOKUPS_PER_S)}/s)  ${verdict(anywhere.perSecond)}`,
      `  locate, random points inside dongs    ${fmt(onLand.perSecond)} lookups/s  (${fmt(LOOKUPS)}: ${onLand.inside}% inside)  (aim > ${fmt(MIN_LOOKUPS_PER_S)}/s)  ${verdict(onLand.perSecond)}`,
      `  verification's polygon check          ${check.checkUs.toFixed(2)} µs  (checkFix against a real dong, reading within its box, accuracy 5–150 m; ${check.passed}% passed)`,
      `    with reading the boundary           ${check.withParseUs.toFixed(1)} µs  (toArea parses the stored boundary first, as the verification service does; largest dong ${fmt(check.maxVertices)} vertices)`,
    ].join('\n');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function benchFirstStart(file: string) {
  const store = openSqliteStore(file);
  try {
    let started = performance.now();
    const setup = await ensureNeighbourhoods(store);
    const ms = performance.now() - started;
    started = performance.now();
    await ensureNeighbourhoods(store);
    return { ms, pairs: setup.neighbourPairs, againMs: performance.now() - started };
  } finally {
    await store.close();
  }
}

async function lookups(lookup: ReturnType<typeof createNeighbourhoodLookup>, point: () => { lat: number; lng: number }) {
  const points = Array.from({ length: LOOKUPS }, point);
  const outcomes = { inside: 0, nearest: 0, none: 0 };
  const started = performance.now();
  for (const p of points) {
    const found = await lookup.locate(p);
    outcomes[!found ? 'none' : found.contains ? 'inside' : 'nearest']++;
  }
  const seconds = (performance.now() - started) / 1000;
  const share = (n: number) => Math.round((n / LOOKUPS) * 100);
  return { perSecond: LOOKUPS / seconds, inside: share(outcomes.inside), nearest: share(outcomes.nearest), none: share(outcomes.none) };
}

function benchChecks(rows: ReturnType<typeof readKoreaDongs>['rows'], random: () => number) {
  const now = Date.UTC(2026, 2, 1);
  const cases = Array.from({ length: CHECKS }, () => {
    const row = rows[Math.floor(random() * rows.length)];
    const fix: Fix = {
      lat: row.minLat + random() * (row.maxLat - row.minLat),
      lng: row.minLng + random() * (row.maxLng - row.minLng),
      accuracy: 5 + random() * 145,
      takenAt: now - 60_000,
    };
    return { row, area: toArea(row), fix };
  });
  let passed = 0;
  let started = performance.now();
  for (const { area, fix } of cases) if (checkFix({ fix, area, now, action: 'verify', replayed: false }).ok) passed++;
  const checkUs = ((performance.now() - started) * 1000) / CHECKS;
  started = performance.now();
  for (const { row, fix } of cases) checkFix({ fix, area: toArea(row), now, action: 'verify', replayed: false });
  const withParseUs = ((performance.now() - started) * 1000) / CHECKS;
  const maxVertices = Math.max(...rows.map((row) => (JSON.parse(row.boundary!) as MultiPolygonCoords).flat(2).length));
  return { checkUs, withParseUs, passed: Math.round((passed / CHECKS) * 100), maxVertices };
}
