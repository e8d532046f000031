// Test fixtures: every test gets its own server (fresh SQLite file) and browser context, and the
// steps the journeys share. Each step waits for something the person would see (or for the state
// the app keeps on the device), never for a length of time.
import { test as base, expect, type BrowserContextOptions, type Page, type Route } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { startServer, type DongneServer } from './server.js';
import { skipFirstRun } from './first-run.js';
import { startJourneyPushEndpoint } from './push-endpoint.js';
import type { PushEndpoint } from '../../server/src/testing/push-endpoint.js';
import { POSTGRES_URL_ENV } from './global-setup.js';

export const test = base.extend<{
  /** The store the server runs on: its embedded SQLite file, or a database of its own on the run's PostgreSQL cluster. */
  engine: 'sqlite' | 'postgres';
  server: DongneServer;
  /** Another phone or laptop: a browser context of its own, closed when the test ends. */
  newDevice: (options?: BrowserContextOptions) => Promise<Page>;
  /** Whether the app still shows its first-run screen; journeys about other things start past it. */
  firstRun: boolean;
  /** A push service of the test's own (push-endpoint.ts), for the journeys about Web Push. */
  pushService: PushEndpoint;
}>({
  engine: ['sqlite', { option: true }],
  firstRun: [false, { option: true }],
  context: async ({ context, firstRun }, use) => {
    if (!firstRun) await skipFirstRun(context);
    await use(context);
  },
  server: async ({ engine }, use) => {
    const database = engine === 'postgres' ? await createDatabase() : undefined;
    const server = await startServer(database ? { env: { DONGNE_DATABASE_URL: database } } : {});
    await use(server);
    await server.dispose();
  },
  baseURL: async ({ server }, use) => use(server.url),
  pushService: async ({}, use) => {
    const endpoint = await startJourneyPushEndpoint();
    await use(endpoint);
    await endpoint.close();
  },
  // Depends on the server so its devices close (and stop syncing) before the server stops.
  newDevice: async ({ browser, firstRun, server: _server }, use) => {
    const contexts: Awaited<ReturnType<typeof browser.newContext>>[] = [];
    await use(async (options) => {
      const context = await browser.newContext(options);
      if (!firstRun) await skipFirstRun(context);
      contexts.push(context);
      return context.newPage();
    });
    await Promise.all(contexts.map((context) => context.close()));
  },
});
export { expect };

/** A new, empty database on the cluster the global setup started; the server migrates it. */
async function createDatabase(): Promise<string> {
  const clusterUrl = process.env[POSTGRES_URL_ENV];
  if (!clusterUrl) throw new Error(`${POSTGRES_URL_ENV} is not set: the postgres project needs e2e/support/global-setup.ts`);
  const name = `e2e_${randomUUID().replaceAll('-', '')}`;
  const client = new pg.Client({ connectionString: clusterUrl });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  return clusterUrl.replace(/\/postgres(\?|$)/, `/${name}$1`);
}

/**
 * How long the first visit may take to install the service worker. It precaches the whole app
 * shell, about two seconds here; on a 2-core machine busy with other work, many times that. The wait
 * is for the worker to control the page; this is only its bound.
 */
const FIRST_INSTALL_BOUND_MS = 60_000;

/**
 * How long to wait for the app to find a server that has come back. After a failed sync it tries
 * again with backoff, at most 30 s later (RETRY_MAX_MS in sync-scheduler.ts, which also syncs every
 * 30 s while the app is open); then the sync itself, on a busy machine.
 */
export const SERVER_BACK_BOUND_MS = 60_000;

/**
 * How often the waits below read the app's state again. A read of IndexedDB costs a few ms, and
 * expect.poll's own backoff (up to 1 s between reads) added up to a second to every wait on a sync.
 */
const DEVICE_POLL = { intervals: [100, 200] };

/** Opens the app and waits until the service worker controls it and the first sync has landed. */
export async function openApp(page: Page, path = '/') {
  await page.goto(path);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: FIRST_INSTALL_BOUND_MS });
  await expect(page.getByTestId('listing-card').first()).toBeVisible();
  // The whole first sync cycle, not only its first page: a click must not race the feed settling.
  await expect.poll(() => lastSyncedAt(page), DEVICE_POLL).toBeGreaterThan(0);
}

/**
 * Reads a replica table straight from IndexedDB, as the app stores it: its row count, or the value
 * of one `meta` row. Answers undefined if the app has not made the database or table yet.
 */
function readReplica(page: Page, table: string, request: 'count' | { get: string }): Promise<unknown> {
  return page.evaluate(
    ({ table, request }) =>
      new Promise<unknown>((resolve) => {
        const open = indexedDB.open('dongne');
        // Never create the database ourselves: that would race the app's own schema upgrade.
        open.onupgradeneeded = () => open.transaction?.abort();
        open.onerror = () => resolve(undefined);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains(table)) {
            db.close();
            return resolve(undefined);
          }
          const store = db.transaction(table).objectStore(table);
          const read = request === 'count' ? store.count() : store.get(request.get);
          read.onsuccess = () => {
            db.close();
            resolve(request === 'count' ? read.result : read.result?.value);
          };
          read.onerror = () => {
            db.close();
            resolve(undefined);
          };
        };
      }),
    { table, request },
  );
}

/** Counts rows of a replica table straight from IndexedDB, as the app stores them; 0 before the app made it. */
export async function countLocal(page: Page, table: 'listings' | 'drafts' | 'outbox' | 'photos'): Promise<number> {
  return ((await readReplica(page, table, 'count')) as number | undefined) ?? 0;
}

/** A value the app keeps in its `meta` table (the signed-in actorId, lastSyncedAt, …); undefined if unset. */
export async function readMeta<T = unknown>(page: Page, key: string): Promise<T | undefined> {
  return (await readReplica(page, 'meta', { get: key })) as T | undefined;
}

/** When the app last finished a sync cycle (its own clock, ms); 0 if it never has. */
export async function lastSyncedAt(page: Page): Promise<number> {
  return (await readMeta<number>(page, 'lastSyncedAt')) ?? 0;
}

/**
 * Waits until this device has sent everything it queued: the server has the change, so another
 * device's next pull gets it. (Every change the app shows is queued in the same transaction.)
 */
export async function expectAllSent(page: Page, options?: { timeout?: number }) {
  await expect.poll(() => countLocal(page, 'outbox'), { ...DEVICE_POLL, ...options }).toBe(0);
}

/**
 * Makes the app sync now, as it does when the person comes back to it (the page becomes visible),
 * and waits until that sync has finished. Holding the app's own sync lock while asking means the
 * sync waited for starts after this call, not one already under way.
 */
export async function syncNow(page: Page) {
  const asked = await page.evaluate(() =>
    navigator.locks.request('dongne-sync', () => {
      document.dispatchEvent(new Event('visibilitychange'));
      return Date.now();
    }),
  );
  await expect.poll(() => lastSyncedAt(page), DEVICE_POLL).toBeGreaterThan(asked);
}

/**
 * Reloads the page with the connection off, as someone reopening the app on the subway. Chromium
 * (150, driven by Playwright 1.65) gives the new document navigator.onLine === true although every
 * request still fails: the emulated connection state reaches only the documents that existed when
 * it was set. So the connection is switched on and off again for the new document, with every
 * request refused in between so nothing slips out, and the page knows it is offline before we go on.
 */
export async function reloadOffline(page: Page) {
  const context = page.context();
  await page.reload();
  const refuse = (route: Route) => route.abort('internetdisconnected');
  await context.route('**/*', refuse);
  await context.setOffline(false);
  await context.setOffline(true);
  await context.unroute('**/*', refuse);
  await expect.poll(() => page.evaluate(() => navigator.onLine)).toBe(false);
}

/** Publishes the open draft and waits until My listings shows it (and `count` listings in all). */
export async function publish(page: Page, count = 1) {
  await page.getByRole('button', { name: 'Publish' }).click();
  await expect(page).toHaveURL(/\/me$/);
  const mine = page.getByTestId('my-listings').getByTestId('listing-card');
  await expect(mine).toHaveCount(count);
  return mine;
}

/** Waits until nothing in My listings is marked as waiting to sync, and nothing is left to send. */
export async function expectAllSynced(page: Page, options?: { timeout?: number }) {
  await expect(page.getByTestId('my-listings').getByTestId('listing-card').first()).toBeVisible();
  await expect(page.getByTestId('my-listings').getByTestId('waiting-to-sync')).toHaveCount(0, options);
  await expectAllSent(page, options);
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
  await expect(page.getByTestId('account-link')).toContainText(nickname);
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
      changes: { op: string; entity: string; row?: { id: string; title: string; sellerId: string }; id?: string }[];
      cursor: number;
      hasMore: boolean;
    };
    // The pull carries the board's posts and comments beside the listings.
    for (const change of page.changes.filter((c) => c.entity === 'listing')) {
      const index = titles.findIndex((t) => t.id === (change.row?.id ?? change.id));
      if (index >= 0) titles.splice(index, 1);
      if (change.op === 'upsert' && change.row) titles.push(change.row);
    }
    cursor = page.cursor;
    if (!page.hasMore) return titles;
  }
}

/** Starts a listing from Sell and fills it in; waits until the editor says the draft is saved here. */
export async function writeDraft(page: Page, fields: { title: string; price?: string; category: string; description?: string }) {
  await page.getByRole('link', { name: 'Sell', exact: true }).click();
  await expect(page.locator('input[name=title]')).toBeVisible();
  await page.fill('input[name=title]', fields.title);
  await page.selectOption('select[name=category]', fields.category);
  if (fields.price !== undefined) await page.fill('input[name=price]', fields.price);
  await page.fill('textarea[name=description]', fields.description ?? '');
  await expect(page.getByTestId('save-state')).toHaveText('Draft saved on this device');
}
