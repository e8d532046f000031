// Which server test files run where (vite.config.ts), kept apart from the config so that a check
// (scripts/test-projects.test.ts) can hold the lists to what the files do.

/**
 * Server test files that open no store (pure functions, settings, the live hub): run once, on SQLite.
 * One that comes to open a store belongs in the list no more.
 */
export const ENGINE_FREE = [
  'server/src/blobs/s3-settings.test.ts',
  'server/src/live/live-hub.test.ts',
  'server/src/middleware/gzip-json.test.ts',
  'server/src/push/quiet-hours.test.ts',
  'server/src/settings.test.ts',
  ...['board-notices', 'client-address', 'demo-photos', 'error-codes', 'image-bytes', 'json-error-position', 'korea-dongs', 'manner-temperature', 'password'].map(
    (name) => `server/src/services/${name}.test.ts`,
  ),
];

/** Server test files that replace a module with vi.mock: they need modules of their own. */
export const MOCKING = ['server/src/routes/auth-routes.test.ts'];
