// Which ads a feed page shows, chosen on the device from the campaigns synced with the area, so the
// feed shows them offline. Pure: the caller reads the campaigns and today's counts.
import { AD_LIMITS } from '@dongne/shared';
import type { LocalCampaign } from '../db/db.js';

export interface AdChoiceInput {
  campaigns: readonly LocalCampaign[];
  /** The neighbourhood the person browses from: an ad is shown only where its target reaches. */
  area: string;
  /** Who is looking ('' for a visitor): nobody is shown their own ads. */
  viewerId: string;
  /** Impressions this person was counted for today, by campaign. */
  shownToday: ReadonlyMap<string, number>;
  /** Ad slots on the page (one per ten cards). */
  slots: number;
  /** Varies the order between people and days, so equal campaigns take turns at the top. */
  seed: string;
}

/** Whether the campaign may be shown to this person now. */
export function eligible(c: LocalCampaign, input: Pick<AdChoiceInput, 'area' | 'viewerId' | 'shownToday'>): boolean {
  return (
    c.serving &&
    !c.local &&
    !c.failed &&
    !c.ending &&
    c.ownerId !== input.viewerId &&
    c.places.includes(input.area) &&
    (input.shownToday.get(c.id) ?? 0) < AD_LIMITS.impressionsPerPersonPerDay
  );
}

/** FNV-1a: a cheap, stable shuffle key. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * Up to `slots` different campaigns: those this person has seen least today first, so every
 * campaign in range gets its turn before any is shown again; among equals a shuffle by seed.
 * Each campaign pays per click, not per showing, so a bigger budget buys no better place.
 */
export function chooseAds(input: AdChoiceInput): LocalCampaign[] {
  if (input.slots <= 0) return [];
  const ranked: { c: LocalCampaign; shown: number; key: number }[] = [];
  for (const c of input.campaigns) {
    if (eligible(c, input)) ranked.push({ c, shown: input.shownToday.get(c.id) ?? 0, key: hash(input.seed + c.id) });
  }
  ranked.sort((a, b) => a.shown - b.shown || a.key - b.key);
  return ranked.slice(0, input.slots).map((r) => r.c);
}
