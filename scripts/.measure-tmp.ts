import { chromium } from '@playwright/test';
import { gzipSync } from 'node:zlib';
import { CHROMIUM_LAUNCH } from '../e2e/support/chromium.js';
const url = process.argv[2];
const browser = await chromium.launch(CHROMIUM_LAUNCH);
for (const firstRun of [false, true]) {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  if (!firstRun) await context.addInitScript(() => localStorage.setItem('dongne.firstRunDone', '1'));
  const page = await context.newPage();
  const bodies: Promise<{ url: string; type: string; gz: number }>[] = [];
  page.on('response', (r) => { const type = r.request().resourceType(); if (type === 'script' || type === 'stylesheet') bodies.push(r.body().then((b) => ({ url: r.url(), type, gz: gzipSync(b).length }))); });
  await page.goto(url);
  if (firstRun) await page.waitForFunction(() => location.pathname === '/welcome'); else await page.getByTestId('listing-card').first().waitFor();
  await page.waitForLoadState('networkidle');
  await new Promise((r) => setTimeout(r, 1500));
  const all = await Promise.all(bodies);
  const js = all.filter((b) => b.type === 'script').reduce((s, b) => s + b.gz, 0);
  const css = all.filter((b) => b.type === 'stylesheet').reduce((s, b) => s + b.gz, 0);
  console.log(firstRun ? 'new visitor (/welcome)' : 'feed', `JS ${(js / 1024).toFixed(1)} KB CSS ${(css / 1024).toFixed(1)} KB files ${all.length}`);
  if (process.argv[3]) for (const b of all.sort((a, b) => b.gz - a.gz)) console.log('  ', (b.gz / 1024).toFixed(1), b.url.replace(url, ''));
  await context.close();
}
await browser.close();
