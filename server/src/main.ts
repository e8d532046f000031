// Starts Dongne: reads the environment, opens the store (the SQLite file, or PostgreSQL when
// DONGNE_DATABASE_URL is set), seeds it on first start, and listens.
import { fillNicknameSkeletons } from './services/nickname-skeletons.js';
import { prepareAccountChecks } from './services/password-policy.js';
import { serve } from '@hono/node-server';
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApp } from './app.js';
import { settingsFrom } from './settings.js';
import { systemClock } from './services/clock.js';
import { seedDemoData } from './services/demo-seed.js';
import type { Store } from './store/contract/store.js';
import { openPostgresStore } from './store/postgres/postgres-store.js';
import { openSqliteStore } from './store/sqlite/sqlite-store.js';
import { databaseBlobStore } from './blobs/database-blob-store.js';
import { readThrough } from './blobs/read-through-blob-store.js';
import { createLocalChangeBus, type ChangeBus } from './live/change-bus.js';
import { openPostgresChangeBus } from './live/postgres-change-bus.js';
import { createLiveSocketServer } from './live/live-socket-server.js';
import { createPushDispatcher } from './push/push-dispatcher.js';
import { createReminderSweeper } from './reminders/reminder-sweeper.js';
import { createWebPushSender } from './push/web-push-sender.js';
import { VAPID_FILE, VapidKeysError, vapidKeysInDataDir, type VapidKeyPair } from './push/vapid-keys.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const parsed = settingsFrom(process.env, root);
if ('error' in parsed) {
  console.error(parsed.error);
  process.exit(1);
}
const { settings } = parsed;
const { port, host, dataDir, webDir, databaseUrl, defaultNeighbourhoodId } = settings;

// Photos in S3-compatible storage when configured, checked now rather than at the first upload. The
// AWS SDK is loaded only then: importing it costs every other start ~0.5 s.
const s3 = settings.s3 && (await import('./blobs/s3-blob-store.js')).createS3BlobStore(settings.s3);
await s3?.checkBucket().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
if (s3) console.log(`Photos go to the ${s3.description}.`);

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
await prepareAccountChecks();
const seeded = await store.duringStartup(async () => {
  await fillNicknameSkeletons(store, (line) => console.error(line));
  return seedDemoData(store, systemClock);
});
if (defaultNeighbourhoodId && !(await store.neighbourhoods.byId(defaultNeighbourhoodId))) {
  // Every visitor's first pull would fail: refuse to start instead.
  console.error(`DONGNE_DEFAULT_NEIGHBOURHOOD="${defaultNeighbourhoodId}" is not a known neighbourhood id (a dong is kr- and its 7-digit code, e.g. kr-3102353).`);
  process.exit(1);
}
if (seeded > 0) console.log(`Seeded ${seeded} demo listings.`);

function vapidKeys(): VapidKeyPair {
  if (settings.vapidKeys) return settings.vapidKeys;
  // Each instance would make a pair of its own, and a device subscribed through one could not be
  // sent to by another.
  if (databaseUrl) console.log(`Several instances on one database must sign pushes alike: give each the same DONGNE_VAPID_PUBLIC_KEY and DONGNE_VAPID_PRIVATE_KEY (for one instance, ${join(dataDir, VAPID_FILE)} keeps them).`);
  try {
    mkdirSync(dataDir, { recursive: true });
    const { keys, created } = vapidKeysInDataDir(dataDir);
    if (created) console.log(`Made the VAPID key pair pushes are signed with: ${join(dataDir, VAPID_FILE)} (keep it with the database's backups).`);
    return keys;
  } catch (error) {
    console.error(error instanceof VapidKeysError ? error.message : `Cannot keep the VAPID keys in ${dataDir}: ${(error as Error).message}`);
    process.exit(1);
  }
}
const log = (line: string) => console.error(line);
const pushDispatcher = createPushDispatcher({ store, clock: systemClock, sender: createWebPushSender({ ...vapidKeys(), subject: settings.vapidSubject }), log });
pushDispatcher.start();
// Every instance sweeps: each due reminder is taken by one of them.
const reminders = createReminderSweeper({ store, clock: systemClock, changes, pushes: pushDispatcher, log });
reminders.start();

const app = createApp({
  store,
  clock: systemClock,
  changes,
  blobs: s3 && readThrough(s3, databaseBlobStore(store)),
  pushDispatcher,
  config: {
    webDir,
    defaultNeighbourhoodId,
    publicOrigin: settings.publicOrigin,
    trustedProxies: settings.trustedProxies,
    passwordCost: settings.passwordCost,
    dailyCaps: settings.dailyCaps,
  },
});
const sockets = createLiveSocketServer();
const server = serve({ fetch: app.fetch, port, hostname: host, websocket: { server: sockets } }, (info) => {
  const shown = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
  console.log(`Dongne is running at http://${shown}:${info.port}/ (${where})`);
});

function shutdown() {
  server.close(() => {
    // Reminders being made (which may queue pushes) and pushes under way finish (or time out)
    // before the store they settle in closes.
    void reminders
      .stop()
      .then(() => pushDispatcher.stop())
      .then(() => Promise.all([changes.close(), store.close()]))
      .then(() => process.exit(0));
  });
  // 1012, "service restart": devices reconnect (to another instance, behind a balancer) at once.
  for (const socket of sockets.clients) socket.close(1012, 'Server restarting');
}
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
