// Diagnostic: a first visit to the feed on a simulated mid-range phone (4× CPU slowdown), traced;
// prints every main-thread task over 50 ms with what ran inside it. `npx tsx scripts/trace-first-visit.ts [rows]`
import { chromium } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import { startServer } from '../e2e/support/server.js';
import { CHROMIUM_LAUNCH } from '../e2e/support/chromium.js';
import { skipFirstRun } from '../e2e/support/first-run.js';
import { fillArea } from '../e2e/support/fill-area.js';
import { watchFeed } from '../e2e/support/main-thread.js';
import { FEED_PAGE } from '../web/src/lib/listings/feed-page-size.js';

const rows = Number(process.argv[2] ?? 500);
const server = await startServer();
try {
  await fillArea(server, rows);
  const browser = await chromium.launch(CHROMIUM_LAUNCH);
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  await skipFirstRun(context);
  // WARM_FONTS=1: the system fonts drawn once first, as the main-thread journey and bench do.
  if (process.env.WARM_FONTS) await context.addInitScript(watchFeed, FEED_PAGE);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'blink.user_timing', 'loading', 'disabled-by-default-v8.cpu_profiler'] });
  await page.goto(server.url);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 60_000 });
  await page.getByTestId('listing-card').first().waitFor();
  await page.waitForTimeout(6000);
  console.log('cards in the feed:', await page.getByTestId('listing-card').count(), 'first card height', await page.getByTestId('listing-card').first().evaluate((e) => e.getBoundingClientRect().height));
  const trace = JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: any[] };
  writeFileSync('/tmp/diag/trace.json', JSON.stringify(trace));
  const events = trace.traceEvents;
  // The page's renderer: the main thread that ran the most tasks.
  const mains = events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const tasksOf = (t: any) => events.filter((e) => e.pid === t.pid && e.tid === t.tid && e.name === 'RunTask').length;
  const main = mains.sort((a, b) => tasksOf(b) - tasksOf(a))[0];
  const onMain = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X');
  const t0 = Math.min(...onMain.map((e) => e.ts));
  const marks = events.filter((e) => e.cat?.includes('user_timing') && String(e.name).startsWith('dongne:'));
  for (const mk of marks) console.log('mark', mk.name, ((mk.ts - t0) / 1000).toFixed(0));
  // CPU samples of the main thread, to say which functions a long task spent its time in.
  const nodes = new Map<number, any>();
  const samples: { ts: number; node: number }[] = [];
  const mainProfile = events.find((e) => e.name === 'Profile' && e.pid === main.pid && e.tid === main.tid);
  for (const chunk of events.filter((e) => e.name === 'ProfileChunk' && e.pid === main.pid && e.id === mainProfile?.id)) {
    const profile = chunk.args.data.cpuProfile ?? {};
    for (const node of profile.nodes ?? []) nodes.set(node.id, node);
    let ts = chunk.args.data.__ts ?? 0;
    const deltas: number[] = chunk.args.data.timeDeltas ?? [];
    (profile.samples ?? []).forEach((id: number, i: number) => samples.push({ ts: 0, node: id, delta: deltas[i] } as any));
  }
  const profileStart = mainProfile?.args?.data?.startTime;
  let clock = profileStart ?? 0;
  for (const s of samples as any[]) s.ts = clock += s.delta;
  const parentOf = new Map<number, number>();
  for (const node of nodes.values()) if (node.parent) parentOf.set(node.id, node.parent);
  const label = (id: number) => { const f = nodes.get(id)?.callFrame ?? {}; return `${f.functionName || '(anon)'} ${String(f.url ?? '').replace(server.url, '').replace('/_app/immutable/', '')}:${f.lineNumber ?? ''}:${f.columnNumber ?? ''}`; };
  for (const task of onMain.filter((e) => e.name === 'RunTask' && e.dur > 50_000)) {
    const self = new Map<string, number>();
    const total = new Map<string, number>();
    const within = (samples as any[]).filter((s) => s.ts >= task.ts && s.ts <= task.ts + task.dur);
    for (let i = 0; i < within.length; i++) {
      const d = (within[i + 1]?.ts ?? within[i].ts) - within[i].ts;
      self.set(label(within[i].node), (self.get(label(within[i].node)) ?? 0) + d);
      const seen = new Set<string>();
      for (let id: number | undefined = within[i].node; id; id = parentOf.get(id)) { const l = label(id); if (!seen.has(l)) { seen.add(l); total.set(l, (total.get(l) ?? 0) + d); } }
    }
    const top = (m: Map<string, number>, n: number) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, v]) => `      ${(v / 1000).toFixed(1).padStart(6)} ${k}`).join('\n');
    console.log(`\nTASK ${((task.ts - t0) / 1000).toFixed(0)} ms, ${(task.dur / 1000).toFixed(0)} ms, ${within.length} samples\n   self:\n${top(self, 12)}\n   total:\n${top(total, 25)}`);
  }
  for (const task of onMain.filter((e) => e.name === 'RunTask' && e.dur > 50_000)) {
    const inside = onMain.filter((e) => e !== task && e.ts >= task.ts && e.ts + e.dur <= task.ts + task.dur && e.dur > 3_000);
    console.log(`\nTASK at ${((task.ts - t0) / 1000).toFixed(0)} ms, ${(task.dur / 1000).toFixed(0)} ms`);
    for (const e of inside.slice(0, 25)) {
      const d = e.args?.data ?? {};
      console.log(`  ${(e.dur / 1000).toFixed(1).padStart(6)} ${e.name} ${d.url ? d.url.replace(server.url, '') : ''} ${d.functionName ?? ''} ${d.type ?? ''}`);
    }
  }
  await browser.close();
} finally {
  await server.dispose();
}
