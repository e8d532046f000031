// Starts Dongne: reads the environment, opens (and on first start seeds) the SQLite file, listens.
import { serve } from '@hono/node-server';
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApp } from './app.js';
import { systemClock } from './services/clock.js';
import { seedDemoData } from './services/demo-seed.js';
import { DEFAULT_PASSWORD_COST, isPasswordCost } from './services/password.js';
import { openStore } from './store/store.js';

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

mkdirSync(dataDir, { recursive: true });
const store = openStore(join(dataDir, 'dongne.sqlite'));
const seeded = seedDemoData(store, systemClock);
const defaultNeighbourhood = process.env.DONGNE_DEFAULT_NEIGHBOURHOOD;
if (defaultNeighbourhood && !store.neighbourhoods.byId(defaultNeighbourhood)) {
  // Every visitor's first pull would fail: refuse to start instead.
  console.error(`DONGNE_DEFAULT_NEIGHBOURHOOD="${defaultNeighbourhood}" is not a known neighbourhood id (see server/data/neighbourhoods.geojson).`);
  process.exit(1);
}
if (seeded > 0) console.log(`Seeded ${seeded} demo listings.`);

const app = createApp({
  store,
  clock: systemClock,
  config: {
    webDir,
    defaultNeighbourhoodId: process.env.DONGNE_DEFAULT_NEIGHBOURHOOD || undefined,
    publicOrigin: process.env.DONGNE_PUBLIC_ORIGIN || undefined,
    passwordCost,
  },
});
const server = serve({ fetch: app.fetch, port, hostname: host }, (info) => {
  const shown = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
  console.log(`Dongne is running at http://${shown}:${info.port}/ (data in ${dataDir})`);
});

function shutdown() {
  server.close(() => {
    store.close();
    process.exit(0);
  });
}
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
