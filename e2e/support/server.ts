// Starts the real Dongne server (server/src/main.ts, compiled once per process) on a free port and
// a temp SQLite directory, and can kill it hard and start it again on the same file and port.
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serverEntry } from '../../server/src/testing/server-bundle.js';
import { freePort } from '../../server/src/testing/spawned-server.js';
import { PUSH_CERT_ENV } from './push-endpoint.js';

export const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const BUILT_WEB = join(ROOT, 'web/build');

/**
 * How long a start may take before we call it failed. It takes under half a second (the first
 * start seeds the demo data); on a 2-core machine busy with other work, several
 * times that. We wait for the server's own "running" line; this is only the bound on that wait.
 */
const START_BOUND_MS = 60_000;
/** A SIGTERM'd server closes its connections and exits at once; one that does not is killed. */
const STOP_GRACE_MS = 10_000;

export interface DongneServer {
  url: string;
  port: number;
  dataDir: string;
  webDir: string;
  /** The server process's id while it runs (benchmarks read its CPU time from /proc). */
  readonly pid: number | undefined;
  /** SIGKILL: no shutdown hooks, exactly like a crash. */
  kill(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Stops the server and deletes its data directory. */
  dispose(): Promise<void>;
}

/**
 * Set by the journeys' global setup: a data directory whose SQLite database already holds every
 * dong of Korea and the demo data. A server's first start imports the 3,504 dongs (1–3 s); each
 * journey's server starts from a copy of one that did, once per run.
 */
export const DATA_TEMPLATE_ENV = 'DONGNE_E2E_DATA_TEMPLATE';

/** Starts a server once, on a data directory of its own, and keeps that directory as the template. */
export async function makeDataTemplate(): Promise<{ dir: string; remove(): void }> {
  const server = await startServer();
  await server.stop();
  return { dir: server.dataDir, remove: () => rmSync(server.dataDir, { recursive: true, force: true }) };
}

/** `env`: more settings for the server process, e.g. DONGNE_DATABASE_URL to run it on PostgreSQL. */
export async function startServer(options: { webDir?: string; env?: Record<string, string> } = {}): Promise<DongneServer> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'dongne-e2e-'));
  const template = options.env?.DONGNE_DATABASE_URL ? undefined : process.env[DATA_TEMPLATE_ENV];
  if (template) cpSync(template, dataDir, { recursive: true });
  const webDir = options.webDir ?? BUILT_WEB;
  let child: ChildProcess | undefined;

  const entry = await serverEntry();

  async function start() {
    child = spawn(process.execPath, [entry], {
      cwd: ROOT,
      env: {
        ...process.env,
        PORT: String(port),
        HOST: '127.0.0.1',
        DONGNE_DATA_DIR: dataDir,
        DONGNE_WEB_DIR: webDir,
        // scrypt's cheapest cost: test accounts guard no secrets, and hashing should not slow journeys.
        DONGNE_PASSWORD_COST: '2',
        // The journeys' own push service (push-endpoint.ts) serves HTTPS with a certificate of the run's.
        ...(process.env[PUSH_CERT_ENV] ? { NODE_EXTRA_CA_CERTS: process.env[PUSH_CERT_ENV] } : {}),
        ...options.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const proc = child;
    // This process's output only: after a restart, the previous run's "running" line must not count.
    let log = '';
    await new Promise<void>((ready, fail) => {
      const timer = setTimeout(() => {
        proc.kill('SIGKILL');
        fail(new Error(`server did not say it was running within ${START_BOUND_MS / 1000} s:\n${log}`));
      }, START_BOUND_MS);
      proc.stdout!.on('data', (chunk: Buffer) => {
        log += chunk.toString();
        if (log.includes('Dongne is running at')) {
          clearTimeout(timer);
          ready();
        }
      });
      proc.stderr!.on('data', (chunk: Buffer) => (log += chunk.toString()));
      proc.on('exit', (code, signal) => {
        clearTimeout(timer);
        fail(new Error(`server exited with ${code ?? signal}:\n${log}`));
      });
    });
  }

  async function stopWith(signal: NodeJS.Signals) {
    const proc = child;
    child = undefined;
    if (!proc || proc.exitCode !== null || proc.signalCode !== null) return;
    await new Promise<void>((done) => {
      const force = signal === 'SIGKILL' ? undefined : setTimeout(() => proc.kill('SIGKILL'), STOP_GRACE_MS);
      proc.once('exit', () => {
        clearTimeout(force);
        done();
      });
      proc.kill(signal);
    });
  }

  async function stop() {
    await stopWith('SIGTERM');
  }

  await start();
  return {
    url: `http://localhost:${port}`,
    port,
    dataDir,
    webDir,
    get pid() {
      return child?.pid;
    },
    start,
    kill: () => stopWith('SIGKILL'),
    stop,
    async dispose() {
      await stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
