// Opening a replica written by an earlier version of the app (schema 4 or 5): rows and queued work
// come through, ready for the new rules.
import { afterEach, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { DongneDb } from './db.js';
import { getMeta } from './meta.js';
import { serverListing } from './test-db.js';

let name = '';
afterEach(async () => {
  await Dexie.delete(name);
});

/** A database as version 4 of the app left it: its schema, as it was then. */
async function writeVersion4(fill: (db: Dexie) => Promise<void>) {
  name = `upgrade-${crypto.randomUUID()}`;
  const old = new Dexie(name);
  old.version(4).stores({
    listings: 'id, createdAt, sellerId, neighbourhoodId, bumpedAt, [neighbourhoodId+bumpedAt]',
    drafts: 'id, updatedAt, ownerId',
    outbox: 'seq, &mutationId, entityId, ownerId',
    meta: 'key',
    neighbourhoods: 'id, nameEn',
    photos: 'hash, [ownerId+uploaded]',
  });
  await old.open();
  await fill(old);
  old.close();
}

const entry = (seq: number, ownerId: string) => ({
  seq,
  mutationId: crypto.randomUUID(),
  name: 'listing.set_liked',
  args: { id: crypto.randomUUID(), liked: true },
  createdAt: 1,
  entityId: crypto.randomUUID(),
  ownerId,
});

describe('the upgrade to schema 5', () => {
  it('keeps the numbers queued changes were sent under, so their retries are still recognised', async () => {
    await writeVersion4(async (old) => {
      await old.table('meta').bulkPut([
        { key: 'clientIds', value: { minji: 'phone-minji', jun: 'phone-jun' } },
        { key: 'nextSeq', value: 8 },
      ]);
      await old.table('outbox').bulkPut([entry(3, 'minji'), entry(5, 'jun'), entry(7, 'minji'), entry(4, '')]);
    });
    const db = new DongneDb(name);
    try {
      const wires = (await db.outbox.orderBy('seq').toArray()).map((e) => [e.seq, e.wire]);
      expect(wires).toEqual([
        [3, { clientId: 'phone-minji', seq: 3 }],
        // Written signed out: never sent, so no number yet.
        [4, undefined],
        [5, { clientId: 'phone-jun', seq: 5 }],
        [7, { clientId: 'phone-minji', seq: 7 }],
      ]);
      expect(await getMeta(db, 'sentSeqs')).toEqual({ 'phone-minji': 7, 'phone-jun': 5 });
    } finally {
      db.close();
    }
  });

  it('records on each cached listing whether it was bumped', async () => {
    const plain = serverListing({ createdAt: 1_000, bumpedAt: 1_000 });
    const bumped = serverListing({ createdAt: 1_000, bumpedAt: 5_000 });
    await writeVersion4(async (old) => {
      for (const row of [plain, bumped]) {
        const { lastBumpedAt: _none, ...version4Row } = row;
        await old.table('listings').put(version4Row);
      }
    });
    const db = new DongneDb(name);
    try {
      expect((await db.listings.get(plain.id))?.lastBumpedAt).toBeNull();
      expect((await db.listings.get(bumped.id))?.lastBumpedAt).toBe(5_000);
    } finally {
      db.close();
    }
  });
});

/** A database as version 5 of the app left it: schema 4's stores, upgraded. */
async function writeVersion5(fill: (db: Dexie) => Promise<void>) {
  name = `upgrade-${crypto.randomUUID()}`;
  const old = new Dexie(name);
  old.version(5).stores({
    listings: 'id, createdAt, sellerId, neighbourhoodId, bumpedAt, [neighbourhoodId+bumpedAt]',
    drafts: 'id, updatedAt, ownerId',
    outbox: 'seq, &mutationId, entityId, ownerId',
    meta: 'key',
    neighbourhoods: 'id, nameEn',
    photos: 'hash, [ownerId+uploaded]',
  });
  await old.open();
  await fill(old);
  old.close();
}

describe('the upgrades to schemas 6 to 11', () => {
  it('keep listings, queued work and sync state, add empty tables for conversations, messages, people, notifications, the board, businesses, campaigns, businesses’ posts and reviews and ad events, and pull again from the start', async () => {
    const listing = serverListing();
    const queued = { ...entry(3, 'minji'), wire: { clientId: 'phone-minji', seq: 3 } };
    await writeVersion5(async (old) => {
      await old.table('listings').put(listing);
      await old.table('outbox').put(queued);
      await old.table('meta').bulkPut([
        { key: 'cursor', value: 42 },
        { key: 'actorId', value: 'minji' },
      ]);
    });
    const db = new DongneDb(name);
    try {
      expect(await db.listings.get(listing.id)).toEqual(listing);
      expect(await db.outbox.toArray()).toEqual([queued]);
      // Board posts and businesses went by in pulls this version could not read: the next pull starts from the beginning.
      expect(await getMeta(db, 'cursor')).toBeUndefined();
      expect(await getMeta(db, 'actorId')).toBe('minji');
      const counts = await Promise.all([db.conversations, db.messages, db.people, db.notifications, db.posts, db.comments, db.boardDrafts, db.businesses, db.campaigns, db.businessPosts, db.businessReviews, db.adEvents].map((t) => t.count()));
      expect(counts).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
      expect(db.verno).toBe(11);
    } finally {
      db.close();
    }
  });
});
