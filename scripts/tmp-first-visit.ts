import { chromium } from '@playwright/test';
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { METRES_PER_DEGREE_LAT } from '@dongne/shared';
import { migrate } from '../server/src/store/sqlite/database.js';
import { at } from '../e2e/support/places.js';
import { startServer } from '../e2e/support/server.js';
import { CHROMIUM_LAUNCH } from '../e2e/support/chromium.js';
import { skipFirstRun } from '../e2e/support/first-run.js';
import { benchDongs } from './bench-dongs.js';
import { benchNeighbourhoods } from './bench-neighbourhoods.js';
import { benchKeywords } from './bench-keywords.js';
import { benchAds } from './bench-ads.js';
import { benchOffline } from './bench-offline.js';
import { benchSearch } from './bench-search.js';
import { benchFirstPull } from './bench-first-pull.js';
import { benchInstances } from './bench-instances.js';
import { benchChatLatency } from './bench-chat-latency.js';
import { benchChatList } from './bench-chat-list.js';
import { benchLighthouse } from './bench-lighthouse.js';
import { benchMainThread } from './bench-main-thread.js';
/**
 * What a first visit downloads, gzipped, with no service worker (only what the page itself loads):
 * a new person lands on the first-run screen (/welcome); someone past it (a shared link to the
 * home page, a cleared cache) on the feed. Both languages are in the same files.
 */
async function benchFirstVisit(url: string, screen: 'welcome' | 'feed') {
  const browser = await chromium.launch(CHROMIUM_LAUNCH);
  const context = await browser.newContext({ serviceWorkers: 'block' });
  if (screen === 'feed') await skipFirstRun(context);
  const page = await context.newPage();
  const bodies: Promise<{ type: string; gz: number }>[] = [];
  page.on('response', (response) => {
    const type = response.request().resourceType();
    if (type === 'script' || type === 'stylesheet') {
      // The sync worker's script is fetched by the page too, once the first sync starts: counted apart.
      const kind = response.url().includes('/_app/immutable/workers/') ? 'worker' : type;
      bodies.push(response.body().then((body) => ({ type: kind, gz: gzipSync(body).length })));
    }
  });
  await page.goto(url);
  if (screen === 'feed') await page.getByTestId('listing-card').first().waitFor();
  else await page.waitForFunction(() => location.pathname === '/welcome' && document.querySelector('h1') !== null);
  await page.waitForLoadState('networkidle');
  const loaded = await Promise.all(bodies);
  await browser.close();
  const sum = (type: string) => loaded.filter((l) => l.type === type).reduce((n, l) => n + l.gz, 0);
  return { js: sum('script'), worker: sum('worker'), css: sum('stylesheet'), files: loaded.length };
}


const server = await startServer();
try {
  for (const screen of ['welcome', 'feed'] as const) console.log(screen, JSON.stringify(await benchFirstVisit(server.url, screen)));
} finally { await server.stop(); }
