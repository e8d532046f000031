// The store contract, tested the same way on every engine: transactions and savepoints, the typed
// duplicate error, and the two invariants sync depends on (store.ts explains them).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { openTestStore, type OpenedTestStore } from '../testing/test-store.js';
import { DuplicateError } from './contract/duplicate-error.js';
import type { Store } from './contract/store.js';

const HOME = 'kr-3102353';

let opened: OpenedTestStore;
let store: Store;
beforeEach(async () => {
  opened = await openTestStore();
  store = opened.store;
  await store.actors.insert({ id: 'seller', nickname: 'Seller', createdAt: 1 });
});
afterEach(() => opened.close());

const listing = (changeSeq: number, id = randomUUID()) => ({
  id,
  sellerId: 'seller',
  title: 'Lamp',
  description: '',
  priceKrw: 1000,
  category: 'household',
  neighbourhood: 'Sunae 1-dong 수내1동',
  neighbourhoodId: HOME,
  createdAt: 1,
  changeSeq,
});

describe('transactions', () => {
  it('commit everything a transaction wrote, and nothing of one that throws', async () => {
    const kept = randomUUID();
    await store.transaction(async (tx) => {
      await tx.listings.insert(listing(await tx.sync.nextChangeSeq(), kept));
    });
    const dropped = randomUUID();
    await expect(
      store.transaction(async (tx) => {
        await tx.listings.insert(listing(await tx.sync.nextChangeSeq(), dropped));
        throw new Error('refused half-way');
      }),
    ).rejects.toThrow('refused half-way');
    expect(await store.listings.byId(kept)).toBeDefined();
    expect(await store.listings.byId(dropped)).toBeUndefined();
  });

  it('undo only a savepoint that throws, and go on with the transaction', async () => {
    const [outer, inner] = [randomUUID(), randomUUID()];
    await store.transaction(async (tx) => {
      await tx.listings.insert(listing(await tx.sync.nextChangeSeq(), outer));
      await expect(
        tx.savepoint(async (sp) => {
          await sp.listings.insert(listing(await sp.sync.nextChangeSeq(), inner));
          throw new Error('this one only');
        }),
      ).rejects.toThrow('this one only');
      expect(await tx.listings.byId(inner)).toBeUndefined();
    });
    expect(await store.listings.byId(outer)).toBeDefined();
    expect(await store.listings.byId(inner)).toBeUndefined();
  });

  it('refuse a store call made inside a transaction, which would wait for the transaction for ever', async () => {
    await expect(store.transaction(async () => store.listings.countLive())).rejects.toThrow(/inside a transaction/);
    // The store is usable afterwards.
    expect(await store.listings.countLive()).toBe(0);
  });

  it('let calls from many requests interleave without seeing each other’s uncommitted writes', async () => {
    const id = randomUUID();
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    let inserted = () => {};
    const didInsert = new Promise<void>((resolve) => (inserted = resolve));
    const writing = store.transaction(async (tx) => {
      await tx.listings.insert(listing(await tx.sync.nextChangeSeq(), id));
      inserted();
      await held;
    });
    await didInsert;
    const reading = store.listings.byId(id);
    if (store.engine === 'sqlite') {
      // One connection: a read issued while the write is open waits for it, and sees it committed.
      release();
      await writing;
      expect(await reading).toMatchObject({ id });
    } else {
      // A pool: the read answers at once, from before the write commits.
      expect(await reading).toBeUndefined();
      release();
      await writing;
      expect(await store.listings.byId(id)).toMatchObject({ id });
    }
  });
});

describe('a broken uniqueness rule', () => {
  it('is a DuplicateError naming what exists, never the engine’s own error', async () => {
    const account = { nickname: 'Minji', createdAt: 1, passwordHash: null };
    await store.sessions.insertAccount({ id: randomUUID(), ...account, skeleton: 'minji' });
    const second = store.sessions.insertAccount({ id: randomUUID(), ...account, nickname: 'MINJI', skeleton: 'mlnjl' });
    await expect(second).rejects.toBeInstanceOf(DuplicateError);
    await expect(second).rejects.toMatchObject({ what: 'nickname' });
    // Another spelling that looks the same (its skeleton taken): refused alike.
    await expect(store.sessions.insertAccount({ id: randomUUID(), ...account, nickname: 'Мinji', skeleton: 'minji' })).rejects.toBeInstanceOf(DuplicateError);
  });
});

describe('invariant 1: change numbers become visible in order', () => {
  it('never lets a pull miss a change numbered below one it has already returned, with writers racing', async () => {
    const writers = Array.from({ length: 20 }, () =>
      store.transaction(async (tx) => {
        const changeSeq = await tx.sync.nextChangeSeq();
        await tx.listings.insert(listing(changeSeq));
        return changeSeq;
      }),
    );
    const seen: number[] = [];
    let cursor = 0;
    while (seen.length < writers.length) {
      const page = await store.listings.changesSinceIn([HOME], undefined, cursor, 1000);
      for (const row of page) {
        // Everything below the cursor was returned before: nothing may appear there later.
        expect(row.changeSeq).toBeGreaterThan(cursor);
        seen.push(row.changeSeq);
      }
      if (page.length) cursor = page[page.length - 1].changeSeq;
      await Promise.race([...writers, Promise.resolve()]);
    }
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(new Set(seen).size).toBe(writers.length);
  });
});

describe('invariant 2: one device’s pushes apply one at a time', () => {
  it('hold a claimed device until its transaction ends; the next claim sees what the first wrote', async () => {
    const clientId = randomUUID();
    await store.actors.insert({ id: 'phone-owner', nickname: 'Owner', createdAt: 1 });
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    let firstClaimed = () => {};
    const claimedByFirst = new Promise<void>((resolve) => (firstClaimed = resolve));
    const order: string[] = [];
    const first = store.transaction(async (tx) => {
      const claimed = await tx.sync.claimClient(clientId, 'phone-owner');
      order.push(`first saw ${claimed.lastSeq}`);
      firstClaimed();
      await held;
      await tx.sync.setLastSeq(clientId, 5);
    });
    // The second push starts only once the first holds the device (on PostgreSQL the two would
    // otherwise race for a connection), and gets nowhere while the first is open.
    await claimedByFirst;
    const second = store.transaction(async (tx) => {
      const claimed = await tx.sync.claimClient(clientId, 'phone-owner');
      order.push(`second saw ${claimed.lastSeq}`);
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    order.push('first released');
    release();
    await Promise.all([first, second]);
    expect(order).toEqual(['first saw 0', 'first released', 'second saw 5']);
  });
});
