// Which ads a feed page shows, chosen on the device from the campaigns synced with the area, so the
// feed shows them offline. Pure: the caller reads the campaigns and today's counts.
import { AD_LIMITS } from '@dongne/shared';
import type { Observable } from 'dexie';
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

/** FNV-1a, continued from `h`: a cheap, stable shuffle key (no string built, nothing to collect). */
function hash(text: string, h = 0x811c9dc5): number {
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * Up to `slots` different campaigns: those this person has seen least today first, so every
 * campaign in range gets its turn before any is shown again; among equals a shuffle by seed.
 * Each campaign pays per click, not per showing, so a bigger budget buys no better place. One pass
 * keeping the best few (a page has a handful of slots), not a sort of every campaign in range.
 */
export function chooseAds(input: AdChoiceInput): LocalCampaign[] {
  const { slots } = input;
  if (slots <= 0) return [];
  const best: { c: LocalCampaign; shown: number; key: number }[] = [];
  const seeded = hash(input.seed);
  for (const c of input.campaigns) {
    if (!eligible(c, input)) continue;
    const shown = input.shownToday.get(c.id) ?? 0;
    const worst = best[best.length - 1];
    // Full, and this one is seen more than the last kept: the hash need not be worked out.
    if (best.length === slots && shown > worst.shown) continue;
    const key = hash(c.id, seeded);
    if (best.length === slots && (shown > worst.shown || (shown === worst.shown && key >= worst.key))) continue;
    let at = best.length;
    while (at > 0 && (best[at - 1].shown > shown || (best[at - 1].shown === shown && best[at - 1].key > key))) at--;
    best.splice(at, 0, { c, shown, key });
    if (best.length > slots) best.pop();
  }
  return best.map((r) => r.c);
}

/** The ads for a feed of `slots` places, kept up to date as campaigns arrive, stop or end. */
export type ChooseAds = (slots: number) => Observable<LocalCampaign[]>;
