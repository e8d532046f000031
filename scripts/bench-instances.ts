// Sync on both engines and on several instances: push and pull through real HTTP against one
// SQLite instance, one PostgreSQL instance and three PostgreSQL instances on one database; and how
// long a change pushed to instance 1 takes to reach a device whose live channel is on instance 3.
import { randomUUID } from 'node:crypto';
import { METRES_PER_DEGREE_LAT } from '@dongne/shared';
import { at } from '../e2e/support/places.js';
import { startPostgresCluster } from '../server/src/testing/postgres-cluster.js';
import { openLiveChannel } from '../server/src/testing/live-client.js';
import { killSpawnedServers, spawnServer, type SpawnedServer } from '../server/src/testing/spawned-server.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const LISTINGS = 4_000;
const BATCH = 100;
const DEVICES = 4;
const PULL_PAGE = 1_000;
const POKES = 200;
/** Least time between two pokes to one device (POKE_GAP_MS): pushes further apart than this measure one change alone. */
const POKE_SPACING_MS = 250;

const PANGYO = at('kr-bundang-pangyo');
let fixes = 0;
/** A fresh reading inside Pangyo-dong, a few metres from the last, so none is taken for a replay. */
function fix() {
  const i = fixes++;
  return {
    lat: PANGYO.latitude + (2 * (i % 100)) / METRES_PER_DEGREE_LAT,
    lng: PANGYO.longitude + (2 * (Math.floor(i / 100) % 100)) / (METRES_PER_DEGREE_LAT * Math.cos((PANGYO.latitude * Math.PI) / 180)),
    accuracy: 12,
    takenAt: Date.now() - 60_000 + (i % 50_000),
  };
}

function create(seq: number, title = `벤치마크 물건 Bench item ${seq}`) {
  return {
    mutationId: randomUUID(),
    seq,
    name: 'listing.create',
    args: { id: randomUUID(), title, priceKrw: 1000 + seq, category: 'household', description: 'A second-hand item. 상태 좋아요.', neighbourhoodId: 'kr-bundang-pangyo' },
    createdAt: Date.now(),
    fix: fix(),
  };
}

async function signUp(url: string): Promise<string> {
  const response = await fetch(`${url}/api/auth/signup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ nickname: `bench${randomUUID().slice(0, 8)}`, password: 'benchmark password' }),
  });
  if (response.status !== 201) throw new Error(`signup: ${response.status}`);
  return response.headers.get('set-cookie')!.split(';')[0];
}

async function pushBatch(url: string, cookie: string, clientId: string, mutations: unknown[]) {
  const response = await fetch(`${url}/api/sync/push`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify({ clientId, mutations }) });
  const body = (await response.json()) as { results?: { status: string }[] };
  if (!response.ok || body.results!.some((r) => r.status !== 'applied')) throw new Error(`push: ${response.status} ${JSON.stringify(body).slice(0, 200)}`);
}

/** DEVICES devices push LISTINGS creations between them, at once; device d talks to instance d mod n. */
async function benchPush(urls: string[]) {
  const perDevice = LISTINGS / DEVICES;
  const devices = await Promise.all(
    Array.from({ length: DEVICES }, async (_, d) => {
      const url = urls[d % urls.length];
      const batches = Array.from({ length: perDevice / BATCH }, (_, b) => Array.from({ length: BATCH }, (_, i) => create(b * BATCH + i + 1)));
      return { url, cookie: await signUp(url), clientId: randomUUID(), batches };
    }),
  );
  const started = performance.now();
  await Promise.all(devices.map(async (d) => {
    for (const batch of d.batches) await pushBatch(d.url, d.cookie, d.clientId, batch);
  }));
  return LISTINGS / ((performance.now() - started) / 1000);
}

/** One fresh device per instance pulls the whole area at once; rows/s in all. */
async function benchPull(urls: string[]) {
  const started = performance.now();
  const counts = await Promise.all(
    urls.map(async (url) => {
      let cursor = 0;
      let rows = 0;
      for (;;) {
        const response = await fetch(`${url}/api/sync/pull?cursor=${cursor}&limit=${PULL_PAGE}&neighbourhood=kr-bundang-pangyo&range=4`);
        const page = (await response.json()) as { changes: unknown[]; cursor: number; hasMore: boolean };
        rows += page.changes.length;
        cursor = page.cursor;
        if (!page.hasMore) return rows;
      }
    }),
  );
  const rows = counts.reduce((a, b) => a + b, 0);
  return { rowsPerSecond: rows / ((performance.now() - started) / 1000), rows };
}

/**
 * A device on the last instance follows Pangyo; a seller pushes one listing at a time to the first.
 * Measured: from sending the push to the device having the listing (poke received, then its pull
 * returned the row).
 */
async function benchPoke(urls: string[]) {
  const seller = await signUp(urls[0]);
  const sellerDevice = randomUUID();
  const far = urls[urls.length - 1];
  const channel = await openLiveChannel(far, { query: { neighbourhood: 'kr-bundang-pangyo', range: '1' } });
  let cursor = (await (await fetch(`${far}/api/sync/pull?cursor=0&limit=1&neighbourhood=kr-bundang-pangyo&range=1`)).json()) as { cursor: number };
  // Start from the newest change: page to the end once.
  let from = cursor.cursor;
  for (;;) {
    const page = (await (await fetch(`${far}/api/sync/pull?cursor=${from}&limit=${PULL_PAGE}&neighbourhood=kr-bundang-pangyo&range=1`)).json()) as { cursor: number; hasMore: boolean };
    from = page.cursor;
    if (!page.hasMore) break;
  }
  const latencies: number[] = [];
  for (let i = 1; i <= POKES; i++) {
    const mutation = create(i, `Poke ${i}`);
    const seen = channel.messages.length;
    const started = performance.now();
    await pushBatch(urls[0], seller, sellerDevice, [mutation]);
    await channel.waitForMessages(seen + 1);
    for (;;) {
      const page = (await (await fetch(`${far}/api/sync/pull?cursor=${from}&limit=${PULL_PAGE}&neighbourhood=kr-bundang-pangyo&range=1`)).json()) as {
        cursor: number;
        changes: { row?: { id: string } }[];
      };
      from = page.cursor;
      if (page.changes.some((c) => c.row?.id === mutation.args.id)) break;
    }
    latencies.push(performance.now() - started);
    // A change following the last within the poke gap is folded into one poke at the gap's end:
    // space the changes so each is measured alone (the folding is measured in live-hub.test.ts).
    await new Promise((resolve) => setTimeout(resolve, POKE_SPACING_MS));
  }
  channel.close();
  latencies.sort((a, b) => a - b);
  const pick = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))];
  return { p50: pick(0.5), p99: pick(0.99), max: latencies[latencies.length - 1] };
}

async function measure(label: string, urls: string[]) {
  const push = await benchPush(urls);
  const pull = await benchPull(urls);
  const poke = await benchPoke(urls);
  return { label, push, pull, poke };
}

export async function benchInstances(): Promise<string> {
  // Benchmark accounts publish thousands of listings: lift the daily cap a neighbour is held to.
  const env = { DONGNE_LISTINGS_PER_DAY: String(LISTINGS) };
  const results: Awaited<ReturnType<typeof measure>>[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'dongne-bench-instances-'));
  const cluster = await startPostgresCluster({ durable: true });
  let servers: SpawnedServer[] = [];
  try {
    servers = [await spawnServer(dir, { env, timeoutMs: 60_000 })];
    results.push(await measure('SQLite, 1 instance', servers.map((s) => s.url)));
    await killSpawnedServers();

    await cluster.createDatabase('bench_one');
    servers = [await spawnServer(dir, { env: { ...env, DONGNE_DATABASE_URL: cluster.url('bench_one') }, timeoutMs: 60_000 })];
    results.push(await measure('PostgreSQL, 1 instance', servers.map((s) => s.url)));
    await killSpawnedServers();

    await cluster.createDatabase('bench_three');
    servers = await Promise.all([1, 2, 3].map(() => spawnServer(dir, { env: { ...env, DONGNE_DATABASE_URL: cluster.url('bench_three') }, timeoutMs: 60_000 })));
    results.push(await measure('PostgreSQL, 3 instances', servers.map((s) => s.url)));
  } finally {
    await killSpawnedServers();
    await cluster.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
  const ms = (n: number) => `${n.toFixed(1)} ms`;
  const lines = results.map(
    (r) =>
      `  ${r.label.padEnd(24)} push ${fmt(r.push).padStart(6)} mutations/s   pull ${fmt(r.pull.rowsPerSecond).padStart(7)} rows/s   poke→has it p50 ${ms(r.poke.p50)}, p99 ${ms(r.poke.p99)} (aim p99 < 1 s) ${r.poke.p99 < 1000 ? 'OK' : 'OVER'}`,
  );
  return `
Engines and instances (${LISTINGS} creations from ${DEVICES} devices at once, batches of ${BATCH}; one fresh device per instance pulls the area in pages of ${PULL_PAGE}; ${POKES} pokes, pushed to the first instance, followed on the last; PostgreSQL 15 with fsync on, same machine)
${lines.join('\n')}
`;
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(await benchInstances()); // npx tsx scripts/bench-instances.ts
