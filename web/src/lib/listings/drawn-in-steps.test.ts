import { describe, expect, it } from 'vitest';
import { hasUndrawn, keepUnchanged, nextDrawn, rowsPerStep, STEP_BUDGET_MS } from './drawn-in-steps.js';

const rows = (...ids: string[]) => ids.map((id) => ({ id }));

describe('rowsPerStep', () => {
  it('draws two before anything is measured, then as many as the last step says fit the budget', () => {
    expect(rowsPerStep(undefined)).toBe(2);
    // A slowed phone: 5 ms a card, two a step; at 7.5 ms a card, one.
    expect(rowsPerStep({ rows: 2, msPerRow: 5 })).toBe(2);
    expect(rowsPerStep({ rows: 2, msPerRow: 5 }) * 5).toBeLessThanOrEqual(STEP_BUDGET_MS);
    expect(rowsPerStep({ rows: 2, msPerRow: 7.5 })).toBe(1);
    // A fast machine: the rest of a page in a few steps, never more than 8 at once.
    expect(rowsPerStep({ rows: 2, msPerRow: 0.5 })).toBe(4);
    expect(rowsPerStep({ rows: 4, msPerRow: 0.5 })).toBe(8);
    expect(rowsPerStep({ rows: 8, msPerRow: 0.5 })).toBe(8);
    expect(rowsPerStep({ rows: 20, msPerRow: 0 })).toBe(8);
  });

  it('grows at most twofold a step, and still draws one row when one alone takes longer than the budget', () => {
    expect(rowsPerStep({ rows: 1, msPerRow: 0.1 })).toBe(2);
    expect(rowsPerStep({ rows: 4, msPerRow: 80 })).toBe(1);
  });
});

describe('nextDrawn', () => {
  it('adds the next rows not drawn yet, in list order, a step at a time', () => {
    const first = nextDrawn(new Set(), rows('a', 'b', 'c', 'd', 'e'), 2);
    expect([...first]).toEqual(['a', 'b']);
    expect([...nextDrawn(first, rows('a', 'b', 'c', 'd', 'e'), 2)]).toEqual(['a', 'b', 'c', 'd']);
  });

  it('keeps what is drawn and still listed, drops what left, and counts only new rows against the step', () => {
    const drawn = new Set(['a', 'b', 'c']);
    // A sync brought x and y on top and removed b.
    expect([...nextDrawn(drawn, rows('x', 'y', 'a', 'c', 'z'), 1)]).toEqual(['x', 'a', 'c']);
    // A step of none: only what is drawn and still listed, so a row that left and comes back is new again.
    expect([...nextDrawn(drawn, rows('x', 'a', 'c'), 0)]).toEqual(['a', 'c']);
  });

  it('says when every row is on screen', () => {
    expect(hasUndrawn(new Set(['a']), rows('a'))).toBe(false);
    expect(hasUndrawn(new Set(['a']), rows('a', 'b'))).toBe(true);
    expect(hasUndrawn(new Set(), [])).toBe(false);
  });
});

describe('keepUnchanged', () => {
  const listing = (id: string, title: string, photos: string[] = []) => ({ id, title, photos });

  it('gives back the previous object of a row whose fields are all the same, nested ones too', () => {
    const before = listing('a', 'Chair', ['h1']);
    const kept = keepUnchanged(new Map([['a', before]]), [listing('a', 'Chair', ['h1']), listing('b', 'Lamp')]);
    expect(kept[0]).toBe(before);
    expect(kept[1]).toEqual(listing('b', 'Lamp'));
  });

  it('takes the new object of a row that changed in any field', () => {
    const previous = new Map([['a', listing('a', 'Chair', ['h1'])]]);
    const retitled = listing('a', 'Armchair', ['h1']);
    const rephotographed = listing('a', 'Chair', ['h2']);
    expect(keepUnchanged(previous, [retitled])[0]).toBe(retitled);
    expect(keepUnchanged(previous, [rephotographed])[0]).toBe(rephotographed);
    const liked = { ...listing('a', 'Chair', ['h1']), likeCount: 1 };
    expect(keepUnchanged(previous, [liked])[0]).toBe(liked);
  });
});
