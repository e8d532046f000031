// Actions on listings as the outbox records them: what waits to sync is exactly what will be sent.
import { describe, expect, it } from 'vitest';
import { signedIn, unsyncedCount } from '../db/account.js';
import { DongneDb } from '../db/db.js';
import { getMeta, setMeta } from '../db/meta.js';
import { myListings, waitingIds } from '../db/queries.js';
import { serverListing, useFreshDb } from '../db/test-db.js';
import { setListingLiked, setListingStatus } from './listing-actions.js';

let db: DongneDb;
useFreshDb((fresh) => (db = fresh));

const minji = { actorId: 'minji-id', nickname: 'minji', joinedAt: 1 };
const liked = async () => (await getMeta(db, 'likedIds')) ?? [];
const waitingNames = async () => (await db.outbox.orderBy('seq').toArray()).map((e) => [e.name, e.args]);

describe('liking offline', () => {
  it('sends nothing for a like taken back before it was sent, and shows nothing waiting', async () => {
    await signedIn(db, minji);
    const { id } = serverListing();
    await setListingLiked(db, id, true);
    expect(await liked()).toEqual([id]);
    expect(await unsyncedCount(db)).toBe(1);

    await setListingLiked(db, id, false);
    expect(await liked()).toEqual([]);
    expect(await unsyncedCount(db)).toBe(0);
    expect(await waitingIds(db)).toEqual(new Set());
  });

  it('waits as one change however often the heart is tapped, ending as the last tap left it', async () => {
    await signedIn(db, minji);
    const { id } = serverListing();
    for (const state of [true, false, true, true]) await setListingLiked(db, id, state);
    expect(await waitingNames()).toEqual([['listing.set_liked', { id, liked: true }]]);

    // Already on the server's watchlist: unliking is the one change to send, liking again none.
    await db.outbox.clear();
    await setMeta(db, 'serverLikedIds', [id]);
    await setMeta(db, 'likedIds', [id]);
    await setListingLiked(db, id, false);
    expect(await waitingNames()).toEqual([['listing.set_liked', { id, liked: false }]]);
    await setListingLiked(db, id, true);
    expect(await waitingNames()).toEqual([]);
    expect(await liked()).toEqual([id]);
  });

  it('never rewrites a like already on its way: taking it back is a change of its own', async () => {
    await signedIn(db, minji);
    const { id } = serverListing();
    await setListingLiked(db, id, true);
    // The sync engine numbered it and sent it; no answer yet.
    const [sent] = await db.outbox.toArray();
    await db.outbox.update(sent.seq, { wire: { clientId: 'phone', seq: 1 } });
    await setListingLiked(db, id, false);
    expect(await waitingNames()).toEqual([
      ['listing.set_liked', { id, liked: true }],
      ['listing.set_liked', { id, liked: false }],
    ]);
  });
});

describe('my listings', () => {
  it('holds what I sell, not others’ listings I liked or that wait to sync for another reason', async () => {
    await signedIn(db, minji);
    const mine = serverListing({ sellerId: minji.actorId, sellerName: 'minji', title: 'Mine' });
    const theirs = serverListing({ title: 'Theirs' });
    await db.listings.bulkPut([mine, theirs]);
    await setListingLiked(db, theirs.id, true);
    await setListingStatus(db, mine.id, 'reserved');

    expect((await myListings(db)).map(({ listing, waiting }) => [listing.title, waiting])).toEqual([['Mine', true]]);
  });
});
