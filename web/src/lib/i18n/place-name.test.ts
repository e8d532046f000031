import { describe, expect, it } from 'vitest';
import { labelName, placeName } from './place-name.js';

describe('place names', () => {
  it('reads a neighbourhood in Korean as its Korean name, in English with both', () => {
    const pangyo = { nameEn: 'Pangyo-dong', nameKo: '판교동' };
    expect(placeName(pangyo, 'ko')).toBe('판교동');
    expect(placeName(pangyo, 'en')).toBe('Pangyo-dong 판교동');
    expect(placeName({ nameEn: 'Mapo', nameKo: null }, 'ko')).toBe('Mapo');
  });

  it('takes the Korean part of a joined label in Korean, and keeps a label with none', () => {
    expect(labelName('Pangyo-dong 판교동', 'ko')).toBe('판교동');
    expect(labelName('Yeoksam 1-dong 역삼1동', 'ko')).toBe('역삼1동');
    expect(labelName('Pangyo-dong 판교동', 'en')).toBe('Pangyo-dong 판교동');
    expect(labelName('Shibuya', 'ko')).toBe('Shibuya');
  });
});
