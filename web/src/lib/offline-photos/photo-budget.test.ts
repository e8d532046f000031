import { describe, expect, it } from 'vitest';
import { planPhotoCache, type CachedPhoto, type WantedPhoto } from './photo-budget.js';

const KB = 1024;
const want = (name: string, at: number): WantedPhoto => ({ url: `/api/media/${name}`, at });
const held = (name: string, at: number, bytes = 30 * KB): CachedPhoto => ({ url: `/api/media/${name}`, at, bytes });
const names = (urls: readonly (string | { url: string })[]) => urls.map((u) => (typeof u === 'string' ? u : u.url).replace('/api/media/', ''));

describe('the offline photo budget', () => {
  it('fetches the newest listings’ thumbnails first, and only as many as fit', () => {
    const wanted = [want('old', 100), want('newest', 300), want('middle', 200)];
    const plan = planPhotoCache({ cached: [], wanted, budgetBytes: 70 * KB, estimateBytes: 30 * KB });
    expect(names(plan.fetch)).toEqual(['newest', 'middle']);
    expect(plan.evict).toEqual([]);
    expect(plan.keptBytes).toBe(60 * KB);
  });

  it('does not fetch again what the cache already holds', () => {
    const plan = planPhotoCache({ cached: [held('newest', 300)], wanted: [want('newest', 300), want('middle', 200)], budgetBytes: 1024 * KB, estimateBytes: 30 * KB });
    expect(names(plan.fetch)).toEqual(['middle']);
  });

  it('over the budget, evicts the oldest, whether thumbnails kept ahead or photos once opened', () => {
    const cached = [held('a-week-old', 100), held('opened-yesterday', 200, 200 * KB), held('new', 300), held('newest', 400)];
    const wanted = [want('a-week-old', 100), want('new', 300), want('newest', 400)];
    const plan = planPhotoCache({ cached, wanted, budgetBytes: 260 * KB, estimateBytes: 30 * KB });
    expect(plan.evict).toEqual(['/api/media/a-week-old']);
    expect(plan.fetch).toEqual([]);
    expect(plan.keptBytes).toBe(260 * KB);
  });

  it('never keeps an older photo in place of a newer one that does not fit', () => {
    const cached = [held('big-new', 300, 100 * KB), held('small-old', 100, 10 * KB)];
    const plan = planPhotoCache({ cached, wanted: [], budgetBytes: 50 * KB, estimateBytes: 30 * KB });
    expect(names(plan.evict).toSorted()).toEqual(['big-new', 'small-old']);
    expect(plan.keptBytes).toBe(0);
  });

  it('ranks a cached thumbnail by its listing’s time, so a bumped listing’s photo moves up', () => {
    const cached = [held('bumped', 100), held('recent', 200)];
    const plan = planPhotoCache({ cached, wanted: [want('bumped', 500), want('recent', 200)], budgetBytes: 40 * KB, estimateBytes: 30 * KB });
    expect(plan.evict).toEqual(['/api/media/recent']);
  });

  it('a smaller budget evicts down to it; a larger one fetches more; a photo shared by two listings counts once', () => {
    const wanted = [want('one', 500), want('two', 400), want('shared', 300), want('shared', 250), want('four', 200)];
    const cached = [held('one', 500), held('two', 400), held('shared', 300)];
    const smaller = planPhotoCache({ cached, wanted, budgetBytes: 60 * KB, estimateBytes: 30 * KB });
    expect(names(smaller.evict)).toEqual(['shared']);
    expect(smaller.fetch).toEqual([]);
    const larger = planPhotoCache({ cached, wanted, budgetBytes: 200 * KB, estimateBytes: 30 * KB });
    expect(larger.evict).toEqual([]);
    expect(names(larger.fetch)).toEqual(['four']);
    expect(larger.keptBytes).toBe(120 * KB);
  });

  it('a budget of nothing keeps nothing', () => {
    const plan = planPhotoCache({ cached: [held('x', 1)], wanted: [want('y', 2)], budgetBytes: 0, estimateBytes: 30 * KB });
    expect(plan).toEqual({ fetch: [], evict: ['/api/media/x'], keptBytes: 0 });
  });
});
