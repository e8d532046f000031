// The feed as it last stood on this device, kept so the next open paints it before the app has
// started. Opening the feed offline, the app's own cards come only after ~300 KB of JavaScript has
// been compiled and run and the framework has mounted (2–2.7× a plain page reading the same rows);
// the shell (app.html) paints this copy as soon as the HTML is parsed, over the app, inert, until the
// feed has drawn its own cards (first-paint.ts). A picture of the screen, not part of the page:
// it lives in a closed shadow root, so nothing querying the document finds its cards twice.
//
// Kept in localStorage because the shell can read that synchronously while parsing. Only for the
// build that drew it (its stylesheets and class names), and forgotten when the person signs in or
// out (its header is theirs) or changes language.

import { FEED_PAINT_KEY } from './first-paint.js';
import { syncStatus } from '../sync/sync-status.svelte.js';

/** Cards kept: more than any screen shows at once before scrolling. */
const CARDS_KEPT = 20;
/** A larger copy (an unusually long page) is not kept: localStorage is small and read whole. */
const MAX_CHARS = 400_000;

export interface FeedPaint {
  /** The build's start script: a copy from another build would carry other class names. */
  build: string;
  /** The page's stylesheets as text: after a browser start, fetching them again (even from the service worker's cache) took longer than the painting saves. */
  css: string;
  html: string;
}

/** The text of the app's own stylesheets: the shell's inline one and the app's files (not a browser extension's, not another site's). */
function stylesOf(doc: Document): string {
  const own = [...doc.styleSheets].filter((sheet) => !sheet.disabled && (sheet.href ? new URL(sheet.href).origin === doc.location.origin : sheet.ownerNode?.parentNode === doc.head));
  return own.map((sheet) => [...sheet.cssRules].map((rule) => rule.cssText).join('\n')).join('\n');
}

/** The feed screen as it stands now, or undefined when it is not one worth painting. */
export function feedPaintOf(doc: Document): FeedPaint | undefined {
  const app = doc.getElementById('app');
  const build = doc.querySelector('link[href*="/_app/immutable/entry/start."]')?.getAttribute('href');
  if (!app || !build || !app.querySelector('[data-testid="feed"] li')) return undefined;
  // Copied as markup into a template, whose content is inert: a clone of the live elements made
  // each of its images start loading, and took up to 5× as long (a task of its own over 50 ms on a
  // phone-slow CPU, right after a first sync).
  const copy = doc.createElement('template');
  copy.innerHTML = app.innerHTML;
  const parts = copy.content;
  // What only holds for this moment (a banner, a dialog, a toast) is not painted next time.
  for (const passing of parts.querySelectorAll('[role="status"], [role="alert"], dialog')) passing.remove();
  for (const extra of parts.querySelectorAll(`[data-testid="feed"] > li:nth-child(n + ${CARDS_KEPT + 1})`)) extra.remove();
  // A photo still only on this device is shown from a blob: address that dies with the page: its
  // place stays empty in the painting rather than a broken image.
  for (const img of parts.querySelectorAll<HTMLImageElement>('img[src^="blob:"]')) img.removeAttribute('src');
  const css = stylesOf(doc);
  const html = copy.innerHTML;
  return html.length + css.length <= MAX_CHARS ? { build, css, html } : undefined;
}

/** A moment of stillness after the feed last changed (a step of cards, a sync) before keeping it. */
const SETTLE_MS = 500;
let pending: ReturnType<typeof setTimeout> | undefined;

/**
 * Keeps the feed once it has settled, at idle; and, from the first call on, whenever the person
 * leaves the page with the feed on it (another app, the tab closed, a reload).
 */
export function keepFeedPaintSoon(): void {
  if (pending === undefined && typeof addEventListener === 'function') {
    addEventListener('pagehide', () => keepFeedPaint());
    document.addEventListener('visibilitychange', () => document.visibilityState === 'hidden' && keepFeedPaint());
    // Another tab forgot the copy (someone signed in or out there): this tab's feed still shows the
    // header from before, so what it was about to keep is not kept.
    addEventListener('storage', (event: StorageEvent) => {
      if (event.key === FEED_PAINT_KEY && event.newValue === null) clearTimeout(pending);
    });
  }
  clearTimeout(pending);
  pending = setTimeout(keepWhenIdle, SETTLE_MS);
}

/** At idle, and not while a sync is landing rows: copying the screen then would be one more task among the sync's. */
function keepWhenIdle(): void {
  if (syncStatus.syncing) {
    pending = setTimeout(keepWhenIdle, SETTLE_MS);
    return;
  }
  if (typeof requestIdleCallback === 'function') requestIdleCallback(() => keepFeedPaint());
  else keepFeedPaint();
}

export function keepFeedPaint(doc: Document = document, storage: Storage = localStorage): void {
  try {
    const paint = feedPaintOf(doc);
    if (paint) storage.setItem(FEED_PAINT_KEY, JSON.stringify(paint));
  } catch {
    // Full, refused, or a stylesheet that would not be read: the next open simply waits for the
    // app, as it always did.
  }
}
