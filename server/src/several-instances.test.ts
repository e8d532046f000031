// Three real server processes (main.ts) on one PostgreSQL database, as behind a load balancer:
// whichever instance a request reaches, it sees the same sessions and data, devices hear of
// changes made through another instance, and a device's batch is applied once however it is
// retried — even when the instance holding it dies mid-push.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { LIVE_POKE, type Change, type Mutation, type PushResponse, type PushSettings } from '@dongne/shared';
import { systemClock } from './services/clock.js';
import { fixSource, HOME, type FixSource } from './testing/fixes.js';
import { device, listingArgs, mutation, newSession, overHttp, pull, push, pushRequest, tempDir } from './testing/harness.js';
import { openLiveChannel } from './testing/live-client.js';
import { killSpawnedServers, spawnServer, type SpawnedServer } from './testing/spawned-server.js';
import { openTestStore, TEST_ENGINE, type OpenedTestStore } from './testing/test-store.js';

describe.runIf(TEST_ENGINE === 'postgres')('three instances on one PostgreSQL database', () => {
  let opened: OpenedTestStore;
  let temp: ReturnType<typeof tempDir>;
  let instances: SpawnedServer[];
  let fixAt: FixSource;
  let admin: pg.Client;

  /** Instance n (1-based) by its application_name in pg_stat_activity. */
  const nameOf = (n: number) => `dongne-instance-${n}`;
  const databaseUrl = (n: number) => {
    const url = new URL(opened.url!);
    url.searchParams.set('application_name', nameOf(n));
    return url.toString();
  };
  const start = (n: number) => spawnServer(temp.dir, { env: { DONGNE_DATABASE_URL: databaseUrl(n) }, timeoutMs: 60_000 });

  beforeAll(async () => {
    opened = await openTestStore();
    temp = tempDir('dongne-instances-');
    fixAt = fixSource(await opened.store.neighbourhoods.all(), systemClock);
    // All three start at once: they migrate and seed the demo data once between them.
    instances = await Promise.all([1, 2, 3].map(start));
    admin = new pg.Client({ connectionString: opened.url });
    await admin.connect();
  }, 120_000);
  afterAll(async () => {
    await admin?.end();
    await killSpawnedServers();
    await opened?.close();
    temp?.remove();
  });

  const at = (n: number) => overHttp(instances[n - 1].url);
  const publish = (seq: number, overrides: Parameters<typeof listingArgs>[0] = {}): Mutation => {
    const args = listingArgs(overrides);
    return mutation(seq, 'listing.create', args, { fix: fixAt(args.neighbourhoodId), createdAt: Date.now() });
  };
  const listingIds = (changes: Change[]) => changes.flatMap((c) => (c.op === 'upsert' && c.entity === 'listing' ? [c.row.id] : []));
  const count = async (sql: string, ...params: unknown[]) => Number((await admin.query(sql, params)).rows[0].n);

  it('seeded the demo listings once, though three instances started together', async () => {
    expect(await count('SELECT count(*) AS n FROM listings')).toBe(56);
  });

  it('signs pushes with one VAPID pair, and tells the operator to give it to every instance', async () => {
    // Here the three share a data directory, so the pair the first made: on separate machines each
    // would make its own, hence the hint.
    for (const instance of instances) expect(instance.output()).toContain('Several instances on one database must sign pushes alike: give each the same DONGNE_VAPID_PUBLIC_KEY');
    const { cookie } = await newSession(at(1));
    const keys = await Promise.all(
      [1, 2, 3].map(async (n) => ((await (await at(n).request(`/api/push/settings?clientId=${randomUUID()}`, { headers: { cookie } })).json()) as PushSettings).publicKey),
    );
    expect(new Set(keys).size).toBe(1);
  });

  it('honours a session made on one instance on the others, and a push to 1 is pulled from 3', async () => {
    const seller = await newSession(at(1));
    for (const n of [2, 3]) {
      const me = await at(n).request('/api/auth/session', { headers: { cookie: seller.cookie } });
      expect(me.status).toBe(200);
      expect(await me.json()).toMatchObject({ actorId: seller.actorId });
    }
    const phone = device();
    const listing = publish(phone.nextSeq(), { title: 'Pushed to one' });
    const pushed = await push(at(1), seller.cookie, phone.clientId, [listing]);
    expect(pushed.results[0].status).toBe('applied');
    const page = await pull(at(3), undefined, { cursor: 0, limit: 500 });
    expect(listingIds(page.changes)).toContain((listing.args as { id: string }).id);
  });

  it('pokes a device connected to instance 3 when a listing in its area is pushed to instance 1', async () => {
    const channel = await openLiveChannel(instances[2].url, { query: { neighbourhood: HOME, range: '1' } });
    try {
      const seller = await newSession(at(1));
      const phone = device();
      await push(at(1), seller.cookie, phone.clientId, [publish(phone.nextSeq())]);
      await channel.waitForMessages(1);
      expect(channel.messages[0]).toBe(LIVE_POKE);
    } finally {
      channel.close();
    }
  });

  it('applies a batch once when two instances receive it at the same moment', async () => {
    const seller = await newSession(at(1));
    const phone = device();
    const batch = Array.from({ length: 20 }, () => publish(phone.nextSeq()));
    const before = await count('SELECT count(*) AS n FROM listings');
    const responses = await Promise.all([1, 2].map(async (n) => (await push(at(n), seller.cookie, phone.clientId, batch)) as PushResponse));
    // Both answers are the same: one instance applied the batch, the other found it applied.
    expect(responses[0]).toEqual(responses[1]);
    expect(responses[0].results.every((r) => r.status === 'applied')).toBe(true);
    expect(await count('SELECT count(*) AS n FROM listings')).toBe(before + 20);
    expect(await count('SELECT count(*) AS n FROM processed_mutations WHERE client_id = $1', phone.clientId)).toBe(20);
  });

  it('loses nothing and doubles nothing when the instance applying a batch is killed mid-push', async () => {
    const seller = await newSession(at(2));
    const phone = device();
    const batch = Array.from({ length: 40 }, () => publish(phone.nextSeq()));
    const before = await count('SELECT count(*) AS n FROM listings');
    // Hold the change counter from outside: instance 2's push claims the device, checks the first
    // listing's fix and records it, then waits for its first change number, inside its transaction.
    await admin.query('BEGIN');
    await admin.query('SELECT value FROM change_counter WHERE id = 1 FOR UPDATE');
    const inFlight = Promise.resolve(pushRequest(at(2), seller.cookie, { clientId: phone.clientId, mutations: batch })).catch((error: Error) => error);
    // Instance 2 is part-way through the batch and waits on the lock: kill it there.
    while ((await count("SELECT count(*) AS n FROM pg_stat_activity WHERE application_name = $1 AND wait_event_type = 'Lock'", nameOf(2))) === 0) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await instances[1].kill();
    await admin.query('ROLLBACK');
    expect(await inFlight).toBeInstanceOf(Error);
    // The device never heard back, so it sends the same batch again, here to instance 3.
    const retried = await push(at(3), seller.cookie, phone.clientId, batch);
    expect(retried.results.filter((r) => r.status === 'applied')).toHaveLength(40);
    expect(await count('SELECT count(*) AS n FROM listings')).toBe(before + 40);
    // And again, as a device unsure of the answer would: nothing more is applied.
    await push(at(1), seller.cookie, phone.clientId, batch);
    expect(await count('SELECT count(*) AS n FROM listings')).toBe(before + 40);
    instances[1] = await start(2);
  });
});
