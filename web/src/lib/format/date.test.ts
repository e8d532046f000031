import { describe, expect, it } from 'vitest';
import { formatDate } from './date.js';

describe('formatDate', () => {
  it('writes the date in the language asked for', () => {
    const at = Date.UTC(2026, 10, 30, 12);
    expect(formatDate(at, 'ko-KR')).toBe('2026년 11월 30일');
    expect(formatDate(at, 'en-US')).toBe('Nov 30, 2026');
  });
});
