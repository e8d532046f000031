import { describe, expect, it } from 'vitest';
import type { Fix } from '../sync.js';
import { distanceM, type LatLng } from './distance.js';
import type { Position } from './polygon.js';
import { checkFix, distanceOutsideM, isSameReading, isVerificationCurrent, VERIFICATION_RULES, type FixCheck, type NeighbourhoodArea } from './verification.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** 2026-03-01T09:00:00Z, the server's clock in these tests. */
const NOW = Date.UTC(2026, 2, 1, 9, 0, 0);
/** Metres along a meridian per degree, on the sphere distanceM uses. */
const M_PER_DEG = (2 * Math.PI * 6_371_008.8) / 360;

/** The point `metres` north of `from` (south if negative): exactly that far by distanceM. */
const north = (from: LatLng, metres: number): LatLng => ({ lat: from.lat + metres / M_PER_DEG, lng: from.lng });

function fixAt(point: LatLng, { accuracy = 20, takenAt = NOW - MINUTE }: { accuracy?: number; takenAt?: number } = {}): Fix {
  return { lat: point.lat, lng: point.lng, accuracy, takenAt };
}

// Pangyo-dong as the demo data has it: a centre and a 1.1 km radius.
const PANGYO: NeighbourhoodArea = { name: 'Pangyo-dong', centroid: { lat: 37.3915, lng: 127.092 }, radiusM: 1100, polygons: null };
const CENTRE = PANGYO.centroid;

function check(fix: Fix, options: Partial<Parameters<typeof checkFix>[0]> = {}): FixCheck {
  return checkFix({ fix, area: PANGYO, now: NOW, action: 'publish', replayed: false, ...options });
}
const codeOf = (result: FixCheck) => (result.ok ? 'ok' : result.code);

describe('the thresholds', () => {
  it('are the ones the README promises', () => {
    expect(VERIFICATION_RULES).toEqual({
      maxAccuracyM: 150,
      minAccuracyM: 1,
      sameReadingM: 1,
      sameReadingMs: 1_000,
      maxFixAgeMs: 24 * HOUR,
      maxFutureSkewMs: 5 * MINUTE,
      maxSpeedKmh: 900,
      validForMs: 30 * DAY,
    });
  });
});

describe('inside the radius', () => {
  it('passes at the centre and says how far from it the fix was', () => {
    const result = check(fixAt(north(CENTRE, 250)));
    expect(result.ok).toBe(true);
    expect(result.distanceM).toBeCloseTo(250, 6);
  });

  it('passes just inside the radius and fails just outside it, for the most accurate fix a phone gives', () => {
    expect(codeOf(check(fixAt(north(CENTRE, 1_100.99), { accuracy: 1 })))).toBe('ok');
    expect(codeOf(check(fixAt(north(CENTRE, 1_101), { accuracy: 1 })))).toBe('ok');
    expect(codeOf(check(fixAt(north(CENTRE, 1_101.01), { accuracy: 1 })))).toBe('location.too_far');
  });

  it('gives the person the benefit of the accuracy circle, and no more', () => {
    // 20 m accuracy: anywhere up to 20 m outside the radius may really be inside.
    expect(codeOf(check(fixAt(north(CENTRE, 1_119.99), { accuracy: 20 })))).toBe('ok');
    expect(codeOf(check(fixAt(north(CENTRE, -1_119.99), { accuracy: 20 })))).toBe('ok');
    expect(codeOf(check(fixAt(north(CENTRE, 1_120.01), { accuracy: 20 })))).toBe('location.too_far');
    // 150 m, the vaguest fix allowed, reaches 150 m out.
    expect(codeOf(check(fixAt(north(CENTRE, 1_249.99), { accuracy: 150 })))).toBe('ok');
    expect(codeOf(check(fixAt(north(CENTRE, 1_250.01), { accuracy: 150 })))).toBe('location.too_far');
  });

  it('says in plain words how far from the neighbourhood the person was, and when', () => {
    const publish = check(fixAt(north(CENTRE, 4_200)));
    expect(publish).toEqual({
      ok: false,
      code: 'location.too_far',
      message: 'You were 4.2 km from Pangyo-dong when you tapped Publish.',
      distanceM: expect.closeTo(4_200, 6),
    });
    const verify = check(fixAt(north(CENTRE, -850)), { area: { ...PANGYO, radiusM: 500 }, action: 'verify' });
    expect(verify).toMatchObject({ ok: false, message: 'You were 850 m from Pangyo-dong when you tapped Verify.' });
  });
});

describe('inside a boundary', () => {
  const ring = (lat: number, lng: number, half: number): Position[] => [
    [lng - half, lat - half],
    [lng + half, lat - half],
    [lng + half, lat + half],
    [lng - half, lat + half],
    [lng - half, lat - half],
  ];
  // A square dong about 2.2 km across, with a pond (a hole) north of its centre.
  const SQUARE: NeighbourhoodArea = {
    name: 'Square-dong',
    centroid: { lat: 37.4, lng: 127.1 },
    radiusM: null,
    polygons: [[ring(37.4, 127.1, 0.01), ring(37.405, 127.1, 0.002)]],
  };
  const SOUTH_EDGE = { lat: 37.39, lng: 127.1 };
  const inSquare = (fix: Fix, action: 'publish' | 'verify' = 'publish') => check(fix, { area: SQUARE, action });

  it('passes anywhere inside, far from the centre too', () => {
    expect(codeOf(inSquare(fixAt({ lat: 37.391, lng: 127.109 })))).toBe('ok');
  });

  it('passes on the edge itself, even with a perfectly accurate fix', () => {
    expect(codeOf(inSquare(fixAt(SOUTH_EDGE, { accuracy: 1 })))).toBe('ok');
  });

  it('passes just outside by less than the accuracy, and fails by more', () => {
    expect(codeOf(inSquare(fixAt(north(SOUTH_EDGE, -20), { accuracy: 30 })))).toBe('ok');
    const further = inSquare(fixAt(north(SOUTH_EDGE, -40), { accuracy: 30 }));
    expect(codeOf(further)).toBe('location.too_far');
    expect(further).toMatchObject({ message: 'You were 1.2 km from Square-dong when you tapped Publish.' });
  });

  it('fails in the middle of a hole, and passes near its shore within the accuracy', () => {
    const pond = inSquare(fixAt({ lat: 37.405, lng: 127.1 }, { accuracy: 30 }), 'verify');
    expect(pond).toMatchObject({ ok: false, code: 'location.too_far', message: 'You were 556 m from Square-dong when you tapped Verify.' });
    // 10 m into the pond from its south shore.
    expect(codeOf(inSquare(fixAt(north({ lat: 37.403, lng: 127.1 }, 10), { accuracy: 30 })))).toBe('ok');
  });

  it('measures how far outside the area a point is, for circles and boundaries alike', () => {
    expect(distanceOutsideM(north(CENTRE, 1_500), PANGYO)).toBeCloseTo(400, 6);
    expect(distanceOutsideM(CENTRE, PANGYO)).toBe(0);
    expect(distanceOutsideM({ lat: 37.395, lng: 127.1 }, SQUARE)).toBe(0);
    expect(distanceOutsideM(north(SOUTH_EDGE, -100), SQUARE)).toBeCloseTo(100, -1);
  });
});

describe('accuracy', () => {
  it('passes at 150 m and fails at 150.1 m', () => {
    expect(codeOf(check(fixAt(CENTRE, { accuracy: 150 })))).toBe('ok');
    expect(codeOf(check(fixAt(CENTRE, { accuracy: 150.1 })))).toBe('location.inaccurate');
  });

  it('says how vague the fix was and what to do', () => {
    expect(check(fixAt(CENTRE, { accuracy: 1_500 }))).toEqual({
      ok: false,
      code: 'location.inaccurate',
      message: 'Your location was only accurate to 1.5 km; we need 150 m or better. Turn on precise location or step outside, then try again.',
    });
  });
});

describe('age', () => {
  it('passes a fix exactly 24 hours old and fails one a millisecond older', () => {
    expect(codeOf(check(fixAt(CENTRE, { takenAt: NOW - 24 * HOUR })))).toBe('ok');
    expect(codeOf(check(fixAt(CENTRE, { takenAt: NOW - 24 * HOUR - 1 })))).toBe('location.stale');
  });

  it('passes a fix taken this very moment', () => {
    expect(codeOf(check(fixAt(CENTRE, { takenAt: NOW })))).toBe('ok');
  });

  it('says how old the fix was when it arrived', () => {
    const twoDays = check(fixAt(CENTRE, { takenAt: NOW - 2 * DAY - 5 * HOUR }));
    expect(twoDays).toMatchObject({ code: 'location.stale' });
    expect(twoDays.ok || twoDays.message).toMatch(/^Your location was taken 2 days before it reached us; .* Verify again where you are now\.$/);
    const hours = check(fixAt(CENTRE, { takenAt: NOW - 30 * HOUR }));
    expect(hours.ok || hours.message).toMatch(/^Your location was taken 30 hours before it reached us/);
  });
});

describe('clock skew', () => {
  it('passes a fix 5 minutes in the future and fails one a millisecond further', () => {
    expect(codeOf(check(fixAt(CENTRE, { takenAt: NOW + 5 * MINUTE })))).toBe('ok');
    expect(codeOf(check(fixAt(CENTRE, { takenAt: NOW + 5 * MINUTE + 1 })))).toBe('location.from_future');
  });

  it("asks the person to check their phone's clock", () => {
    expect(check(fixAt(CENTRE, { takenAt: NOW + 3 * HOUR }))).toEqual({
      ok: false,
      code: 'location.from_future',
      message: "Your location is dated 3 hours in the future. Check your phone's date and time, then try again.",
    });
  });
});

describe('replay', () => {
  it('refuses a fix that was already used, however good it is', () => {
    expect(check(fixAt(CENTRE), { replayed: true })).toEqual({
      ok: false,
      code: 'location.replayed',
      message: 'That location reading was already used. Take a new one.',
    });
  });
});

describe('a reading that no phone takes', () => {
  it('refuses accuracy under a metre as made up, and passes a metre', () => {
    expect(check(fixAt(CENTRE, { accuracy: 0 }))).toEqual({
      ok: false,
      code: 'location.implausible_accuracy',
      message: 'Your phone reported a location accurate to 0 m, which no phone can measure. Turn off any app that sets your location, then try again.',
    });
    expect(codeOf(check(fixAt(CENTRE, { accuracy: 0.999 })))).toBe('location.implausible_accuracy');
    expect(codeOf(check(fixAt(CENTRE, { accuracy: 1 })))).toBe('ok');
  });

  it('refuses a reading taken before the account existed, allowing for a phone clock 5 minutes behind', () => {
    const fix = fixAt(CENTRE, { takenAt: NOW - HOUR });
    expect(check(fix, { accountCreatedAt: NOW - HOUR + 5 * MINUTE + 1 })).toMatchObject({ ok: false, code: 'location.before_account' });
    expect(codeOf(check(fix, { accountCreatedAt: NOW - HOUR + 5 * MINUTE }))).toBe('ok');
  });
});

describe('the same reading sent again', () => {
  const used = fixAt(CENTRE, { takenAt: NOW - MINUTE });
  it('is a reading within a metre and a second of a used one', () => {
    expect(isSameReading(used, { ...used })).toBe(true);
    expect(isSameReading(used, { ...used, lat: used.lat + 1e-9 })).toBe(true);
    expect(isSameReading(used, { ...used, takenAt: used.takenAt + 1 })).toBe(true);
    expect(isSameReading(used, { ...used, accuracy: used.accuracy + 1e-9 })).toBe(true);
    expect(isSameReading(used, { ...north(used, 0.99), accuracy: used.accuracy, takenAt: used.takenAt - 1_000 })).toBe(true);
  });

  it('is not a reading further than a metre, or a second, away', () => {
    expect(isSameReading(used, { ...north(used, 1.01), accuracy: used.accuracy, takenAt: used.takenAt })).toBe(false);
    expect(isSameReading(used, { ...used, takenAt: used.takenAt + 1_001 })).toBe(false);
  });
});

describe('a reading older than where the person has been since', () => {
  it('cannot verify them in its place, and says where they were after it', () => {
    const fix = fixAt(CENTRE, { takenAt: NOW - 23 * HOUR });
    expect(check(fix, { action: 'verify', laterElsewhere: { name: 'U-dong', takenAt: NOW - 2 * MINUTE } })).toEqual({
      ok: false,
      code: 'location.superseded',
      message: 'This location was taken 22 hours before you verified in U-dong, so it cannot verify you in Pangyo-dong now. Verify again where you are now.',
    });
  });
});

describe('travel since the previous fix', () => {
  const FAR_SOUTH = north(CENTRE, -90_000);
  /** 90 km in 6 minutes is exactly 900 km/h. */
  const SIX_MINUTES = 6 * MINUTE;

  it('passes just under 900 km/h and fails just over it', () => {
    const now = fixAt(CENTRE, { accuracy: 1 });
    const previous = (msEarlier: number) => fixAt(FAR_SOUTH, { accuracy: 1, takenAt: now.takenAt - msEarlier });
    expect(codeOf(check(now, { previousFix: previous(SIX_MINUTES + 1_000) }))).toBe('ok');
    expect(codeOf(check(now, { previousFix: previous(SIX_MINUTES - 1_000) }))).toBe('location.impossible_travel');
  });

  it('credits both fixes’ accuracy to the distance moved', () => {
    const now = fixAt(CENTRE, { accuracy: 150 });
    // 90.3 km apart, but each reading may be 150 m off: only 90 km is certain.
    const previous = fixAt(north(CENTRE, -90_300), { accuracy: 150, takenAt: now.takenAt - SIX_MINUTES - 1_000 });
    expect(codeOf(check(now, { previousFix: previous }))).toBe('ok');
    expect(codeOf(check({ ...now, accuracy: 1 }, { previousFix: { ...previous, accuracy: 1 } }))).toBe('location.impossible_travel');
  });

  it('judges a fix older than the previous one by the time between them, either way round', () => {
    // Taken offline before the previous fix, pushed after it.
    const now = fixAt(CENTRE, { accuracy: 1, takenAt: NOW - HOUR });
    const later = fixAt(FAR_SOUTH, { accuracy: 1, takenAt: NOW - HOUR + 5 * MINUTE });
    expect(codeOf(check(now, { previousFix: later }))).toBe('location.impossible_travel');
  });

  it('refuses any movement at all between two fixes with the same timestamp', () => {
    const now = fixAt(CENTRE);
    const result = check(now, { previousFix: fixAt(north(CENTRE, 500), { takenAt: now.takenAt }) });
    expect(result).toMatchObject({ ok: false, code: 'location.impossible_travel' });
    expect(result.ok || result.message).toMatch(/^This location is 460 m from where you were less than a minute earlier — /);
  });

  it('counts the time between fixes in words: a minute, minutes, hours', () => {
    const now = fixAt(CENTRE, { accuracy: 1 });
    const from = (msEarlier: number, metres: number) => {
      const result = check(now, { previousFix: fixAt(north(CENTRE, -metres), { accuracy: 1, takenAt: now.takenAt - msEarlier }) });
      return result.ok ? '' : result.message.replace(/^This location is .* from where you were (.*) earlier.*$/, '$1');
    };
    expect(from(MINUTE, 30_000)).toBe('1 minute');
    expect(from(40 * MINUTE, 700_000)).toBe('40 minutes');
    expect(from(3 * HOUR, 3_000_000)).toBe('3 hours');
  });

  it('passes when the two fixes could be the same spot, whatever the time between them', () => {
    const now = fixAt(CENTRE);
    // 30 m apart with 20 m accuracy each: no movement is certain.
    expect(codeOf(check(now, { previousFix: fixAt(north(CENTRE, 30), { takenAt: now.takenAt }) }))).toBe('ok');
    expect(codeOf(check(now, { previousFix: fixAt(CENTRE, { takenAt: now.takenAt - 1 }) }))).toBe('ok');
  });

  it('passes the first fix a person ever sends', () => {
    expect(codeOf(check(fixAt(CENTRE), { previousFix: undefined }))).toBe('ok');
  });

  it('says Seoul to Busan in five minutes cannot be done', () => {
    const mangwon = { lat: 37.5555, lng: 126.9045 };
    const uDong: NeighbourhoodArea = { name: 'U-dong', centroid: { lat: 35.163, lng: 129.148 }, radiusM: 1500, polygons: null };
    const inBusan = fixAt(uDong.centroid);
    const result = check(inBusan, { area: uDong, action: 'verify', previousFix: fixAt(mangwon, { takenAt: inBusan.takenAt - 5 * MINUTE }) });
    expect(distanceM(mangwon, uDong.centroid)).toBeGreaterThan(330_000);
    expect(result).toEqual({
      ok: false,
      code: 'location.impossible_travel',
      message: 'This location is 333.3 km from where you were 5 minutes earlier — faster than anyone can travel. Try again from where you are.',
    });
  });
});

describe('which rule speaks first', () => {
  it('names the clock before the accuracy, the accuracy before the replay, and the place last', () => {
    const far = north(CENTRE, 50_000);
    expect(codeOf(check(fixAt(far, { accuracy: 500, takenAt: NOW + HOUR }), { replayed: true }))).toBe('location.from_future');
    expect(codeOf(check(fixAt(far, { accuracy: 500, takenAt: NOW - 2 * DAY }), { replayed: true }))).toBe('location.stale');
    expect(codeOf(check(fixAt(far, { accuracy: 500 }), { replayed: true }))).toBe('location.inaccurate');
    expect(codeOf(check(fixAt(far), { replayed: true }))).toBe('location.replayed');
    expect(codeOf(check(fixAt(far), { previousFix: fixAt(CENTRE) }))).toBe('location.impossible_travel');
    expect(codeOf(check(fixAt(far)))).toBe('location.too_far');
  });
});

describe('isVerificationCurrent', () => {
  it('lasts exactly 30 days', () => {
    expect(isVerificationCurrent(NOW, NOW)).toBe(true);
    expect(isVerificationCurrent(NOW - 30 * DAY, NOW)).toBe(true);
    expect(isVerificationCurrent(NOW - 30 * DAY - 1, NOW)).toBe(false);
  });

  it('is never current without a verification', () => {
    expect(isVerificationCurrent(null, NOW)).toBe(false);
    expect(isVerificationCurrent(undefined, NOW)).toBe(false);
  });
});

describe('a fix that arrives late, taken between two accepted ones', () => {
  it('is checked against the later fix as well', async () => {
    const { checkFix } = await import('./verification.js');
    const now = Date.UTC(2026, 10, 25, 12);
    const seoul = { lat: 37.556, lng: 126.9105, accuracy: 10, takenAt: now - 60 * 60_000 };
    const busanFiveMinutesBefore = { lat: 35.163, lng: 129.16, accuracy: 10, takenAt: seoul.takenAt - 5 * 60_000 };
    const area = { name: 'U-dong', centroid: { lat: 35.163, lng: 129.16 }, radiusM: 1500, polygons: null };
    const check = checkFix({ fix: busanFiveMinutesBefore, area, now, action: 'verify', laterFix: seoul, replayed: false });
    expect(check).toMatchObject({ ok: false, code: 'location.impossible_travel' });
    expect(check.ok ? '' : check.message).toContain('5 minutes later');
    // With nothing accepted around it, the same fix is fine.
    expect(checkFix({ fix: busanFiveMinutesBefore, area, now, action: 'verify', replayed: false }).ok).toBe(true);
  });
});
