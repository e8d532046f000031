// `npm run bench`: sync throughput through the real HTTP endpoints against the raw SQLite ceiling,
// the bytes the first visit to the feed downloads, neighbourhoods, search over 100,000 listings,
// keyword alerts, local ad events taken in against their raw insert ceiling, a fresh device's first
// pull of its area against a static file, sync on PostgreSQL with one and three instances and the
// live poke between them, the feed and search offline in Chromium, chat message latency with 1,000
// live channels open, the chat list offline, Lighthouse on three screens, and how long a first sync
// holds the main thread. Prints one table; see BENCHMARKS.md.
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
import { benchAdChoice } from './bench-ad-choice.js';
import { benchFirstPull } from './bench-first-pull.js';
import { benchInstances } from './bench-instances.js';
import { benchChatLatency } from './bench-chat-latency.js';
import { benchChatList } from './bench-chat-list.js';
import { benchLighthouse } from './bench-lighthouse.js';
import { benchMainThread } from './bench-main-thread.js';

const N = 10_000;
const BATCH = 100;
const PULL_PAGE = 1000;

function listingArgs(i: number) {
  return {
    id: crypto.randomUUID(),
    title: `벤치마크 물건 Bench item ${i}`,
    priceKrw: 1000 + i,
    category: 'household',
    description: 'A reasonably sized description of a second-hand item, as a seller would write it. 상태 좋아요.',
    neighbourhoodId: 'kr-bundang-pangyo',
  };
}

const PANGYO = at('kr-bundang-pangyo');
/**
 * Each publish carries its own GPS reading from inside Pangyo-dong, as the app sends it: a few metres
 * from the last (on a grid up to 200 m from the centre), so none is taken for a replay of another.
 */
function fixFor(i: number) {
  const northM = 2 * (i % 100);
  const eastM = 2 * (Math.floor(i / 100) % 100);
  return {
    lat: PANGYO.latitude + northM / METRES_PER_DEGREE_LAT,
    lng: PANGYO.longitude + eastM / (METRES_PER_DEGREE_LAT * Math.cos((PANGYO.latitude * Math.PI) / 180)),
    accuracy: 12,
    takenAt: Date.now() - 60_000 + (i % 50_000),
  };
}

/** `devices` devices push N/devices creations each, all at once; each device's batches stay in order. */
async function benchPush(url: string, devices = 1) {
  const perDevice = N / devices;
  // Distinct fix timestamps across runs and devices: an identical reading is refused as a replay.
  const base = devices * 10_000;
  const prepared = await Promise.all(Array.from({ length: devices }, (_, d) => prepareDevice(url, perDevice, base + d * perDevice)));
  const started = performance.now();
  await Promise.all(prepared.map((device) => pushAll(url, device)));
  return N / ((performance.now() - started) / 1000);
}

async function prepareDevice(url: string, count: number, offset: number) {
  const session = await fetch(`${url}/api/auth/signup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ nickname: `bench${offset}`, password: 'benchmark password' }),
  });
  const cookie = session.headers.get('set-cookie')!.split(';')[0];
  const clientId = crypto.randomUUID();
  const batches = Array.from({ length: count / BATCH }, (_, b) =>
    JSON.stringify({
      clientId,
      mutations: Array.from({ length: BATCH }, (_, i) => ({
        mutationId: crypto.randomUUID(),
        seq: b * BATCH + i + 1,
        name: 'listing.create',
        args: listingArgs(b * BATCH + i),
        createdAt: Date.now(),
        fix: fixFor(offset + b * BATCH + i),
      })),
    }),
  );
  return { cookie, batches };
}

async function pushAll(url: string, { cookie, batches }: { cookie: string; batches: string[] }) {
  for (const body of batches) {
    const response = await fetch(`${url}/api/sync/push`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body });
    const result = (await response.json()) as { results: { status: string }[] };
    if (!response.ok || result.results.some((r) => r.status !== 'applied')) throw new Error(`push failed: ${response.status}`);
  }
}

async function benchPull(url: string) {
  const clientId = crypto.randomUUID();
  let cursor = 0;
  let rows = 0;
  const started = performance.now();
  for (;;) {
    const response = await fetch(`${url}/api/sync/pull?cursor=${cursor}&clientId=${clientId}&limit=${PULL_PAGE}`);
    const page = (await response.json()) as { changes: unknown[]; cursor: number; hasMore: boolean };
    rows += page.changes.length;
    cursor = page.cursor;
    if (!page.hasMore) break;
  }
  return { rowsPerSecond: rows / ((performance.now() - started) / 1000), rows };
}

function benchCeiling() {
  const dir = mkdtempSync(join(tmpdir(), 'dongne-bench-raw-'));
  const db = new Database(join(dir, 'raw.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  migrate(db);
  db.prepare("INSERT INTO actors (id, nickname, token_hash, created_at) VALUES ('bench', 'Bench', NULL, 0)").run();
  const insert = db.prepare(`INSERT INTO listings (id, seller_id, title, description, price_krw, category, neighbourhood, status, created_at, updated_at, change_seq)
    VALUES (@id, 'bench', @title, @description, @priceKrw, @category, @neighbourhood, 'selling', @at, @at, @seq)`);
  const rows = Array.from({ length: N }, (_, i) => ({ ...listingArgs(i), neighbourhood: 'Pangyo-dong 판교동', at: Date.now(), seq: i + 1 }));
  let started = performance.now();
  db.transaction(() => rows.forEach((row) => insert.run(row)))();
  const insertPerSecond = N / ((performance.now() - started) / 1000);
  started = performance.now();
  const selected = db.prepare('SELECT l.*, a.nickname FROM listings l JOIN actors a ON a.id = l.seller_id ORDER BY change_seq').all();
  const json = JSON.stringify(selected);
  const selectPerSecond = selected.length / ((performance.now() - started) / 1000);
  db.close();
  rmSync(dir, { recursive: true, force: true });
  return { insertPerSecond, selectPerSecond, jsonBytes: json.length };
}

/**
 * What a first visit downloads, gzipped, with no service worker (only what the page itself loads):
 * a new person lands on the first-run screen (/welcome); someone past it (a shared link to the
 * home page, a cleared cache) on the feed. Both languages are in the same files. The sync worker's
 * script and the files it imports are counted too, each file once: the worker is an entry of the
 * page's own build, and what it shares with the page (Dexie, the replica's schema) comes from the
 * browser's cache the second time.
 */
async function benchFirstVisit(url: string, screen: 'welcome' | 'feed') {
  const browser = await chromium.launch(CHROMIUM_LAUNCH);
  const context = await browser.newContext({ serviceWorkers: 'block' });
  if (screen === 'feed') await skipFirstRun(context);
  const page = await context.newPage();
  const bodies = new Map<string, Promise<{ type: string; gz: number }>>();
  let workerStarted = false;
  page.on('worker', () => (workerStarted = true));
  page.on('response', (response) => {
    const type = response.request().resourceType();
    if ((type === 'script' || type === 'stylesheet') && !bodies.has(response.url())) {
      bodies.set(response.url(), response.body().then((body) => ({ type, gz: gzipSync(body).length })));
    }
  });
  await page.goto(url);
  if (screen === 'feed') await page.getByTestId('listing-card').first().waitFor();
  else await page.waitForFunction(() => location.pathname === '/welcome' && document.querySelector('h1') !== null);
  await page.waitForLoadState('networkidle');
  const loaded = await Promise.all(bodies.values());
  await browser.close();
  if (!workerStarted) throw new Error(`the first visit to ${screen} started no sync worker: its files would be missing from the count`);
  const sum = (type: string) => loaded.filter((l) => l.type === type).reduce((n, l) => n + l.gz, 0);
  return { js: sum('script'), css: sum('stylesheet'), files: loaded.length };
}

// One benchmark account publishes every listing: lift the daily cap a neighbour is held to.
process.env.DONGNE_LISTINGS_PER_DAY = String(N);
const server = await startServer();
try {
  const ceiling = benchCeiling();
  const push = await benchPush(server.url);
  const pull = await benchPull(server.url);
  const pushConcurrent = await benchPush(server.url, 4);
  // On a server of its own with the demo listings: the benchmark's area above holds thousands of
  // rows, whose first sync keeps the network busy past any wait for it to go idle. The files a first
  // visit loads do not depend on how many rows the area has.
  const visited = await startServer();
  const [welcome, feed] = await (async () => {
    try {
      return [await benchFirstVisit(visited.url, 'welcome'), await benchFirstVisit(visited.url, 'feed')];
    } finally {
      await visited.dispose();
    }
  })();
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
  const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
  const pushRatio = push / ceiling.insertPerSecond;
  const pullRatio = pull.rowsPerSecond / ceiling.selectPerSecond;
  console.log(`
Dongne benchmark (${new Date().toISOString()}, Node ${process.version})

push  ${fmt(push)} listing mutations/s   (${N} creations with GPS fixes checked, batches of ${BATCH}, real HTTP)
pull  ${fmt(pull.rowsPerSecond)} rows/s                (${pull.rows} rows, fresh device, pages of ${PULL_PAGE}, real HTTP)
push  ${fmt(pushConcurrent)} listing mutations/s   (the same, from 4 devices at once)

ceiling (better-sqlite3 directly, same schema and file settings)
  insert ${fmt(ceiling.insertPerSecond)} rows/s in one transaction
  select ${fmt(ceiling.selectPerSecond)} rows/s with JSON.stringify
  push / insert ceiling = ${(pushRatio * 100).toFixed(1)}%  (aim ≥ 25%)  ${pushRatio >= 0.25 ? 'OK' : 'BELOW AIM'}
  pull / select ceiling = ${(pullRatio * 100).toFixed(1)}%  (aim ≥ 50%)  ${pullRatio >= 0.5 ? 'OK' : 'BELOW AIM'}

${(
  [
    ['first visit, new person (first-run screen)', welcome],
    ['first visit to the feed', feed],
  ] as const)
    .map(([what, shell]) => `${what}, gzipped: JS ${kb(shell.js)}, the page's and the sync worker's (aim < 100 KB, both languages)  ${shell.js < 100 * 1024 ? 'OK' : 'OVER'}  + CSS ${kb(shell.css)}, ${shell.files} files`)
    .join('\n')}
`);
} finally {
  await server.stop();
}
console.log(await benchNeighbourhoods());
console.log(await benchDongs());
console.log(await benchSearch());
console.log(await benchKeywords());
console.log(await benchAds());
console.log(benchAdChoice());
console.log(await benchFirstPull());
console.log(await benchInstances());
console.log(await benchOffline());
console.log(await benchChatLatency());
console.log(await benchChatList());
console.log(await benchLighthouse());
console.log(await benchMainThread());
