// Browser journeys against the real built PWA, the real server and Debian's Chromium.
import { defineConfig } from '@playwright/test';
import { at } from './support/places.js';
import { CHROMIUM_LAUNCH } from './support/chromium.js';

export default defineConfig({
  testDir: './tests',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: process.env.E2E_WORKERS ? Number(process.env.E2E_WORKERS) : 2,
  retries: 0,
  reporter: process.env.CI ? [['list']] : [['list']],
  outputDir: './test-results',
  use: {
    browserName: 'chromium',
    viewport: { width: 390, height: 844 },
    serviceWorkers: 'allow',
    // Journeys stand in Sunae-dong, Bundang, with location access granted, unless a test says otherwise.
    geolocation: at('kr-bundang-sunae'),
    permissions: ['geolocation'],
    trace: 'retain-on-failure',
    launchOptions: CHROMIUM_LAUNCH,
  },
});
