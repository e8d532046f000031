// Starts the real Dongne server (server/src/main.ts) on a free port and a temp SQLite directory,
// and can kill it hard and start it again on the same file and port.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const BUILT_WEB = join(ROOT, 'web/build');

async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no port'))));
    });
  });
}

export interface DongneServer {
  url: string;
  port: number;
  dataDir: string;
  webDir: string;
  /** SIGKILL: no shutdown hooks, exactly like a crash. */
  kill(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
}

export async function startServer(options: { webDir?: string } = {}): Promise<DongneServer> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'dongne-e2e-'));
  const webDir = options.webDir ?? BUILT_WEB;
  let child: ChildProcess | undefined;
  let log = '';

  async function start() {
    child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'server/src/main.ts')], {
      cwd: ROOT,
      env: {
        ...process.env,
        PORT: String(port),
        HOST: '127.0.0.1',
        DONGNE_DATA_DIR: dataDir,
        DONGNE_WEB_DIR: webDir,
        // scrypt's cheapest cost: test accounts guard no secrets, and hashing should not slow journeys.
        DONGNE_PASSWORD_COST: '2',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const proc = child;
    await new Promise<void>((ready, fail) => {
      const timer = setTimeout(() => fail(new Error(`server did not start:\n${log}`)), 20_000);
      proc.stdout!.on('data', (chunk: Buffer) => {
        log += chunk.toString();
        if (log.includes('Dongne is running at')) {
          clearTimeout(timer);
          ready();
        }
      });
      proc.stderr!.on('data', (chunk: Buffer) => (log += chunk.toString()));
      proc.on('exit', (code) => fail(new Error(`server exited with ${code}:\n${log}`)));
    });
  }

  async function stopWith(signal: NodeJS.Signals) {
    const proc = child;
    child = undefined;
    if (!proc || proc.exitCode !== null) return;
    await new Promise<void>((done) => {
      proc.once('exit', () => done());
      proc.kill(signal);
    });
  }

  await start();
  return {
    url: `http://localhost:${port}`,
    port,
    dataDir,
    webDir,
    start,
    kill: () => stopWith('SIGKILL'),
    stop: () => stopWith('SIGTERM'),
  };
}
