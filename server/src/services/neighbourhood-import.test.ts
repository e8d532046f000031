import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { distanceM } from '@dongne/shared';
import {
  degreesNorth,
  featureCollection,
  multiPolygonFeature,
  pointFeature,
  polygonFeature,
  ring,
  squareRing,
} from '../testing/neighbourhood-geojson.js';
import { openTestStore, query, queryValue, type OpenedTestStore, type TestStore } from '../testing/test-store.js';
import { HOME } from '../testing/fixes.js';
import { DEMO_NEIGHBOURHOODS_FILE, neighbourPairs, NeighbourhoodImportError, parseNeighbourhoods } from './neighbourhood-import.js';
import { importNeighbourhoods } from './neighbourhood-save.js';

let opened: OpenedTestStore;
let store: TestStore;
beforeEach(async () => {
  opened = await openTestStore({ neighbourhoods: 'none' });
  store = opened.store;
});
afterEach(() => opened.close());

const DEMO = readFileSync(DEMO_NEIGHBOURHOODS_FILE, 'utf8');

async function refusal(act: () => unknown): Promise<NeighbourhoodImportError> {
  try {
    await act();
  } catch (error) {
    if (error instanceof NeighbourhoodImportError) return error;
    throw error;
  }
  throw new Error('expected the file to be refused');
}

/** Everything the import writes, to prove a refused file changed nothing. */
const snapshot = async (s: TestStore) => ({
  places: await query(s, 'SELECT * FROM neighbourhoods ORDER BY id'),
  neighbours: await query(s, 'SELECT * FROM neighbourhood_neighbours ORDER BY neighbourhood_id, level, neighbour_id'),
});

describe('importing neighbourhoods', () => {
  it('imports Point neighbourhoods with their radius, names and a box around the circle', async () => {
    const result = await importNeighbourhoods(
      store,
      featureCollection(
        pointFeature('kr-a', 37.39, 127.09, 1000, { nameEn: 'Pangyo-dong', nameKo: '판교동' }),
        pointFeature('kr-b', 37.4, 127.11, 800),
      ),
    );
    expect(result.imported).toBe(2);
    const a = (await store.neighbourhoods.byId('kr-a'))!;
    expect(a).toMatchObject({ nameEn: 'Pangyo-dong', nameKo: '판교동', country: 'KR', lat: 37.39, lng: 127.09, radiusM: 1000, boundary: null });
    expect((await store.neighbourhoods.byId('kr-b'))!.nameKo).toBeNull();
    // The box just holds the circle: its edges are the radius away from the centre.
    expect(distanceM({ lat: a.maxLat, lng: a.lng }, a)).toBeCloseTo(1000, 0);
    expect(distanceM({ lat: a.lat, lng: a.minLng }, a)).toBeCloseTo(1000, -1);
    expect(a.minLat).toBeLessThan(a.lat);
    expect(a.maxLng).toBeGreaterThan(a.lng);
  });

  it('imports Polygon and MultiPolygon boundaries, with the area-weighted centroid as the centre', async () => {
    await importNeighbourhoods(
      store,
      featureCollection(
        polygonFeature('kr-square', [squareRing(37.4, 127.1, 0.01)]),
        // Two squares, the second four times the area: the centre sits 4/5 of the way to it.
        multiPolygonFeature('kr-pair', [[squareRing(37.3, 127.0, 0.005)], [squareRing(37.3, 127.1, 0.01)]]),
        // A square with a hole in its east half: the centre moves west.
        polygonFeature('kr-holed', [squareRing(37.5, 127.2, 0.01), ring([37.495, 127.2], [37.495, 127.209], [37.505, 127.209], [37.505, 127.2])]),
      ),
    );
    const square = (await store.neighbourhoods.byId('kr-square'))!;
    expect(square.lat).toBeCloseTo(37.4, 9);
    expect(square.lng).toBeCloseTo(127.1, 9);
    expect(square.radiusM).toBeNull();
    expect(JSON.parse(square.boundary!)).toEqual([[squareRing(37.4, 127.1, 0.01)]]);
    [square.minLat, square.maxLat, square.minLng, square.maxLng].forEach((edge, i) => expect(edge).toBeCloseTo([37.39, 37.41, 127.09, 127.11][i], 12));

    const pair = (await store.neighbourhoods.byId('kr-pair'))!;
    expect(pair.lat).toBeCloseTo(37.3, 6);
    expect(pair.lng).toBeCloseTo(127.0 + 0.8 * 0.1, 4);
    expect(JSON.parse(pair.boundary!)).toHaveLength(2);

    const holed = (await store.neighbourhoods.byId('kr-holed'))!;
    expect(holed.lat).toBeCloseTo(37.5, 6);
    expect(holed.lng).toBeLessThan(127.2 - 0.001);
  });

  it('re-importing the same file updates rows in place and duplicates nothing', async () => {
    const first = await importNeighbourhoods(store, DEMO);
    const before = await snapshot(store);
    const second = await importNeighbourhoods(store, DEMO);
    expect(second).toEqual(first);
    expect(await snapshot(store)).toEqual(before);

    // A changed file with the same ids updates those rows, and the neighbour sets follow the move.
    const moved = featureCollection(pointFeature('kr-bundang-sampyeong', 35.163, 129.16, 900, { nameEn: 'Sampyeong-dong (moved)' }));
    const third = await importNeighbourhoods(store, moved);
    expect(third.imported).toBe(1);
    expect(await store.neighbourhoods.count()).toBe(before.places.length);
    expect(await store.neighbourhoods.byId('kr-bundang-sampyeong')).toMatchObject({ nameEn: 'Sampyeong-dong (moved)', lat: 35.163, radiusM: 900 });
    expect(await store.neighbourhoods.neighbourIds('kr-bundang-pangyo', 4)).not.toContain('kr-bundang-sampyeong');
    expect(await store.neighbourhoods.neighbourIds('kr-haeundae-u', 2)).toContain('kr-bundang-sampyeong');
  });

  it('keeps neighbourhoods from earlier files and computes neighbour sets across all of them', async () => {
    await importNeighbourhoods(store, featureCollection(pointFeature('kr-a', 37.4, 127.1, 500)));
    await importNeighbourhoods(store, featureCollection(pointFeature('kr-b', 37.4 + degreesNorth(2000), 127.1, 500)));
    expect(await store.neighbourhoods.count()).toBe(2);
    expect(await store.neighbourhoods.neighbourIds('kr-a', 2)).toEqual(['kr-a', 'kr-b']);
    expect(await store.neighbourhoods.neighbourIds('kr-b', 2)).toEqual(['kr-b', 'kr-a']);
  });

  it('replaces a Point with a Polygon of the same id and back', async () => {
    await importNeighbourhoods(store, featureCollection(pointFeature('kr-a', 37.4, 127.1, 500)));
    await importNeighbourhoods(store, featureCollection(polygonFeature('kr-a', [squareRing(37.4, 127.1, 0.01)])));
    expect(await store.neighbourhoods.byId('kr-a')).toMatchObject({ radiusM: null, boundary: expect.any(String) });
    await importNeighbourhoods(store, featureCollection(pointFeature('kr-a', 37.4, 127.1, 500)));
    expect(await store.neighbourhoods.byId('kr-a')).toMatchObject({ radiusM: 500, boundary: null });
  });
});

describe('importing beside the dongs of Korea', () => {
  it("keeps each dong's sets by its borders, and gives the file's places sets by distance, to and from the dongs", async () => {
    const withDongs = await openTestStore();
    try {
      const dongs = withDongs.store;
      const before = await dongs.neighbourhoods.neighbourIds(HOME, 2);
      const beforeFar = await dongs.neighbourhoods.neighbourIds(HOME, 4);
      const home = (await dongs.neighbourhoods.byId(HOME))!;
      // A shop's own place 300 m north of Sunae 1-dong's centre.
      await importNeighbourhoods(dongs, featureCollection(pointFeature('shop-sunae', home.lat + degreesNorth(300), home.lng, 200)));

      const after = await dongs.neighbourhoods.neighbourIds(HOME, 2);
      expect(after).toContain('shop-sunae');
      // Nothing else changed: the dongs across its borders, not a circle of 3 km.
      expect(after.filter((id) => id !== 'shop-sunae').sort()).toEqual([...before].sort());
      expect((await dongs.neighbourhoods.neighbourIds(HOME, 4)).filter((id) => id !== 'shop-sunae').sort()).toEqual([...beforeFar].sort());
      expect(await dongs.neighbourhoods.neighbourIds('shop-sunae', 2)).toContain(HOME);
    } finally {
      await withDongs.close();
    }
  });
});

describe('refusing a malformed file', () => {
  const good = (i: number) => pointFeature(`kr-good-${i}`, 37.3 + i * 0.001, 127.1, 700);
  const collection = (...bad: unknown[]) => featureCollection(good(0), ...bad);
  const cases: [string, string, RegExp][] = [
    ['invalid JSON, with where', '{"type": "FeatureCollection",\n "features": [1,]}', /not valid JSON: .* \(line 2, column 17\)/],
    ['a truncated file', featureCollection(good(0)).slice(0, 40), /not valid JSON: .*\(line 1, column 41\)/],
    ['not a FeatureCollection', JSON.stringify({ type: 'Feature' }), /expected a GeoJSON FeatureCollection, got "Feature"/],
    ['no features array', JSON.stringify({ type: 'FeatureCollection' }), /has no "features" array/],
    ['no features at all', featureCollection(), /has no features/],
    ['a feature that is not a Feature', collection({ type: 'Point', coordinates: [127, 37] }), /feature 1: not a GeoJSON Feature/],
    ['a missing id', collection({ ...good(1), properties: { ...good(1).properties, id: undefined } }), /feature 1: missing id/],
    ['an empty id', collection({ ...good(1), properties: { ...good(1).properties, id: '  ' } }), /feature 1: id is empty/],
    ['a missing English name', collection({ ...good(1), properties: { id: 'kr-b', country: 'KR', radius_m: 500 } }), /feature 1 \(kr-b\): missing name_en/],
    ['a bad country', collection(pointFeature('kr-b', 37.4, 127.1, 500, { country: 'Korea' })), /feature 1 \(kr-b\): country must be a two-letter code/],
    ['a Point without a radius', collection({ ...good(1), properties: { id: 'kr-b', name_en: 'B', country: 'KR' } }), /feature 1 \(kr-b\): a Point needs a radius_m property/],
    ['a negative radius', collection(pointFeature('kr-b', 37.4, 127.1, -5)), /feature 1 \(kr-b\): radius_m must be more than 0/],
    ['a radius no neighbourhood has', collection(pointFeature('kr-b', 37.4, 127.1, 1_000_000)), /feature 1 \(kr-b\): radius_m must be at most 50000 m/],
    ['latitude and longitude swapped', collection(pointFeature('kr-b', 127.1, 37.4, 500)), /feature 1 \(kr-b\): coordinates out of range \(Point: \[37.4, 127.1\]\)/],
    ['text for coordinates', collection({ ...good(1), geometry: { type: 'Point', coordinates: ['127.1', '37.4'] } }), /feature 1 \(kr-good-1\): coordinates must be \[longitude, latitude\] numbers/],
    [
      'a ring with fewer than 4 positions',
      featureCollection(...Array.from({ length: 12 }, (_, i) => good(i)), polygonFeature('kr-x', [squareRing(37.4, 127.1, 0.01).slice(0, 3)])),
      /feature 12 \(kr-x\): Polygon ring has fewer than 4 positions \(ring 0 has 3\)/,
    ],
    ['a ring that is not closed', collection(polygonFeature('kr-x', [squareRing(37.4, 127.1, 0.01).slice(0, 4).concat([[127.2, 37.5]])])), /feature 1 \(kr-x\): Polygon ring is not closed/],
    ['a hole out of range', collection(polygonFeature('kr-x', [squareRing(37.4, 127.1, 0.01), ring([37.4, 127.1], [37.4, 190], [37.41, 127.1])])), /feature 1 \(kr-x\): coordinates out of range \(ring 1, position 1: \[190, 37.4\]\)/],
    ['a MultiPolygon with a bad part', collection(multiPolygonFeature('kr-x', [[squareRing(37.4, 127.1, 0.01)], [[[127, 37]]]])), /feature 1 \(kr-x\): Polygon ring has fewer than 4 positions \(part 1, ring 0 has 1\)/],
    ['a Polygon with no area', collection(polygonFeature('kr-x', [ring([37.4, 127.1], [37.4, 127.2], [37.4, 127.3])])), /feature 1 \(kr-x\): Polygon has no area/],
    ['an unsupported geometry type', collection({ ...good(1), geometry: { type: 'LineString', coordinates: [[127, 37], [127.1, 37.1]] } }), /feature 1 \(kr-good-1\): unsupported geometry type "LineString"/],
    ['no geometry', collection({ ...good(1), geometry: null }), /feature 1 \(kr-good-1\): has no geometry/],
    ['the same id twice', collection(good(1), good(0)), /feature 2 \(kr-good-0\): id is already used by feature 0/],
  ];

  it.each(cases)('refuses %s, naming the feature and what is wrong, and changes nothing', async (_what, text, message) => {
    await importNeighbourhoods(store, DEMO);
    const before = await snapshot(store);
    const refused = await refusal(() => importNeighbourhoods(store, text));
    expect(refused.message).toMatch(/^Neighbourhood file refused, nothing was imported/);
    const { problems } = refused;
    expect(problems.join('\n')).toMatch(message);
    expect(await snapshot(store)).toEqual(before);
  });

  it('lists every problem in the file at once, not just the first', async () => {
    const text = featureCollection(good(0), pointFeature('kr-b', 127.1, 37.4, 500), polygonFeature('kr-c', [[[127, 37]]]), good(0));
    expect((await refusal(() => parseNeighbourhoods(text))).problems).toEqual([
      expect.stringMatching(/^feature 1 \(kr-b\): coordinates out of range/),
      expect.stringMatching(/^feature 2 \(kr-c\): Polygon ring has fewer than 4 positions/),
      expect.stringMatching(/^feature 3 \(kr-good-0\): id is already used by feature 0/),
    ]);
  });

  it('stops listing after 20 problems, and says so', async () => {
    const text = featureCollection(...Array.from({ length: 30 }, (_, i) => pointFeature(`kr-${i}`, 137, 127, 500)));
    const { problems } = await refusal(() => parseNeighbourhoods(text));
    expect(problems).toHaveLength(21);
    expect(problems[19]).toMatch(/^feature 19 \(kr-19\): coordinates out of range/);
    expect(problems[20]).toBe('stopped checking at feature 20, after 20 problems');
  });

  it('imports nothing when the bad feature comes after thousands of good ones', async () => {
    const text = featureCollection(...Array.from({ length: 3000 }, (_, i) => good(i)), polygonFeature('kr-last', [[[127, 37]]]));
    await expect(async () => importNeighbourhoods(store, text)).rejects.toThrowError(/feature 3000 \(kr-last\)/);
    expect(await store.neighbourhoods.count()).toBe(0);
  });
});

describe('neighbour sets', () => {
  it('holds only the place itself at level 1, and grows with each level', async () => {
    await importNeighbourhoods(store, DEMO);
    for (const { id } of await store.neighbourhoods.all()) {
      const sets = await store.neighbourhoods.neighbourSets(id);
      expect(sets[1]).toEqual([id]);
      for (const level of [2, 3, 4]) {
        expect(sets[level][0]).toBe(id);
        expect(sets[level]).toEqual(expect.arrayContaining(sets[level - 1]));
      }
    }
  });

  it('puts Pangyo-dong and Sampyeong-dong within each other\'s "Nearby" (level 2), and Seoul beyond "Far" (level 4)', async () => {
    await importNeighbourhoods(store, DEMO);
    expect(await store.neighbourhoods.neighbourIds('kr-bundang-pangyo', 2)).toContain('kr-bundang-sampyeong');
    expect(await store.neighbourhoods.neighbourIds('kr-bundang-sampyeong', 2)).toContain('kr-bundang-pangyo');
    for (const seoul of ['kr-mapo-mangwon', 'kr-gangnam-yeoksam', 'kr-songpa-jamsil']) {
      expect(await store.neighbourhoods.neighbourIds('kr-bundang-pangyo', 4)).not.toContain(seoul);
      expect(await store.neighbourhoods.neighbourIds(seoul, 4)).not.toContain('kr-bundang-pangyo');
    }
    expect(await store.neighbourhoods.neighbourIds('kr-haeundae-u', 4)).toEqual(['kr-haeundae-u']);
    // Mapo's dongs are a few hundred metres apart: each other's nearby.
    expect(await store.neighbourhoods.neighbourIds('kr-mapo-mangwon', 2)).toEqual(expect.arrayContaining(['kr-mapo-yeonnam', 'kr-mapo-seogyo']));
  });

  it('cuts each level at its distance between centres: 3, 6 and 10 km', async () => {
    const north = (id: string, km: number) => pointFeature(id, 37 + degreesNorth(km * 1000), 127, 300);
    await importNeighbourhoods(store, featureCollection(north('home', 0), north('at-2.9', 2.9), north('at-3.1', 3.1), north('at-5.9', 5.9), north('at-9.9', 9.9), north('at-10.1', 10.1)));
    expect(await store.neighbourhoods.neighbourIds('home', 1)).toEqual(['home']);
    expect(await store.neighbourhoods.neighbourIds('home', 2)).toEqual(['home', 'at-2.9']);
    expect(await store.neighbourhoods.neighbourIds('home', 3)).toEqual(['home', 'at-2.9', 'at-3.1', 'at-5.9']);
    expect(await store.neighbourhoods.neighbourIds('home', 4)).toEqual(['home', 'at-2.9', 'at-3.1', 'at-5.9', 'at-9.9']);
    const stored = await queryValue(store, "SELECT distance_m FROM neighbourhood_neighbours WHERE neighbourhood_id = 'home' AND level = 4 AND neighbour_id = 'at-9.9'");
    expect(stored).toBeCloseTo(9900, 3);
  });

  it('finds exactly the pairs a brute-force comparison of every pair finds', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
    const places = Array.from({ length: 600 }, (_, i) => ({ id: `p${i}`, lat: 37 + random() * 0.5, lng: 127 + random() * 0.6 }));
    const key = (p: { neighbourhoodId: string; level: number; neighbourId: string }) => `${p.neighbourhoodId} ${p.level} ${p.neighbourId}`;
    const expected: string[] = [];
    for (const a of places) {
      for (const b of places) {
        const d = distanceM(a, b);
        for (const [level, maxM] of [[1, 0], [2, 3000], [3, 6000], [4, 10000]]) {
          if (a === b || (level > 1 && d <= maxM)) expected.push(key({ neighbourhoodId: a.id, level, neighbourId: b.id }));
        }
      }
    }
    expect(neighbourPairs(places).map(key).sort()).toEqual(expected.sort());
  });
});

describe('the demo neighbourhoods', () => {
  const REQUIRED = [
    'kr-bundang-pangyo', 'kr-bundang-sampyeong', 'kr-bundang-baekhyeon', 'kr-bundang-unjung', 'kr-bundang-jeongja',
    'kr-bundang-seohyeon', 'kr-bundang-sunae', 'kr-bundang-yatap', 'kr-bundang-imae', 'kr-bundang-geumgok',
    'kr-bundang-gumi', 'kr-mapo-mangwon', 'kr-mapo-yeonnam', 'kr-mapo-seogyo', 'kr-gangnam-yeoksam',
    'kr-songpa-jamsil', 'kr-haeundae-u',
  ];

  it('parses, and holds every neighbourhood the demo and the tests name, in South Korea', () => {
    const rows = parseNeighbourhoods(DEMO);
    expect(rows.map((r) => r.id)).toEqual(expect.arrayContaining(REQUIRED));
    for (const row of rows) {
      expect(row.country).toBe('KR');
      expect(row.nameKo).toMatch(/^[가-힣]+동$/);
      expect(row.nameEn).toMatch(/^[A-Z][a-z]*-dong$/);
      expect(row.lat).toBeGreaterThan(33.0);
      expect(row.lat).toBeLessThan(38.7);
      expect(row.lng).toBeGreaterThan(124.5);
      expect(row.lng).toBeLessThan(131.0);
      expect(row.radiusM).toBeGreaterThanOrEqual(600);
      expect(row.radiusM).toBeLessThanOrEqual(1600);
    }
  });

  // Landmarks inside or at the edge of each dong: stations and dong offices.
  const LANDMARKS: [id: string, landmark: string, lat: number, lng: number, withinKm: number][] = [
    ['kr-bundang-pangyo', 'the Pangyo area', 37.394, 127.111, 3],
    ['kr-bundang-pangyo', 'Pangyo Wonmaeul (판교원마을)', 37.3892, 127.0976, 1],
    ['kr-bundang-sampyeong', 'Pangyo Techno Valley', 37.4012, 127.1086, 1],
    ['kr-bundang-baekhyeon', 'Pangyo station', 37.3948, 127.1112, 1.2],
    ['kr-bundang-unjung', 'Unjung-dong office', 37.392, 127.0804, 1.5],
    ['kr-bundang-jeongja', 'Jeongja station', 37.367, 127.1085, 1.5],
    ['kr-bundang-seohyeon', 'Seohyeon station', 37.3851, 127.1234, 1.5],
    ['kr-bundang-sunae', 'Sunae station', 37.3785, 127.1143, 1.5],
    ['kr-bundang-yatap', 'Yatap station', 37.4113, 127.1286, 1.5],
    ['kr-bundang-imae', 'Imae station', 37.3955, 127.128, 1.5],
    ['kr-bundang-geumgok', 'Migeum station', 37.35, 127.1089, 1.5],
    ['kr-bundang-gumi', 'Ori station', 37.3398, 127.109, 2],
    ['kr-mapo-mangwon', 'Mangwon station', 37.556, 126.9101, 1.5],
    ['kr-mapo-yeonnam', 'Yeonnam-dong office', 37.5617, 126.9241, 1],
    ['kr-mapo-seogyo', 'Hongik University station', 37.5572, 126.9245, 1.5],
    ['kr-gangnam-yeoksam', 'Yeoksam station', 37.5006, 127.0364, 1.5],
    ['kr-songpa-jamsil', 'Jamsil station', 37.5133, 127.1, 2],
    ['kr-haeundae-u', 'Haeundae station', 35.1634, 129.1588, 2],
  ];
  it.each(LANDMARKS)('places %s within reach of %s', (id, _landmark, lat, lng, withinKm) => {
    const row = parseNeighbourhoods(DEMO).find((r) => r.id === id)!;
    expect(distanceM(row, { lat, lng }) / 1000).toBeLessThan(withinKm);
  });

  it('puts Busan over 300 km from Seoul, too far to cover in five minutes', () => {
    const rows = parseNeighbourhoods(DEMO);
    const [u, mangwon] = ['kr-haeundae-u', 'kr-mapo-mangwon'].map((id) => rows.find((r) => r.id === id)!);
    expect(distanceM(u, mangwon)).toBeGreaterThan(300_000);
  });
});
