// A step between the feed and its ads' code, on purpose: a dynamic import lists every chunk it will
// need for preloading in the importing file, and the feed's file is in every first visit. Imported
// from here, that list (a dozen file names) is in this small file, which only a device holding a
// campaign ever loads. Answers the slot component and the chooser for this showing of the feed.
import type { DongneDb } from '../db/db.js';

export async function loadFeedAds(db: DongneDb) {
  const { AdSlot, openFeedAds } = await import('./feed-ads.js');
  return { AdSlot, choose: await openFeedAds(db) };
}
export type FeedAds = Awaited<ReturnType<typeof loadFeedAds>>;
