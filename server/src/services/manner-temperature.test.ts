import { describe, expect, it } from 'vitest';
import { BAD_STEP, GOOD_STEP, MANNER_WINDOW_MS, mannerTemperature, recencyWeight } from './manner-temperature.js';

const NOW = Date.UTC(2026, 10, 30);
const DAY = 24 * 60 * 60 * 1000;

describe('manner temperature', () => {
  it('starts at 36.5 for someone with no evaluations', () => {
    expect(mannerTemperature([], NOW)).toBe(36.5);
  });

  it('rises with good manners and falls further with bad ones', () => {
    expect(mannerTemperature([{ good: ['kind', 'on_time'], bad: [], createdAt: NOW }], NOW)).toBe(36.5 + 2 * GOOD_STEP);
    expect(mannerTemperature([{ good: [], bad: ['no_show'], createdAt: NOW }], NOW)).toBe(36.5 - BAD_STEP);
    expect(BAD_STEP).toBeGreaterThan(GOOD_STEP);
  });

  it('weighs recent evaluations more and forgets those older than a year', () => {
    expect(recencyWeight(0)).toBe(1);
    expect(recencyWeight(MANNER_WINDOW_MS / 2)).toBeCloseTo(0.75);
    expect(recencyWeight(MANNER_WINDOW_MS - 1)).toBeCloseTo(0.5);
    expect(recencyWeight(MANNER_WINDOW_MS)).toBe(0);
    const recent = mannerTemperature([{ good: ['kind'], bad: [], createdAt: NOW - DAY }], NOW);
    const older = mannerTemperature([{ good: ['kind'], bad: [], createdAt: NOW - 200 * DAY }], NOW);
    expect(recent).toBeGreaterThan(older);
    expect(mannerTemperature([{ good: [], bad: ['rude'], createdAt: NOW - 366 * DAY }], NOW)).toBe(36.5);
  });

  it('stays between 0 and 99 however many evaluations come', () => {
    const many = (good: string[], bad: string[]) => Array.from({ length: 1000 }, () => ({ good, bad, createdAt: NOW }));
    expect(mannerTemperature(many(['kind', 'on_time', 'quick_reply'], []), NOW)).toBe(99);
    expect(mannerTemperature(many([], ['rude', 'no_show']), NOW)).toBe(0);
  });

  it('is given to one decimal place', () => {
    const t = mannerTemperature([{ good: ['kind'], bad: [], createdAt: NOW - 100 * DAY }], NOW);
    expect(Math.round(t * 10) / 10).toBe(t);
  });
});
