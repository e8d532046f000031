// Playwright global setup, once per run: a data directory every SQLite journey's server starts
// from (its first start's import of every dong done once), a certificate for the journeys' own push
// service (push-endpoint.ts) that every server trusts, and, when a project needs it, one throwaway
// PostgreSQL cluster (each test gets a database of its own on it). All removed at the end.
import type { FullConfig } from '@playwright/test';
import { startPostgresCluster } from '../../server/src/testing/postgres-cluster.js';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pushCertificate } from '../../server/src/testing/push-endpoint.js';
import { DATA_TEMPLATE_ENV, makeDataTemplate } from './server.js';
import { PUSH_CERT_ENV, PUSH_KEY_ENV } from './push-endpoint.js';

/** Where the tests find the cluster: a connection URL to its `postgres` database. */
export const POSTGRES_URL_ENV = 'DONGNE_E2E_POSTGRES_URL';

export default async function setup(config: FullConfig) {
  const pushCertificate = await makePushCertificate();
  const template = await makeDataTemplate();
  process.env[DATA_TEMPLATE_ENV] = template.dir;
  // Only when a project that needs it is running (`--project sqlite` starts none).
  const cluster = config.projects.some((project) => (project.use as { engine?: string }).engine === 'postgres') ? await startPostgresCluster() : undefined;
  if (cluster) process.env[POSTGRES_URL_ENV] = cluster.url('postgres');
  return async () => {
    template.remove();
    pushCertificate.remove();
    await cluster?.stop();
  };
}

/** Files of a certificate for the journeys' push endpoints to serve and their servers to trust. */
async function makePushCertificate(): Promise<{ remove(): void }> {
  const dir = mkdtempSync(join(tmpdir(), 'dongne-e2e-push-'));
  const { cert, key } = await pushCertificate();
  writeFileSync(join(dir, 'cert.pem'), cert);
  writeFileSync(join(dir, 'key.pem'), key);
  process.env[PUSH_CERT_ENV] = join(dir, 'cert.pem');
  process.env[PUSH_KEY_ENV] = join(dir, 'key.pem');
  return { remove: () => rmSync(dir, { recursive: true, force: true }) };
}
