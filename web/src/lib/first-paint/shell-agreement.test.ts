// The shell's inline script (app.html) and the app's code name the painting's element and the
// feed's kept copy by the same words: a rename on one side alone would leave a painting standing.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FIRST_PAINT_ID } from '@dongne/shared';
import { FEED_PAINT_KEY } from './first-paint.js';

const shell = readFileSync(new URL('../../app.html', import.meta.url), 'utf8');

describe('the shell and the app agree', () => {
  it('on the painting element and the key of the feed’s copy', () => {
    expect(shell).toContain(`host.id = '${FIRST_PAINT_ID}'`);
    expect(shell).toContain(`document.getElementById('${FIRST_PAINT_ID}')`);
    expect(shell).toContain(`localStorage.getItem('${FEED_PAINT_KEY}')`);
  });

  it('on the build mark the copy is kept under', () => {
    const selector = 'link[href*="/_app/immutable/entry/start."]';
    expect(shell).toContain(selector);
    expect(readFileSync(new URL('./feed-paint.ts', import.meta.url), 'utf8')).toContain(selector);
  });
});
