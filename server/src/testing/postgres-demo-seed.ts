// The demo dongs, imported once per test run into the template database and kept there in a schema
// of their own, so a PostgreSQL test gets them back in one round trip instead of importing them
// again (~100 ms a test), and keeps them without a copy when the test before left them untouched
// (a trigger notes any write to them). Tests only.
import type { PostgresStore } from '../store/postgres/postgres-store.js';
import { ensureDemoNeighbourhoods } from '../services/neighbourhood-setup.js';

/**
 * Where the template keeps a copy of every table the demo import filled, the order to copy them
 * back in (`seed_order`), and `state`: whether the public tables hold the seed now and whether
 * anything wrote to them since.
 */
export const DEMO_SEED_SCHEMA = 'demo_seed';

/**
 * Imports the demo dongs into `store` (the freshly migrated template), copies every table that got
 * rows into DEMO_SEED_SCHEMA with `seed_order` (tables another refers to first), and empties the
 * originals again: the template's own tables stay as empty as migrating left them.
 */
export async function saveDemoSeed(store: PostgresStore): Promise<void> {
  await ensureDemoNeighbourhoods(store);
  const { pool } = store;
  const tables = (await pool.query<{ name: string }>("SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND tablename NOT IN ('schema_migrations', 'change_counter')")).rows.map(
    (r) => r.name,
  );
  const filled: string[] = [];
  for (const name of tables) {
    if ((await pool.query(`SELECT 1 FROM public.${name} LIMIT 1`)).rowCount) filled.push(name);
  }
  // Each test starts its change counter at 0: an import that took change numbers could not be copied back as it was.
  const counter = (await pool.query<{ value: string }>('SELECT value FROM change_counter')).rows[0];
  if (counter && Number(counter.value) !== 0) throw new Error('The demo import took change numbers; the seed copy cannot stand for it');

  const references = (
    await pool.query<{ child: string; parent: string }>(
      `SELECT c.conrelid::regclass::text AS child, c.confrelid::regclass::text AS parent
         FROM pg_constraint c WHERE c.contype = 'f' AND c.connamespace = 'public'::regnamespace`,
    )
  ).rows;
  const ordered: string[] = [];
  const place = (name: string, path: string[] = []) => {
    if (ordered.includes(name) || path.includes(name)) return;
    for (const { parent } of references.filter((r) => r.child === name && r.parent !== name)) if (filled.includes(parent)) place(parent, [...path, name]);
    ordered.push(name);
  };
  for (const name of filled) place(name);

  await pool.query(`CREATE SCHEMA ${DEMO_SEED_SCHEMA}`);
  await pool.query(`CREATE TABLE ${DEMO_SEED_SCHEMA}.seed_order (table_name text NOT NULL, position int NOT NULL)`);
  for (const [position, name] of ordered.entries()) {
    await pool.query(`CREATE TABLE ${DEMO_SEED_SCHEMA}.${name} AS TABLE public.${name}`);
    await pool.query(`INSERT INTO ${DEMO_SEED_SCHEMA}.seed_order VALUES ($1, $2)`, [name, position]);
  }
  await pool.query(`TRUNCATE ${filled.map((name) => `public.${name}`).join(', ')} CASCADE`);

  await pool.query(`CREATE TABLE ${DEMO_SEED_SCHEMA}.state (seeded boolean NOT NULL, touched boolean NOT NULL)`);
  await pool.query(`INSERT INTO ${DEMO_SEED_SCHEMA}.state VALUES (false, false)`);
  await pool.query(`CREATE FUNCTION ${DEMO_SEED_SCHEMA}.touch() RETURNS trigger AS $$
    BEGIN UPDATE ${DEMO_SEED_SCHEMA}.state SET touched = true; RETURN NULL; END $$ LANGUAGE plpgsql`);
  for (const name of ordered) {
    await pool.query(`CREATE TRIGGER demo_seed_touched AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON public.${name}
      FOR EACH STATEMENT EXECUTE FUNCTION ${DEMO_SEED_SCHEMA}.touch()`);
  }
}

/**
 * One statement that empties every table of a test database and, with `demo`, leaves the demo dongs
 * in it: kept when the last test left them as seeded, copied back otherwise. DELETE, not TRUNCATE:
 * the tables are small, and TRUNCATE makes new files for each of some forty (~45 ms a test). It
 * runs as a replica (this transaction only): foreign keys are not checked, so the order does not
 * matter, and the trigger that notes writes to the seed does not fire.
 */
export function resetStatement(demo: boolean): string {
  return `
    DO $$
    DECLARE
      name text;
      keep boolean := ${demo};
      intact boolean;
    BEGIN
      SET LOCAL session_replication_role = replica;
      SELECT keep AND seeded AND NOT touched INTO intact FROM ${DEMO_SEED_SCHEMA}.state;
      FOR name IN SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'schema_migrations' LOOP
        CONTINUE WHEN intact AND name IN (SELECT table_name FROM ${DEMO_SEED_SCHEMA}.seed_order);
        EXECUTE format('DELETE FROM public.%I', name);
      END LOOP;
      IF keep AND NOT intact THEN
        FOR name IN SELECT table_name FROM ${DEMO_SEED_SCHEMA}.seed_order ORDER BY position LOOP
          EXECUTE format('INSERT INTO public.%I SELECT * FROM ${DEMO_SEED_SCHEMA}.%I', name, name);
        END LOOP;
      END IF;
      UPDATE ${DEMO_SEED_SCHEMA}.state SET seeded = keep, touched = false;
      INSERT INTO change_counter (id, value) VALUES (1, 0);
    END $$`;
}
