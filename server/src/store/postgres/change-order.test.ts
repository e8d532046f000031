// The store contract's two invariants on PostgreSQL, where transactions really do run at once: a
// writer that took a later change number cannot become visible before one that took an earlier
// number, and one device's pushes queue behind each other. (SQLite has one writer at a time.)
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { openTestStore, TEST_ENGINE, type OpenedTestStore } from '../../testing/test-store.js';
import type { PostgresStore } from './postgres-store.js';

const HOME = 'kr-3102353';

describe.runIf(TEST_ENGINE === 'postgres')('PostgreSQL under concurrent writers', () => {
  let opened: OpenedTestStore;
  let store: PostgresStore;
  beforeEach(async () => {
    opened = await openTestStore();
    store = opened.store as PostgresStore;
    await store.actors.insert({ id: 'seller', nickname: 'Seller', createdAt: 1 });
  });
  afterEach(() => opened.close());

  const listing = (changeSeq: number) => ({
    id: randomUUID(),
    sellerId: 'seller',
    title: 'Lamp',
    description: '',
    priceKrw: 1000,
    category: 'household',
    neighbourhood: 'Sunae 1-dong',
    neighbourhoodId: HOME,
    createdAt: 1,
    changeSeq,
  });
  const pulled = async (cursor = 0) => (await store.listings.changesSinceIn([HOME], undefined, cursor, 100)).map((row) => row.changeSeq);
  /** Resolves once some transaction is waiting for a lock another holds. */
  async function someoneWaits() {
    for (;;) {
      const { rows } = await store.pool.query<{ n: number }>("SELECT count(*)::int AS n FROM pg_locks WHERE NOT granted");
      if (rows[0].n > 0) return;
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  it('makes a writer holding a later number wait until the earlier one commits, so no pull skips a number', async () => {
    let release = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    let firstNumbered = () => {};
    const numbered = new Promise<void>((resolve) => (firstNumbered = resolve));
    const committed: number[] = [];

    const first = store.transaction(async (tx) => {
      const seq = await tx.sync.nextChangeSeq();
      await tx.listings.insert(listing(seq));
      firstNumbered();
      await gate;
      return seq;
    }).then((seq) => (committed.push(seq), seq));
    await numbered;
    const second = store.transaction(async (tx) => {
      const seq = await tx.sync.nextChangeSeq();
      await tx.listings.insert(listing(seq));
      return seq;
    }).then((seq) => (committed.push(seq), seq));

    // The second writer is blocked on the counter; a pull now sees neither change.
    await someoneWaits();
    expect(await pulled()).toEqual([]);
    release();
    const [a, b] = await Promise.all([first, second]);
    expect(a).toBeLessThan(b);
    expect(committed).toEqual([a, b]);
    expect(await pulled()).toEqual([a, b]);
  });

  it('queues a second push of one device behind the first, which then sees what the first wrote', async () => {
    const clientId = randomUUID();
    await store.actors.insert({ id: 'owner', nickname: 'Owner', createdAt: 1 });
    let release = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    let claimed = () => {};
    const firstClaimed = new Promise<void>((resolve) => (claimed = resolve));
    const seen: number[] = [];
    const first = store.transaction(async (tx) => {
      seen.push((await tx.sync.claimClient(clientId, 'owner')).lastSeq);
      claimed();
      await gate;
      await tx.sync.setLastSeq(clientId, 7);
    });
    await firstClaimed;
    const second = store.transaction(async (tx) => {
      seen.push((await tx.sync.claimClient(clientId, 'owner')).lastSeq);
    });
    await someoneWaits();
    expect(seen).toEqual([0]);
    release();
    await Promise.all([first, second]);
    expect(seen).toEqual([0, 7]);
  });
});
