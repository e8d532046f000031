import { describe, expect, it } from 'vitest';
import { bigramsOf, isBigramWord } from './bigrams.js';

describe('bigramsOf', () => {
  it('lists each adjacent pair of letters once, lower-cased, across Korean and English', () => {
    expect(bigramsOf('원목 책상 Desk')).toBe('원목 책상 de es sk');
    expect(bigramsOf('의자의자')).toBe('의자 자의');
  });

  it('skips pairs broken by spaces or punctuation, and keeps digits', () => {
    expect(bigramsOf('a-b 12')).toBe('12');
    expect(bigramsOf('')).toBe('');
  });

  it('keeps emoji and other non-letters out', () => {
    expect(bigramsOf('🎁나눔')).toBe('나눔');
  });
});

describe('isBigramWord', () => {
  it('accepts two letters or digits only', () => {
    expect(isBigramWord('책상')).toBe(true);
    expect(isBigramWord('tv')).toBe(true);
    expect(isBigramWord('책')).toBe(false);
    expect(isBigramWord('3.')).toBe(false);
    expect(isBigramWord('의자들')).toBe(false);
  });
});
