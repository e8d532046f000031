// A fresh device's first pull of its area (~480 listings), 50 devices at once over keep-alive HTTP,
// against the same gzipped bytes served as a static file by the same server process: the static
// file is the ceiling, so the ratio holds across machines. benchFirstPull() returns the lines;
// scripts/bench.ts prints them. Run alone: `npx tsx scripts/bench-first-pull.ts`.
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { SYNC_LIMITS } from '@dongne/shared';
import { startServer, type DongneServer } from '../e2e/support/server.js';
import { fillArea } from '../e2e/support/fill-area.js';

/**
 * Listings in the area: the demo listings there plus synthetic ones. The first pull also carries the
 * area's other demo rows (shops, campaigns, board posts: 36 of them), and all of it must fit one
 * default page (500), which 480 listings, as in the issue, no longer did.
 */
const AREA_ROWS = 440;
const DEVICES = 50;
const WARMUP_MS = 1_000;
const ROUND_MS = 4_000;
const ROUNDS = 3;
const AIM = 0.25;
/** What a browser sends. */
const ACCEPT = { 'accept-encoding': 'gzip, deflate, br' };
const STATIC_FILE = 'first-pull.json.gz';

interface Load {
  perSecond: number;
  requests: number;
  /** Server CPU per request, if /proc tells. */
  cpuMs?: number;
}

/**
 * `DEVICES` clients, each asking again as soon as its answer has fully arrived, for `ms`: a plain
 * keep-alive agent, one socket per device, as autocannon does it (no tool to download).
 */
async function load(server: DongneServer, path: () => string, headers: Record<string, string>, ms: number, expectBytes?: number): Promise<Load> {
  const agent = new Agent({ keepAlive: true, maxSockets: DEVICES });
  const { port } = server;
  const deadline = performance.now() + ms;
  let requests = 0;
  const one = () =>
    new Promise<void>((done, fail) => {
      const req = request({ host: '127.0.0.1', port, path: path(), agent, headers }, (res) => {
        let bytes = 0;
        res.on('data', (chunk: Buffer) => (bytes += chunk.length));
        res.on('end', () => {
          if (res.statusCode !== 200) return fail(new Error(`${path()}: ${res.statusCode}`));
          if (expectBytes !== undefined && bytes !== expectBytes) return fail(new Error(`${bytes} bytes, expected ${expectBytes}`));
          requests++;
          done();
        });
      });
      req.on('error', fail);
      req.end();
    });
  const cpuBefore = cpuMsOf(server.pid);
  const started = performance.now();
  await Promise.all(
    Array.from({ length: DEVICES }, async () => {
      while (performance.now() < deadline) await one();
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const cpuAfter = cpuMsOf(server.pid);
  agent.destroy();
  return {
    perSecond: requests / seconds,
    requests,
    cpuMs: cpuBefore !== undefined && cpuAfter !== undefined ? (cpuAfter - cpuBefore) / requests : undefined,
  };
}

const ticksPerSecond = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;
  } catch {
    return 100;
  }
})();

/** User + system CPU time of a process so far, from /proc (Linux); undefined elsewhere. */
function cpuMsOf(pid: number | undefined): number | undefined {
  if (!pid) return undefined;
  try {
    // The command name may hold spaces: fields are counted after its closing parenthesis.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / ticksPerSecond;
  } catch {
    return undefined;
  }
}

const firstPullPath = () => `/api/sync/pull?cursor=0&clientId=${randomUUID()}&limit=${SYNC_LIMITS.pullPageDefault}`;

export async function benchFirstPull(): Promise<string> {
  // A web directory of its own: the static file is written into it beside a stub app shell.
  const webDir = mkdtempSync(join(tmpdir(), 'dongne-bench-web-'));
  writeFileSync(join(webDir, 'index.html'), '<!doctype html><title>Dongne</title>');
  const server = await startServer({ webDir });
  try {
    await fillArea(server, AREA_ROWS);
    // What a fresh device receives, on the wire; Node's fetch would unzip it, so ask over http.
    const wire = await new Promise<{ bytes: Buffer; encoding?: string }>((done, fail) => {
      request({ host: '127.0.0.1', port: server.port, path: firstPullPath(), headers: ACCEPT }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done({ bytes: Buffer.concat(chunks), encoding: res.headers['content-encoding'] }));
      })
        .on('error', fail)
        .end();
    });
    if (wire.encoding !== 'gzip') throw new Error(`the first pull came back as ${wire.encoding ?? 'identity'}, not gzip`);
    const page = JSON.parse(gunzipSync(wire.bytes).toString('utf8')) as { changes: unknown[]; hasMore: boolean };
    if (page.hasMore) throw new Error('the area does not fit one page');
    const json = gunzipSync(wire.bytes).length;

    // The same bytes as a file (application/gzip: compress() leaves it as it is).
    writeFileSync(join(webDir, STATIC_FILE), wire.bytes);
    const file = await new Promise<number>((done, fail) => {
      request({ host: '127.0.0.1', port: server.port, path: `/${STATIC_FILE}`, headers: ACCEPT }, (res) => {
        let n = 0;
        res.on('data', (c: Buffer) => (n += c.length));
        res.on('end', () => (res.headers['content-encoding'] ? fail(new Error('the static file was compressed again')) : done(n)));
      })
        .on('error', fail)
        .end();
    });
    if (file !== wire.bytes.length) throw new Error(`the static file came back as ${file} bytes, not ${wire.bytes.length}`);

    // A signed-in fresh device: the live path (session, drafts, profile, watchlist) for comparison.
    const signup = await fetch(`${server.url}/api/auth/signup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ nickname: 'benchpull', password: 'benchmark password' }),
    });
    const cookie = signup.headers.get('set-cookie')!.split(';')[0];

    const kinds = {
      static: () => load(server, () => `/${STATIC_FILE}`, ACCEPT, ROUND_MS, wire.bytes.length),
      visitor: () => load(server, firstPullPath, ACCEPT, ROUND_MS),
      signedIn: () => load(server, firstPullPath, { ...ACCEPT, cookie }, ROUND_MS),
    };
    await warm(server, cookie);
    // Interleaved rounds, so a busier moment of the machine falls on every kind alike.
    const runs: Record<keyof typeof kinds, Load[]> = { static: [], visitor: [], signedIn: [] };
    for (let round = 0; round < ROUNDS; round++) {
      for (const kind of Object.keys(kinds) as (keyof typeof kinds)[]) runs[kind].push(await kinds[kind]());
    }
    const median = (list: Load[]) => [...list].sort((a, b) => a.perSecond - b.perSecond)[Math.floor(list.length / 2)];
    const [stat, visitor, signedIn] = [median(runs.static), median(runs.visitor), median(runs.signedIn)];
    const ratio = visitor.perSecond / stat.perSecond;
    const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
    const range = (list: Load[]) => `${fmt(Math.min(...list.map((l) => l.perSecond)))} – ${fmt(Math.max(...list.map((l) => l.perSecond)))}`;
    const cpu = (l: Load) => (l.cpuMs === undefined ? '' : `, server CPU ${l.cpuMs.toFixed(2)} ms/request`);
    return [
      `first pull of an area: ${page.changes.length} rows (${(json / 1024).toFixed(0)} KB JSON, ${(wire.bytes.length / 1024).toFixed(1)} KB gzipped), ${DEVICES} fresh devices at once, keep-alive HTTP, median of ${ROUNDS} × ${ROUND_MS / 1000} s`,
      `  static file, same bytes    ${fmt(stat.perSecond)} req/s  (${range(runs.static)}${cpu(stat)})`,
      `  visitor's first pull       ${fmt(visitor.perSecond)} req/s  (${range(runs.visitor)}${cpu(visitor)})`,
      `  signed-in first pull       ${fmt(signedIn.perSecond)} req/s  (${range(runs.signedIn)}${cpu(signedIn)}; live path)`,
      `  visitor / static = ${(ratio * 100).toFixed(1)}%  (aim ≥ ${AIM * 100}%)  ${ratio >= AIM ? 'OK' : 'BELOW AIM'}`,
    ].join('\n');
  } finally {
    await server.dispose();
    rmSync(webDir, { recursive: true, force: true });
  }
}

/** Each kind for WARMUP_MS first: JIT, the snapshot built, sockets open. */
async function warm(server: DongneServer, cookie: string) {
  await load(server, () => `/${STATIC_FILE}`, ACCEPT, WARMUP_MS);
  await load(server, firstPullPath, ACCEPT, WARMUP_MS);
  await load(server, firstPullPath, { ...ACCEPT, cookie }, WARMUP_MS);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) console.log(await benchFirstPull());
