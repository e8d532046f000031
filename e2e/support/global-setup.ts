// Playwright global setup, once per run: a data directory every SQLite journey's server starts
// from (its first start's import of every dong done once), and, when a project needs it, one
// throwaway PostgreSQL cluster (each test gets a database of its own on it). Both removed at the end.
import type { FullConfig } from '@playwright/test';
import { startPostgresCluster } from '../../server/src/testing/postgres-cluster.js';
import { DATA_TEMPLATE_ENV, makeDataTemplate } from './server.js';

/** Where the tests find the cluster: a connection URL to its `postgres` database. */
export const POSTGRES_URL_ENV = 'DONGNE_E2E_POSTGRES_URL';

export default async function setup(config: FullConfig) {
  const template = await makeDataTemplate();
  process.env[DATA_TEMPLATE_ENV] = template.dir;
  // Only when a project that needs it is running (`--project sqlite` starts none).
  const cluster = config.projects.some((project) => (project.use as { engine?: string }).engine === 'postgres') ? await startPostgresCluster() : undefined;
  if (cluster) process.env[POSTGRES_URL_ENV] = cluster.url('postgres');
  return async () => {
    template.remove();
    await cluster?.stop();
  };
}
