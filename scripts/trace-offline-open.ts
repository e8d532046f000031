// Diagnostic: where an offline open of the feed spends its time, after a browser start (cold) and
// with the browser running (warm). Fills a profile as bench-offline.ts does, then starts Chromium
// offline with startup tracing and opens the feed twice. Prints, per open, the page's module
// waterfall (Resource Timing) and the renderer main thread's work by script and by function (the
// trace's CPU profile), and the service worker's start. `npx tsx scripts/trace-offline-open.ts [app|limit]`
import { chromium } from '@playwright/test';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../e2e/support/server.js';
import { skipFirstRun } from '../e2e/support/first-run.js';
import { fillReplica, LAUNCH } from './bench-offline.js';
import { LIMIT_FEED, webDirWithLimit } from './offline-limit.js';

const which = process.argv[2] ?? 'app';
/** `--marks`: no trace (its CPU profiler slows the page down a lot), only the page's own timeline. */
const tracing = !process.argv.includes('--marks');
const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'v8', 'blink.user_timing', 'loading', 'disabled-by-default-v8.cpu_profiler', 'ServiceWorker', 'toplevel', 'IndexedDB', 'blink'];
const profile = mkdtempSync(join(tmpdir(), 'dongne-trace-profile-'));
const served = webDirWithLimit();
const server = await startServer({ webDir: served.dir });
const traceFile = join(profile, '..', `dongne-offline-trace-${process.pid}.json`);
try {
  let context = await chromium.launchPersistentContext(profile, LAUNCH);
  await skipFirstRun(context);
  await fillReplica(context.pages()[0] ?? (await context.newPage()), server.url);
  await context.close();
  await server.stop();

  context = await chromium.launchPersistentContext(profile, {
    ...LAUNCH,
    offline: true,
    args: tracing ? [...(LAUNCH.args ?? []), `--trace-startup=${CATEGORIES.join(',')}`, `--trace-startup-file=${traceFile}`, '--trace-startup-duration=0', '--trace-startup-format=json'] : LAUNCH.args,
  });
  await skipFirstRun(context);
  // tsx wraps named functions in __name(), which the page does not have.
  await context.addInitScript({ content: `var __name = (f) => f; (${markTimeline.toString()})();` });
  const page = context.pages()[0] ?? (await context.newPage());
  const url = which === 'limit' ? server.url + LIMIT_FEED : server.url;
  const opens = [];
  for (const label of ['cold', 'warm', 'warm']) {
    await page.goto(url);
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="feed"] li').length >= 20, undefined, { timeout: 20_000 });
    await page.waitForTimeout(500);
    opens.push({
      label,
      ...(await page.evaluate(() => {
        const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
        return {
          timeOrigin: performance.timeOrigin,
          nav: { workerStart: nav.workerStart, fetchStart: nav.fetchStart, responseStart: nav.responseStart, responseEnd: nav.responseEnd, domInteractive: nav.domInteractive, domContentLoaded: nav.domContentLoadedEventEnd },
          marks: window.__marks ?? [],
          resources: performance.getEntriesByType('resource').map((r) => ({ name: r.name.replace(location.origin, ''), start: r.startTime, end: (r as PerformanceResourceTiming).responseEnd })),
        };
      })),
    });
  }
  await context.close();
  for (const open of opens) {
    console.log(`\n--- ${open.label}: shell ${open.nav.responseEnd.toFixed(0)} ms, DOM interactive ${open.nav.domInteractive.toFixed(0)} ms`);
    for (const [name, at] of open.marks) console.log(`   ${at.toFixed(0).padStart(5)} ms  ${name}`);
  }
  if (!tracing) process.exit(0);
  const trace = JSON.parse(readFileSync(traceFile, 'utf8')) as { traceEvents: any[] } | any[];
  const events: any[] = Array.isArray(trace) ? trace : trace.traceEvents;
  report(events, opens, server.url);
} finally {
  await server.stop();
  served.dispose();
  rmSync(profile, { recursive: true, force: true });
  rmSync(traceFile, { force: true });
}

function report(events: any[], opens: any[], origin: string) {
  const threadName = new Map<string, string>();
  for (const e of events) if (e.name === 'thread_name') threadName.set(`${e.pid}:${e.tid}`, e.args.name);
  // navigationStart of each open, as the renderer's trace clock (µs) sees it.
  const navStarts = events.filter((e) => e.name === 'navigationStart' && e.args?.data?.isLoadingMainFrame && String(e.args?.data?.documentLoaderURL ?? '').startsWith('http')).sort((a, b) => a.ts - b.ts);
  // Profile samples per thread.
  const nodes = new Map<string, Map<number, any>>();
  const samples: { key: string; ts: number; node: number }[] = [];
  const profiles = events.filter((e) => e.name === 'Profile');
  for (const p of profiles) {
    const key = `${p.pid}:${p.tid}`;
    const map = nodes.get(`${key}:${p.id}`) ?? new Map();
    nodes.set(`${key}:${p.id}`, map);
    let clock = p.args.data.startTime;
    for (const chunk of events.filter((e) => e.name === 'ProfileChunk' && e.pid === p.pid && e.id === p.id)) {
      const cpu = chunk.args.data.cpuProfile ?? {};
      for (const n of cpu.nodes ?? []) map.set(n.id, n);
      const deltas: number[] = chunk.args.data.timeDeltas ?? [];
      (cpu.samples ?? []).forEach((id: number, i: number) => samples.push({ key: `${key}:${p.id}`, ts: (clock += deltas[i]), node: id }));
    }
  }
  opens.forEach((open, i) => {
    const start = navStarts[i];
    if (!start) return console.log(`\n${open.label}: no navigationStart in the trace`);
    const end = start.ts + 3_000_000;
    const rel = (ts: number) => ((ts - start.ts) / 1000).toFixed(1);
    console.log(`\n=== ${open.label} open (nav: worker start ${open.nav.workerStart.toFixed(0)}, response ${open.nav.responseStart.toFixed(0)}–${open.nav.responseEnd.toFixed(0)}, DOM interactive ${open.nav.domInteractive.toFixed(0)}, DCL ${open.nav.domContentLoaded.toFixed(0)} ms)`);
    for (const r of open.resources) console.log(`   ${r.start.toFixed(0).padStart(5)} → ${r.end.toFixed(0).padStart(5)} ms  ${r.name}`);
    // Thread-level tasks with the SW and the renderer.
    const mainKey = `${start.pid}:${start.tid}`;
    const onMain = events.filter((e) => `${e.pid}:${e.tid}` === mainKey && e.ph === 'X' && e.ts >= start.ts && e.ts < end);
    const named = onMain.filter((e) => ['EvaluateScript', 'v8.compile', 'v8.compileModule', 'v8.evaluateModule', 'FunctionCall', 'ParseHTML', 'Layout', 'UpdateLayoutTree', 'Paint', 'V8.ScriptCompiler', 'v8.run', 'RunMicrotasks', 'v8.produceModuleCache', 'v8.produceCache', 'v8.deserializeModuleCache', 'v8.deserializeCodeCache'].includes(e.name) && e.dur > 1000 || /compile|Cache/.test(e.name));
    for (const e of named.slice(0, 80)) {
      const d = e.args?.data ?? e.args ?? {};
      const u = String(d.url ?? d.fileName ?? '').replace(origin, '');
      const cache = Object.entries(d).filter(([k]) => /cache|eligible|streamed/i.test(k)).map(([k, v]) => `${k}=${v}`).join(' ');
      console.log(`   main ${rel(e.ts).padStart(6)} +${(e.dur / 1000).toFixed(1).padStart(5)} ${e.name} ${u} ${d.functionName ?? ''} ${cache}`);
    }
    const sw = events.filter((e) => (threadName.get(`${e.pid}:${e.tid}`) ?? '').includes('ServiceWorker') && e.ph === 'X' && e.ts >= start.ts - 200_000 && e.ts < end && e.dur > 1500);
    for (const e of sw.slice(0, 20)) console.log(`   sw   ${rel(e.ts).padStart(6)} +${(e.dur / 1000).toFixed(1).padStart(5)} ${e.name} ${String(e.args?.data?.url ?? '').replace(origin, '')}`);
    // CPU by script file and by function on the main thread, from nav start to the cards (+ 500 ms slack).
    const until = start.ts + (open.cards ?? 2_000) * 1000;
    const mine = samples.filter((s) => s.key.startsWith(mainKey + ':') && s.ts >= start.ts && s.ts < until);
    const byFile = new Map<string, number>();
    const byFn = new Map<string, number>();
    for (let k = 0; k < mine.length - 1; k++) {
      const d = Math.min(mine[k + 1].ts - mine[k].ts, 2000);
      const n = nodes.get(mine[k].key)?.get(mine[k].node);
      const f = n?.callFrame ?? {};
      const file = String(f.url ?? '').replace(origin, '') || `(${f.functionName})`;
      byFile.set(file, (byFile.get(file) ?? 0) + d);
      const fn = `${f.functionName || '(anon)'} ${file}:${f.lineNumber}`;
      byFn.set(fn, (byFn.get(fn) ?? 0) + d);
    }
    const top = (m: Map<string, number>, n: number) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, v]) => `      ${(v / 1000).toFixed(1).padStart(6)} ${k}`).join('\n');
    console.log(`   main-thread CPU self time by file (first 2 s):\n${top(byFile, 15)}\n   by function:\n${top(byFn, 20)}`);
  });
}

declare global {
  interface Window {
    __marks?: [string, number][];
  }
}

/** In the page, before anything else: notes when IndexedDB is opened and read, what is painted, and when cards appear. */
function markTimeline() {
  const marks: [string, number][] = (window.__marks = []);
  const mark = (name: string) => marks.push([name, performance.now()]);
  const open = IDBFactory.prototype.open;
  IDBFactory.prototype.open = function (this: IDBFactory, ...args: Parameters<IDBFactory['open']>) {
    mark(`indexedDB.open(${args[0]})`);
    const request = open.apply(this, args);
    request.addEventListener('success', () => mark('  database open'));
    return request;
  } as IDBFactory['open'];
  const transaction = IDBDatabase.prototype.transaction;
  let transactions = 0;
  IDBDatabase.prototype.transaction = function (this: IDBDatabase, ...args: Parameters<IDBDatabase['transaction']>) {
    const n = ++transactions;
    if (n <= 12) mark(`  transaction ${n} [${[args[0]].flat().join(',')}]`);
    const tx = transaction.apply(this, args);
    if (n <= 12) tx.addEventListener('complete', () => mark(`  transaction ${n} done`));
    return tx;
  } as IDBDatabase['transaction'];
  let seen = 0;
  let body = false;
  new MutationObserver(() => {
    if (!body && document.querySelector('header, [data-testid="feed"]')) {
      body = true;
      mark('first app DOM (header or feed list)');
    }
    const cards = document.querySelectorAll('[data-testid="feed"] li').length;
    if (cards > seen) {
      mark(`${cards} cards in the DOM`);
      seen = cards;
    }
  }).observe(document, { childList: true, subtree: true });
  new PerformanceObserver((list) => list.getEntries().forEach((e) => marks.push([`${e.entryType} ${e.name} ${e.duration ? `(${e.duration.toFixed(0)} ms)` : ''}`, e.startTime]))).observe({ entryTypes: ['paint', 'longtask'] });
  addEventListener('DOMContentLoaded', () => mark('DOMContentLoaded'));
}
