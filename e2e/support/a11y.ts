// Accessibility checks the journeys share: axe over WCAG 2.1 A and AA, failing on serious and
// critical violations only.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect } from './fixtures.js';

/** The serious and critical violations on the page as it is now, as readable lines. */
export async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** Soft: one run names every screen's violations, not only the first screen's. */
export async function expectAccessible(page: Page, screen: string) {
  expect.soft(await seriousViolations(page), screen).toEqual([]);
}
