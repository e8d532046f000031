// Test support for the sync engine (tests only): the real server built in memory, and simulated
// devices, each one DongneDb plus one cookie jar, talking to it through app.request() over a
// network that can be told to drop a request, drop a response or cut a body short. Devices sign
// up, in and out through the app's own auth client.
import { afterEach, beforeEach, expect } from 'vitest';
import type { Credentials } from '@dongne/shared';
import {
  createApp,
  ensureDemoNeighbourhoods,
  fixSource,
  openSqliteStore,
  prepareAccountChecks,
  T0,
  TEST_PASSWORD_COST,
  type FixSource,
  type SqliteStore,
} from '@dongne/server/testing';
import { authenticate, signOut, type AuthResult } from '../account/auth-client.js';
import { createApiClient, type ApiClient } from '../api/api-client.js';
import { DongneDb } from '../db/db.js';
import type { EngineDeps } from './sync-engine.js';
import { syncOnce } from './sync-engine.js';
import * as pulledDrafts from '../drafts/pulled-drafts.js';
import * as ownWork from './own-work.js';

/** 2026-03-01T09:00:00Z, the instant every server test starts from too. */
export { T0 };

export interface TestServer {
  app: ReturnType<typeof createApp>;
  /** The SQLite engine: tests read and seed the server through its synchronous repositories (`store.sqlite`). */
  store: SqliteStore;
  clock: { now(): number; advance(ms: number): void };
  /** Unexpected server errors land here; a test that sees one has found a server bug. */
  logged: string[];
  /** A GPS fix that passes at a demo neighbourhood's centre, as a phone standing there would take it. */
  fixAt: FixSource;
  close(): Promise<void>;
}

/** The real server over an in-memory store holding the demo neighbourhoods (no listings). */
export async function createTestServer(): Promise<TestServer> {
  const store = openSqliteStore(':memory:');
  await ensureDemoNeighbourhoods(store);
  let now = T0;
  const clock = { now: () => now, advance: (ms: number) => void (now += ms) };
  const logged: string[] = [];
  // Once per test process, before any test's clock runs: the first sign-up must not pay for it.
  await prepareAccountChecks();
  // scrypt at its cheapest: these accounts guard nothing, and the production cost takes ~0.3 s a hash.
  const app = createApp({ store, clock, config: { log: (line) => logged.push(line), passwordCost: TEST_PASSWORD_COST } });
  return { app, store, clock, logged, fixAt: fixSource(await store.neighbourhoods.all(), clock), close: () => store.close() };
}

/**
 * What the network does to one request:
 * - `request-lost`: the request never reaches the server (throws like fetch does offline);
 * - `response-lost`: the server handles it, then the connection drops before the answer arrives;
 * - `truncated`: the answer starts arriving and is cut off half-way through the body.
 */
export type Fault = 'request-lost' | 'response-lost' | 'truncated';

interface PlannedFault {
  method: string;
  path: string;
  /** Which matching request to hit, counting from when the fault was planned (1 = the next one). */
  nth: number;
  seen: number;
  fault: Fault;
}

export interface Device {
  name: string;
  db: DongneDb;
  deps: EngineDeps;
  /** The app's API client on this device's network and cookies. */
  api: ApiClient;
  /** `name=value` pairs the server set, sent back on every request like a browser would. */
  cookies: Map<string, string>;
  /** Every request that left the device, as `METHOD /path?query`. */
  requests: string[];
  /** Makes the nth next request to `METHOD /path` (query ignored) fail in the given way, once. */
  failOn(method: string, path: string, fault: Fault, nth?: number): void;
  sync(): ReturnType<typeof syncOnce>;
  /** Creates an account (a fresh nickname unless given) and signs this device in as it. */
  signUp(nickname?: string): Promise<AuthResult>;
  /** Signs in as an account made by signUp on any device (this device's last one unless given). */
  signIn(account?: Credentials): Promise<AuthResult>;
  /** Signs out as the Account screen does: wipes this person's private data, tells the server. */
  signOut(): Promise<void>;
  /** The account this device last signed up or in as. */
  account?: Credentials;
  close(): Promise<void>;
}

let accountsMade = 0;

export function createDevice(server: TestServer, name = 'device'): Device {
  const db = new DongneDb(`test-${crypto.randomUUID()}`);
  const cookies = new Map<string, string>();
  const requests: string[] = [];
  const planned: PlannedFault[] = [];

  const fetchViaServer: typeof fetch = async (input, init = {}) => {
    const url = new URL(String(input), 'http://dongne.test');
    const method = (init.method ?? 'GET').toUpperCase();
    requests.push(`${method} ${url.pathname}${url.search}`);
    const fault = takeFault(planned, method, url.pathname);
    if (fault === 'request-lost') throw new TypeError('Failed to fetch');

    const headers = new Headers(init.headers);
    if (cookies.size > 0) headers.set('cookie', [...cookies].map(([k, v]) => `${k}=${v}`).join('; '));
    const response = await server.app.request(url.toString(), { ...init, headers });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = pair.indexOf('=');
      cookies.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
    }

    if (fault === 'response-lost') throw new TypeError('Failed to fetch');
    if (fault === 'truncated') {
      const text = await response.text();
      return new Response(text.slice(0, Math.floor(text.length / 2)), { status: response.status, headers: response.headers });
    }
    return response;
  };

  const deps: EngineDeps = { db, fetch: fetchViaServer, draftMerger: async () => pulledDrafts, ownWork: async () => ownWork };
  const api = createApiClient({ fetch: fetchViaServer });
  const device: Device = {
    name,
    db,
    deps,
    api,
    cookies,
    requests,
    failOn(method, path, fault, nth = 1) {
      planned.push({ method: method.toUpperCase(), path, nth, seen: 0, fault });
    },
    sync: () => syncOnce(deps),
    async signUp(nickname = `${name}${++accountsMade}`) {
      const credentials = { nickname, password: `password of ${nickname}` };
      const result = await authenticate(db, 'signup', credentials, api);
      if (result.ok) device.account = credentials;
      return result;
    },
    async signIn(account = device.account) {
      if (!account) throw new Error(`${name} has no account to sign in as`);
      const result = await authenticate(db, 'signin', account, api);
      if (result.ok) device.account = account;
      return result;
    },
    signOut: () => signOut(db, api),
    close: async () => {
      db.close();
      await DongneDb.delete(db.name);
    },
  };
  return device;
}

function takeFault(planned: PlannedFault[], method: string, path: string): Fault | undefined {
  const matching = planned.filter((plan) => plan.method === method && plan.path === path);
  for (const plan of matching) plan.seen++;
  const due = matching.find((plan) => plan.seen === plan.nth);
  if (!due) return undefined;
  planned.splice(planned.indexOf(due), 1);
  return due.fault;
}

/**
 * A fresh server for every test, handed to `receive`, and a `device(name)` that makes devices on it;
 * afterwards the devices are closed, and the test fails if the server logged an unexpected error
 * (a 500 would otherwise pass unseen behind a SyncError).
 */
export function useTestServer(receive?: (server: TestServer) => void): (name: string) => Device {
  let server: TestServer;
  let devices: Device[] = [];
  beforeEach(async () => {
    server = await createTestServer();
    devices = [];
    receive?.(server);
  });
  afterEach(async () => {
    await Promise.all(devices.map((d) => d.close()));
    expect(server.logged).toEqual([]);
    await server.close();
  });
  return (name) => {
    const d = createDevice(server, name);
    devices.push(d);
    return d;
  };
}
