// Playwright global setup: one throwaway PostgreSQL cluster for the run, for the journeys that run
// against a server on PostgreSQL (each test gets a database of its own on it). Removed at the end.
import type { FullConfig } from '@playwright/test';
import { startPostgresCluster } from '../../server/src/testing/postgres-cluster.js';

/** Where the tests find the cluster: a connection URL to its `postgres` database. */
export const POSTGRES_URL_ENV = 'DONGNE_E2E_POSTGRES_URL';

export default async function setup(config: FullConfig) {
  // Only when a project that needs it is running (`--project sqlite` starts none).
  if (!config.projects.some((project) => (project.use as { engine?: string }).engine === 'postgres')) return;
  const cluster = await startPostgresCluster();
  process.env[POSTGRES_URL_ENV] = cluster.url('postgres');
  return () => cluster.stop();
}
