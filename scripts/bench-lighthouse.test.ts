import { describe, expect, it } from 'vitest';
import type { Result } from 'lighthouse';
import { lighthouseLines, meetsAim, summarise } from './bench-lighthouse.js';

/** Just the parts of a Lighthouse result that the summary reads. */
function fakeRun(scores: Record<string, number>, audits: Record<string, { score: number | null; category: string; weight?: number }>, tbtMs: number, lcpMs: number, benchmarkIndex = 1500): Result {
  const all = { ...audits, 'total-blocking-time': { score: 1, category: 'performance', weight: 30 }, 'largest-contentful-paint': { score: 1, category: 'performance', weight: 25 } };
  const numeric: Record<string, number> = { 'total-blocking-time': tbtMs, 'largest-contentful-paint': lcpMs };
  return {
    categories: Object.fromEntries(
      Object.entries(scores).map(([id, score]) => [
        id,
        { score: score / 100, auditRefs: Object.entries(all).filter(([, a]) => a.category === id).map(([ref, a]) => ({ id: ref, weight: a.weight ?? 1 })) },
      ]),
    ),
    audits: Object.fromEntries(Object.entries(all).map(([id, a]) => [id, { id, score: a.score, numericValue: numeric[id] }])),
    environment: { benchmarkIndex },
  } as unknown as Result;
}

const PASSING = { performance: 95, accessibility: 100, 'best-practices': 100, seo: 100 };

describe('summarise', () => {
  it('takes the median of each score and metric over the runs', () => {
    const runs = [70, 90, 80].map((perf, i) => fakeRun({ ...PASSING, performance: perf }, {}, [900, 300, 600][i], [3000, 2000, 2500][i], [975, 2462, 1303][i]));
    const result = summarise('feed', 'en', runs);
    expect(result.scores).toEqual({ ...PASSING, performance: 80 });
    expect(result.tbtMs).toBe(600);
    expect(result.lcpMs).toBe(2500);
    expect(result.hostIndex).toBe(1303);
  });

  it('names the audits that fail in any run, only for a category below its aim', () => {
    const audits = {
      'color-contrast': { score: 0, category: 'accessibility' },
      // Weighs nothing in the score: not what holds accessibility back.
      'label-content-name-mismatch': { score: 0, category: 'accessibility', weight: 0 },
      'robots-txt': { score: 1, category: 'seo' },
      'unused-javascript': { score: 0.5, category: 'performance', weight: 0 },
      'uses-text-compression': { score: 0.95, category: 'performance', weight: 0 },
    };
    const below = summarise('feed', 'ko', [fakeRun({ ...PASSING, accessibility: 94, performance: 70 }, audits, 100, 1000)]);
    expect(below.failing).toEqual(['color-contrast', 'unused-javascript']);
    expect(meetsAim(below)).toBe(false);

    const met = summarise('feed', 'ko', [fakeRun(PASSING, audits, 100, 1000)]);
    expect(met.failing).toEqual([]);
    expect(meetsAim(met)).toBe(true);
  });
});

describe('lighthouseLines', () => {
  it('prints one line per screen and language, saying what holds a screen below the aim', () => {
    const lines = lighthouseLines(
      [
        { screen: 'feed', language: 'en', scores: PASSING, tbtMs: 120, lcpMs: 2100, hostIndex: 2462.5, failing: [] },
        { screen: 'search', language: 'ko', scores: { ...PASSING, seo: 92 }, tbtMs: 80, lcpMs: 1900, hostIndex: 975, failing: ['robots-txt'] },
      ],
      3,
    ).split('\n');
    expect(lines).toHaveLength(6);
    expect(lines[4]).toMatch(/^ {2}feed {5}en +95 +100 +100 +100 +120 ms +2\.1 s +2,463 +OK$/);
    expect(lines[5]).toMatch(/search +ko .* 92 .* 975 +BELOW AIM: robots-txt$/);
  });
});
