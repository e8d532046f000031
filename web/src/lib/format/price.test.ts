import { describe, expect, it } from 'vitest';
import { formatPrice } from './price.js';

describe('formatPrice', () => {
  it('writes won as Koreans do: digits grouped, 원 after, 나눔 for free', () => {
    expect(formatPrice(15000, 'ko-KR')).toBe('15,000원');
    expect(formatPrice(1250000, 'ko-KR')).toBe('1,250,000원');
    expect(formatPrice(0, 'ko-KR')).toBe('나눔');
  });

  it('writes ₩ before the amount in English, and Free for a giveaway', () => {
    expect(formatPrice(15000, 'en-US')).toBe('₩15,000');
    expect(formatPrice(0, 'en-US')).toBe('Free');
  });

  it('groups every size of amount the way Intl does', () => {
    for (const amount of [1, 12, 999, 1000, 10_000, 999_999, 1_000_000, 123_456_789, 10_000_000_000]) {
      expect(formatPrice(amount, 'en-US')).toBe(new Intl.NumberFormat('en-US', { style: 'currency', currency: 'KRW' }).format(amount));
      expect(formatPrice(amount, 'ko-KR')).toBe(`${new Intl.NumberFormat('ko-KR').format(amount)}원`);
    }
  });
});
