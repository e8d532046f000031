// Starts Dongne: reads the environment, opens the store (the SQLite file, or PostgreSQL when
// DONGNE_DATABASE_URL is set), seeds it on first start, and listens.
import { serve } from '@hono/node-server';
import { WebSocketServer } from 'ws';
import { mkdirSync } from 'node:fs';
import { isIP } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApp } from './app.js';
import { systemClock } from './services/clock.js';
import { seedDemoData } from './services/demo-seed.js';
import { DEFAULT_DAILY_CAPS } from './services/mutation-handlers.js';
import { DEFAULT_PASSWORD_COST, isPasswordCost } from './services/password.js';
import type { Store } from './store/contract/store.js';
import { openPostgresStore } from './store/postgres/postgres-store.js';
import { openSqliteStore } from './store/sqlite/sqlite-store.js';
import { databaseBlobStore } from './blobs/database-blob-store.js';
import { readThrough } from './blobs/read-through-blob-store.js';
import { createS3BlobStore } from './blobs/s3-blob-store.js';
import { s3SettingsFrom } from './blobs/s3-settings.js';
import { createLocalChangeBus, type ChangeBus } from './live/change-bus.js';
import { openPostgresChangeBus } from './live/postgres-change-bus.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const port = Number(process.env.PORT ?? 8080);
const host = process.env.HOST ?? '0.0.0.0';
const dataDir = resolve(process.env.DONGNE_DATA_DIR ?? './data');
const webDir = resolve(process.env.DONGNE_WEB_DIR ?? join(root, 'web/build'));
const passwordCost = Number(process.env.DONGNE_PASSWORD_COST || DEFAULT_PASSWORD_COST);
if (!isPasswordCost(passwordCost)) {
  console.error(`DONGNE_PASSWORD_COST="${process.env.DONGNE_PASSWORD_COST}" is not a power of two from 2 to ${2 ** 20} (scrypt's N; the default is ${DEFAULT_PASSWORD_COST}).`);
  process.exit(1);
}

/** A whole number of at least 1 from the environment, or the default; anything else stops the start. */
function positiveInt(name: string, fallback: number): number {
  const raw = process.env[name];
  if (!raw) return fallback;
  if (!/^[1-9]\d{0,8}$/.test(raw)) {
    console.error(`${name}="${raw}" is not a whole number from 1 to 999999999 (the default is ${fallback}).`);
    process.exit(1);
  }
  return Number(raw);
}
const dailyCaps = {
  listings: positiveInt('DONGNE_LISTINGS_PER_DAY', DEFAULT_DAILY_CAPS.listings),
  drafts: positiveInt('DONGNE_NEW_DRAFTS_PER_DAY', DEFAULT_DAILY_CAPS.drafts),
};

// Photos in S3-compatible storage when configured, checked now rather than at the first upload.
const s3Choice = s3SettingsFrom(process.env);
if ('error' in s3Choice) {
  console.error(s3Choice.error);
  process.exit(1);
}
const s3 = s3Choice.settings && createS3BlobStore(s3Choice.settings);
await s3?.checkBucket().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
if (s3) console.log(`Photos go to the ${s3.description}.`);

const trustedProxies = (process.env.DONGNE_TRUSTED_PROXIES ?? '').split(',').map((a) => a.trim()).filter(Boolean);
const notAddress = trustedProxies.find((a) => !isIP(a));
if (notAddress !== undefined) {
  console.error(`DONGNE_TRUSTED_PROXIES: "${notAddress}" is not an IP address (give the proxies' addresses, comma-separated).`);
  process.exit(1);
}

const databaseUrl = process.env.DONGNE_DATABASE_URL;
async function openStore(): Promise<Store> {
  if (!databaseUrl) {
    mkdirSync(dataDir, { recursive: true });
    return openSqliteStore(join(dataDir, 'dongne.sqlite'));
  }
  try {
    return await openPostgresStore(databaseUrl);
  } catch (error) {
    console.error(`Cannot open the PostgreSQL database at DONGNE_DATABASE_URL: ${(error as Error).message}`);
    process.exit(1);
  }
}
const store = await openStore();
// Instances on one PostgreSQL database hear of each other's changes through it.
const changes: ChangeBus = databaseUrl ? await openPostgresChangeBus(databaseUrl) : createLocalChangeBus();
const where = databaseUrl ? `PostgreSQL at ${new URL(databaseUrl).host}` : `data in ${dataDir}`;
// Several instances starting together on one database seed it once.
const seeded = await store.duringStartup(() => seedDemoData(store, systemClock));
const defaultNeighbourhood = process.env.DONGNE_DEFAULT_NEIGHBOURHOOD;
if (defaultNeighbourhood && !(await store.neighbourhoods.byId(defaultNeighbourhood))) {
  // Every visitor's first pull would fail: refuse to start instead.
  console.error(`DONGNE_DEFAULT_NEIGHBOURHOOD="${defaultNeighbourhood}" is not a known neighbourhood id (see server/data/neighbourhoods.geojson).`);
  process.exit(1);
}
if (seeded > 0) console.log(`Seeded ${seeded} demo listings.`);

const app = createApp({
  store,
  clock: systemClock,
  changes,
  blobs: s3 && readThrough(s3, databaseBlobStore(store)),
  config: {
    webDir,
    defaultNeighbourhoodId: process.env.DONGNE_DEFAULT_NEIGHBOURHOOD || undefined,
    publicOrigin: process.env.DONGNE_PUBLIC_ORIGIN || undefined,
    trustedProxies,
    passwordCost,
    dailyCaps,
  },
});
const sockets = new WebSocketServer({ noServer: true });
const server = serve({ fetch: app.fetch, port, hostname: host, websocket: { server: sockets } }, (info) => {
  const shown = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
  console.log(`Dongne is running at http://${shown}:${info.port}/ (${where})`);
});

function shutdown() {
  server.close(() => {
    void Promise.all([changes.close(), store.close()]).then(() => process.exit(0));
  });
  // 1012, "service restart": devices reconnect (to another instance, behind a balancer) at once.
  for (const socket of sockets.clients) socket.close(1012, 'Server restarting');
}
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
