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

  it('says a single day, week, month or year back the way people do', () => {
    expect(timeAgo(NOW - 7 * 24 * 3600_000, NOW, 'en-US')).toBe('last week');
    expect(timeAgo(NOW - 7 * 24 * 3600_000, NOW, 'ko-KR')).toBe('지난주');
    expect(timeAgo(NOW - 31 * 24 * 3600_000, NOW, 'ko-KR')).toBe('지난달');
    expect(timeAgo(NOW - 400 * 24 * 3600_000, NOW, 'en-US')).toBe('last year');
    expect(timeAgo(NOW - 3 * 24 * 3600_000, NOW, 'en-US')).toBe('3 days ago');
    expect(timeAgo(NOW - 60_000, NOW, 'en-US')).toBe('1 minute ago');
    expect(timeAgo(NOW - 2 * 30 * 24 * 3600_000, NOW, 'ko-KR')).toBe('2개월 전');
  });

  it('answers in English for a language the app does not speak, and "just now" for a clock ahead', () => {
    expect(timeAgo(NOW - 3 * 3600_000, NOW, 'fr-FR')).toBe('3 hours ago');
    expect(timeAgo(NOW + 5 * 60_000, NOW, 'ko-KR')).toBe('방금 전');
  });
});
