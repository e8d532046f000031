import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { distanceM, distanceToPolygonsM, METRES_PER_DEGREE_LAT, type LatLng, type MultiPolygonCoords } from '@dongne/shared';
import { degreesNorth, featureCollection, pointFeature, polygonFeature, ring, squareRing } from '../testing/neighbourhood-geojson.js';
import { openTestStore, TEST_ENGINE, type OpenedTestStore, type TestStore } from '../testing/test-store.js';
import type { NeighbourhoodRow } from '../store/contract/neighbourhoods.js';
import { DEMO_NEIGHBOURHOODS_FILE } from './neighbourhood-import.js';
import { importNeighbourhoods } from './neighbourhood-save.js';
import { createNeighbourhoodLookup, LOOKUP_MAX_DISTANCE_M } from './neighbourhood-lookup.js';

let opened: OpenedTestStore;
let store: TestStore;
beforeEach(async () => {
  opened = await openTestStore({ neighbourhoods: 'none' });
  store = opened.store;
});
afterEach(() => opened.close());

async function lookupOver(...features: unknown[]) {
  await importNeighbourhoods(store, featureCollection(...features));
  const lookup = createNeighbourhoodLookup(store);
  await lookup.ready;
  return lookup;
}

describe('locating a position', () => {
  it('finds the polygon a point is inside', async () => {
    const lookup = await lookupOver(polygonFeature('kr-square', [squareRing(37.4, 127.1, 0.01)]), polygonFeature('kr-next', [squareRing(37.4, 127.12, 0.01)]));
    const found = await lookup.locate({ lat: 37.405, lng: 127.095 });
    expect(found).toMatchObject({ neighbourhood: { id: 'kr-square' }, contains: true, distanceM: 0 });
    expect(found!.centreDistanceM).toBeCloseTo(distanceM({ lat: 37.405, lng: 127.095 }, { lat: 37.4, lng: 127.1 }), 6);
  });

  it('finds the circle a point is inside', async () => {
    const lookup = await lookupOver(pointFeature('kr-circle', 37.4, 127.1, 1000));
    expect(await lookup.locate({ lat: 37.4 + degreesNorth(999), lng: 127.1 })).toMatchObject({ neighbourhood: { id: 'kr-circle' }, contains: true, distanceM: 0 });
  });

  it('counts a point on the edge as inside, for circles and polygons alike', async () => {
    const lookup = await lookupOver(pointFeature('kr-circle', 37.4, 127.1, 1000), polygonFeature('kr-square', [squareRing(37.5, 127.1, 0.01)]));
    const onCircle = { lat: 37.4 - degreesNorth(1000), lng: 127.1 };
    expect(distanceM(onCircle, { lat: 37.4, lng: 127.1 })).toBeCloseTo(1000, 6);
    expect(await lookup.locate(onCircle)).toMatchObject({ neighbourhood: { id: 'kr-circle' }, contains: true });
    for (const onSquare of [{ lat: 37.51, lng: 127.1 }, { lat: 37.5, lng: 127.09 }, { lat: 37.49, lng: 127.11 }]) {
      expect(await lookup.locate(onSquare)).toMatchObject({ neighbourhood: { id: 'kr-square' }, contains: true, distanceM: 0 });
    }
    // A metre outside is outside.
    expect(await lookup.locate({ lat: 37.51 + degreesNorth(1), lng: 127.1 })).toMatchObject({ neighbourhood: { id: 'kr-square' }, contains: false });
  });

  it('picks the nearest centre when several areas contain the point', async () => {
    const lookup = await lookupOver(
      pointFeature('kr-big', 37.4, 127.1, 3000),
      pointFeature('kr-small', 37.4 + degreesNorth(1500), 127.1, 1000),
      polygonFeature('kr-box', [squareRing(37.39, 127.1, 0.05)]),
    );
    expect((await lookup.locate({ lat: 37.4 + degreesNorth(1200), lng: 127.1 }))?.neighbourhood.id).toBe('kr-small');
    expect((await lookup.locate({ lat: 37.4 + degreesNorth(300), lng: 127.1 }))?.neighbourhood.id).toBe('kr-big');
  });

  it('does not count a point in a hole as inside', async () => {
    const lookup = await lookupOver(polygonFeature('kr-ring', [squareRing(37.4, 127.1, 0.02), squareRing(37.4, 127.1, 0.01)]));
    expect(await lookup.locate({ lat: 37.4, lng: 127.1 })).toMatchObject({ neighbourhood: { id: 'kr-ring' }, contains: false });
    // The hole's nearest edges are 0.01° of longitude east and west.
    expect((await lookup.locate({ lat: 37.4, lng: 127.1 }))!.distanceM).toBeCloseTo(0.01 * METRES_PER_DEGREE_LAT * Math.cos((37.4 * Math.PI) / 180), -1);
  });

  it('outside everything, gives the neighbourhood whose area is nearest, not whose centre is', async () => {
    // The wide circle's centre is 6 km away but its edge 1 km; the small one's centre is 2.5 km away.
    const here = { lat: 37.4, lng: 127.1 };
    const lookup = await lookupOver(
      pointFeature('kr-wide', 37.4 + degreesNorth(6000), 127.1, 5000),
      pointFeature('kr-small', 37.4 - degreesNorth(2500), 127.1, 300),
    );
    const found = (await lookup.locate(here))!;
    expect(found).toMatchObject({ neighbourhood: { id: 'kr-wide' }, contains: false });
    expect(found.distanceM).toBeCloseTo(1000, 3);
    expect(found.centreDistanceM).toBeCloseTo(6000, 3);
  });

  it('measures distance to a polygon from its nearest edge', async () => {
    const lookup = await lookupOver(polygonFeature('kr-triangle', [ring([37.4, 127.1], [37.4, 127.2], [37.45, 127.15])]), pointFeature('kr-far', 37.3, 127.3, 500));
    const found = (await lookup.locate({ lat: 37.39, lng: 127.15 }))!;
    expect(found).toMatchObject({ neighbourhood: { id: 'kr-triangle' }, contains: false });
    // Straight south of the base, 0.01° of latitude below it.
    expect(found.distanceM).toBeCloseTo(1113, -1);
  });

  it('finds nothing further than 50 km from every neighbourhood', async () => {
    const lookup = await lookupOver(pointFeature('kr-lonely', 37.4, 127.1, 1000));
    const edgePlus = (m: number) => ({ lat: 37.4 - degreesNorth(1000 + m), lng: 127.1 });
    expect(await lookup.locate(edgePlus(LOOKUP_MAX_DISTANCE_M - 100))).toMatchObject({ neighbourhood: { id: 'kr-lonely' }, contains: false });
    expect(await lookup.locate(edgePlus(LOOKUP_MAX_DISTANCE_M + 100))).toBeUndefined();
    expect(await lookup.locate({ lat: 35.16, lng: 129.16 })).toBeUndefined();
    expect(await lookup.locate({ lat: -37.4, lng: -52.9 })).toBeUndefined();
  });

  it('finds nothing in an empty database, and finds places imported after it was built', async () => {
    const lookup = createNeighbourhoodLookup(store);
    expect(await lookup.locate({ lat: 37.4, lng: 127.1 })).toBeUndefined();
    await importNeighbourhoods(store, featureCollection(pointFeature('kr-late', 37.4, 127.1, 1000)));
    expect((await lookup.locate({ lat: 37.4, lng: 127.1 }))?.neighbourhood.id).toBe('kr-late');
  });

  it('sees moved and added neighbourhoods after reload()', async () => {
    const lookup = await lookupOver(pointFeature('kr-a', 37.4, 127.1, 1000));
    await importNeighbourhoods(store, featureCollection(pointFeature('kr-a', 37.5, 127.0, 1000), pointFeature('kr-b', 37.4, 127.1, 500)));
    expect((await lookup.locate({ lat: 37.4, lng: 127.1 }))?.neighbourhood.id).toBe('kr-a');
    await lookup.reload();
    expect(lookup.size).toBe(2);
    expect((await lookup.locate({ lat: 37.4, lng: 127.1 }))?.neighbourhood.id).toBe('kr-b');
    expect((await lookup.locate({ lat: 37.5, lng: 127.0 }))?.neighbourhood.id).toBe('kr-a');
  });

  it('places real fixes in the demo dongs they are in', async () => {
    await importNeighbourhoods(store, readFileSync(DEMO_NEIGHBOURHOODS_FILE, 'utf8'));
    const lookup = createNeighbourhoodLookup(store);
    const at = async (lat: number, lng: number) => (await lookup.locate({ lat, lng }))?.neighbourhood.id;
    expect(await at(37.4012, 127.1086)).toBe('kr-bundang-sampyeong'); // Pangyo Techno Valley
    expect(await at(37.3892, 127.0976)).toBe('kr-bundang-pangyo'); // Pangyo Wonmaeul
    expect(await at(37.3948, 127.1112)).toBe('kr-bundang-baekhyeon'); // Pangyo station is in Baekhyeon-dong
    expect(await at(37.367, 127.1085)).toBe('kr-bundang-jeongja'); // Jeongja station
    expect(await at(37.556, 126.9101)).toBe('kr-mapo-mangwon'); // Mangwon station
    expect(await at(35.1587, 129.16)).toBe('kr-haeundae-u'); // Haeundae Beach, west end
  });
});

describe('locating with 5,000 neighbourhoods', () => {
  /** The rule, applied to every neighbourhood one by one. */
  function bruteForce(rows: (NeighbourhoodRow & { polygons: MultiPolygonCoords | null })[], point: LatLng) {
    const measured = rows.map((row) => {
      const centre = distanceM(point, row);
      const outside = row.polygons ? distanceToPolygonsM(point, row.polygons) : Math.max(0, centre - row.radiusM!);
      return { id: row.id, centre, outside };
    });
    const inside = measured.filter((m) => m.outside <= 0.01).sort((a, b) => a.centre - b.centre);
    if (inside.length > 0) return inside[0].id;
    const nearest = measured.sort((a, b) => a.outside - b.outside || a.centre - b.centre)[0];
    return nearest && nearest.outside <= LOOKUP_MAX_DISTANCE_M ? nearest.id : undefined;
  }

  // The lookup answers from memory, whichever store its rows were read from (the tests above read
  // them from each engine); importing 5,000 made-up dongs into PostgreSQL alone took 10 s of the suite.
  it.runIf(TEST_ENGINE === 'sqlite')('answers as a comparison with every neighbourhood would, thousands of times a second', async () => {
    let seed = 11;
    const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
    // Jittered dongs over South Korea's mainland box, every tenth one a polygon.
    const features = Array.from({ length: 5000 }, (_, i) => {
      const lat = 34.3 + random() * 3.9;
      const lng = 126.3 + random() * 3.1;
      return i % 10 === 0 ? polygonFeature(`kr-${i}`, [squareRing(lat, lng, 0.004 + random() * 0.01)]) : pointFeature(`kr-${i}`, lat, lng, 600 + random() * 900);
    });
    const lookup = await lookupOver(...features);
    expect(lookup.size).toBe(5000);
    const rows = (await store.neighbourhoods.all()).map((row) => ({ ...row, polygons: row.boundary ? (JSON.parse(row.boundary) as MultiPolygonCoords) : null }));

    // Close to a neighbourhood (on it, at its edge, between two), and anywhere from Korea to far out at sea.
    const near = Array.from({ length: 400 }, () => {
      const row = rows[Math.floor(random() * rows.length)];
      return { lat: row.lat + (random() - 0.5) * 0.03, lng: row.lng + (random() - 0.5) * 0.03 };
    });
    const anywhere = Array.from({ length: 400 }, () => ({ lat: 32.5 + random() * 7, lng: 124 + random() * 7.5 }));
    const points = [...near, ...anywhere];
    const outcomes = { inside: 0, nearest: 0, none: 0 };
    for (const point of points) {
      const found = await lookup.locate(point);
      expect({ point, id: found?.neighbourhood.id }).toEqual({ point, id: bruteForce(rows, point) });
      outcomes[!found ? 'none' : found.contains ? 'inside' : 'nearest']++;
    }
    for (const count of Object.values(outcomes)) expect(count).toBeGreaterThan(20);

    const started = performance.now();
    for (let i = 0; i < 20_000; i++) await lookup.locate({ lat: 34.3 + random() * 3.9, lng: 126.3 + random() * 3.1 });
    const perSecond = 20_000 / ((performance.now() - started) / 1000);
    // Measured at several hundred thousand a second; the bound only catches an accidental full scan.
    expect(perSecond).toBeGreaterThan(5_000);
  });
});
