// The one cache of listing photos ('dongne-photos'), which the service worker fills with photos as
// they are opened and the page fills ahead with the area's thumbnails. Each entry carries its size
// and its time in headers, so the budget can be kept without reading the photos themselves.
import type { CachedPhoto } from './photo-budget.js';

export const PHOTO_CACHE = 'dongne-photos';
/** Sent by the page when it fetches a thumbnail ahead: the service worker lets it through untouched. */
export const AHEAD_HEADER = 'x-dongne-ahead';
const BYTES_HEADER = 'x-dongne-bytes';
const AT_HEADER = 'x-dongne-at';

/** The response as the cache keeps it: the same body and headers, plus its size and time. */
export async function stamped(response: Response, at: number): Promise<Response> {
  const body = await response.blob();
  const headers = new Headers(response.headers);
  headers.set(BYTES_HEADER, String(body.size));
  headers.set(AT_HEADER, String(Math.round(at)));
  return new Response(body, { status: response.status, statusText: response.statusText, headers });
}

/** Every photo in the cache with its size and time. One stored before they were stamped counts as oldest. */
export async function cachedPhotos(cache: Cache): Promise<CachedPhoto[]> {
  const photos: CachedPhoto[] = [];
  for (const request of await cache.keys()) {
    const response = await cache.match(request);
    if (!response) continue;
    const stampedBytes = response.headers.get(BYTES_HEADER);
    const bytes = stampedBytes === null ? (await response.blob()).size : Number(stampedBytes);
    photos.push({ url: new URL(request.url).pathname, bytes, at: Number(response.headers.get(AT_HEADER) ?? 0) });
  }
  return photos;
}

/** How much the photo cache holds now (zero where the browser has no Cache API). */
export async function photoCacheSize(): Promise<{ bytes: number; count: number }> {
  if (typeof caches === 'undefined' || !(await caches.has(PHOTO_CACHE))) return { bytes: 0, count: 0 };
  const photos = await cachedPhotos(await caches.open(PHOTO_CACHE));
  return { bytes: photos.reduce((sum, photo) => sum + photo.bytes, 0), count: photos.length };
}
