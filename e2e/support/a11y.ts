// Accessibility checks the journeys share: axe over WCAG 2.1 A and AA, failing on serious and
// critical violations only. axe-core is put into each document once and run there directly: the
// journeys check some sixty screens, and @axe-core/playwright's builder injected and compiled the
// half-megabyte engine again for every check (a second each on a busy machine, a third of that now).
import axe from 'axe-core';
import type { Page } from '@playwright/test';
import { expect } from './fixtures.js';

const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

interface Violation {
  id: string;
  impact?: string | null;
  help: string;
  nodes: { target: unknown[] }[];
}

/** The serious and critical violations on the page as it is now, as readable lines. */
export async function seriousViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axe.source);
  const violations = await page.evaluate(async (tags) => {
    const { axe: engine } = window as unknown as { axe: typeof import('axe-core') };
    return (await engine.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] })).violations as unknown as Violation[];
  }, WCAG_21_AA);
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** Soft: one run names every screen's violations, not only the first screen's. */
export async function expectAccessible(page: Page, screen: string) {
  expect.soft(await seriousViolations(page), screen).toEqual([]);
}
