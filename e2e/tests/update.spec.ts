import { cpSync, appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, expect, openApp } from '../support/fixtures.js';
import { BUILT_WEB, startServer } from '../support/server.js';

// This test deploys a new build into the directory the server serves, so it gets its own copy.
const test = base.extend({
  server: async ({}, use) => {
    const webDir = mkdtempSync(join(tmpdir(), 'dongne-web-'));
    cpSync(BUILT_WEB, webDir, { recursive: true });
    const server = await startServer({ webDir });
    await use(server);
    await server.dispose();
    rmSync(webDir, { recursive: true, force: true });
  },
});

test('when a new version is deployed, the open app offers to reload into it', async ({ page, server }) => {
  await openApp(page);
  await expect(page.getByTestId('update-banner')).toHaveCount(0);
  const firstWorker = await page.evaluate(async () => (await navigator.serviceWorker.ready).active?.scriptURL);

  // "Deploy": the new build's service worker differs byte-for-byte from the running one, and so do
  // the compressed copies the server sends.
  const worker = join(server.webDir, 'service-worker.js');
  appendFileSync(worker, `\n// deployed ${Date.now()}\n`);
  writeFileSync(`${worker}.br`, brotliCompressSync(readFileSync(worker)));
  writeFileSync(`${worker}.gz`, gzipSync(readFileSync(worker)));
  await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());

  const banner = page.getByTestId('update-banner');
  await expect(banner).toContainText('A new version of Dongne is available');
  await page.evaluate(() => ((window as unknown as Record<string, unknown>).__beforeUpdate = true));
  await Promise.all([page.waitForEvent('load'), banner.getByRole('button', { name: 'Reload' }).click()]);

  // The page reloaded (our marker is gone) under the new worker, with nothing left waiting.
  expect(await page.evaluate(() => (window as unknown as Record<string, unknown>).__beforeUpdate ?? false)).toBe(false);
  await expect(page.getByTestId('listing-card').first()).toBeVisible();
  const after = await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.getRegistration();
    return { waiting: registration?.waiting ?? null, active: registration?.active?.scriptURL };
  });
  expect(after.waiting).toBeNull();
  expect(after.active).toBe(firstWorker);
  await expect(page.getByTestId('update-banner')).toHaveCount(0);
});
