import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Listing } from '@dongne/shared';
import { DongneDb } from './db.js';
import { rejectLocally } from './local-mutations.js';
import { clientIdOf, setMeta } from './meta.js';
import { enqueue, onLocalMutation, rebaseOutbox, notifyLocalMutation } from './outbox.js';
import { waitingIds } from './queries.js';

let db: DongneDb;
beforeEach(() => {
  db = new DongneDb(`test-${crypto.randomUUID()}`);
});
afterEach(async () => {
  db.close();
  await DongneDb.delete(db.name);
});

const inTx = <T>(fn: () => Promise<T>) => db.transaction('rw', [db.outbox, db.meta, db.listings], fn);

function createArgs(id = crypto.randomUUID()) {
  return { id, title: 'Rice cooker', priceKrw: 30000, category: 'household' as const, description: '', neighbourhood: 'Sunae-dong 수내동' };
}

function serverRow(overrides: Partial<Listing> = {}): Listing {
  return {
    ...createArgs(),
    sellerId: 'someone',
    sellerName: 'Neighbour ABCD',
    status: 'selling',
    createdAt: 1_000,
    updatedAt: 1_000,
    ...overrides,
  };
}

describe('the outbox', () => {
  it('refuses args the mutation registry refuses, and records nothing', async () => {
    await expect(inTx(() => enqueue(db, 'listing.create', { ...createArgs(), priceKrw: -1 }, 'x'))).rejects.toThrow();
    await expect(inTx(() => enqueue(db, 'listing.delete', { id: 'not-a-uuid' }, 'x'))).rejects.toThrow();
    expect(await db.outbox.count()).toBe(0);
    expect(await db.listings.count()).toBe(0);
  });

  it('applies the mutation to the replica as the identity this device knows', async () => {
    await setMeta(db, 'actorId', 'me');
    await setMeta(db, 'nickname', 'Neighbour ME');
    const args = createArgs();
    const entry = await inTx(() => enqueue(db, 'listing.create', args, args.id));
    expect(await db.listings.get(args.id)).toMatchObject({ ...args, sellerId: 'me', sellerName: 'Neighbour ME', createdAt: entry.createdAt });
    expect(await waitingIds(db)).toEqual(new Set([args.id]));
  });

  it('tells listeners about a local mutation so the engine can push soon', () => {
    let heard = 0;
    const stop = onLocalMutation(() => heard++);
    notifyLocalMutation();
    stop();
    notifyLocalMutation();
    expect(heard).toBe(1);
  });
});

describe('rebasing unconfirmed work over pulled rows', () => {
  it('puts an unconfirmed delete back on top of the server copy', async () => {
    const row = serverRow();
    await db.listings.put(row);
    await inTx(() => enqueue(db, 'listing.delete', { id: row.id }, row.id));
    expect(await db.listings.get(row.id)).toBeUndefined();

    // A pull writes the server's copy again...
    await db.listings.put(row);
    await inTx(() => rebaseOutbox(db));
    // ...and the user's delete still holds.
    expect(await db.listings.get(row.id)).toBeUndefined();
  });

  it('re-applies in seq order, so a create followed by a delete stays deleted', async () => {
    const args = createArgs();
    await inTx(() => enqueue(db, 'listing.create', args, args.id));
    await inTx(() => enqueue(db, 'listing.delete', { id: args.id }, args.id));
    await inTx(() => rebaseOutbox(db));
    expect(await db.listings.get(args.id)).toBeUndefined();
  });

  it('keeps the server’s createdAt for a listing it already holds', async () => {
    const args = createArgs();
    await inTx(() => enqueue(db, 'listing.create', args, args.id));
    await db.listings.put(serverRow({ ...args, sellerId: 'server-id', createdAt: 42 }));
    await inTx(() => rebaseOutbox(db));
    expect((await db.listings.get(args.id))?.createdAt).toBe(42);
  });
});

describe('a mutation the server refused', () => {
  it('turns a refused listing.create back into a draft that says why', async () => {
    const args = createArgs();
    await inTx(() => enqueue(db, 'listing.create', args, args.id));
    await db.transaction('rw', [db.listings, db.drafts], () =>
      rejectLocally(db, 'listing.create', args, { code: 'location.too_far', message: 'You are too far from Sunae-dong.' }),
    );
    expect(await db.listings.get(args.id)).toBeUndefined();
    expect(await db.drafts.get(args.id)).toMatchObject({
      id: args.id,
      title: 'Rice cooker',
      price: '30000',
      category: 'household',
      neighbourhood: 'Sunae-dong 수내동',
      rejection: { code: 'location.too_far', message: 'You are too far from Sunae-dong.' },
    });
  });
});

describe('the device id', () => {
  it('is made once and kept', async () => {
    const first = await clientIdOf(db);
    expect(first).toMatch(/^[0-9a-f-]{36}$/);
    const both = await Promise.all([clientIdOf(db), clientIdOf(db)]);
    expect(both).toEqual([first, first]);
  });
});
