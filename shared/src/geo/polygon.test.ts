import { describe, expect, it } from 'vitest';
import { distanceM, METRES_PER_DEGREE_LAT } from './distance.js';
import { distanceToPolygonsM, type PolygonCoords, type Position } from './polygon.js';

/** Metres along a meridian per degree, on the sphere distanceM uses. */
const north = (metres: number) => metres / METRES_PER_DEGREE_LAT;

/** A closed axis-aligned square ring, `half` degrees either side of its centre, as [lng, lat]. */
function square(lat: number, lng: number, half: number): Position[] {
  return [
    [lng - half, lat - half],
    [lng + half, lat - half],
    [lng + half, lat + half],
    [lng - half, lat + half],
    [lng - half, lat - half],
  ];
}

// A square about 2.2 km tall around central Bundang.
const BLOCK: PolygonCoords = [square(37.4, 127.1, 0.01)];

describe('distanceToPolygonsM', () => {
  it('is 0 inside the area', () => {
    expect(distanceToPolygonsM({ lat: 37.4, lng: 127.1 }, [BLOCK])).toBe(0);
    expect(distanceToPolygonsM({ lat: 37.409, lng: 127.091 }, [BLOCK])).toBe(0);
  });

  it('is 0, or within a millimetre of it, on the boundary', () => {
    for (const onEdge of [{ lat: 37.41, lng: 127.1 }, { lat: 37.4, lng: 127.09 }, { lat: 37.39, lng: 127.11 }]) {
      expect(distanceToPolygonsM(onEdge, [BLOCK])).toBeLessThan(0.001);
    }
  });

  it('measures the way out to the nearest edge, within 0.5% of the great-circle distance', () => {
    const outside = { lat: 37.41 + north(1_000), lng: 127.1 };
    const measured = distanceToPolygonsM(outside, [BLOCK]);
    expect(measured).toBeGreaterThan(995);
    expect(measured).toBeLessThan(1_005);
    // Just outside is a little more than 0.
    const justOutside = distanceToPolygonsM({ lat: 37.41 + north(1), lng: 127.1 }, [BLOCK]);
    expect(justOutside).toBeGreaterThan(0.99);
    expect(justOutside).toBeLessThan(1.01);
  });

  it('measures to the corner when the point is off a corner', () => {
    const corner = { lat: 37.41, lng: 127.11 };
    const beyond = { lat: 37.41 + 0.003, lng: 127.11 + 0.003 };
    expect(distanceToPolygonsM(beyond, [BLOCK]) / distanceM(beyond, corner)).toBeCloseTo(1, 2);
  });

  it('treats a hole as outside, measured to the hole’s edge', () => {
    const withPond: PolygonCoords = [square(37.4, 127.1, 0.01), square(37.4, 127.1, 0.002)];
    // In the middle of the pond: nearest shore is east or west, 0.002° of longitude away.
    const pondMiddle = distanceToPolygonsM({ lat: 37.4, lng: 127.1 }, [withPond]);
    expect(pondMiddle / distanceM({ lat: 37.4, lng: 127.1 }, { lat: 37.4, lng: 127.102 })).toBeCloseTo(1, 2);
    // On dry land between the pond and the outer edge.
    expect(distanceToPolygonsM({ lat: 37.405, lng: 127.1 }, [withPond])).toBe(0);
  });

  it('takes the nearest of several polygons, and 0 inside any of them', () => {
    const islands: PolygonCoords[] = [[square(37.4, 127.1, 0.01)], [square(37.4, 127.2, 0.01)]];
    expect(distanceToPolygonsM({ lat: 37.4, lng: 127.2 }, islands)).toBe(0);
    const nearerEast = { lat: 37.4, lng: 127.185 };
    expect(distanceToPolygonsM(nearerEast, islands) / distanceM(nearerEast, { lat: 37.4, lng: 127.19 })).toBeCloseTo(1, 2);
  });

  it('follows a concave boundary: the notch of an L is outside', () => {
    // An L: a 0.02° square with its north-east quarter cut away.
    const ell: PolygonCoords = [
      [
        [127.09, 37.39],
        [127.11, 37.39],
        [127.11, 37.4],
        [127.1, 37.4],
        [127.1, 37.41],
        [127.09, 37.41],
        [127.09, 37.39],
      ],
    ];
    expect(distanceToPolygonsM({ lat: 37.395, lng: 127.105 }, [ell])).toBe(0);
    expect(distanceToPolygonsM({ lat: 37.405, lng: 127.095 }, [ell])).toBe(0);
    const inNotch = distanceToPolygonsM({ lat: 37.405, lng: 127.105 }, [ell]);
    expect(inNotch).toBeGreaterThan(400);
  });
});
