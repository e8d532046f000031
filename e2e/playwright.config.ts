// Browser journeys against the real built PWA, the real server and Debian's Chromium.
import { availableParallelism } from 'node:os';
import { defineConfig } from '@playwright/test';
import { at } from './support/places.js';
import { CHROMIUM_LAUNCH } from './support/chromium.js';

export default defineConfig<{ engine: 'sqlite' | 'postgres' }>({
  testDir: './tests',
  // A data directory the servers start from (every dong imported once), and a PostgreSQL cluster
  // for the run when the postgres project runs.
  globalSetup: './support/global-setup.ts',
  // Bounds, not waits: every step waits for what the person would see and goes on the moment it
  // holds. They are generous because a 2-core machine busy with other work runs a step several times
  // slower than an idle one (a sign-up that takes half a second here has taken over 10 s there);
  // only a failing step ever runs into them.
  timeout: 180_000,
  expect: { timeout: 30_000 },
  fullyParallel: true,
  // Each worker drives a Chromium and a server of its own: two at a time is what 2 cores hold.
  workers: process.env.E2E_WORKERS ? Number(process.env.E2E_WORKERS) : Math.min(2, availableParallelism()),
  retries: 0,
  reporter: 'list',
  outputDir: './test-results',
  use: {
    browserName: 'chromium',
    viewport: { width: 390, height: 844 },
    // English unless a journey says otherwise (the Korean journeys use ko-KR).
    locale: 'en-US',
    serviceWorkers: 'allow',
    // Journeys stand in Sunae-dong, Bundang, with location access granted, unless a test says otherwise.
    geolocation: at('kr-bundang-sunae'),
    permissions: ['geolocation'],
    // A failed journey keeps its trace: every action, with the console and the network. Not the DOM
    // snapshots at each action: recording them cost about a tenth of the suite's CPU (a failure
    // still leaves the page's accessibility snapshot in error-context.md).
    trace: { mode: 'retain-on-failure', screenshots: false, snapshots: false, sources: false },
    launchOptions: CHROMIUM_LAUNCH,
  },
  projects: [
    // A chat that ends in a sale again, against a server on PostgreSQL: the whole stack on the store
    // contract's second engine. Every other journey would repeat what the server-pg unit tests
    // already prove on it, at the cost of a browser pair each. Listed first so it runs beside the
    // SQLite journeys: listed after them it ran last, alone, with the other worker idle.
    { name: 'postgres', grep: /@both-engines/, use: { engine: 'postgres' } },
    // Every journey against the embedded default, SQLite.
    { name: 'sqlite', testIgnore: /sync-main-thread\.spec\.ts$/, use: { engine: 'sqlite' } },
    // How long the page's main thread is held while it syncs, on a CPU slowed to a phone's: after
    // the others, so this run's own journeys are not competing for the cores it is timing (the
    // journey counts the main thread's own time, so other work on the machine is not counted either).
    // Its longest task sits near 50 ms on a mid-tier phone's CPU (BENCHMARKS.md: 28–59 ms over a dozen
    // runs on one machine; on a faster one, slowed 2–2.6×, 3 tries in 5 passed): two more tries
    // before it fails. What it guards against (a sync back on the main thread, a window of cards
    // drawn at once) takes 100 ms and more, every try.
    { name: 'main-thread', testMatch: /sync-main-thread\.spec\.ts$/, dependencies: ['sqlite', 'postgres'], retries: 2, use: { engine: 'sqlite' } },
  ],
});
