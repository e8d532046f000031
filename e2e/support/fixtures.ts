// Test fixtures: every test gets its own server (fresh SQLite file) and browser context.
import { test as base, expect, type Page } from '@playwright/test';
import { startServer, type DongneServer } from './server.js';

export const test = base.extend<{ server: DongneServer }>({
  server: async ({}, use) => {
    const server = await startServer();
    await use(server);
    await server.stop();
  },
  baseURL: async ({ server }, use) => use(server.url),
});
export { expect };

/** Opens the app and waits until the service worker controls it and the first sync has landed. */
export async function openApp(page: Page, path = '/') {
  await page.goto(path);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 20_000 });
  await expect(page.getByTestId('listing-card').first()).toBeVisible();
}

/** Counts rows of a replica table straight from IndexedDB, as the app stores them; 0 before the app made it. */
export function countLocal(page: Page, table: 'listings' | 'drafts' | 'outbox' | 'photos'): Promise<number> {
  return page.evaluate(
    (name) =>
      new Promise<number>((resolve) => {
        const open = indexedDB.open('dongne');
        // Never create the database ourselves: that would race the app's own schema upgrade.
        open.onupgradeneeded = () => open.transaction?.abort();
        open.onerror = () => resolve(0);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains(name)) {
            db.close();
            return resolve(0);
          }
          const request = db.transaction(name).objectStore(name).count();
          request.onsuccess = () => {
            db.close();
            resolve(request.result);
          };
          request.onerror = () => {
            db.close();
            resolve(0);
          };
        };
      }),
    table,
  );
}

/** Publishes the open draft and waits until My listings shows it (and `count` listings in all). */
export async function publish(page: Page, count = 1) {
  await page.getByRole('button', { name: 'Publish' }).click();
  await expect(page).toHaveURL(/\/me$/);
  const mine = page.getByTestId('my-listings').getByTestId('listing-card');
  await expect(mine).toHaveCount(count);
  return mine;
}

/** Waits until nothing in My listings is marked as waiting to sync. */
export async function expectAllSynced(page: Page, timeout = 10_000) {
  await expect(page.getByTestId('my-listings').getByTestId('listing-card').first()).toBeVisible();
  await expect(page.getByTestId('my-listings').getByTestId('waiting-to-sync')).toHaveCount(0, { timeout });
  await expect.poll(() => countLocal(page, 'outbox'), { timeout }).toBe(0);
}

let accounts = 0;

/** Signs up a new account through the Account screen; returns its nickname. */
export async function signUp(page: Page, nickname = `neighbour${process.pid}x${++accounts}`, password = 'correct horse battery') {
  await expect(page.getByTestId('account-link')).toContainText('Sign in');
  await page.getByTestId('account-link').click();
  await page.getByRole('tab', { name: 'New here' }).click();
  await page.fill('input[name=nickname]', nickname);
  await page.fill('input[name=password]', password);
  await page.getByRole('button', { name: 'Create account', exact: true }).click();
  await expect(page).toHaveURL(/\/me$/);
  await expect(page.getByTestId('account-link')).toContainText(nickname);
  return nickname;
}

/** Signs out through the Account screen, accepting the warning, and waits until it is done. */
export async function signOut(page: Page) {
  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByTestId('account-link').click();
  await page.getByTestId('sign-out').click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByTestId('account-link')).toContainText('Sign in');
}

/** Signs in through the Account screen. */
export async function signIn(page: Page, nickname: string, password = 'correct horse battery') {
  await expect(page.getByTestId('account-link')).toContainText('Sign in');
  await page.getByTestId('account-link').click();
  await page.getByRole('tab', { name: 'I have an account' }).click();
  await page.fill('input[name=nickname]', nickname);
  await page.fill('input[name=password]', password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page).toHaveURL(/\/me$/);
}

/** Chooses a neighbourhood by searching its name on the My neighbourhood screen. */
export async function chooseNeighbourhood(page: Page, search: string, name: string) {
  await page.getByRole('link', { name: 'Neighbourhood', exact: true }).click();
  await page.getByRole('searchbox', { name: 'Search neighbourhoods' }).fill(search);
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await page.getByTestId('search-results').getByRole('listitem').filter({ hasText: name }).getByRole('button', { name: 'Choose' }).click();
  await expect(page.getByTestId('held-neighbourhoods')).toContainText(name);
}

/** Every live listing on the server, read through the public pull endpoint. */
export async function serverListings(server: DongneServer) {
  const titles: { id: string; title: string; sellerId: string }[] = [];
  let cursor = 0;
  for (;;) {
    const response = await fetch(`${server.url}/api/sync/pull?cursor=${cursor}&limit=1000`);
    const page = (await response.json()) as {
      changes: { op: string; row?: { id: string; title: string; sellerId: string }; id?: string }[];
      cursor: number;
      hasMore: boolean;
    };
    for (const change of page.changes) {
      const index = titles.findIndex((t) => t.id === (change.row?.id ?? change.id));
      if (index >= 0) titles.splice(index, 1);
      if (change.op === 'upsert' && change.row) titles.push(change.row);
    }
    cursor = page.cursor;
    if (!page.hasMore) return titles;
  }
}

export async function writeDraft(page: Page, fields: { title: string; price?: string; category: string; description?: string }) {
  await page.getByRole('link', { name: 'Sell', exact: true }).click();
  await expect(page.locator('input[name=title]')).toBeVisible();
  await page.fill('input[name=title]', fields.title);
  await page.selectOption('select[name=category]', fields.category);
  if (fields.price !== undefined) await page.fill('input[name=price]', fields.price);
  await page.fill('textarea[name=description]', fields.description ?? '');
  await expect(page.getByTestId('save-state')).toHaveText('Draft saved on this device');
}
