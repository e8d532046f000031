// Test harness for the server: a real store (SQLite in a temp file, or PostgreSQL — see
// test-store.ts), a fixed clock, the app built from them, and small helpers that speak the sync
// protocol through app.request(). Tests only.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import type { Agent } from 'node:https';
import webpush from 'web-push';
import { afterEach, beforeEach, expect } from 'vitest';
import type { Fix, ListingCreateArgs, Mutation, PullResponse, PushResponse, RangeLevel } from '@dongne/shared';
import { createApp, type AppConfig } from '../app.js';
import { prepareAccountChecks } from '../services/password-policy.js';
import type { BlobStore } from '../blobs/blob-store.js';
import { createLocalChangeBus, type ChangeBus } from '../live/change-bus.js';
import { createReminderSweeper, type ReminderSweeper } from '../reminders/reminder-sweeper.js';
import type { Clock } from '../services/clock.js';
import { createPushDispatcher, type PushDispatcher } from '../push/push-dispatcher.js';
import { createWebPushSender } from '../push/web-push-sender.js';
import { fixSource, HOME, type FixSource } from './fixes.js';
import { openTestStore, query, queryValue, tableNames, type TestStore } from './test-store.js';

/** scrypt's cheapest cost: tests sign up hundreds of accounts, and none of them guards a secret. */
export const TEST_PASSWORD_COST = 2;

/** The VAPID pair test servers sign pushes with, made once per test process. */
export const TEST_VAPID = { ...webpush.generateVAPIDKeys(), subject: 'mailto:push-tests@dongne.example' };

/** 2026-03-01T09:00:00Z: every test starts from the same instant. */
export const T0 = Date.UTC(2026, 2, 1, 9, 0, 0);

export interface FixedClock extends Clock {
  set(ms: number): void;
  advance(ms: number): void;
}

export function fixedClock(start = T0): FixedClock {
  let now = start;
  return {
    now: () => now,
    set: (ms) => void (now = ms),
    advance: (ms) => void (now += ms),
  };
}

export function tempDir(prefix = 'dongne-test-'): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface TestServer {
  app: ReturnType<typeof createApp>;
  store: TestStore;
  clock: FixedClock;
  /** The SQLite file, for tests that reopen it; undefined on PostgreSQL. */
  file?: string;
  /** The database's address on PostgreSQL, for tests that open a second pool on it (a second instance). */
  url?: string;
  /** Lines the app logged (unexpected errors land here, not on the test output). */
  logged: string[];
  /** Every wait the app asked for, in ms; the harness's sleep returns at once (no test waits). */
  slept: number[];
  /** Sends the Web Pushes the app queues when poked; never sweeps on its own (tests call poke()). */
  pushes: PushDispatcher;
  /** Makes the appointment reminders due at the clock's time when poked; never sweeps on its own. */
  reminders: ReminderSweeper;
  /** A fresh fix that passes at a demo neighbourhood's centre (HOME unless told), near the clock's now. */
  fixAt: FixSource;
  /** listing.create of listingArgs(overrides), with a passing fix taken in the listing's neighbourhood. */
  createListing(seq: number, overrides?: Partial<ListingCreateArgs>): Mutation;
  close(): Promise<void>;
}

/** The app over a fresh store holding the demo neighbourhoods (no listings); call close() in afterEach. */
export async function createTestServer(
  options: Pick<AppConfig, 'bodyMaxBytes' | 'dailyCaps' | 'pokeGapMs' | 'liveKeepaliveMs' | 'trustedProxies' | 'webDir' | 'passwordCost'> & {
    changes?: ChangeBus;
    /** Makes the blob store photo bytes go to, over the test's store; that store itself unless given. */
    blobs?: (store: TestStore) => BlobStore;
    /** How pushes reach push services: one that trusts a test's own endpoint (push-endpoint.ts). */
    pushAgent?: Agent;
  } = {},
): Promise<TestServer> {
  const { changes, blobs, pushAgent, ...config } = options;
  const { store, file, url, close } = await openTestStore();
  // Once per test process: the first sign-up must not block the event loop mid-test.
  await prepareAccountChecks();
  const clock = fixedClock();
  const logged: string[] = [];
  const slept: number[] = [];
  const log = (line: string) => logged.push(line);
  const pushes = createPushDispatcher({ store, clock, sender: createWebPushSender(TEST_VAPID, { agent: pushAgent }), log });
  const bus = changes ?? createLocalChangeBus();
  const reminders = createReminderSweeper({ store, clock, changes: bus, pushes, log });
  const app = createApp({
    store,
    clock,
    sleep: async (ms) => void slept.push(ms),
    changes: bus,
    blobs: blobs?.(store),
    pushDispatcher: pushes,
    config: { log, ...config, passwordCost: config.passwordCost ?? TEST_PASSWORD_COST },
  });
  const fix = fixSource(await store.neighbourhoods.all(), clock);
  return {
    app,
    store,
    clock,
    file,
    url,
    logged,
    slept,
    pushes,
    reminders,
    fixAt: fix,
    createListing(seq, overrides = {}) {
      const args = listingArgs(overrides);
      return mutation(seq, 'listing.create', args, { fix: fix(args.neighbourhoodId) });
    },
    async close() {
      // Reminders and pushes under way settle in the store before it closes.
      await reminders.stop();
      await pushes.stop();
      await close();
    },
  };
}

/**
 * A fresh test server for each test of the file, closed after it; each test also fails if the
 * server logged anything, so an unexpected 500 never passes unseen behind a 4xx assertion. `use`
 * receives each new one (the idiom of the web tests' useFreshDb).
 */
export function useTestServer(use: (server: TestServer) => void): void {
  let current: TestServer | undefined;
  beforeEach(async () => {
    current = await createTestServer();
    use(current);
  });
  afterEach(async () => {
    expect(current!.logged).toEqual([]);
    await current!.close();
  });
}

/** The app in-process, or a real server over HTTP (overHttp). */
type App = Requester;

/**
 * The bindings @hono/node-server gives a request that came from `address`, where getConnInfo reads
 * it: pass as app.request()'s third argument to send a request from that address.
 */
export function fromAddress(address: string) {
  return { incoming: { socket: { remoteAddress: address, remotePort: 50_000, remoteFamily: address.includes(':') ? 'IPv6' : 'IPv4' } } };
}

/** Anything that answers a request like `app.request()`: the app itself, or a real server over fetch. */
export interface Requester {
  request(path: string, init?: RequestInit): Response | Promise<Response>;
}

/** A spawned server spoken to over HTTP, in the shape the helpers here take. */
export const overHttp = (url: string): Requester => ({ request: (path, init) => fetch(`${url}${path}`, init) });

export interface SignedUp {
  /** The `dongne_session=…` pair to send back as the cookie header. */
  cookie: string;
  actorId: string;
  nickname: string;
  password: string;
  joinedAt: number;
}

let accountsMade = 0;

/** The session cookie pair a sign-up or sign-in set; throws if it set none. */
export function sessionCookieOf(response: Response): string {
  const setCookie = response.headers.get('set-cookie') ?? '';
  const pair = setCookie.split(';')[0];
  if (!pair.startsWith('dongne_session=')) throw new Error(`no session cookie in ${setCookie}`);
  return pair;
}

/**
 * Signs a new account up through POST /api/auth/signup (a fresh nickname unless given) and returns
 * its session cookie and who it is. Every test that needs someone signed in starts here.
 */
export async function newSession(app: Requester, credentials: { nickname?: string; password?: string } = {}): Promise<SignedUp> {
  const nickname = credentials.nickname ?? `neighbour${++accountsMade}`;
  const password = credentials.password ?? `correct horse ${nickname}`;
  const response = await app.request('/api/auth/signup', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ nickname, password }),
  });
  if (response.status !== 201) throw new Error(`signup: ${response.status} ${await response.text()}`);
  const body = (await response.json()) as { actorId: string; nickname: string; joinedAt: number };
  return { cookie: sessionCookieOf(response), password, ...body };
}

/** Signs an existing account in through POST /api/auth/signin and returns the new session cookie. */
export async function signIn(app: Requester, { nickname, password }: { nickname: string; password: string }): Promise<string> {
  const response = await app.request('/api/auth/signin', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ nickname, password }),
  });
  if (response.status !== 200) throw new Error(`signin: ${response.status} ${await response.text()}`);
  return sessionCookieOf(response);
}

export function pushRequest(app: App, cookie: string | undefined, body: unknown): Promise<Response> | Response {
  return app.request('/api/sync/push', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
    body: JSON.stringify(body),
  });
}

/** Pushes and insists on a 200; returns the parsed response. */
export async function push(app: App, cookie: string, clientId: string, mutations: Mutation[]): Promise<PushResponse> {
  const response = await pushRequest(app, cookie, { clientId, mutations });
  const text = await response.text();
  if (response.status !== 200) throw new Error(`push: ${response.status} ${text}`);
  return JSON.parse(text) as PushResponse;
}

export async function pull(
  app: App,
  cookie: string | undefined,
  query: { cursor?: number | string; limit?: number | string; clientId?: string; neighbourhood?: string; range?: RangeLevel | string } = {},
): Promise<PullResponse> {
  const response = await pullRequest(app, cookie, query);
  const text = await response.text();
  if (response.status !== 200) throw new Error(`pull: ${response.status} ${text}`);
  return JSON.parse(text) as PullResponse;
}

export function pullRequest(
  app: App,
  cookie: string | undefined,
  query: Record<string, string | number | undefined> = {},
): Promise<Response> | Response {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined) params.set(key, String(value));
  const qs = params.toString();
  return app.request(`/api/sync/pull${qs ? `?${qs}` : ''}`, { headers: cookie ? { cookie } : {} });
}

/** Pages through pull from `cursor` until hasMore is false (in the default area unless given a scope). */
export async function pullAll(
  app: App,
  cookie: string | undefined,
  cursor = 0,
  limit?: number,
  scope: { neighbourhood?: string; range?: RangeLevel } = {},
) {
  const pages: PullResponse[] = [];
  for (;;) {
    const page = await pull(app, cookie, { cursor, limit, ...scope });
    pages.push(page);
    cursor = page.cursor;
    if (!page.hasMore) return { pages, changes: pages.flatMap((p) => p.changes), cursor };
  }
}

/** A device: its clientId and the next seq its outbox would hand out. */
export function device() {
  let seq = 0;
  return {
    clientId: randomUUID(),
    nextSeq: () => ++seq,
  };
}

export function listingArgs(overrides: Partial<ListingCreateArgs> = {}): ListingCreateArgs {
  return {
    id: randomUUID(),
    title: 'IKEA desk lamp',
    description: 'Works, bulb included.',
    priceKrw: 15000,
    category: 'household',
    neighbourhoodId: HOME,
    acceptsOffers: false,
    meetingSpot: '',
    photos: [],
    ...overrides,
  };
}

export function mutation(seq: number, name: string, args: unknown, extra: Partial<Mutation> = {}): Mutation {
  return { mutationId: randomUUID(), seq, name, args, createdAt: T0 - 60_000, ...extra };
}

export const deleteListing = (seq: number, id: string) => mutation(seq, 'listing.delete', { id });

/** "Verify my neighbourhood", with the fix taken when the person tapped (none if not given). */
export const verifyNeighbourhood = (seq: number, neighbourhoodId: string, fix?: Fix) =>
  mutation(seq, 'neighbourhood.verify', { neighbourhoodId }, fix ? { fix } : {});

export const setNeighbourhoods = (seq: number, held: string[], active = held[0]) => mutation(seq, 'neighbourhood.set', { held, active });

/**
 * Every row of every table, ordered, so two dumps compare equal exactly when nothing changed. Rate
 * limit counters are left out: they count every request, refused ones too, and hold no data.
 */
export async function dumpTables(store: TestStore): Promise<Record<string, unknown[]>> {
  const dump: Record<string, unknown[]> = {};
  for (const table of await tableNames(store)) {
    if (table === 'rate_limits') continue;
    // Sorted here by the whole row: ordering by a few columns left ties in whatever order the engine
    // chose, and PostgreSQL chose differently between two dumps of the same rows.
    const rows = await query(store, `SELECT * FROM ${table}`);
    const keyed = rows.map((row) => ({ row, key: JSON.stringify(row, (_, value) => (typeof value === 'bigint' ? `${value}n` : value)) }));
    dump[table] = keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)).map(({ row }) => row);
  }
  return dump;
}

export async function changeCounter(store: TestStore): Promise<number> {
  return Number(await queryValue(store, 'SELECT value FROM change_counter WHERE id = 1'));
}

export async function countRows(store: TestStore, table: string): Promise<number> {
  return Number(await queryValue(store, `SELECT count(*) FROM ${table}`));
}
