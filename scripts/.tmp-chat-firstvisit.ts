// throwaway (chat helper): first-visit JS by file, and whether chat/error messages load on it
import { chromium } from '@playwright/test';
import { gzipSync } from 'node:zlib';
import { CHROMIUM_LAUNCH } from '../e2e/support/chromium.js';
import { startServer } from '../e2e/support/server.js';
const server = await startServer();
const browser = await chromium.launch(CHROMIUM_LAUNCH);
for (const locale of ['en-US', 'ko-KR']) {
  const context = await browser.newContext({ locale, serviceWorkers: 'block' });
  await context.addInitScript(() => localStorage.setItem('dongne.firstRunDone', '1'));
  const page = await context.newPage();
  const bodies: Promise<{ url: string; gz: number; text: string }>[] = [];
  page.on('response', (r) => { if (r.request().resourceType() === 'script') bodies.push(r.body().then((b) => ({ url: r.url(), gz: gzipSync(b).length, text: b.toString() }))); });
  await page.goto(server.url);
  await page.getByTestId('listing-card').first().waitFor();
  await page.waitForLoadState('networkidle');
  const loaded = await Promise.all(bodies);
  const total = loaded.reduce((n, l) => n + l.gz, 0);
  console.log(locale, 'JS gz', (total / 1024).toFixed(1), 'KB in', loaded.length);
  for (const l of loaded) {
    const marks = ['chat_in_minutes', 'Trade appointment', '거래 약속이 있어요', 'one of you has blocked', 'Blocking didn', 'accepted the offer', '가격 제안을 수락'].filter((m) => l.text.includes(m));
    if (marks.length) console.log('  ', l.url.split('/').pop(), (l.gz / 1024).toFixed(1), marks.join(' | '));
  }
  await context.close();
}
await browser.close();
await server.dispose();
