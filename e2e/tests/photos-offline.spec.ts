// Photos of the listings around me are on the phone before I open them: after a sync the app keeps
// the area's thumbnails, newest listings first, within the space I allow (50 MB unless I change it
// on the account screen), and what no longer fits goes, oldest first.
import type { Page } from '@playwright/test';
import { test, expect, openApp, reloadOffline, syncNow } from '../support/fixtures.js';

/** What the photo cache holds: each photo's path and the size the app recorded for it. */
function cachedPhotos(page: Page) {
  return page.evaluate(async () => {
    if (!(await caches.has('dongne-photos'))) return [];
    const cache = await caches.open('dongne-photos');
    const photos: { path: string; bytes: number }[] = [];
    for (const request of await cache.keys()) {
      const response = await cache.match(request);
      photos.push({ path: new URL(request.url).pathname, bytes: Number(response?.headers.get('x-dongne-bytes') ?? NaN) });
    }
    return photos;
  });
}

/** The cover thumbnails of the listings this device holds (its area), newest listing first. */
function areaThumbnails(page: Page): Promise<string[]> {
  return page.evaluate(
    () =>
      new Promise<string[]>((resolve, reject) => {
        const open = indexedDB.open('dongne');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const read = open.result.transaction('listings').objectStore('listings').getAll();
          read.onsuccess = () => {
            open.result.close();
            const listings = (read.result as { bumpedAt: number; id: string; photos: { thumb: string }[] }[])
              .filter((l) => l.photos.length > 0)
              .sort((a, b) => b.bumpedAt - a.bumpedAt || (a.id < b.id ? 1 : -1));
            resolve([...new Set(listings.map((l) => `/api/media/${l.photos[0].thumb}`))]);
          };
        };
      }),
  );
}

test('after the first sync, photos of listings never opened show with no connection at all', async ({ page, context, server }) => {
  await openApp(page);
  const wanted = await areaThumbnails(page);
  expect(wanted.length).toBeGreaterThan(5);
  // Only the first few cards were ever on screen; every thumbnail of the area is kept all the same.
  const missing = async () => {
    const kept = new Set((await cachedPhotos(page)).map((p) => p.path));
    return wanted.filter((path) => !kept.has(path));
  };
  await expect.poll(missing).toEqual([]);

  await context.setOffline(true);
  await server.stop();
  await reloadOffline(page);
  await expect(page.getByTestId('offline-indicator')).toBeVisible();
  const photos = page.getByTestId('listing-card').locator('img');
  // The feed draws its cards a few per frame, never all in one task: wait for more than the first.
  await expect.poll(() => photos.count()).toBeGreaterThan(5);
  const count = await photos.count();
  // Down to the last card, far below where the screen first ended: each photo loads from the phone.
  for (const index of [count - 1, Math.floor(count / 2), 0]) {
    const photo = photos.nth(index);
    await photo.scrollIntoViewIfNeeded();
    await expect.poll(() => photo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
  }

  // A listing never opened: its full-size photo was never fetched, so its page shows the thumbnail.
  await page.getByTestId('listing-card').nth(count - 1).click();
  // The listing's id is read from the address below: wait until the app has moved there.
  await expect(page).toHaveURL(/\/listings\/[0-9a-f-]{36}$/);
  const first = page.getByTestId('gallery').locator('img').first();
  await expect.poll(() => first.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0 && new URL(img.src).pathname)).toBe(
    await page.evaluate(async () => {
      const id = location.pathname.split('/').pop()!;
      return new Promise<string>((resolve) => {
        const open = indexedDB.open('dongne');
        open.onsuccess = () => {
          const read = open.result.transaction('listings').objectStore('listings').get(decodeURIComponent(id));
          read.onsuccess = () => {
            open.result.close();
            resolve(`/api/media/${read.result.photos[0].thumb}`);
          };
        };
      });
    }),
  );
});

test('a small budget keeps only the newest listings’ photos, and a larger one brings the rest', async ({ page }) => {
  // Room for a few of the demo's small thumbnails only (the account screen offers 25 MB and up).
  const budget = 12_000;
  await page.addInitScript((bytes) => localStorage.getItem('dongne.photoBudgetBytes') ?? localStorage.setItem('dongne.photoBudgetBytes', String(bytes)), budget);
  await openApp(page);
  const wanted = await areaThumbnails(page);
  // The photos on screen are kept as they show, past the budget for a moment; the next sync's
  // tidying (every half minute while the app is open) brings the cache back within it.
  const onScreenLoaded = () =>
    page
      .getByTestId('listing-card')
      .locator('img')
      .evaluateAll((imgs: HTMLImageElement[]) => imgs.filter((img) => img.getBoundingClientRect().top < innerHeight).every((img) => img.complete));
  await expect.poll(onScreenLoaded).toBe(true);
  await syncNow(page);

  // What is kept is the newest listings' photos, in order, within the budget: never an older one in
  // place of a newer one.
  const keptPrefix = async () => {
    const cached = await cachedPhotos(page);
    const paths = new Set(cached.map((p) => p.path));
    const total = cached.reduce((sum, p) => sum + p.bytes, 0);
    const k = wanted.findIndex((path) => !paths.has(path));
    const isPrefix = k > 0 && cached.length === k && total <= budget;
    return isPrefix ? k : -1;
  };
  await expect.poll(keptPrefix, { timeout: 70_000 }).toBeGreaterThan(1);
  expect(await keptPrefix()).toBeLessThan(wanted.length);

  // The account screen says what is kept, and a larger budget fills in the rest.
  await page.getByTestId('account-link').click();
  const storage = page.getByTestId('offline-storage');
  await expect(storage.getByTestId('storage-photos')).toContainText(`(${await keptPrefix()} photos)`);
  await storage.getByLabel('Space for offline photos').selectOption({ label: '25 MB' });
  await expect.poll(async () => (await cachedPhotos(page)).length).toBe(wanted.length);
  await expect(storage.getByTestId('storage-photos')).toContainText(`(${wanted.length} photos)`);
  await page.reload();
  await expect(page.getByTestId('offline-storage').getByLabel('Space for offline photos')).toHaveValue(String(25 * 1024 * 1024));
});
