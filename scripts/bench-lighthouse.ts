// Lighthouse 12 with its mobile defaults (a mid-range phone on slow 4G, simulated) on the feed, a
// listing and a search, each in English and in Korean, against a fresh demo server. benchLighthouse()
// returns the lines for scripts/bench.ts; scripts/lighthouse.ts prints them and fails below the aim.
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import type { Config, Result } from 'lighthouse';
import puppeteer from 'puppeteer-core';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startServer } from '../e2e/support/server.js';
import { FIRST_RUN_DONE_KEY } from '../e2e/support/first-run.js';

/** Runs per screen and language; each number shown is the median of these (the machine is noisy). */
export const RUNS = 3;
export const AIM = { performance: 90, accessibility: 100, 'best-practices': 100, seo: 100 } as const;
type Category = keyof typeof AIM;
const CATEGORIES = Object.keys(AIM) as Category[];
const LANGUAGES = ['en', 'ko'] as const;
type Language = (typeof LANGUAGES)[number];
/** The screens measured, by the names `--screen` takes. */
export const SCREENS = ['feed', 'listing', 'search'];
/** A word several demo listings hold (chairs), so the search screen shows results. */
const SEARCH_QUERY = '의자';

const CHROME_FLAGS = ['--headless=new', '--no-sandbox'];

// Lighthouse clears the service worker and Cache Storage before it loads the page; a first visit has
// no IndexedDB replica either, so that goes too. Local storage is left alone: it holds only the
// first-run flag set below. Each run also starts Chromium on a new, empty profile.
const CONFIG: Config = {
  extends: 'lighthouse:default',
  settings: { clearStorageTypes: ['file_systems', 'shader_cache', 'service_workers', 'cache_storage', 'indexeddb', 'websql'] },
};

export interface ScreenResult {
  screen: string;
  language: Language;
  scores: Record<Category, number>;
  tbtMs: number;
  lcpMs: number;
  /**
   * How fast the machine ran (Lighthouse's own benchmark index, median over the runs). Lighthouse
   * slows whatever it observes by a fixed 4×, so the same build scores lower on a slower or busier
   * host: the figures mean little without it.
   */
  hostIndex: number;
  /** Ids of the audits below a pass in any run, for the categories below their aim. */
  failing: string[];
}

interface Screen {
  name: string;
  path: string;
}

/**
 * Runs Lighthouse on the three screens in both languages against a fresh demo server (web/build
 * unless `webDir`); `reportsDir`, when given, receives each run's report as HTML and JSON; `only`
 * names the screens to run (all three unless given).
 */
export async function measureScreens({ webDir, runs = RUNS, reportsDir, only }: { webDir?: string; runs?: number; reportsDir?: string; only?: string[] } = {}): Promise<ScreenResult[]> {
  if (reportsDir) mkdirSync(reportsDir, { recursive: true });
  const server = await startServer({ webDir });
  try {
    const screens: Screen[] = [
      { name: 'feed', path: '/' },
      { name: 'listing', path: `/listings/${await demoListingWithPhoto(server.url)}` },
      { name: 'search', path: `/search?q=${encodeURIComponent(SEARCH_QUERY)}` },
    ];
    const results: ScreenResult[] = [];
    for (const screen of screens.filter((s) => !only?.length || only.includes(s.name))) {
      for (const language of LANGUAGES) {
        const lhrs: Result[] = [];
        for (let i = 0; i < runs; i++) {
          const { lhr, html } = await runWithRetries(server.url + screen.path, language);
          lhrs.push(lhr);
          if (reportsDir) {
            const name = join(reportsDir, `${screen.name}-${language}-${i + 1}`);
            writeFileSync(`${name}.html`, html);
            writeFileSync(`${name}.json`, JSON.stringify(lhr));
          }
        }
        results.push(summarise(screen.name, language, lhrs));
      }
    }
    return results;
  } finally {
    await server.dispose();
  }
}

/** The first listing with a photo that a fresh device pulls: what the feed shows on top. */
async function demoListingWithPhoto(url: string): Promise<string> {
  const response = await fetch(`${url}/api/sync/pull?cursor=0&clientId=${crypto.randomUUID()}`);
  const page = (await response.json()) as { changes: { entity: string; row?: { id: string; photos?: unknown[] } }[] };
  const listing = page.changes.find((c) => c.entity === 'listing' && c.row?.photos?.length)?.row;
  if (!listing) throw new Error('the demo server has no listing with a photo');
  return listing.id;
}

/** Lighthouse now and then fails to record a trace on a busy machine (NO_NAVSTART): such a run is run again. */
async function runWithRetries(url: string, language: Language, attempts = 3): Promise<{ lhr: Result; html: string }> {
  for (let attempt = 1; ; attempt++) {
    const run = await runOnce(url, language);
    const error = run.lhr.runtimeError;
    if (!error) return run;
    if (attempt === attempts) throw new Error(`Lighthouse on ${url}: ${error.code} ${error.message}`);
    console.error(`Lighthouse on ${url} (${language}): ${error.code}; running it again`);
  }
}

/**
 * One Lighthouse navigation on a new Chromium profile whose preferred language is `language`. The
 * visitor is past the first-run screen (the equivalent of e2e/support/first-run.ts: the flag is set
 * before any of the page's scripts run), so the feed loads itself and not /welcome.
 */
async function runOnce(url: string, language: Language): Promise<{ lhr: Result; html: string }> {
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    // Headless Chromium takes its languages from --accept-lang (it ignores --lang).
    chromeFlags: [...CHROME_FLAGS, `--accept-lang=${language}`],
  });
  try {
    const browser = await puppeteer.connect({ browserURL: `http://127.0.0.1:${chrome.port}`, defaultViewport: null });
    const page = await browser.newPage();
    await page.evaluateOnNewDocument((key) => {
      try {
        localStorage.setItem(key, '1');
      } catch {
        // about:blank has no storage; Lighthouse passes through it before the page.
      }
    }, FIRST_RUN_DONE_KEY);
    const run = await lighthouse(url, { output: 'html', logLevel: 'error' }, CONFIG, page);
    if (!run) throw new Error(`Lighthouse returned nothing for ${url}`);
    const lhr = run.lhr;
    if (lhr.runtimeError) return { lhr, html: '' };
    // Measure the screen asked for, in the language asked for, or say so.
    const landed = new URL(lhr.finalDisplayedUrl);
    const wanted = new URL(url);
    if (landed.pathname !== wanted.pathname) throw new Error(`Lighthouse on ${url} ended on ${lhr.finalDisplayedUrl}`);
    const lang = await page.evaluate(() => document.documentElement.lang);
    if (lang !== language) throw new Error(`${url} showed in "${lang}", not the browser's "${language}"`);
    await browser.disconnect();
    return { lhr, html: String(run.report) };
  } finally {
    chrome.kill();
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function summarise(screen: string, language: Language, lhrs: Result[]): ScreenResult {
  const scores = Object.fromEntries(
    CATEGORIES.map((id) => [id, Math.round(median(lhrs.map((lhr) => (lhr.categories[id].score ?? 0) * 100)))]),
  ) as Record<Category, number>;
  const failing = new Set<string>();
  for (const id of CATEGORIES) {
    if (scores[id] >= AIM[id]) continue;
    // Performance's audits pass at 0.9 (as the report draws them); the others are pass or fail.
    const pass = id === 'performance' ? 0.9 : 1;
    for (const lhr of lhrs) {
      for (const ref of lhr.categories[id].auditRefs) {
        const audit = lhr.audits[ref.id];
        if (audit.score !== null && audit.score < pass && (ref.weight > 0 || id === 'performance')) failing.add(ref.id);
      }
    }
  }
  return {
    screen,
    language,
    scores,
    tbtMs: median(lhrs.map((lhr) => lhr.audits['total-blocking-time'].numericValue ?? 0)),
    lcpMs: median(lhrs.map((lhr) => lhr.audits['largest-contentful-paint'].numericValue ?? 0)),
    hostIndex: median(lhrs.map((lhr) => lhr.environment.benchmarkIndex)),
    failing: [...failing].sort(),
  };
}

export function meetsAim(result: ScreenResult): boolean {
  return CATEGORIES.every((id) => result.scores[id] >= AIM[id]);
}

export function lighthouseLines(results: ScreenResult[], runs = RUNS): string {
  const column = (text: string | number, width: number) => String(text).padStart(width);
  return [
    `Lighthouse 12 mobile (simulated slow 4G, 4× slower CPU), first visit to a fresh demo server; median of ${runs} runs`,
    `  (feed /, listing /listings/<the first demo listing with a photo>, search /search?q=${SEARCH_QUERY}; lang = the browser's language;`,
    `  host = this machine's Lighthouse benchmark index during the runs: the lower, the slower the simulated phone came out)`,
    `  ${'screen'.padEnd(8)} lang  perf  a11y    bp   seo        TBT        LCP   host   (aim perf ≥ ${AIM.performance}, the rest 100)`,
    ...results.map(
      (r) =>
        `  ${r.screen.padEnd(8)} ${r.language.padEnd(4)}` +
        CATEGORIES.map((id) => column(r.scores[id], 6)).join('') +
        column(`${Math.round(r.tbtMs)} ms`, 11) +
        column(`${(r.lcpMs / 1000).toFixed(1)} s`, 11) +
        column(Math.round(r.hostIndex).toLocaleString('en-US'), 7) +
        `   ${meetsAim(r) ? 'OK' : `BELOW AIM: ${r.failing.join(', ')}`}`,
    ),
  ].join('\n');
}

/** `webDir`: the built app to serve; web/build unless given. */
export async function benchLighthouse(webDir?: string): Promise<string> {
  return lighthouseLines(await measureScreens({ webDir }));
}
