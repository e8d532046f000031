// Vitest global setup for the PostgreSQL test runs: one cluster for the whole run, and a template
// database migrated once (with a copy of the demo dongs beside its tables), which each test file's
// databases are copied from. Every project that names this setup shares the one cluster: vitest
// loads this file once per project, each copy with its own module scope, so the cluster is kept on
// globalThis, which they share.
import type { TestProject } from 'vitest/node';
import { openPostgresStore } from '../store/postgres/postgres-store.js';
import { startPostgresCluster, type PostgresCluster } from './postgres-cluster.js';
import { saveDemoSeed } from './postgres-demo-seed.js';

const TEMPLATE = 'dongne_template';

interface SharedCluster {
  ready: Promise<PostgresCluster>;
  /** Projects set up on it and not yet torn down: the last one stops it. */
  users: number;
}
const shared = globalThis as typeof globalThis & { dongneTestCluster?: SharedCluster };

async function startTemplateCluster(): Promise<PostgresCluster> {
  const cluster = await startPostgresCluster();
  await cluster.createDatabase(TEMPLATE);
  // Migrating connects; the template must have no connections left when it is copied.
  const store = await openPostgresStore(cluster.url(TEMPLATE), { max: 1 });
  await saveDemoSeed(store);
  await store.close();
  return cluster;
}

export default async function setup(project: TestProject) {
  const entry = (shared.dongneTestCluster ??= { ready: startTemplateCluster(), users: 0 });
  entry.users++;
  const cluster = await entry.ready;
  project.provide('postgresUrl', cluster.url('postgres'));
  project.provide('postgresTemplate', TEMPLATE);
  return async () => {
    if (--entry.users > 0) return;
    shared.dongneTestCluster = undefined;
    await cluster.stop();
  };
}
