import { describe, expect, it } from 'vitest';
import { formatDistance, labelName, placeName, readingVerdict } from './place-words.js';

describe('formatDistance', () => {
  it('writes metres and kilometres as each language does', () => {
    expect(formatDistance(3_712, 'en-US')).toBe('3.7 km');
    expect(formatDistance(3_712, 'ko-KR')).toBe('3.7km');
    expect(formatDistance(849.6, 'en-US')).toBe('850 m');
    expect(formatDistance(20, 'ko-KR')).toBe('20m');
    expect(formatDistance(5_000, 'en-US')).toBe('5 km');
    expect(formatDistance(5_000, 'ko-KR')).toBe('5km');
  });
});

describe('placeName and labelName', () => {
  const pangyo = { nameEn: 'Pangyo-dong', nameKo: '판교동' };
  it('gives the Korean name in Korean and both in English', () => {
    expect(placeName(pangyo, 'ko')).toBe('판교동');
    expect(placeName(pangyo, 'en')).toBe('Pangyo-dong 판교동');
    expect(placeName({ nameEn: 'Downtown', nameKo: null }, 'ko')).toBe('Downtown');
    expect(labelName('Pangyo-dong 판교동', 'ko')).toBe('판교동');
    expect(labelName('Pangyo-dong 판교동', 'en')).toBe('Pangyo-dong 판교동');
    expect(labelName('Downtown', 'ko')).toBe('Downtown');
  });
});

describe('readingVerdict', () => {
  it('says "here" only for a reading precise enough to verify with', () => {
    expect(readingVerdict({ contains: true, accuracyM: 20 })).toBe('here');
    expect(readingVerdict({ contains: true, accuracyM: 150 })).toBe('here');
  });

  it('says only "near" for a vague reading, even one that falls inside', () => {
    expect(readingVerdict({ contains: true, accuracyM: 5_000 })).toBe('near');
    expect(readingVerdict({ contains: true, accuracyM: 151 })).toBe('near');
  });

  it('names the nearest neighbourhood for a reading outside them all', () => {
    expect(readingVerdict({ contains: false, accuracyM: 10 })).toBe('nearest');
  });
});
