// Neighbourhood benchmarks: position lookups with 5,000 neighbourhoods loaded, and the far-range
// feed over 1,000,000 listings. benchNeighbourhoods() returns the lines; scripts/bench.ts prints them.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CATEGORIES } from '@dongne/shared';
import { importNeighbourhoods } from '../server/src/services/neighbourhood-save.js';
import { createNeighbourhoodLookup } from '../server/src/services/neighbourhood-lookup.js';
import { neighbourhoodLabel } from '@dongne/shared';
import { openSqliteStore, type SqliteStore } from '../server/src/store/sqlite/sqlite-store.js';
import { percentile, seededRandom } from './bench-listings.js';

const PLACES = 5_000;
const LOOKUPS = 100_000;
const LISTINGS = 1_000_000;
const FEED_QUERIES = 1_000;
const FEED_WARMUP = 200;
const FEED_PAGE = 20;
const FAR = 4;
const DAY = 86_400_000;
/** Listings are spread over this long before the bench's "now". */
const HISTORY_MS = 180 * DAY;
const M_PER_DEG = 111_195;

interface Box {
  south: number;
  west: number;
  north: number;
  east: number;
}
/** South Korea's mainland, for lookups over the whole country. */
const KOREA: Box = { south: 34.3, west: 126.3, north: 38.3, east: 129.4 };
/** A 200 km square on the capital region: dense enough that "Far" holds 20–60 neighbourhoods. */
const METRO: Box = { south: 36.55, west: 125.93, north: 38.35, east: 128.20 };

export async function benchNeighbourhoods(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'dongne-bench-places-'));
  try {
    const lookups = await benchLookups(join(dir, 'lookups.sqlite'));
    const feed = await benchFarFeed(join(dir, 'feed.sqlite'));
    const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
    const ms = (n: number) => `${n.toFixed(n < 10 ? 2 : 1)} ms`;
    return [
      `neighbourhoods: ${fmt(PLACES)} synthetic places over South Korea`,
      `  import + neighbour sets  ${ms(lookups.importMs)}  (${fmt(lookups.neighbourRows)} neighbour-set rows; index built in ${ms(lookups.indexMs)})`,
      `  locate                   ${fmt(lookups.perSecond)} lookups/s  (${fmt(LOOKUPS)} random points: ${lookups.inside}% inside a neighbourhood, ${lookups.nearest}% nearest within 50 km, ${lookups.none}% none)`,
      `far-range feed (level ${FAR}): ${fmt(LISTINGS)} listings over ${fmt(PLACES)} places around the capital region`,
      `  import + neighbour sets  ${ms(feed.importMs)}  (${fmt(feed.neighbourRows)} neighbour-set rows; "Far" holds ${feed.setMin}–${feed.setMax} places, median ${feed.setMedian})`,
      `  building the database    ${(feed.buildMs / 1000).toFixed(1)} s  (one transaction, prepared INSERT; not part of the figures)`,
      `  newestIn, ${FEED_PAGE} per page    p50 ${ms(feed.p50)}  p99 ${ms(feed.p99)}  max ${ms(feed.max)}  (${fmt(FEED_QUERIES)} queries after ${FEED_WARMUP} to warm up, random place and "before")  (aim p99 < 20 ms)  ${feed.p99 < 20 ? 'OK' : 'OVER'}`,
    ].join('\n');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function benchLookups(file: string) {
  const random = seededRandom(1);
  const store = openSqliteStore(file);
  try {
    const imported = await timed(() => importNeighbourhoods(store, jitteredGrid(KOREA, random)));
    const index = await timed(async () => {
      const built = createNeighbourhoodLookup(store);
      await built.ready;
      return built;
    });
    const lookup = index.value;
    const points = Array.from({ length: LOOKUPS }, () => ({
      lat: KOREA.south + random() * (KOREA.north - KOREA.south),
      lng: KOREA.west + random() * (KOREA.east - KOREA.west),
    }));
    const outcomes = { inside: 0, nearest: 0, none: 0 };
    const started = performance.now();
    for (const point of points) {
      const found = await lookup.locate(point);
      outcomes[!found ? 'none' : found.contains ? 'inside' : 'nearest']++;
    }
    const seconds = (performance.now() - started) / 1000;
    const share = (n: number) => Math.round((n / LOOKUPS) * 100);
    return {
      importMs: imported.ms,
      neighbourRows: imported.value.neighbourPairs,
      indexMs: index.ms,
      perSecond: LOOKUPS / seconds,
      inside: share(outcomes.inside),
      nearest: share(outcomes.nearest),
      none: share(outcomes.none),
    };
  } finally {
    await store.close();
  }
}

async function benchFarFeed(file: string) {
  const random = seededRandom(2);
  const now = Date.UTC(2026, 2, 1);
  let importMs: number;
  let neighbourRows: number;
  let buildMs: number;
  {
    const store = openSqliteStore(file);
    try {
      const imported = await timed(() => importNeighbourhoods(store, jitteredGrid(METRO, random)));
      importMs = imported.ms;
      neighbourRows = imported.value.neighbourPairs;
      buildMs = (await timed(() => insertListings(store, now, random))).ms;
    } finally {
      await store.close();
    }
  }

  // Query through a freshly opened store, as the server would after a restart.
  const store = openSqliteStore(file);
  try {
    const ids = (await store.neighbourhoods.all()).map((row) => row.id);
    const setSizes: number[] = [];
    const times: number[] = [];
    // The first queries on a new connection read the index's upper pages from disk; a running server has them.
    for (let q = -FEED_WARMUP; q < FEED_QUERIES; q++) {
      const places = store.sqlite.neighbourhoods.neighbourIds(ids[Math.floor(random() * ids.length)], FAR);
      const before = now - Math.floor(random() * (HISTORY_MS - DAY));
      const started = performance.now();
      const page = store.sqlite.listings.newestIn(places, before, FEED_PAGE);
      const ms = performance.now() - started;
      if (page.length !== FEED_PAGE) throw new Error(`the feed came back with ${page.length} listings, not ${FEED_PAGE}`);
      if (q < 0) continue;
      times.push(ms);
      setSizes.push(places.length);
    }
    times.sort((a, b) => a - b);
    setSizes.sort((a, b) => a - b);
    return {
      importMs,
      neighbourRows,
      buildMs,
      p50: percentile(times, 0.5),
      p99: percentile(times, 0.99),
      max: times[times.length - 1],
      setMin: setSizes[0],
      setMedian: percentile(setSizes, 0.5),
      setMax: setSizes[setSizes.length - 1],
    };
  } finally {
    await store.close();
  }
}

/** 1,000,000 listings, oldest first, each in a random neighbourhood, as if posted over six months. */
async function insertListings(store: SqliteStore, now: number, random: () => number) {
  // A bigger page cache for the bulk load only; the queries run on a fresh connection.
  store.db.pragma('cache_size = -262144');
  const places = (await store.neighbourhoods.all()).map((row) => ({ id: row.id, label: neighbourhoodLabel(row) }));
  store.db.prepare("INSERT INTO actors (id, nickname, token_hash, created_at) VALUES ('bench-seller', 'Bench seller', NULL, ?)").run(now - HISTORY_MS);
  const insert = store.db.prepare(`
    INSERT INTO listings (id, seller_id, title, description, price_krw, category, neighbourhood, neighbourhood_id,
                          status, created_at, updated_at, change_seq)
    VALUES (?, 'bench-seller', ?, ?, ?, ?, ?, ?, 'selling', ?, ?, ?)`);
  const description = 'Used for a year, no scratches, comes with the original box. 직거래 선호합니다. Message me any time after 6 pm.';
  const start = now - HISTORY_MS;
  store.db.transaction(() => {
    for (let i = 0; i < LISTINGS; i++) {
      const place = places[Math.floor(random() * places.length)];
      const createdAt = start + Math.floor((i * HISTORY_MS) / LISTINGS);
      insert.run(
        crypto.randomUUID(),
        `벤치마크 물건 Bench item ${i}`,
        description,
        1000 + (i % 500) * 1000,
        CATEGORIES[i % CATEGORIES.length].id,
        place.label,
        place.id,
        createdAt,
        createdAt,
        i + 1,
      );
    }
  })();
}

/** A GeoJSON FeatureCollection of PLACES Point neighbourhoods on a jittered grid filling the box. */
function jitteredGrid(box: Box, random: () => number): string {
  const heightM = (box.north - box.south) * M_PER_DEG;
  const widthM = (box.east - box.west) * M_PER_DEG * Math.cos((((box.north + box.south) / 2) * Math.PI) / 180);
  const cols = Math.ceil(Math.sqrt((PLACES * widthM) / heightM));
  const rows = Math.ceil(PLACES / cols);
  const spacingM = Math.sqrt((heightM * widthM) / (rows * cols));
  const features = Array.from({ length: PLACES }, (_, i) => {
    const row = Math.floor(i / cols);
    const col = i % cols;
    const lat = box.south + ((row + 0.5 + (random() - 0.5) * 0.8) / rows) * (box.north - box.south);
    const lng = box.west + ((col + 0.5 + (random() - 0.5) * 0.8) / cols) * (box.east - box.west);
    return {
      type: 'Feature',
      properties: { id: `bench-${i}`, name_en: `Bench-dong ${i}`, name_ko: `벤치${i}동`, country: 'KR', radius_m: Math.round(spacingM * (0.3 + random() * 0.3)) },
      geometry: { type: 'Point', coordinates: [lng, lat] },
    };
  });
  return JSON.stringify({ type: 'FeatureCollection', features });
}

async function timed<T>(fn: () => T | Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await fn();
  return { value, ms: performance.now() - started };
}

