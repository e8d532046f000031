// The Chats tab opening offline in Chromium with 200 conversations and 10,000 messages cached in
// IndexedDB: from navigation to every conversation row in the DOM, with no server at all (the
// shell from the service worker, the rows from IndexedDB); and, as a floor measured in the same
// run, the same navigation to the Chats tab with no conversations cached.
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { conversationId, type ChatMessage, type Conversation } from '@dongne/shared';
import { startServer } from '../e2e/support/server.js';
import { CHROMIUM_LAUNCH } from '../e2e/support/chromium.js';
import { skipFirstRun } from '../e2e/support/first-run.js';
import { percentile, seededRandom } from './bench-listings.js';

const CONVERSATIONS = 200;
const MESSAGES = 10_000;
const WARM_OPENS = 10;
const COLD_OPENS = 3;
const AIM_MS = 300;
const LAUNCH = { ...CHROMIUM_LAUNCH, viewport: { width: 390, height: 844 }, serviceWorkers: 'allow' as const };

declare global {
  interface Window {
    /** performance.now() when the chat list first held `rows` rows (or its empty state). */
    __chatRows?: number;
  }
}

/** Runs before the app on every navigation: notes when the Chats tab shows all it should. */
function watchList(rows: number) {
  const observer = new MutationObserver(() => {
    const shown = document.querySelectorAll('[data-testid="chat-row"]').length;
    const done = rows === 0 ? document.querySelector('[data-testid="chats-empty"]') !== null : shown >= rows;
    if (window.__chatRows !== undefined || !done) return;
    window.__chatRows = performance.now();
    observer.disconnect();
  });
  observer.observe(document, { childList: true, subtree: true });
}

/** Conversations between `me` and 200 neighbours, each with its share of the 10,000 messages. */
function syntheticChats(me: string, now: number) {
  const random = seededRandom(11);
  const conversations: Conversation[] = [];
  const messages: ChatMessage[] = [];
  for (let c = 0; c < CONVERSATIONS; c++) {
    const listingId = crypto.randomUUID();
    const other = `neighbour-${c}`;
    const meBuying = c % 2 === 0;
    const buyerId = meBuying ? me : other;
    const sellerId = meBuying ? other : me;
    const id = conversationId(listingId, buyerId);
    const count = MESSAGES / CONVERSATIONS;
    const startedAt = now - (CONVERSATIONS - c) * 3_600_000;
    for (let n = 1; n <= count; n++) {
      messages.push({
        id: crypto.randomUUID(),
        conversationId: id,
        listingId,
        buyerId,
        senderId: random() < 0.5 ? me : other,
        kind: 'text',
        text: `메시지 ${n}: 안녕하세요, 아직 판매하시나요? Still available?`,
        priceKrw: null,
        appointment: null,
        refId: null,
        n,
        createdAt: startedAt + n * 60_000,
      });
    }
    const last = messages[messages.length - 1];
    const person = (pid: string, nickname: string) => ({ id: pid, nickname, mannerTemperature: 36.5 + Math.round(random() * 100) / 10 });
    conversations.push({
      id,
      listingId,
      buyerId,
      sellerId,
      buyer: meBuying ? person(me, 'Bench') : person(other, `이웃${c}`),
      seller: meBuying ? person(other, `이웃${c}`) : person(me, 'Bench'),
      listing: { title: `벤치 물건 Bench item ${c}`, priceKrw: 1000 * (c + 1), status: 'selling', acceptsOffers: true, thumb: null, deleted: false },
      lastMessage: { senderId: last.senderId, kind: 'text', text: last.text, priceKrw: null, at: last.createdAt },
      lastN: count,
      buyerReadN: count - (c % 3),
      sellerReadN: count - (c % 4),
      buyerUnread: c % 3,
      sellerUnread: c % 4,
      offer: null,
      appointment: null,
      trade: null,
      buyerReviewed: false,
      sellerReviewed: false,
      createdAt: startedAt,
      updatedAt: last.createdAt,
    });
  }
  return { conversations, messages };
}

/** In the page: one transaction into the app's own tables. */
function writeChats({ conversations, messages }: { conversations: Conversation[]; messages: ChatMessage[] }): Promise<void> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('dongne');
    open.onsuccess = () => {
      const db = open.result;
      const tx = db.transaction(['conversations', 'messages'], 'readwrite');
      for (const c of conversations) tx.objectStore('conversations').put(c);
      for (const m of messages) tx.objectStore('messages').put(m);
      tx.oncomplete = () => (db.close(), resolve());
      tx.onerror = () => reject(tx.error);
    };
    open.onerror = () => reject(open.error);
  });
}

async function openChats(page: Page, url: string): Promise<number> {
  await page.goto(`${url}/chats`);
  await page.waitForFunction(() => window.__chatRows !== undefined, undefined, { timeout: 30_000 });
  return page.evaluate(() => window.__chatRows!);
}

/** Navigations and browser starts, offline, timed to the list complete. */
async function timeOpens(profile: string, url: string, rows: number) {
  let context: BrowserContext = await chromium.launchPersistentContext(profile, { ...LAUNCH, offline: true });
  await skipFirstRun(context);
  try {
    await context.addInitScript(watchList, rows);
    const page = context.pages()[0] ?? (await context.newPage());
    await openChats(page, url); // the browser's first navigation is a cold start, counted below
    const warm: number[] = [];
    for (let i = 0; i < WARM_OPENS; i++) warm.push(await openChats(page, url));
    await context.close();
    const cold: number[] = [];
    for (let i = 0; i < COLD_OPENS; i++) {
      context = await chromium.launchPersistentContext(profile, { ...LAUNCH, offline: true });
      await skipFirstRun(context);
      await context.addInitScript(watchList, rows);
      cold.push(await openChats(context.pages()[0] ?? (await context.newPage()), url));
      await context.close();
    }
    return { warm: warm.sort((a, b) => a - b), cold: cold.sort((a, b) => a - b) };
  } finally {
    await context.close().catch(() => undefined);
  }
}

export async function benchChatList(webDir?: string): Promise<string> {
  const profile = mkdtempSync(join(tmpdir(), 'dongne-bench-chats-'));
  const server = await startServer({ webDir });
  try {
    const context = await chromium.launchPersistentContext(profile, LAUNCH);
    await skipFirstRun(context);
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(server.url);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 });
    // Signed in for real: the session cookie from the server, the identity where the app keeps it.
    const account = await page.evaluate(async () => {
      const response = await fetch('/api/auth/signup', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ nickname: `bench${Date.now() % 100000}`, password: 'benchmark password' }),
      });
      return (await response.json()) as { actorId: string; nickname: string; joinedAt: number };
    });
    await page.evaluate(writeIdentity, account);
    await page.reload();
    await page.goto(`${server.url}/chats`);
    await page.getByTestId('chats-empty').waitFor({ timeout: 30_000 });
    await context.close();
    await server.stop();
    const empty = await timeOpens(profile, server.url, 0);

    await server.start();
    const filling = await chromium.launchPersistentContext(profile, LAUNCH);
    await skipFirstRun(filling);
    const fillPage = filling.pages()[0] ?? (await filling.newPage());
    await fillPage.goto(server.url);
    await fillPage.evaluate(writeChats, syntheticChats(account.actorId, Date.now()));
    await filling.close();
    await server.stop();
    const full = await timeOpens(profile, server.url, CONVERSATIONS);

    const ms = (n: number) => `${Math.round(n)} ms`;
    // Judged like the feed: the app open in a running browser. A browser's own start is shown beside
    // it; the empty list's floor says how much of either is the list.
    const worst = full.warm[full.warm.length - 1];
    const line = (label: string, t: { warm: number[]; cold: number[] }) =>
      `  ${label.padEnd(40)} navigations p50 ${ms(percentile(t.warm, 0.5))} worst ${ms(t.warm[t.warm.length - 1])}; browser starts p50 ${ms(percentile(t.cold, 0.5))} worst ${ms(t.cold[t.cold.length - 1])}`;
    return [
      `chat list offline in Chromium: navigation to every row in the DOM, no connection (${WARM_OPENS} navigations, ${COLD_OPENS} browser starts)`,
      line('no conversations cached (floor)', empty),
      `${line(`${CONVERSATIONS} conversations, ${MESSAGES.toLocaleString('en-US')} messages`, full)}  (aim: navigations < ${AIM_MS} ms)  ${worst < AIM_MS ? 'OK' : 'OVER'}`,
    ].join('\n');
  } finally {
    await server.dispose();
    rmSync(profile, { recursive: true, force: true });
  }
}

/** In the page: the signed-in identity, where the app's sign-in keeps it. */
function writeIdentity(account: { actorId: string; nickname: string; joinedAt: number }): Promise<void> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('dongne');
    open.onsuccess = () => {
      const db = open.result;
      const tx = db.transaction('meta', 'readwrite');
      tx.objectStore('meta').put({ key: 'actorId', value: account.actorId });
      tx.objectStore('meta').put({ key: 'nickname', value: account.nickname });
      tx.objectStore('meta').put({ key: 'joinedAt', value: account.joinedAt });
      tx.oncomplete = () => (db.close(), resolve());
      tx.onerror = () => reject(tx.error);
    };
    open.onerror = () => reject(open.error);
  });
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(await benchChatList()); // npx tsx scripts/bench-chat-list.ts
