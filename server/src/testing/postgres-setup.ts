// Vitest global setup for the PostgreSQL test runs: one cluster for the whole run, and a template
// database migrated once (with a copy of the demo dongs beside its tables), which each test file's
// databases are copied from.
import type { TestProject } from 'vitest/node';
import { openPostgresStore } from '../store/postgres/postgres-store.js';
import { startPostgresCluster } from './postgres-cluster.js';
import { saveDemoSeed } from './postgres-demo-seed.js';

const TEMPLATE = 'dongne_template';

export default async function setup(project: TestProject) {
  const cluster = await startPostgresCluster();
  await cluster.createDatabase(TEMPLATE);
  // Migrating connects; the template must have no connections left when it is copied.
  const store = await openPostgresStore(cluster.url(TEMPLATE), { max: 1 });
  await saveDemoSeed(store);
  await store.close();
  project.provide('postgresUrl', cluster.url('postgres'));
  project.provide('postgresTemplate', TEMPLATE);
  return () => cluster.stop();
}
