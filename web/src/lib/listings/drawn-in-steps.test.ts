import { describe, expect, it } from 'vitest';
import { hasUndrawn, nextDrawn } from './drawn-in-steps.js';

const rows = (...ids: string[]) => ids.map((id) => ({ id }));

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
  });

  it('says when every row is on screen', () => {
    expect(hasUndrawn(new Set(['a']), rows('a'))).toBe(false);
    expect(hasUndrawn(new Set(['a']), rows('a', 'b'))).toBe(true);
    expect(hasUndrawn(new Set(), [])).toBe(false);
  });
});
