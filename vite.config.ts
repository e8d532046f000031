// Vitest for the whole repository: unit tests live beside the code in each workspace.
// (The PWA's own Vite build config is web/vite.config.ts.)
import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import { paraglideOptions } from './web/paraglide-options.js';
import { syncWorkerEntry } from './web/build-plugins/sync-worker-entry.js';
import { ENGINE_FREE, MOCKING } from './server/src/testing/test-projects.js';

/**
 * The server's tests on one engine. Test files share the modules their worker loaded (the app, the
 * stores, zod's schemas): importing them afresh for each file cost about a second a file, a third
 * of the server's test time. The few files that mock a module run apart, each with its own.
 */
function serverProjects(engine: 'sqlite' | 'postgres') {
  const name = engine === 'sqlite' ? 'server' : 'server-pg';
  const onEngine = {
    environment: 'node' as const,
    testTimeout: 30_000,
    // What a test file opened is closed when it ends.
    setupFiles: ['server/src/testing/after-each-file.ts'],
    // On PostgreSQL, a cluster of its own for the run; the tests about the SQLite engine, the
    // SQLite-file server process and nothing stored run once, on SQLite.
    ...(engine === 'postgres'
      ? {
          hookTimeout: 30_000,
          env: { DONGNE_TEST_ENGINE: 'postgres' },
          globalSetup: ['server/src/testing/postgres-setup.ts'],
          exclude: ['server/src/store/sqlite/**', 'server/src/main.test.ts', 'server/src/import-neighbourhoods.test.ts', ...ENGINE_FREE],
        }
      : {}),
  };
  return [
    { test: { ...onEngine, name, include: ['server/src/**/*.test.ts'], exclude: [...(onEngine.exclude ?? []), ...MOCKING], isolate: false } },
    { test: { ...onEngine, name: `${name}-mocking`, include: MOCKING } },
  ];
}

export default defineConfig({
  test: {
    // One file per core, not vitest's default of one fewer: most files wait on SQLite, PostgreSQL or
    // HTTP rather than compute, and on 2 cores one worker ran them all in a row (5 min instead of 2.5).
    maxWorkers: availableParallelism(),
    projects: [
      // Checks over the whole repository (the import graph).
      { test: { name: 'repo', include: ['scripts/**/*.test.ts'], environment: 'node' } },
      { test: { name: 'shared', include: ['shared/src/**/*.test.ts'], environment: 'node' } },
      ...serverProjects('sqlite'),
      ...serverProjects('postgres'),
      {
        // Compiles runes in .svelte.ts modules (the draft editor's state), so they are tested here too.
        // …and compiles the messages (web/messages) the web code imports, as the app's build does, and
        // names the sync worker's script as the dev server does.
        plugins: [svelte(), paraglideVitePlugin(paraglideOptions(`${import.meta.dirname}/web`)), syncWorkerEntry()],
        test: {
          name: 'web',
          include: ['web/src/**/*.test.ts', 'web/build-plugins/**/*.test.ts'],
          environment: 'node',
          // Real IndexedDB semantics in Node for the Dexie code; browsers run the e2e suite.
          setupFiles: ['fake-indexeddb/auto'],
        },
      },
    ],
  },
});
