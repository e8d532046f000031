import { describe, expect, it } from 'vitest';
import { timeAgo } from './time.js';

const NOW = Date.UTC(2026, 10, 30, 12);

describe('timeAgo', () => {
  it('says "just now" / "방금 전" under a minute, never "this minute"', () => {
    expect(timeAgo(NOW - 20_000, NOW, 'en-US')).toBe('just now');
    expect(timeAgo(NOW, NOW, 'ko-KR')).toBe('방금 전');
    expect(timeAgo(NOW - 59_999, NOW, 'ko')).toBe('방금 전');
  });

  it('counts minutes, hours and days in the language asked for', () => {
    expect(timeAgo(NOW - 5 * 60_000, NOW, 'en-US')).toBe('5 minutes ago');
    expect(timeAgo(NOW - 5 * 60_000, NOW, 'ko-KR')).toBe('5분 전');
    expect(timeAgo(NOW - 3 * 3600_000, NOW, 'en-US')).toBe('3 hours ago');
    expect(timeAgo(NOW - 24 * 3600_000, NOW, 'en-US')).toBe('yesterday');
    expect(timeAgo(NOW - 24 * 3600_000, NOW, 'ko-KR')).toBe('어제');
  });

  it('falls back to Intl for a language it has no word of its own for', () => {
    expect(timeAgo(NOW, NOW, 'fr-FR')).toBe('cette minute-ci');
  });
});
