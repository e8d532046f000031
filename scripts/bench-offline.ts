// Offline-first reads in Chromium with 5,000 listings cached in IndexedDB: opening the feed with no
// connection, and searching the saved listings. benchOffline() returns the lines; scripts/bench.ts
// prints them.
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { neighbourhoodLabel, type Listing, type Neighbourhood } from '@dongne/shared';
import { startServer } from '../e2e/support/server.js';
import { CHROMIUM_LAUNCH } from '../e2e/support/chromium.js';
import { skipFirstRun } from '../e2e/support/first-run.js';
import { percentile, seededRandom, syntheticListings } from './bench-listings.js';
import { LIMIT_FEED, LIMIT_SEARCH, webDirWithLimit } from './offline-limit.js';

const CACHED = 5_000;
/** Cards that fill a phone screen and more; the feed's first page holds 30. */
const CARDS = 20;
/** What a 390 × 844 phone shows of the feed at once, with room to spare: the app draws these first. */
const SCREENFUL = 8;
const WARM_OPENS = 10;
const COLD_OPENS = 5;
const SEARCH_REPEATS = 10;
/** The app against the framework-free page that does the same from the same cache and database. */
const AIM_RATIO = 1.5;
const SEARCHES: { q: string; category?: string }[] = [
  { q: '암체어' },
  { q: '의자' },
  { q: 'lego' },
  { q: '이케아 쿠션' },
  { q: 'free', category: 'free' },
];

export const LAUNCH = {
  ...CHROMIUM_LAUNCH,
  viewport: { width: 390, height: 844 },
  serviceWorkers: 'allow' as const,
};

declare global {
  interface Window {
    /** performance.now() when CARDS feed cards were first in the DOM, and after the next frame; when SCREENFUL were. */
    __feedCards?: { dom: number; frame?: number; screenful: number };
    __screenful?: number;
    /** performance.now() the frame after the shell showed the feed's kept painting (lib/first-paint/feed-paint.ts). */
    __feedPainted?: number;
  }
}

/** Runs before the app on every navigation: notes when the feed first holds `screenful`, then `cards` cards. */
function watchFeed({ cards, screenful }: { cards: number; screenful: number }) {
  // The shell marks the moment it shows the feed as it last stood (its cards, in a closed shadow
  // root the observer below cannot see into); the frame after is when it is on screen.
  new PerformanceObserver((list) => {
    if (list.getEntriesByName('dongne:feed-painted').length) requestAnimationFrame(() => setTimeout(() => (window.__feedPainted ??= performance.now())));
  }).observe({ type: 'mark', buffered: true });
  const observer = new MutationObserver(() => {
    if (window.__feedCards) return;
    const drawn = document.querySelectorAll('[data-testid="feed"] li').length;
    if (drawn >= screenful) window.__screenful ??= performance.now();
    if (drawn < cards) return;
    const seen: { dom: number; frame?: number; screenful: number } = (window.__feedCards = { dom: performance.now(), screenful: window.__screenful! });
    observer.disconnect();
    requestAnimationFrame(() => setTimeout(() => (seen.frame = performance.now())));
  });
  observer.observe(document, { childList: true, subtree: true });
}

/** `webDir`: the built app to serve; web/build unless given. */
export async function benchOffline(webDir?: string): Promise<string> {
  const profile = mkdtempSync(join(tmpdir(), 'dongne-bench-profile-'));
  const served = webDirWithLimit(webDir);
  const server = await startServer({ webDir: served.dir });
  let context: BrowserContext | undefined;
  try {
    // A persistent profile, so the browser can be closed and started again on the same IndexedDB.
    context = await chromium.launchPersistentContext(profile, LAUNCH);
    await skipFirstRun(context);
    const page = context.pages()[0] ?? (await context.newPage());
    const seeded = await fillReplica(page, server.url);
    await context.close();

    // From here on there is no server at all: whatever shows comes from the service worker and IndexedDB.
    await server.stop();
    context = await chromium.launchPersistentContext(profile, { ...LAUNCH, offline: true });
    await skipFirstRun(context);
    await context.addInitScript(watchFeed, { cards: CARDS, screenful: SCREENFUL });
    const warmPage = context.pages()[0] ?? (await context.newPage());
    // The first navigation of a new browser is a cold start, counted below; these are the ones after
    // it. The app and its limit take turns, so other work on the machine falls on both alike.
    await openFeed(warmPage, server.url);
    await openFeed(warmPage, server.url + LIMIT_FEED);
    const warm: Opened[] = [];
    const warmLimit: Opened[] = [];
    for (let i = 0; i < WARM_OPENS; i++) {
      warm.push(await openFeed(warmPage, server.url));
      warmLimit.push(await openFeed(warmPage, server.url + LIMIT_FEED));
    }
    const searches = await benchSearches(warmPage, server.url, '/search');
    const searchLimits = await benchSearches(warmPage, server.url, LIMIT_SEARCH);
    await context.close();

    const cold: Opened[] = [];
    const coldLimit: Opened[] = [];
    for (let i = 0; i < COLD_OPENS * 2; i++) {
      context = await chromium.launchPersistentContext(profile, { ...LAUNCH, offline: true });
      await skipFirstRun(context);
      await context.addInitScript(watchFeed, { cards: CARDS, screenful: SCREENFUL });
      const first = context.pages()[0] ?? (await context.newPage());
      if (i % 2 === 0) cold.push(await openFeed(first, server.url));
      else coldLimit.push(await openFeed(first, server.url + LIMIT_FEED));
      await context.close();
    }
    context = undefined;

    const ms = (n: number) => `${Math.round(n)} ms`;
    const p50 = (opens: Opened[], key: 'dom' | 'frame' | 'screenful' | 'shell' | 'onScreen') => percentile(opens.map((o) => o[key]).sort((a, b) => a - b), 0.5);
    const verdict = (ratio: number) => `${ratio.toFixed(2)}x (aim <= ${AIM_RATIO}x)  ${ratio <= AIM_RATIO ? 'OK' : 'OVER'}`;
    const summary = (opens: Opened[], limit: Opened[]) =>
      `on screen p50 ${ms(p50(opens, 'onScreen'))} (the kept painting in ${opens.filter((o) => o.painted).length} of ${opens.length}) against the limit's ${ms(p50(limit, 'frame'))}: ${verdict(p50(opens, 'onScreen') / p50(limit, 'frame'))}\n` +
      `      the app's own cards: p50 ${ms(p50(opens, 'dom'))}  worst ${ms(Math.max(...opens.map((o) => o.dom)))}  (painted ${ms(p50(opens, 'frame'))}; first screenful ${ms(p50(opens, 'screenful'))}; shell ${ms(p50(opens, 'shell'))})` +
      `  limit p50 ${ms(p50(limit, 'dom'))} (painted ${ms(p50(limit, 'frame'))})  app/limit, ${CARDS} cards painted ${verdict(p50(opens, 'frame') / p50(limit, 'frame'))}` +
      `; first screenful in the DOM ${verdict(p50(opens, 'screenful') / p50(limit, 'screenful'))}`;
    const fmt = (n: number) => n.toLocaleString('en-US');
    return [
      `offline-first reads in Chromium: ${fmt(seeded.total)} listings cached in IndexedDB, ${seeded.places} places in the visitor's area, no connection; limit = framework-free page from the same cache and database`,
      `  feed, ${CARDS} cards, ${WARM_OPENS} navigations   ${summary(warm, warmLimit)}`,
      `  feed, ${CARDS} cards, ${COLD_OPENS} browser starts ${summary(cold, coldLimit)}`,
      ...searches.map((s, i) => {
        const limit = searchLimits[i];
        return (
          padWide(`  search "${s.q}"${s.category ? ` in ${s.category}` : ''}`, 33) +
          `p50 ${ms(s.p50)}  p95 ${ms(s.p95)}  (${s.results} results)  limit p50 ${ms(limit.p50)}  app/limit ${verdict(s.p50 / limit.p50)}`
        );
      }),
    ].join('\n');
  } finally {
    await context?.close();
    await server.stop();
    served.dispose();
    rmSync(profile, { recursive: true, force: true });
  }
}

/**
 * Opens the app online so it installs its service worker, creates its database and syncs the
 * visitors' area; then writes synthetic listings into that area, straight into IndexedDB, until
 * the device holds CACHED.
 */
export async function fillReplica(page: Page, url: string) {
  await page.goto(url);
  const controlled = await page
    .waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 20_000 })
    .then(() => true, () => false);
  // Without it there is nothing to open offline: say so rather than time a failure.
  if (!controlled) throw new Error('the service worker never took control of the page (does web/build/service-worker.js evaluate?)');
  await page.getByTestId('listing-card').first().waitFor();
  // A visitor's first sync learns the area; the next one (here, on reload) looks up its places.
  await page.reload();
  let area: Awaited<ReturnType<typeof readArea>> | undefined;
  for (let tries = 0; !area && tries < 100; tries++) {
    area = await page.evaluate(readArea);
    if (!area) await page.waitForTimeout(200);
  }
  if (!area) throw new Error('the app never cached the places of its default area');
  // The replica holds the neighbour ids only; the names come from the server, as a listing carries them.
  const places = await Promise.all(
    area.places.map(async (id) => {
      const response = await fetch(`${url}/api/neighbourhoods/${encodeURIComponent(id)}`);
      return { id, label: neighbourhoodLabel((await response.json()) as Neighbourhood) };
    }),
  );
  const listings = syntheticListings(CACHED - area.cached, places, Date.now(), seededRandom(4));
  await page.evaluate(writeListings, listings);
  return { total: area.cached + listings.length, places: places.length };
}

/** In the page: the places of the visitors' area as the app stored them, and how many listings it holds. */
function readArea(): Promise<{ places: string[]; cached: number } | undefined> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('dongne');
    // Never create the database ourselves: that would race the app's own schema upgrade.
    open.onupgradeneeded = () => open.transaction?.abort();
    open.onerror = () => resolve(undefined);
    open.onsuccess = () => {
      const db = open.result;
      const tx = db.transaction(['meta', 'neighbourhoods', 'listings']);
      const count = tx.objectStore('listings').count();
      let places: string[] | undefined;
      const scope = tx.objectStore('meta').get('defaultScope');
      scope.onsuccess = () => {
        const value = scope.result?.value as { neighbourhoodId: string; range: number } | undefined;
        if (!value) return;
        const place = tx.objectStore('neighbourhoods').get(value.neighbourhoodId);
        place.onsuccess = () => (places = (place.result as { neighbours?: Record<string, string[]> } | undefined)?.neighbours?.[value.range]);
      };
      tx.oncomplete = () => {
        db.close();
        resolve(places ? { places, cached: count.result } : undefined);
      };
      tx.onerror = () => reject(tx.error);
    };
  });
}

/** In the page: one transaction into the app's own listings store. */
function writeListings(listings: Listing[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('dongne');
    open.onsuccess = () => {
      const db = open.result;
      const tx = db.transaction('listings', 'readwrite');
      for (const listing of listings) tx.objectStore('listings').put(listing);
      tx.oncomplete = () => (db.close(), resolve());
      tx.onerror = () => reject(tx.error);
    };
    open.onerror = () => reject(open.error);
  });
}

interface Opened {
  /** ms from navigation start: CARDS cards in the DOM, the frame after, SCREENFUL cards in the DOM, and the shell's response. */
  dom: number;
  frame: number;
  screenful: number;
  shell: number;
  /** The frame after the kept painting of the feed showed, if it did; else the app's own cards (`frame`). */
  onScreen: number;
  painted: boolean;
}

async function openFeed(page: Page, url: string): Promise<Opened> {
  await page.goto(url);
  await page.waitForFunction(() => window.__feedCards?.frame !== undefined, undefined, { timeout: 20_000 });
  return page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    const app = window.__feedCards!;
    const painted = window.__feedPainted !== undefined && window.__feedPainted < app.frame!;
    return { dom: app.dom, frame: app.frame!, screenful: app.screenful, shell: nav.responseEnd, onScreen: painted ? window.__feedPainted! : app.frame!, painted };
  });
}

/** Drives the search screen (or its limit) offline: types each query, submits, and times until its results are in the DOM. */
async function benchSearches(page: Page, url: string, path: string) {
  await page.goto(url + path);
  await page.getByRole('searchbox', { name: 'Search listings' }).waitFor();
  const out = [];
  for (const { q, category } of SEARCHES) {
    // Choosing a category searches again at once: let that finish before timing.
    await page.getByRole('combobox', { name: 'Category' }).selectOption(category ?? '');
    await page.waitForFunction(() => !document.querySelector<HTMLButtonElement>('form[role=search] button[type=submit]')!.disabled);
    const times: number[] = [];
    let results = 0;
    for (let i = 0; i < SEARCH_REPEATS; i++) {
      const run = await page.evaluate(timeSearch, q);
      times.push(run.ms);
      results = run.results;
    }
    const summary = await page.getByTestId('search-summary').textContent();
    if (!summary?.includes('offline')) throw new Error(`search did not answer from this device: ${summary}`);
    times.sort((a, b) => a - b);
    out.push({ q, category, p50: percentile(times, 0.5), p95: percentile(times, 0.95), results });
  }
  return out;
}

/**
 * In the page: submits `q` and resolves when the Search button is enabled again. The screen sets
 * the results and re-enables the button in the same update, so by then the result cards are in the DOM.
 */
function timeSearch(q: string): Promise<{ ms: number; results: number }> {
  const input = document.querySelector<HTMLInputElement>('input[type=search]')!;
  const button = document.querySelector<HTMLButtonElement>('form[role=search] button[type=submit]')!;
  input.value = q;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  return new Promise((resolve) => {
    // Let the input's binding settle before the clock starts.
    setTimeout(() => {
      let started = 0;
      const observer = new MutationObserver(() => {
        if (button.disabled) return;
        observer.disconnect();
        resolve({ ms: performance.now() - started, results: document.querySelectorAll('[data-testid="search-results"] li').length });
      });
      observer.observe(button, { attributes: true, attributeFilter: ['disabled'] });
      started = performance.now();
      button.click();
    });
  });
}

/** padEnd by terminal columns: Hangul takes two. */
function padWide(text: string, columns: number): string {
  const width = [...text].reduce((n, c) => n + (/[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3]/.test(c) ? 2 : 1), 0);
  return text + ' '.repeat(Math.max(1, columns - width));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) console.log(await benchOffline());
