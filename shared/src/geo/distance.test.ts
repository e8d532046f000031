import { describe, expect, it } from 'vitest';
import { distanceM, formatDistance, METRES_PER_DEGREE_LAT } from './distance.js';

const SEOUL_CITY_HALL = { lat: 37.5665, lng: 126.978 };
const BUSAN_CITY_HALL = { lat: 35.1796, lng: 129.0756 };

describe('distanceM', () => {
  it('is 0 from a point to itself', () => {
    expect(distanceM(SEOUL_CITY_HALL, SEOUL_CITY_HALL)).toBe(0);
  });

  it('puts Seoul about 325 km from Busan, the same both ways', () => {
    const there = distanceM(SEOUL_CITY_HALL, BUSAN_CITY_HALL);
    expect(there / 1000).toBeCloseTo(325.1, 1);
    expect(distanceM(BUSAN_CITY_HALL, SEOUL_CITY_HALL)).toBeCloseTo(there, 6);
  });

  it('measures neighbourhood-scale distances: Pangyo-dong to Sunae-dong is about 3.1 km', () => {
    expect(distanceM({ lat: 37.3915, lng: 127.092 }, { lat: 37.374, lng: 127.119 })).toBeCloseTo(3_079, 0);
  });

  it('gives one degree of latitude as about 111.2 km anywhere, and a degree of longitude less away from the equator', () => {
    expect(distanceM({ lat: 0, lng: 127 }, { lat: 1, lng: 127 })).toBeCloseTo(METRES_PER_DEGREE_LAT, 6);
    expect(distanceM({ lat: 60, lng: 10 }, { lat: 61, lng: 10 })).toBeCloseTo(METRES_PER_DEGREE_LAT, 6);
    // At 60° north a degree of longitude is about half as long as at the equator.
    expect(distanceM({ lat: 60, lng: 10 }, { lat: 60, lng: 11 }) / METRES_PER_DEGREE_LAT).toBeCloseTo(0.5, 3);
  });

  it('goes the short way across the antimeridian', () => {
    expect(distanceM({ lat: 0, lng: 179.5 }, { lat: 0, lng: -179.5 })).toBeCloseTo(METRES_PER_DEGREE_LAT, 6);
  });

  it('stays finite for antipodes: half the Earth round', () => {
    expect(distanceM({ lat: 10, lng: 20 }, { lat: -10, lng: -160 })).toBeCloseTo(180 * METRES_PER_DEGREE_LAT, 0);
  });
});

describe('formatDistance', () => {
  it.each([
    [0, '0 m'],
    [12.4, '12 m'],
    [850, '850 m'],
    [999.4, '999 m'],
    [1000, '1.0 km'],
    [4_249, '4.2 km'],
    [24_080, '24.1 km'],
    [325_112, '325.1 km'],
  ])('says %d m as "%s"', (metres, said) => {
    expect(formatDistance(metres)).toBe(said);
  });
});
