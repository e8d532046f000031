/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
// The service worker: precaches the app shell so Dongne opens with no connection, answers every
// navigation with the shell (routes render from IndexedDB), and runs Background Sync.
import { build, files, version } from '$service-worker';
import { clientsClaim, registerQuotaErrorCallback } from 'workbox-core';
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { CacheFirst } from 'workbox-strategies';
import { db } from '$lib/db/db';
import { syncWithLock } from '$lib/sync/sync-engine';
import * as pulledDrafts from '$lib/drafts/pulled-drafts';
import * as ownWork from '$lib/sync/own-work';
import { BACKGROUND_SYNC_TAG } from '$lib/sync/background-sync';
import { AHEAD_HEADER, PHOTO_CACHE, stamped } from '$lib/offline-photos/photo-cache';
import { isLookingAt, pushNotificationView, readPushPayload } from '$lib/push/push-notification';
import { markNotificationsRead } from '$lib/alerts/alert-actions';
import { pushLocale } from '$lib/push/push-locale';
import { screensInFront } from '$lib/push/screen-in-front';

const sw = self as unknown as ServiceWorkerGlobalScope;

/** For crawlers, which never run this worker: always the server's own copy, never kept here or answered with the shell. */
const ROBOTS = '/robots.txt';

// Hashed build files carry their version in the name; the shell and static files use the build version.
precacheAndRoute([
  ...build.map((url) => ({ url, revision: null })),
  ...files.filter((url) => !url.endsWith('.DS_Store') && url !== ROBOTS).map((url) => ({ url, revision: version })),
  { url: '/index.html', revision: version },
]);
cleanupOutdatedCaches();
registerRoute(new NavigationRoute(createHandlerBoundToURL('/index.html'), { denylist: [/^\/api\//, /^\/robots\.txt$/] }));

// A photo's URL is the hash of its bytes, so a cached copy is never stale: answer from the cache
// without asking. A photo opened is kept, stamped with its size and the time it was opened; the page
// keeps the area's thumbnails in the same cache and holds the whole of it to the person's budget
// (offline-photos/), newest first. Its own fetches ahead carry AHEAD_HEADER and pass straight through.
registerRoute(
  ({ url, request, sameOrigin }) => sameOrigin && url.pathname.startsWith('/api/media/') && !request.headers.has(AHEAD_HEADER),
  new CacheFirst({
    cacheName: PHOTO_CACHE,
    plugins: [{ cacheWillUpdate: async ({ response }) => (response.status === 200 ? stamped(response, Date.now()) : null) }],
  }),
  'GET',
);
// Out of space: the photos go first, since they can all be fetched again.
registerQuotaErrorCallback(() => void caches.delete(PHOTO_CACHE));

// Take control of pages on first install so the first visit is already offline-capable. Updates
// wait until the person chooses to reload (see SKIP_WAITING below).
clientsClaim();

sw.addEventListener('message', (event) => {
  if (event.data?.type === 'SKIP_WAITING') void sw.skipWaiting();
});

sw.addEventListener('sync', (event) => {
  const syncEvent = event as ExtendableEvent & { tag: string };
  if (syncEvent.tag === BACKGROUND_SYNC_TAG) syncEvent.waitUntil(backgroundSync());
});

/**
 * With Dongne open, the page syncs itself (its screens then update at once); Background Sync is for
 * when every tab was closed before the connection came back.
 */
async function backgroundSync() {
  const open = await sw.clients.matchAll({ type: 'window' });
  if (open.length > 0) return;
  await syncWithLock({ db, fetch: (input, init) => fetch(input, init), draftMerger: async () => pulledDrafts, ownWork: async () => ownWork });
}

// A push stands for a notification the inbox already has (it arrives by sync too). Shown unless the
// person is looking at that very screen; tapping it opens the screen and marks it read.
sw.addEventListener('push', (event) => {
  event.waitUntil(showPush(event.data));
});

async function showPush(data: PushMessageData | null) {
  let json: unknown;
  try {
    json = data?.json();
  } catch {
    return;
  }
  const payload = readPushPayload(json);
  if (!payload) return;
  const windows = await sw.clients.matchAll({ type: 'window' });
  if (isLookingAt(await screensInFront(windows), payload.url)) return;
  const view = pushNotificationView({ ...payload, locale: await pushLocale(db, payload.locale) });
  await sw.registration.showNotification(view.title, view.options);
}

sw.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const data = event.notification.data as { url?: string; notificationId?: string } | undefined;
  if (!data?.url) return;
  event.waitUntil(openFromNotification(data.url, data.notificationId));
});

async function openFromNotification(url: string, notificationId: string | undefined) {
  if (notificationId) await markNotificationsRead(db, [notificationId]);
  const windows = await sw.clients.matchAll({ type: 'window' });
  const open = windows.find((window) => 'focus' in window) as WindowClient | undefined;
  if (open) {
    await open.focus();
    await open.navigate(url);
  } else {
    await sw.clients.openWindow(url);
  }
}
