// Vitest for the whole repository: unit tests live beside the code in each workspace.
// (The PWA's own Vite build config is web/vite.config.ts.)
import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import { paraglideOptions } from './web/paraglide-options.js';

export default defineConfig({
  test: {
    // One file per core, not vitest's default of one fewer: most files wait on SQLite, PostgreSQL or
    // HTTP rather than compute, and on 2 cores one worker ran them all in a row (5 min instead of 2.5).
    maxWorkers: availableParallelism(),
    projects: [
      // Checks over the whole repository (the import graph).
      { test: { name: 'repo', include: ['scripts/**/*.test.ts'], environment: 'node' } },
      { test: { name: 'shared', include: ['shared/src/**/*.test.ts'], environment: 'node' } },
      { test: { name: 'server', include: ['server/src/**/*.test.ts'], environment: 'node', testTimeout: 30_000 } },
      {
        // The same server tests on PostgreSQL (a cluster of its own for the run), but for those about
        // the SQLite engine and the SQLite-file server process.
        test: {
          name: 'server-pg',
          include: ['server/src/**/*.test.ts'],
          exclude: ['server/src/store/sqlite/**', 'server/src/main.test.ts', 'server/src/import-neighbourhoods.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 30_000,
          env: { DONGNE_TEST_ENGINE: 'postgres' },
          globalSetup: ['server/src/testing/postgres-setup.ts'],
        },
      },
      {
        // Compiles runes in .svelte.ts modules (the draft editor's state), so they are tested here too.
        // …and compiles the messages (web/messages) the web code imports, as the app's build does.
        plugins: [svelte(), paraglideVitePlugin(paraglideOptions(`${import.meta.dirname}/web`))],
        test: {
          name: 'web',
          include: ['web/src/**/*.test.ts'],
          environment: 'node',
          // Real IndexedDB semantics in Node for the Dexie code; browsers run the e2e suite.
          setupFiles: ['fake-indexeddb/auto'],
        },
      },
    ],
  },
});
