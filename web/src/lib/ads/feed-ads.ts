// The feed's ads, loaded only once a feed has room for one on a device holding a campaign (outside
// the first visit's bytes): which campaigns this showing of the feed shows, read from the replica so
// it works offline, and the slot component that draws one.
import { liveQuery } from 'dexie';
import type { DongneDb } from '../db/db.js';
import { currentOwner } from '../db/meta.js';
import { currentScope } from '../db/scope.js';
import { seoulDay } from './ad-day.js';
import { shownToday } from './ad-events.js';
import { chooseAds, type ChooseAds } from './choose-ads.js';

export { default as AdSlot } from '../components/AdSlot.svelte';

/**
 * Opens the feed's ads for one showing of the feed. Today's counts are read once, when it opens: an
 * ad counted as seen on this page must not give its place to another under the person's eyes (the
 * next showing of the feed puts the least-seen first). The answer chooses for `slots` places, and
 * chooses again as campaigns arrive, stop or end.
 */
export async function openFeedAds(db: DongneDb): Promise<ChooseAds> {
  const now = Date.now();
  const viewerId = await currentOwner(db);
  const shown = await shownToday(db, viewerId, now);
  const seed = `${viewerId}:${seoulDay(now)}`;
  return (slots) =>
    liveQuery(async () => {
      const [scope, campaigns] = await Promise.all([currentScope(db), db.campaigns.toArray()]);
      if (!scope) return [];
      return chooseAds({ campaigns, area: scope.scope.neighbourhoodId, viewerId, shownToday: shown, slots, seed });
    });
}
