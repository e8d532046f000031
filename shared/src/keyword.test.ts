import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { keysOfText, keywordKey, keywordMatches, keywordSchema } from './keyword.js';

describe('keywords', () => {
  it('are kept trimmed, with single spaces, lower-cased, and at least two characters long', () => {
    expect(keywordSchema.parse('  Brompton   Bike ')).toBe('brompton bike');
    expect(keywordSchema.parse('의자')).toBe('의자');
    expect(keywordSchema.safeParse(' a ').success).toBe(false);
    expect(keywordSchema.safeParse('x'.repeat(31)).success).toBe(false);
  });

  it('match as search does: every word inside the text, Korean inside words, case aside', () => {
    expect(keywordMatches('접이식자전거 팝니다', '자전거')).toBe(true);
    expect(keywordMatches('IKEA lamp\nwith a cushion cover', 'ikea cushion')).toBe(true);
    expect(keywordMatches('IKEA lamp', 'ikea cushion')).toBe(false);
  });

  it('are filed under a key every text holding them holds, so the index never misses one', () => {
    const word = fc.string({ minLength: 1, maxLength: 6, unit: fc.constantFrom(...'가나다라자전거의ab1 '.split('')) });
    fc.assert(
      fc.property(word, fc.string({ maxLength: 12 }), fc.string({ maxLength: 12 }), (keyword, before, after) => {
        const kept = keyword.trim().replace(/\s+/g, ' ').toLowerCase();
        fc.pre([...kept].length >= 2);
        const text = `${before}${kept}${after}`;
        expect(keywordMatches(text, kept)).toBe(true);
        expect(keysOfText(text)).toContain(keywordKey(kept));
      }),
    );
  });
});
