// The signed-in account on this device: signing in adopts work written signed out and hides another
// account's; signing out wipes only that person's private data.
import { describe, expect, it } from 'vitest';
import type { Listing } from '@dongne/shared';
import { signedIn, signOutLocally, unsyncedCount } from './account.js';
import { DongneDb } from './db.js';
import { createDraft } from './drafts.js';
import { getMeta, setMeta } from './meta.js';
import { enqueue } from '../sync/outbox.js';
import { feedPage, waitingIds } from './queries.js';
import { serverListing, useFreshDb } from './test-db.js';

const minji = { actorId: 'minji-id', nickname: 'minji', joinedAt: 1 };
const jun = { actorId: 'jun-id', nickname: 'jun', joinedAt: 2 };
const SUNAE = 'kr-bundang-sunae';

let db: DongneDb;
useFreshDb((fresh) => (db = fresh));

const inTx = <T>(fn: () => Promise<T>) => db.transaction('rw', [db.outbox, db.meta, db.listings, db.neighbourhoods], fn);

function publishLocally(title: string) {
  const args = { id: crypto.randomUUID(), title, priceKrw: 1000, category: 'books' as const, description: '', neighbourhoodId: SUNAE, acceptsOffers: false, meetingSpot: '', photos: [] };
  return inTx(() => enqueue(db, 'listing.create', args, args.id)).then(() => args.id);
}

/** A listing the server already sent this device (someone else's, public). */
async function pulledListing(): Promise<Listing> {
  const row = serverListing({ neighbourhoodId: SUNAE, sellerName: 'someone' });
  await db.listings.put(row);
  return row;
}

describe('signing in', () => {
  it('records the account and makes what was written signed out its own', async () => {
    const draft = await createDraft(db, { title: 'Lamp' });
    const id = await publishLocally('Written on the subway');
    await setMeta(db, 'sessionExpired', true);
    await setMeta(db, 'signOutPending', true);

    await signedIn(db, minji);
    expect([await getMeta(db, 'actorId'), await getMeta(db, 'nickname'), await getMeta(db, 'joinedAt')]).toEqual(['minji-id', 'minji', 1]);
    expect(await getMeta(db, 'sessionExpired')).toBe(false);
    // The new session replaced the old cookie: a pending sign-out must not end it.
    expect(await getMeta(db, 'signOutPending')).toBeUndefined();
    expect(await db.drafts.get(draft.id)).toMatchObject({ ownerId: 'minji-id' });
    expect((await db.outbox.toArray()).map((e) => e.ownerId)).toEqual(['minji-id']);
    // The waiting listing now shows as hers.
    expect(await db.listings.get(id)).toMatchObject({ sellerId: 'minji-id', sellerName: 'minji' });
    expect(await unsyncedCount(db)).toBe(1);
  });

  it('as someone else hides the previous account’s work and facts, and shows them again when that account returns', async () => {
    const pulled = await pulledListing();
    await signedIn(db, minji);
    await setMeta(db, 'profile', { actorId: 'minji-id', nickname: 'minji', verificationCount: 3, lastVerifiedAt: 5, neighbourhoods: [] });
    await setMeta(db, 'cursor', 40);
    const hers = await publishLocally('Minji’s bike');
    await inTx(() => enqueue(db, 'listing.delete', { id: pulled.id }, pulled.id));
    await setMeta(db, 'sessionExpired', true);

    await signedIn(db, jun);
    expect(await getMeta(db, 'profile')).toBeUndefined();
    expect(await unsyncedCount(db)).toBe(0);
    expect(await waitingIds(db)).toEqual(new Set());
    // Her unsent listing is not shown as real; the one she deleted here comes back with the next
    // pull, which starts again from the beginning.
    expect(await db.listings.get(hers)).toBeUndefined();
    expect(await getMeta(db, 'cursor')).toBe(0);
    expect(await db.outbox.count()).toBe(2);

    await db.listings.put(pulled);
    await signedIn(db, minji);
    expect(await unsyncedCount(db)).toBe(2);
    expect(await db.listings.get(hers)).toMatchObject({ title: 'Minji’s bike', sellerId: 'minji-id' });
    expect(await db.listings.get(pulled.id)).toBeUndefined();
  });

  it('again as the same person, after the session expired, changes nothing but the flag', async () => {
    await signedIn(db, minji);
    await setMeta(db, 'cursor', 40);
    const hers = await publishLocally('Still mine');
    await setMeta(db, 'sessionExpired', true);
    await signedIn(db, minji);
    expect(await getMeta(db, 'sessionExpired')).toBe(false);
    expect(await getMeta(db, 'cursor')).toBe(40);
    expect(await waitingIds(db)).toEqual(new Set([hers]));
  });
});

describe('waiting changes', () => {
  it('are counted as the changes the next sync will send, the signed-in person’s only', async () => {
    await signedIn(db, minji);
    const id = await publishLocally('Bike');
    await inTx(() => enqueue(db, 'listing.set_status', { id, status: 'reserved' }, id));
    await inTx(() => enqueue(db, 'listing.set_status', { id, status: 'sold' }, id));
    expect(await unsyncedCount(db)).toBe(3);
    await publishLocally('Lamp');
    expect(await unsyncedCount(db)).toBe(4);
    await signedIn(db, jun);
    expect(await unsyncedCount(db)).toBe(0);
  });
});

describe('photos on a shared device', () => {
  const photo = (hash: string, ownerId: string) => ({
    hash,
    blob: new Blob(['x']),
    type: 'image/webp',
    width: 1,
    height: 1,
    uploaded: 0 as const,
    ownerId,
    createdAt: 1,
  });

  it('go with the account that signs in after they were added signed out, and leave with it', async () => {
    await db.photos.bulkAdd([photo('a'.repeat(64), ''), photo('b'.repeat(64), 'jun-id')]);
    await signedIn(db, minji);
    expect((await db.photos.toArray()).map((p) => p.ownerId).sort()).toEqual(['jun-id', 'minji-id']);
    await signOutLocally(db, { toldServer: true });
    expect((await db.photos.toArray()).map((p) => p.ownerId)).toEqual(['jun-id']);
  });
});

describe('signing out', () => {
  it('wipes that person’s drafts, waiting changes and facts, and keeps public listings and other accounts’ work', async () => {
    const pulled = await pulledListing();
    await signedIn(db, jun);
    const junsDraft = await createDraft(db, { title: 'Jun’s draft' });
    const junsListing = await publishLocally('Jun’s lamp');
    await signedIn(db, minji);
    await createDraft(db, { title: 'Minji’s draft' });
    const hers = await publishLocally('Minji’s bike');
    await setMeta(db, 'cursor', 40);

    await signOutLocally(db, { toldServer: true });
    expect(await getMeta(db, 'actorId')).toBeUndefined();
    expect(await getMeta(db, 'nickname')).toBeUndefined();
    expect(await getMeta(db, 'signOutPending')).toBeUndefined();
    expect((await db.drafts.toArray()).map((d) => d.id)).toEqual([junsDraft.id]);
    expect((await db.outbox.toArray()).map((e) => e.entityId)).toEqual([junsListing]);
    // Her never-sent listing does not stay behind in the feed as if it were real.
    expect(await db.listings.get(hers)).toBeUndefined();
    expect((await feedPage(db, 10)).map((l) => l.id)).toEqual([pulled.id]);
  });

  it('offline too, removes the seller’s own hidden listings, which only they may see (hole 7)', async () => {
    await signedIn(db, minji);
    const hidden = serverListing({ neighbourhoodId: SUNAE, sellerId: 'minji-id', sellerName: 'minji', hidden: true });
    const shown = serverListing({ neighbourhoodId: SUNAE, sellerId: 'minji-id', sellerName: 'minji' });
    const othersHidden = serverListing({ neighbourhoodId: SUNAE, sellerId: 'jun-id', sellerName: 'jun', hidden: true });
    await db.listings.bulkPut([hidden, shown, othersHidden]);

    await signOutLocally(db, { toldServer: false });
    expect(await db.listings.get(hidden.id)).toBeUndefined();
    expect(await db.listings.get(shown.id)).toBeDefined();
    // Not hers to remove: another account's rows wait for that account, as its drafts do.
    expect(await db.listings.get(othersHidden.id)).toBeDefined();
  });

  it('offline remembers to tell the server at the next sync', async () => {
    await signedIn(db, minji);
    await signOutLocally(db, { toldServer: false });
    expect(await getMeta(db, 'signOutPending')).toBe(true);
  });
});
