// When the device warns that a listing is published from outside its neighbourhood.
import { describe, expect, it } from 'vitest';
import { METRES_PER_DEGREE_LAT, type Fix } from '@dongne/shared';
import { ASSUMED_REACH_M, checkPlace, type KnownPlace } from './place-check.js';

// Jeongja-dong's centre, as the demo data has it.
const JEONGJA: KnownPlace = { lat: 37.363, lng: 127.114 };

/** A reading `northM` metres north of the centre, accurate to `accuracy` metres. */
const reading = (northM: number, accuracy = 20): Fix => ({ lat: JEONGJA.lat + northM / METRES_PER_DEGREE_LAT, lng: JEONGJA.lng, accuracy, takenAt: 0 });

describe('the location check before publishing', () => {
  it('says nothing for a precise reading inside the neighbourhood', () => {
    expect(checkPlace(reading(200), JEONGJA)).toEqual({ kind: 'fine' });
    expect(checkPlace(reading(900), { ...JEONGJA, radiusM: 1300 })).toEqual({ kind: 'fine' });
  });

  it('warns for a reading clearly outside, with the distance from the centre', () => {
    const check = checkPlace(reading(20_000), JEONGJA);
    expect(check.kind).toBe('outside');
    expect(check.kind === 'outside' && Math.round(check.distanceM)).toBe(20_000);
    // Knowing the boundary, as the server does: 3.7 km from the centre of a 1.3 km dong.
    expect(checkPlace(reading(3_700), { ...JEONGJA, radiusM: 1300 })).toMatchObject({ kind: 'outside' });
  });

  it('without the boundary, warns only beyond any neighbourhood’s reach from the centre', () => {
    expect(checkPlace(reading(2_500), JEONGJA)).toEqual({ kind: 'fine' });
    expect(checkPlace(reading(ASSUMED_REACH_M + 100), JEONGJA)).toMatchObject({ kind: 'outside' });
  });

  it('gives the reading the benefit of its accuracy, as the server does', () => {
    // 100 m outside a 1.3 km dong, read to within 120 m: the person may well be inside.
    expect(checkPlace(reading(1_400, 120), { ...JEONGJA, radiusM: 1300 })).toEqual({ kind: 'fine' });
    expect(checkPlace(reading(1_400, 80), { ...JEONGJA, radiusM: 1300 })).toMatchObject({ kind: 'outside' });
    // 300 m outside, read to within 400 m: not clearly outside, but too vague to place anyone.
    expect(checkPlace(reading(1_600, 400), { ...JEONGJA, radiusM: 1300 })).toEqual({ kind: 'imprecise', accuracyM: 400 });
  });

  it('says an imprecise reading cannot place the person, even at the centre', () => {
    expect(checkPlace(reading(0, 5_000), JEONGJA)).toEqual({ kind: 'imprecise', accuracyM: 5_000 });
  });

  it('still calls a vague reading far away outside: no accuracy circle reaches that far', () => {
    expect(checkPlace(reading(20_000, 500), JEONGJA)).toMatchObject({ kind: 'outside' });
  });

  it('uses a boundary polygon when the device has one', () => {
    const d = 1000 / METRES_PER_DEGREE_LAT;
    // A square about 2 km across around the centre.
    const square = [[[
      [JEONGJA.lng - d, JEONGJA.lat - d],
      [JEONGJA.lng + d, JEONGJA.lat - d],
      [JEONGJA.lng + d, JEONGJA.lat + d],
      [JEONGJA.lng - d, JEONGJA.lat + d],
      [JEONGJA.lng - d, JEONGJA.lat - d],
    ]]] as [number, number][][][];
    expect(checkPlace(reading(500), { ...JEONGJA, polygons: square })).toEqual({ kind: 'fine' });
    expect(checkPlace(reading(1_500), { ...JEONGJA, polygons: square })).toMatchObject({ kind: 'outside' });
  });
});
