import { describe, expect, it } from 'vitest';
import { BAD_STEP, GOOD_STEP, MANNER_WINDOW_MS, latestPerReviewer, mannerTemperature, recencyWeight, type Evaluation } from './manner-temperature.js';

const NOW = Date.UTC(2026, 10, 30);
const DAY = 24 * 60 * 60 * 1000;
let reviewers = 0;
/** An evaluation from a reviewer of its own, unless one is named. */
const by = (good: string[], bad: string[], createdAt = NOW, reviewerId = `reviewer-${++reviewers}`): Evaluation => ({ reviewerId, good, bad, createdAt });

describe('manner temperature', () => {
  it('starts at 36.5 for someone with no evaluations', () => {
    expect(mannerTemperature([], NOW)).toBe(36.5);
  });

  it('rises with good manners and falls further with bad ones', () => {
    expect(mannerTemperature([by(['kind', 'on_time'], [])], NOW)).toBe(36.5 + 2 * GOOD_STEP);
    expect(mannerTemperature([by([], ['no_show'])], NOW)).toBe(36.5 - BAD_STEP);
    expect(BAD_STEP).toBeGreaterThan(GOOD_STEP);
  });

  it('weighs recent evaluations more and forgets those older than a year', () => {
    expect(recencyWeight(0)).toBe(1);
    expect(recencyWeight(MANNER_WINDOW_MS / 2)).toBeCloseTo(0.75);
    expect(recencyWeight(MANNER_WINDOW_MS - 1)).toBeCloseTo(0.5);
    expect(recencyWeight(MANNER_WINDOW_MS)).toBe(0);
    const recent = mannerTemperature([by(['kind'], [], NOW - DAY)], NOW);
    const older = mannerTemperature([by(['kind'], [], NOW - 200 * DAY)], NOW);
    expect(recent).toBeGreaterThan(older);
    expect(mannerTemperature([by([], ['rude'], NOW - 366 * DAY)], NOW)).toBe(36.5);
  });

  it('counts each reviewer once, by their latest evaluation', () => {
    const friend = [by(['kind', 'on_time', 'quick_reply'], [], NOW - 3 * DAY, 'friend'), by(['kind'], [], NOW - DAY, 'friend'), by(['kind', 'on_time'], [], NOW - 2 * DAY, 'friend')];
    expect(latestPerReviewer(friend)).toEqual([friend[1]]);
    expect(mannerTemperature(friend, NOW)).toBe(mannerTemperature([friend[1]], NOW));
    // A hundred "trades" with one second account warm as much as one.
    const puppet = Array.from({ length: 100 }, (_, i) => by(['kind', 'on_time', 'quick_reply', 'as_described'], [], NOW - i * 60_000, 'puppet'));
    expect(mannerTemperature(puppet, NOW)).toBe(36.5 + 4 * GOOD_STEP);
  });

  it('stays between 0 and 99 however many evaluations come', () => {
    const many = (good: string[], bad: string[]) => Array.from({ length: 1000 }, () => by(good, bad));
    expect(mannerTemperature(many(['kind', 'on_time', 'quick_reply'], []), NOW)).toBe(99);
    expect(mannerTemperature(many([], ['rude', 'no_show']), NOW)).toBe(0);
  });

  it('is given to one decimal place', () => {
    const t = mannerTemperature([by(['kind'], [], NOW - 100 * DAY)], NOW);
    expect(Math.round(t * 10) / 10).toBe(t);
  });
});
