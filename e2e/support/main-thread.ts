// How long the page's main thread was held, as a phone would feel it. The Long Tasks API reports
// every task over 50 ms of wall time; on a 2-core machine busy with other work a 20 ms task can
// take 60 ms of wall time waiting for a core. A Chromium trace says how much of a task the main
// thread actually ran (its thread time), so a task counts as long only if it was both: reported
// by the Long Tasks API and over 50 ms of the main thread's own time.
import type { Browser, Page } from '@playwright/test';
import { pageFunctions } from 'lighthouse/core/lib/page-functions.js';

export const LONG_TASK_MS = 50;

/**
 * Lighthouse's BenchmarkIndex of a mid-tier phone (a Pixel 5), the score Chrome DevTools' CPU
 * calibration slows a computer down to.
 */
export const MID_TIER_PHONE_INDEX = 1000;

/**
 * Slows the page's CPU to a mid-tier phone's. A fixed rate is a different phone on every machine:
 * 3× was a Pixel 5 on an idle machine here (index ~3,000) and a phone half as fast on one whose other
 * core was busy, where the same drawing then ran over 50 ms. So the machine's speed is measured now,
 * in this page, with Lighthouse's own benchmark, and the rate is what brings it down to the phone's.
 */
export async function slowToMidTierPhone(page: Page): Promise<{ machineIndex: number; rate: number; slowedIndex: number }> {
  // The first run warms the JIT up and reads low; the median of the next three is the page's score.
  await page.evaluate(pageFunctions.computeBenchmarkIndex);
  const score = async () => {
    const runs: number[] = [];
    for (let i = 0; i < 3; i++) runs.push(await page.evaluate(pageFunctions.computeBenchmarkIndex));
    return runs.sort((a, b) => a - b)[1];
  };
  const machineIndex = await score();
  const cdp = await page.context().newCDPSession(page);
  let rate = Math.max(1, machineIndex / MID_TIER_PHONE_INDEX);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  // Throttling is not exactly linear (DevTools' calibration searches for its rate): at the first
  // guess the page scored 700–950 here, a slower phone than meant. One step back towards 1,000.
  const firstGuess = await score();
  rate = Math.max(1, (rate * firstGuess) / MID_TIER_PHONE_INDEX);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  const slowedIndex = await page.evaluate(pageFunctions.computeBenchmarkIndex);
  return { machineIndex, rate, slowedIndex };
}

/** A task the Long Tasks API reported, in the page's clock (ms since its time origin). */
export interface ReportedTask {
  startTime: number;
  duration: number;
}

export interface HeldTask extends ReportedTask {
  /** The main thread's own time in it, from the trace (ms). */
  threadMs: number;
  /** For a task over the limit: the longest steps inside it (trace events, longest first), so a failure says what to look at. */
  inside?: string[];
}

declare global {
  interface Window {
    __longTasks?: ReportedTask[];
    /** When the feed first held the cards `watchFeed` waits for (page clock). */
    __drawnAt?: number;
  }
}

/** Runs before the app: keeps every long task the page reports. */
export function watchLongTasks(): void {
  const seen: ReportedTask[] = (window.__longTasks = []);
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) seen.push({ startTime: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
}

/**
 * Runs before the app: notes when the feed holds `cards` cards, and draws the system fonts once.
 * Debian's Chromium reads its CJK and colour emoji fonts (tens of megabytes) the first time a page
 * draws them, in the middle of a layout; a phone's system fonts are resident in every app. Drawn
 * before the sync, so what is measured is Dongne's work.
 */
export function watchFeed(cards: number): void {
  const observer = new MutationObserver(() => {
    if (document.querySelectorAll('[data-testid="feed"] li').length < cards) return;
    window.__drawnAt = performance.now();
    observer.disconnect();
  });
  observer.observe(document, { childList: true, subtree: true });
  document.addEventListener('DOMContentLoaded', () => {
    const fonts = document.createElement('div');
    fonts.setAttribute('aria-hidden', 'true');
    fonts.style.cssText = 'position: absolute; opacity: 0; pointer-events: none';
    fonts.innerHTML = '<span>동네 Aa 📱</span><b>동네 Aa</b>';
    document.body.append(fonts);
  });
}

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string; data?: { functionName?: string; url?: string; type?: string; lineNumber?: number; columnNumber?: number } };
}

/** How many of a held task's steps a failure names. */
const STEPS_NAMED = 8;
/** Steps shorter than this (µs) are not named. */
const STEP_MIN_US = 2_000;

/** Starts a trace of the page's tasks; `finish` gives what it found. */
export async function traceMainThread(browser: Browser, page: Page) {
  await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing'] });
  return {
    /**
     * The long tasks reported between `from` and `to` (page clock), each with its thread time.
     * `anchor`: a User Timing mark the page set, which puts the trace's clock on the page's.
     */
    async finish(anchor: string, from: number, to: number): Promise<{ reported: HeldTask[]; held: HeldTask[] }> {
      // Two frames on, so the observer has been told of every task that ended before.
      const { reported, anchorAt } = await page.evaluate(
        (mark) =>
          new Promise<{ reported: ReportedTask[]; anchorAt: number }>((resolve) =>
            requestAnimationFrame(() =>
              requestAnimationFrame(() => resolve({ reported: window.__longTasks ?? [], anchorAt: performance.getEntriesByName(mark)[0].startTime })),
            ),
          ),
        anchor,
      );
      const events = (JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: TraceEvent[] }).traceEvents;
      const mark = events.find((e) => e.name === anchor);
      if (!mark) throw new Error(`the trace has no ${anchor} mark`);
      // The page's main thread set the mark.
      const main = { pid: mark.pid, tid: mark.tid };
      // Trace time (µs) of a page time (ms).
      const toTrace = (ms: number) => mark.ts + (ms - anchorAt) * 1000;
      const tasks = events.filter((e) => e.name === 'RunTask' && e.ph === 'X' && e.pid === main.pid && e.tid === main.tid);
      const traced = (task: ReportedTask) => {
        const start = toTrace(task.startTime);
        const end = toTrace(task.startTime + task.duration);
        // The trace's task that overlaps the reported one most.
        const overlap = (e: TraceEvent) => Math.min(end, e.ts + (e.dur ?? 0)) - Math.max(start, e.ts);
        const match = tasks.filter((e) => overlap(e) > 0).sort((a, b) => overlap(b) - overlap(a))[0];
        if (!match) throw new Error(`the trace has no task at ${Math.round(task.startTime)} ms, where the page reported one`);
        return match;
      };
      const stepsIn = (task: TraceEvent) =>
        events
          .filter((e) => e !== task && e.ph === 'X' && e.pid === main.pid && e.tid === main.tid && e.ts >= task.ts && e.ts < task.ts + (task.dur ?? 0) && (e.dur ?? 0) >= STEP_MIN_US)
          .sort((a, b) => (b.dur ?? 0) - (a.dur ?? 0))
          .slice(0, STEPS_NAMED)
          .map((e) => {
            const data = e.args?.data;
            const where = data?.url ? `${data.url.replace(/^.*\/_app\//, '')}:${data.lineNumber ?? ''}:${data.columnNumber ?? ''}` : undefined;
            const what = [data?.type, data?.functionName, where].filter(Boolean).join(' ');
            return `${e.name}${what ? ` (${what})` : ''} ${((e.dur ?? 0) / 1000).toFixed(1)} ms`;
          });
      const inWindow: HeldTask[] = reported
        .filter((task) => task.startTime < to && task.startTime + task.duration > from)
        .map((task) => {
          const match = traced(task);
          const threadMs = Math.round((match.tdur ?? match.dur ?? 0) / 1000);
          const held = { startTime: Math.round(task.startTime), duration: Math.round(task.duration), threadMs };
          return threadMs > LONG_TASK_MS ? { ...held, inside: stepsIn(match) } : held;
        });
      return { reported: inWindow.map(({ inside: _, ...task }) => task), held: inWindow.filter((task) => task.threadMs > LONG_TASK_MS) };
    },
  };
}
