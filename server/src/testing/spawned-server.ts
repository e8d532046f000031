// Runs the real server entry point (server/src/main.ts) as a child process on a free port, so tests
// can talk to it over HTTP and kill it hard. Tests only.
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureNeighbourhoods } from '../services/neighbourhood-setup.js';
import { openSqliteStore } from '../store/sqlite/sqlite-store.js';
import { serverEntry } from './server-bundle.js';

const ROOT = resolve(fileURLToPath(new URL('../../..', import.meta.url)));
/** The file a server keeps its SQLite database in, inside its data directory (main.ts). */
const DATABASE_FILE = 'dongne.sqlite';

let koreaTemplate: Promise<string> | undefined;

/**
 * Puts a database holding every dong of Korea, and nothing else, into `dataDir`: a server started
 * there does all of its first start but the import of the 3,504 dongs (~1.5 s each time), which one
 * template per test process does once. Tests of the first start itself start on an empty directory.
 */
export async function withDongsImported(dataDir: string): Promise<void> {
  koreaTemplate ??= (async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dongne-korea-'));
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
    const store = openSqliteStore(join(dir, DATABASE_FILE));
    await ensureNeighbourhoods(store);
    await store.close();
    return join(dir, DATABASE_FILE);
  })();
  copyFileSync(await koreaTemplate, join(dataDir, DATABASE_FILE));
}

export async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? done(address.port) : fail(new Error('no port'))));
    });
  });
}

export interface SpawnedServer {
  url: string;
  /** Everything the process printed, stdout and stderr. */
  output(): string;
  /** SIGKILL: no shutdown hooks run, exactly like a crash or a pulled plug. */
  kill(): Promise<void>;
  /** Sends a signal and resolves with the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

const running = new Set<ChildProcess>();

/** Starts main.ts on dataDir and resolves once it prints that it is listening. */
export async function spawnServer(
  dataDir: string,
  options: { webDir?: string; timeoutMs?: number; env?: Record<string, string> } = {},
): Promise<SpawnedServer> {
  const port = await freePort();
  const child = spawn(process.execPath, [await serverEntry()], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DONGNE_DATA_DIR: dataDir,
      DONGNE_WEB_DIR: options.webDir ?? join(dataDir, 'no-web-build-here'),
      // scrypt's cheapest cost: test accounts guard no secrets, and hashing should not slow tests.
      DONGNE_PASSWORD_COST: '2',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => {
    running.delete(child);
    done(code);
  }));
  let log = '';
  child.stdout!.on('data', (chunk: Buffer) => (log += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (log += chunk.toString()));

  await new Promise<void>((ready, fail) => {
    const timer = setTimeout(() => fail(new Error(`server did not start in time:\n${log}`)), options.timeoutMs ?? 20_000);
    const check = () => {
      if (!log.includes('Dongne is running at')) return;
      clearTimeout(timer);
      ready();
    };
    child.stdout!.on('data', check);
    void exited.then((code) => {
      clearTimeout(timer);
      fail(new Error(`server exited with ${code} before it was ready:\n${log}`));
    });
  });

  const stop = async (signal: NodeJS.Signals = 'SIGTERM') => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    return exited;
  };
  return {
    url: `http://127.0.0.1:${port}`,
    output: () => log,
    kill: async () => void (await stop('SIGKILL')),
    stop,
  };
}

/** Kills every server a test started and did not stop; for afterEach. */
export async function killSpawnedServers(): Promise<void> {
  await Promise.all(
    [...running].map(
      (child) =>
        new Promise<void>((done) => {
          if (child.exitCode !== null || child.signalCode !== null) return done();
          child.once('exit', () => done());
          child.kill('SIGKILL');
        }),
    ),
  );
}
