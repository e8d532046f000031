// Keeps the thumbnails of the area's listings on the device, newest first and within the budget,
// so the feed shows its photos with no signal, not only those once opened. Runs after a sync, in
// the background: two downloads at a time, and it stops as soon as the connection goes.
import Dexie from 'dexie';
import { mediaPath } from '@dongne/shared';
import type { DongneDb, LocalListing } from '../db/db.js';
import { hiddenSellerIds, shownToNeighbours } from '../db/queries.js';
import { currentScope, placesIn } from '../db/scope.js';
import { planPhotoCache, type CachedPhoto, type WantedPhoto } from './photo-budget.js';
import { photoBudget } from './photo-budget-setting.js';
import { AHEAD_HEADER, cachedPhotos, PHOTO_CACHE, stamped } from './photo-cache.js';

/** What a thumbnail not yet fetched is counted as, until the cache holds some to measure. */
const THUMB_ESTIMATE_BYTES = 16 * 1024;
/** Each round fetches what the plan says fits; the next one plans again with the sizes now known. */
const MAX_ROUNDS = 8;
const CONCURRENCY = 2;
/** More listings than any area shows is not worth planning over. */
const MAX_LISTINGS = 5_000;

/** Each listing's cover thumbnail in the person's area, newest listing first; the device's own photos left out. */
export async function wantedThumbnails(db: DongneDb): Promise<WantedPhoto[]> {
  const visible = shownToNeighbours(await hiddenSellerIds(db));
  const current = await currentScope(db);
  const places = current && (await placesIn(db, current.scope));
  let listings: LocalListing[];
  if (places) {
    const perPlace = await Promise.all(
      places.map((place) =>
        db.listings.where('[neighbourhoodId+bumpedAt]').between([place, Dexie.minKey], [place, Dexie.maxKey]).reverse().filter(visible).limit(MAX_LISTINGS).toArray(),
      ),
    );
    listings = perPlace.flat().sort((a, b) => b.bumpedAt - a.bumpedAt);
  } else {
    listings = await db.listings.orderBy('bumpedAt').reverse().filter(visible).limit(MAX_LISTINGS).toArray();
  }
  const covers = listings.filter((l) => l.photos.length > 0).map((l) => ({ hash: l.photos[0].thumb, at: l.bumpedAt }));
  const own = new Set((await db.photos.bulkGet(covers.map((c) => c.hash))).filter((p) => p !== undefined).map((p) => p.hash));
  return covers.filter((c) => !own.has(c.hash)).map((c) => ({ url: mediaPath(c.hash), at: c.at }));
}

export interface KeepResult {
  fetched: number;
  evicted: number;
  /** False when it stopped early: offline, or another tab was already at it. */
  complete: boolean;
}

/**
 * Brings the photo cache in line with the area and the budget: fetches the newest thumbnails it
 * lacks, in rounds (each plans with the sizes the last one measured), then removes what no longer
 * fits (the budget may have shrunk, photos opened meanwhile count too, and a real size may differ
 * from the estimate). One tab at a time.
 */
export async function keepPhotosOffline(
  db: DongneDb,
  { budgetBytes = photoBudget(), fetchFn = (input: string, init?: RequestInit) => fetch(input, init) }: { budgetBytes?: number; fetchFn?: (url: string, init?: RequestInit) => Promise<Response> } = {},
): Promise<KeepResult> {
  const result: KeepResult = { fetched: 0, evicted: 0, complete: false };
  if (typeof caches === 'undefined') return result;
  const run = async () => {
    const cache = await caches.open(PHOTO_CACHE);
    const wanted = await wantedThumbnails(db);
    const plan = async () => {
      const cached = await cachedPhotos(cache);
      // Never counted as more than a quarter of the budget, so even a small one starts filling;
      // the next round plans with the real sizes.
      const estimateBytes = Math.max(1, Math.min(typicalThumbnail(cached, wanted), budgetBytes / 4));
      return planPhotoCache({ cached, wanted, budgetBytes, estimateBytes });
    };
    result.complete = true;
    for (let round = 0; round < MAX_ROUNDS && result.complete; round++) {
      const { fetch: missing } = await plan();
      if (missing.length === 0) break;
      const before = result.fetched;
      result.complete = await fetchAll(missing, async (photo) => {
        const response = await fetchFn(photo.url, { headers: { [AHEAD_HEADER]: '1' } });
        // A photo the server no longer has is simply left out; the rest go on.
        if (response.status !== 200) return;
        await cache.put(photo.url, await stamped(response, photo.at));
        result.fetched++;
      });
      if (result.fetched === before) break;
    }
    for (const url of (await plan()).evict) if (await cache.delete(url)) result.evicted++;
  };
  if (typeof navigator !== 'undefined' && navigator.locks) {
    await navigator.locks.request('dongne-photo-cache', { ifAvailable: true }, async (lock) => (lock ? run() : undefined));
  } else {
    await run();
  }
  return result;
}

/** The median size of the area's thumbnails already kept: what one not yet fetched is counted as. */
function typicalThumbnail(cached: readonly CachedPhoto[], wanted: readonly WantedPhoto[]): number {
  const wantedUrls = new Set(wanted.map((photo) => photo.url));
  const sizes = cached
    .filter((photo) => wantedUrls.has(photo.url))
    .map((photo) => photo.bytes)
    .sort((a, b) => a - b);
  return sizes.length ? sizes[Math.floor(sizes.length / 2)] : THUMB_ESTIMATE_BYTES;
}

/** Runs `task` over `items` a few at a time, in order; stops (false) when offline or a fetch fails. */
async function fetchAll<T>(items: readonly T[], task: (item: T) => Promise<void>): Promise<boolean> {
  let next = 0;
  let stopped = false;
  const worker = async () => {
    while (!stopped && next < items.length) {
      if (typeof navigator !== 'undefined' && navigator.onLine === false) {
        stopped = true;
        return;
      }
      try {
        await task(items[next++]);
      } catch {
        // No answer (the connection went) or no room left: try again after the next sync.
        stopped = true;
      }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return !stopped;
}

