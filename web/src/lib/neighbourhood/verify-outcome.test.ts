import { describe, expect, it } from 'vitest';
import { failedCheck, lastVerifyAttempt, rememberVerifyAttempt, verifiedUntil } from './verify-outcome.js';

const DAY = 24 * 3600_000;
const NOW = Date.UTC(2026, 10, 30, 12);

describe('failedCheck', () => {
  it('says how far away a refused reading was, and that an earlier verification still holds', () => {
    const check = failedCheck({
      rejection: { code: 'location.too_far', at: NOW },
      attempt: { neighbourhoodId: 'kr-bundang-pangyo', distanceM: 3_700, at: NOW - 2_000 },
      active: { verifiedAt: NOW - 3 * DAY },
      now: NOW,
    });
    expect(check).toEqual({ reason: { kind: 'far', distanceM: 3_700 }, stillVerifiedUntil: NOW + 27 * DAY });
  });

  it('falls back to the code when the distance is unknown or belongs to a later reading', () => {
    const rejection = { code: 'location.too_far', at: NOW };
    expect(failedCheck({ rejection, now: NOW }).reason).toEqual({ kind: 'code', code: 'location.too_far' });
    const later = { neighbourhoodId: 'x', distanceM: 10, at: NOW + 1 };
    expect(failedCheck({ rejection, attempt: later, now: NOW }).reason).toEqual({ kind: 'code', code: 'location.too_far' });
  });

  it('keeps other refusals as their code, and says not verified when nothing earlier holds', () => {
    const check = failedCheck({
      rejection: { code: 'location.stale', at: NOW },
      attempt: { neighbourhoodId: 'x', distanceM: 10, at: NOW - 1 },
      active: { verifiedAt: NOW - 31 * DAY },
      now: NOW,
    });
    expect(check).toEqual({ reason: { kind: 'code', code: 'location.stale' }, stillVerifiedUntil: null });
    expect(failedCheck({ rejection: { code: 'location.stale', at: NOW }, active: { verifiedAt: null }, now: NOW }).stillVerifiedUntil).toBeNull();
  });
});

describe('verifiedUntil', () => {
  it('lasts 30 days from the reading', () => {
    expect(verifiedUntil(NOW - DAY, NOW)).toBe(NOW + 29 * DAY);
    expect(verifiedUntil(NOW - 31 * DAY, NOW)).toBeNull();
    expect(verifiedUntil(null, NOW)).toBeNull();
  });
});

describe('the remembered attempt', () => {
  it('keeps the last one, and shrugs off storage it cannot read', () => {
    const values = new Map<string, string>();
    const storage = { getItem: (k: string) => values.get(k) ?? null, setItem: (k: string, v: string) => void values.set(k, v) };
    expect(lastVerifyAttempt(storage)).toBeUndefined();
    rememberVerifyAttempt({ neighbourhoodId: 'a', distanceM: 12, at: 1 }, storage);
    expect(lastVerifyAttempt(storage)).toEqual({ neighbourhoodId: 'a', distanceM: 12, at: 1 });
    values.set('dongne.lastVerifyAttempt', '{not json');
    expect(lastVerifyAttempt(storage)).toBeUndefined();
  });
});
