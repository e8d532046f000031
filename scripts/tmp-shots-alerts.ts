import { chromium, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { CHROMIUM_LAUNCH } from '../e2e/support/chromium.js';
import { skipFirstRun } from '../e2e/support/first-run.js';
import { at } from '../e2e/support/places.js';
import { startServer } from '../e2e/support/server.js';

mkdirSync('.screenshots', { recursive: true });
const server = await startServer();
const browser = await chromium.launch(CHROMIUM_LAUNCH);
const sunae = at('kr-bundang-sunae');
let n = 0;
try {
  for (const [size, viewport] of [['phone', { width: 390, height: 844 }], ['desktop', { width: 1280, height: 800 }]] as const) {
    const context = await browser.newContext({ viewport, locale: 'en-US', geolocation: sunae, permissions: ['geolocation'] });
    await skipFirstRun(context);
    const page: Page = await context.newPage();
    await page.goto(server.url);
    await page.getByTestId('listing-card').first().waitFor();
    await page.getByTestId('account-link').click();
    await page.getByRole('tab', { name: 'New here' }).click();
    await page.fill('input[name=nickname]', `shot${size}${Date.now() % 10000}`);
    await page.fill('input[name=password]', 'correct horse battery');
    await page.getByRole('button', { name: 'Create account', exact: true }).click();
    await page.waitForURL(/\/me$/);
    await page.getByRole('link', { name: 'Neighbourhood', exact: true }).click();
    await page.getByRole('searchbox', { name: 'Search neighbourhoods' }).fill('Sunae');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.getByTestId('search-results').getByRole('listitem').filter({ hasText: 'Sunae-dong' }).getByRole('button', { name: 'Choose' }).click();
    await page.getByTestId('held-neighbourhoods').waitFor();
    await page.goto(`${server.url}/notifications/keywords`);
    for (const k of ['자전거', 'Brompton', '아기 의자', 'lego']) {
      await page.getByRole('textbox', { name: 'Keyword' }).fill(k);
      await page.getByRole('button', { name: 'Add', exact: true }).click();
    }
    await page.getByTestId('keyword').filter({ hasText: 'lego' }).waitFor();
    for (let i = 0; i < 200; i++) {
      const left = await page.evaluate(() => new Promise<number>((resolve) => { const o = indexedDB.open('dongne'); o.onsuccess = () => { const r = o.result.transaction('outbox').objectStore('outbox').count(); r.onsuccess = () => resolve(r.result); }; }));
      if (left === 0) break;
      await page.waitForTimeout(200);
    }
    // A seller nearby lists three matches.
    console.log('outbox before push', await page.evaluate(() => new Promise((resolve) => { const o = indexedDB.open('dongne'); o.onsuccess = () => { const r = o.result.transaction('outbox').objectStore('outbox').getAll(); r.onsuccess = () => resolve(JSON.stringify(r.result.map((e: { name: string; args: unknown; wire?: unknown }) => [e.name, e.args, e.wire]))); }; })));
    const signup = await fetch(`${server.url}/api/auth/signup`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ nickname: `seller${size}${Date.now() % 10000}`, password: 'correct horse battery' }) });
    const cookie = signup.headers.get('set-cookie')!.split(';')[0];
    const titles = ['접이식 자전거 Folding bike', 'Brompton M6L, 2019', '원목 아기 의자 (유아용)'];
    const mutations = titles.map((title, i) => ({
      mutationId: randomUUID(), seq: i + 1, name: 'listing.create', createdAt: Date.now(),
      args: { id: randomUUID(), title, description: '', priceKrw: 30000, category: 'sports', neighbourhoodId: 'kr-bundang-sunae', acceptsOffers: false, meetingSpot: '', photos: [] },
      fix: { lat: sunae.latitude, lng: sunae.longitude, accuracy: 20, takenAt: Date.now() },
    }));
    const res = await fetch(`${server.url}/api/sync/push`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify({ clientId: randomUUID(), mutations }) });
    console.log(res.status, (await res.text()).slice(0, 100));
    const buyerCookie = (await context.cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
    const pulled = await (await fetch(`${server.url}/api/sync/pull?limit=1000`, { headers: { cookie: buyerCookie } })).json();
    console.log('keywords', pulled.keywords, 'notifications', pulled.changes.filter((c: { entity: string }) => c.entity === 'notification').length);
    await page.getByTestId('bell-unread').waitFor();
    console.log('device', await page.evaluate(() => new Promise((resolve) => { const o = indexedDB.open('dongne'); o.onsuccess = () => { const r = o.result.transaction('notifications').objectStore('notifications').getAll(); r.onsuccess = () => resolve(JSON.stringify(r.result.map((n: { keyword: string; title: string }) => [n.keyword, n.title]))); }; })));
    for (const locale of ['en', 'ko'] as const) {
      await page.evaluate((l) => localStorage.setItem('dongne.locale', l), locale);
      await page.goto(`${server.url}/notifications`);
      await page.getByTestId('notification').first().waitFor();
      await page.screenshot({ path: `.screenshots/inbox-${size}-${locale}.png` });
      await page.goto(`${server.url}/notifications/keywords`);
      await page.getByTestId('keyword').first().waitFor();
      await page.getByRole('textbox').fill('a');
      await page.locator('form button[type=submit]').click();
      await page.getByRole('alert').waitFor();
      await page.screenshot({ path: `.screenshots/keywords-${size}-${locale}.png` });
      n++;
    }
    await context.close();
  }
} finally {
  await browser.close();
  await server.stop();
}
console.log('shots', n);
