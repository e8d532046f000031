// Which photos the device keeps for offline use, within the budget the person chose: the newest
// first. Pure, so the rule is tested on its own; photo-cache.ts and offline-photos.ts do the I/O.

/** A photo in the cache: its URL, its size, and how recent it is (see `at` below). */
export interface CachedPhoto {
  url: string;
  bytes: number;
  /** The listing's time (bumped or published) for a thumbnail kept ahead; when it was opened for one seen. */
  at: number;
}

/** A thumbnail the area's listings show, with its listing's time (bumped or published). */
export interface WantedPhoto {
  url: string;
  at: number;
}

export interface PhotoPlan {
  /** Not in the cache yet and within the budget: fetch these, newest first. */
  fetch: WantedPhoto[];
  /** In the cache but past the budget: remove these. */
  evict: string[];
  /** What the cache holds once the plan is carried out (estimates for what is fetched). */
  keptBytes: number;
}

/**
 * Ranks every photo the cache holds or the area wants, newest first, and keeps them while they fit
 * in `budgetBytes`; the first that does not fit ends it, so an older photo never stays in place of a
 * newer one. A wanted photo ranks by its listing's time (the newest of them, if several listings
 * share it); one no listing here wants, by its own. A photo not yet fetched counts `estimateBytes`.
 */
export function planPhotoCache({
  cached,
  wanted,
  budgetBytes,
  estimateBytes,
}: {
  cached: readonly CachedPhoto[];
  wanted: readonly WantedPhoto[];
  budgetBytes: number;
  estimateBytes: number;
}): PhotoPlan {
  const wantedAt = new Map<string, number>();
  for (const photo of wanted) wantedAt.set(photo.url, Math.max(photo.at, wantedAt.get(photo.url) ?? -Infinity));
  const inCache = new Map(cached.map((photo) => [photo.url, photo]));
  const ranked = [
    ...cached.map((photo) => ({ url: photo.url, at: wantedAt.get(photo.url) ?? photo.at, bytes: photo.bytes, cached: true })),
    ...[...wantedAt].filter(([url]) => !inCache.has(url)).map(([url, at]) => ({ url, at, bytes: estimateBytes, cached: false })),
  ].sort((a, b) => b.at - a.at || (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));

  const plan: PhotoPlan = { fetch: [], evict: [], keptBytes: 0 };
  let full = false;
  for (const photo of ranked) {
    full ||= plan.keptBytes + photo.bytes > budgetBytes;
    if (full) {
      if (photo.cached) plan.evict.push(photo.url);
      continue;
    }
    plan.keptBytes += photo.bytes;
    if (!photo.cached) plan.fetch.push({ url: photo.url, at: photo.at });
  }
  return plan;
}
