// How long a first sync holds the page's main thread, on a CPU slowed to a mid-tier phone's (the rate
// measured for this machine, as the main-thread journey does: a fixed 4× is a different phone on every
// machine, and on a busy one a slower phone than meant): a visitor's first visit to an area of 500 and of 5,000
// listings, from the first sync's start until its cards are drawn. Each long task is counted by the
// main thread's own time in a Chromium trace, so a busy machine's waiting is not counted.
// benchMainThread() returns the lines for scripts/bench.ts. Run alone: `npx tsx scripts/bench-main-thread.ts`.
import { chromium } from '@playwright/test';
import { pathToFileURL } from 'node:url';
import { startServer } from '../e2e/support/server.js';
import { CHROMIUM_LAUNCH } from '../e2e/support/chromium.js';
import { skipFirstRun } from '../e2e/support/first-run.js';
import { fillArea } from '../e2e/support/fill-area.js';
import { LONG_TASK_MS, MID_TIER_PHONE_INDEX, slowToMidTierPhone, traceMainThread, watchFeed, watchLongTasks } from '../e2e/support/main-thread.js';
import { FEED_PAGE } from '../web/src/lib/listings/feed-page-size.js';
import { SYNC_END_MARK, SYNC_START_MARK } from '../web/src/lib/sync/sync-marks.js';

const AREAS = [500, 5_000];
/** A first sync of 5,000 rows on a slowed CPU takes a while; this only bounds the wait. */
const SYNC_BOUND_MS = 300_000;

async function firstSync(rows: number) {
  const server = await startServer();
  const browser = await chromium.launch(CHROMIUM_LAUNCH);
  try {
    await fillArea(server, rows);
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    await skipFirstRun(context);
    const page = await context.newPage();
    await page.addInitScript(watchLongTasks);
    await page.addInitScript(watchFeed, FEED_PAGE);
    const phone = await slowToMidTierPhone(page);
    const trace = await traceMainThread(browser, page);
    await page.goto(server.url);
    await page.waitForFunction(
      ([endMark]) => performance.getEntriesByName(endMark).length > 0 && window.__drawnAt !== undefined,
      [SYNC_END_MARK],
      { timeout: SYNC_BOUND_MS, polling: 250 },
    );
    const [start, end, drawnAt] = await page.evaluate(
      ([startMark, endMark]) => [performance.getEntriesByName(startMark)[0].startTime, performance.getEntriesByName(endMark)[0].startTime, window.__drawnAt!],
      [SYNC_START_MARK, SYNC_END_MARK],
    );
    const { reported, held } = await trace.finish(SYNC_START_MARK, start, Math.max(end, drawnAt));
    const longest = Math.max(0, ...reported.map((task) => task.threadMs));
    return { rows, phone, syncMs: end - start, drawnMs: drawnAt - start, reported: reported.length, held: held.length, longest };
  } finally {
    await browser.close();
    await server.dispose();
  }
}

export async function benchMainThread(): Promise<string> {
  const lines = [`main thread during a visitor's first sync, CPU slowed to a mid-tier phone's (benchmark index ${MID_TIER_PHONE_INDEX}), until its cards are drawn`];
  for (const rows of AREAS) {
    const r = await firstSync(rows);
    lines.push(
      `  ${r.rows.toLocaleString('en-US').padStart(5)} listings (CPU slowed ${r.phone.rate.toFixed(1)}×, this machine's index ${r.phone.machineIndex}): longest task ${Math.round(r.longest)} ms of main thread (aim ≤ ${LONG_TASK_MS})  ${r.held === 0 ? 'OK' : 'OVER'}; ` +
        `${r.held} over ${LONG_TASK_MS} ms, ${r.reported} reported by the Long Tasks API; first sync ${(r.syncMs / 1000).toFixed(1)} s, first ${FEED_PAGE} cards drawn after ${(r.drawnMs / 1000).toFixed(1)} s`,
    );
  }
  return lines.join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) console.log(await benchMainThread());
