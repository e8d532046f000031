import { describe, expect, it } from 'vitest';
import type { Listing } from '@dongne/shared';
import { signedIn } from '../db/account.js';
import { DongneDb } from '../db/db.js';
import { clientIdOf, getMeta, setMeta } from '../db/meta.js';
import { waitingIds } from '../db/queries.js';
import { serverListing, useFreshDb } from '../db/test-db.js';
import { rejectLocally } from './local-settle.js';
import { enqueue, notifyLocalMutation, numberForWire, onLocalMutation, rebaseOutbox, renumberFrom } from './outbox.js';

let db: DongneDb;
useFreshDb((fresh) => (db = fresh));

const inTx = <T>(fn: () => Promise<T>) => db.transaction('rw', [db.outbox, db.meta, db.listings, db.neighbourhoods], fn);

function createArgs(id: string = crypto.randomUUID()) {
  return { id, title: 'Rice cooker', priceKrw: 30000, category: 'household' as const, description: '', neighbourhoodId: 'kr-bundang-sunae', acceptsOffers: false, meetingSpot: '', photos: [] };
}

const serverRow = (overrides: Partial<Listing> = {}): Listing => serverListing({ ...createArgs(), sellerName: 'Neighbour ABCD', ...overrides });

describe('the outbox', () => {
  it('refuses args the mutation registry refuses, and records nothing', async () => {
    await expect(inTx(() => enqueue(db, 'listing.create', { ...createArgs(), priceKrw: -1 }, 'x'))).rejects.toThrow();
    await expect(inTx(() => enqueue(db, 'listing.delete', { id: 'not-a-uuid' }, 'x'))).rejects.toThrow();
    expect(await db.outbox.count()).toBe(0);
    expect(await db.listings.count()).toBe(0);
  });

  it('applies the mutation to the replica as the signed-in account, and records it as theirs', async () => {
    await signedIn(db, { actorId: 'me', nickname: 'minji', joinedAt: 1 });
    const args = createArgs();
    const entry = await inTx(() => enqueue(db, 'listing.create', args, args.id));
    expect(entry.ownerId).toBe('me');
    expect(await db.listings.get(args.id)).toMatchObject({ ...args, sellerId: 'me', sellerName: 'minji', createdAt: entry.createdAt });
    expect(await waitingIds(db)).toEqual(new Set([args.id]));
  });

  it('records a change made while signed out as nobody’s yet', async () => {
    const args = createArgs();
    const entry = await inTx(() => enqueue(db, 'listing.create', args, args.id));
    expect(entry.ownerId).toBe('');
    expect(await db.listings.get(args.id)).toMatchObject({ sellerId: '', sellerName: 'You' });
  });

  it('keeps the GPS fix with the mutation, and only when there is one', async () => {
    const fix = { lat: 37.374, lng: 127.119, accuracy: 15, takenAt: 1_700_000_000_000 };
    const withFix = await inTx(() => enqueue(db, 'neighbourhood.verify', { neighbourhoodId: 'kr-bundang-sunae' }, 'verify:kr-bundang-sunae', fix));
    const without = await inTx(() => enqueue(db, 'listing.delete', { id: crypto.randomUUID() }, 'x'));
    expect((await db.outbox.get(withFix.seq))?.fix).toEqual(fix);
    expect(await db.outbox.get(without.seq)).not.toHaveProperty('fix');
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

  it('keeps the server’s createdAt and neighbourhood name for a listing it already holds', async () => {
    const args = createArgs();
    await inTx(() => enqueue(db, 'listing.create', args, args.id));
    expect((await db.listings.get(args.id))?.neighbourhood).toBe('');
    await db.listings.put(serverRow({ ...args, sellerId: 'server-id', createdAt: 42 }));
    await inTx(() => rebaseOutbox(db));
    expect(await db.listings.get(args.id)).toMatchObject({ createdAt: 42, neighbourhood: 'Sunae-dong 수내동' });
  });

  it('re-applies only the signed-in account’s changes, never another account’s on this device', async () => {
    const row = serverRow();
    await db.listings.put(row);
    await signedIn(db, { actorId: 'minji', nickname: 'minji', joinedAt: 1 });
    const hers = createArgs();
    await inTx(() => enqueue(db, 'listing.create', hers, hers.id));
    await inTx(() => enqueue(db, 'listing.delete', { id: row.id }, row.id));
    await signedIn(db, { actorId: 'jun', nickname: 'jun', joinedAt: 2 });

    // A pull brings the server's rows; Jun's rebase must not bring Minji's work back.
    await db.listings.put(row);
    await inTx(() => rebaseOutbox(db));
    expect(await db.listings.get(hers.id)).toBeUndefined();
    expect(await db.listings.get(row.id)).toEqual(row);
    expect(await waitingIds(db)).toEqual(new Set());
  });

  it('puts an unconfirmed change of neighbourhoods back on top of the profile the server sent', async () => {
    const profile = { actorId: 'me', nickname: 'Me', verificationCount: 2, lastVerifiedAt: 5, neighbourhoods: [{ id: 'kr-bundang-sunae', name: 'Sunae-dong 수내동', active: true, verifiedAt: 5 }] };
    await setMeta(db, 'profile', profile);
    await inTx(() => enqueue(db, 'neighbourhood.set', { held: ['kr-bundang-sunae', 'kr-mapo-mangwon'], active: 'kr-mapo-mangwon' }, 'neighbourhoods'));
    // A pull brings the server's profile, which has not seen the change yet.
    await setMeta(db, 'profile', profile);
    await inTx(() => rebaseOutbox(db));
    expect((await getMeta(db, 'profile'))?.neighbourhoods).toEqual([
      { id: 'kr-bundang-sunae', name: 'Sunae-dong 수내동', active: false, verifiedAt: 5 },
      { id: 'kr-mapo-mangwon', name: 'kr-mapo-mangwon', active: true, verifiedAt: null },
    ]);
    expect(await getMeta(db, 'profile')).toMatchObject({ verificationCount: 2 });
  });
});

describe('a mutation the server refused', () => {
  it('turns a refused listing.create back into a draft that says why', async () => {
    const args = createArgs();
    await inTx(() => enqueue(db, 'listing.create', args, args.id));
    await db.transaction('rw', [db.listings, db.drafts, db.meta], () =>
      rejectLocally(db, 'listing.create', args, { code: 'location.too_far', message: 'You are too far from Sunae-dong.' }, 'seller-a'),
    );
    expect(await db.listings.get(args.id)).toBeUndefined();
    expect(await db.drafts.get(args.id)).toMatchObject({
      id: args.id,
      // Back to whoever published it, whoever is signed in now.
      ownerId: 'seller-a',
      title: 'Rice cooker',
      price: '30000',
      category: 'household',
      rejection: { code: 'location.too_far', message: 'You are too far from Sunae-dong.' },
    });
  });

  it('remembers why a verification was refused, and counts nothing', async () => {
    await rejectLocally(db, 'neighbourhood.verify', { neighbourhoodId: 'kr-bundang-sunae' }, { code: 'location.stale', message: 'Too old.' }, '');
    expect(await getMeta(db, 'verifyRejection')).toMatchObject({ code: 'location.stale', message: 'Too old.', at: expect.any(Number) });
    expect(await getMeta(db, 'profile')).toBeUndefined();
  });
});

describe('the device id', () => {
  it('is made once and kept', async () => {
    const first = await clientIdOf(db);
    expect(first).toMatch(/^[0-9a-f-]{36}$/);
    const both = await Promise.all([clientIdOf(db), clientIdOf(db)]);
    expect(both).toEqual([first, first]);
  });

  it('is one per account on this device, and an account gets its own back when it returns', async () => {
    await signedIn(db, { actorId: 'minji', nickname: 'minji', joinedAt: 1 });
    const minji = await clientIdOf(db);
    await signedIn(db, { actorId: 'jun', nickname: 'jun', joinedAt: 2 });
    const jun = await clientIdOf(db);
    expect(jun).not.toBe(minji);
    await signedIn(db, { actorId: 'minji', nickname: 'minji', joinedAt: 1 });
    expect(await clientIdOf(db)).toBe(minji);
    expect(await getMeta(db, 'clientIds')).toEqual({ minji, jun });
  });
});

describe('the lifecycle mutations on this device', () => {
  it('keep a like in the watchlist however often it is rebased, and leave the count to the server', async () => {
    const row = serverRow({ likeCount: 3 });
    await db.listings.put(row);
    await setMeta(db, 'serverLikedIds', []);
    await inTx(() => enqueue(db, 'listing.set_liked', { id: row.id, liked: true }, row.id));
    await inTx(() => rebaseOutbox(db));
    await inTx(() => rebaseOutbox(db));
    expect(await getMeta(db, 'likedIds')).toEqual([row.id]);
    // The row keeps the server's count; the screen adds the like that waits (likedIds − serverLikedIds).
    expect(await db.listings.get(row.id)).toMatchObject({ likeCount: 3 });

    await setMeta(db, 'likedIds', []);
    await inTx(() => rebaseOutbox(db));
    expect(await getMeta(db, 'likedIds')).toEqual([row.id]);

    await inTx(() => enqueue(db, 'listing.set_liked', { id: row.id, liked: false }, row.id));
    expect(await getMeta(db, 'likedIds')).toEqual([]);
  });

  it('show an edit, a hide and a bump at once, and keep them over a pulled row until confirmed', async () => {
    const row = serverRow();
    await db.listings.put(row);
    const { id } = row;
    await inTx(() => enqueue(db, 'listing.update', { ...createArgs(id), title: 'Rice cooker, 6 cups', meetingSpot: 'Exit 3' }, id));
    await inTx(() => enqueue(db, 'listing.set_hidden', { id, hidden: true }, id));
    await inTx(() => enqueue(db, 'listing.bump', { id }, id));
    const edited = await db.listings.get(id);
    expect(edited).toMatchObject({ title: 'Rice cooker, 6 cups', meetingSpot: 'Exit 3', hidden: true });
    expect(edited!.editedAt).toBeGreaterThan(row.createdAt);
    expect(edited!.bumpedAt).toBeGreaterThan(row.bumpedAt);

    await db.listings.put(row);
    await inTx(() => rebaseOutbox(db));
    expect(await db.listings.get(id)).toMatchObject({ title: 'Rice cooker, 6 cups', hidden: true, bumpedAt: edited!.bumpedAt });
  });

  it('put back the listing the server sends with a refused edit, without pulling the area again', async () => {
    const row = serverRow({ title: 'Rice cooker' });
    await setMeta(db, 'cursor', 40);
    await db.listings.put({ ...row, title: 'x' });
    const current = { op: 'upsert' as const, entity: 'listing' as const, row };
    await rejectLocally(db, 'listing.update', { ...createArgs(row.id), title: 'x' } as never, { code: 'listing.not_owner', message: 'No.', current }, '');
    expect(await db.listings.get(row.id)).toEqual(row);
    expect(await getMeta(db, 'cursor')).toBe(40);
  });

  it('drop a listing the server says is gone when it refuses a change to it', async () => {
    const row = serverRow();
    await db.listings.put(row);
    const current = { op: 'delete' as const, entity: 'listing' as const, id: row.id };
    await rejectLocally(db, 'listing.set_status', { id: row.id, status: 'sold' }, { code: 'listing.not_found', message: 'Gone.', current }, '');
    expect(await db.listings.get(row.id)).toBeUndefined();
  });

  it('take back a refused like, leaving the watchlist as the server has it', async () => {
    const [kept, refused] = [crypto.randomUUID(), crypto.randomUUID()];
    await setMeta(db, 'serverLikedIds', [kept]);
    await setMeta(db, 'likedIds', [refused, kept]);
    await rejectLocally(db, 'listing.set_liked', { id: refused, liked: true }, { code: 'listing.not_found', message: 'Gone.' }, '');
    expect(await getMeta(db, 'likedIds')).toEqual([kept]);
    // An unlike the server refused puts the like back.
    await rejectLocally(db, 'listing.set_liked', { id: kept, liked: false }, { code: 'listing.not_found', message: 'Gone.' }, '');
    expect(await getMeta(db, 'likedIds')).toEqual([kept]);
  });

  it('send the whole draft again when the server could not read an edit of it, and nothing when it is gone', async () => {
    const id = crypto.randomUUID();
    const doc = new Uint8Array([1, 0, 0]);
    await db.drafts.put({ id, ownerId: '', title: 't', price: '', category: '', description: '', acceptsOffers: false, meetingSpot: '', photos: [], doc, createdAt: 1, updatedAt: 1 });
    const refused = { id, update: 'AAAA' };
    await inTx(() => rejectLocally(db, 'draft.update', refused, { code: 'draft.gone', message: 'Gone.' }, ''));
    expect(await db.outbox.count()).toBe(0);
    await db.transaction('rw', [db.outbox, db.meta, db.listings, db.neighbourhoods, db.drafts], () =>
      rejectLocally(db, 'draft.update', refused, { code: 'draft.invalid_update', message: 'Unreadable.' }, ''),
    );
    expect((await db.outbox.toArray()).map((e) => [e.name, e.args])).toEqual([['draft.update', { id, update: 'AQAA' }]]);
  });
});

describe('numbering for the wire', () => {
  it('sends each entry as it is stored when numbered, and stops before one removed since the batch was read', async () => {
    const ids = [crypto.randomUUID(), crypto.randomUUID(), crypto.randomUUID()];
    for (const id of ids) await inTx(() => enqueue(db, 'listing.set_liked', { id, liked: true }, id));
    const batch = await db.outbox.orderBy('seq').toArray();
    // Meanwhile: an autosave-like change folds into the first entry, and the second is taken back.
    await db.outbox.update(batch[0].seq, { args: { id: ids[0], liked: false } });
    await db.outbox.delete(batch[1].seq);

    const numbered = await numberForWire(db, batch, 'phone-1');
    expect(numbered.map((e) => [e.args, e.wire])).toEqual([[{ id: ids[0], liked: false }, { clientId: 'phone-1', seq: 1 }]]);
    expect(await getMeta(db, 'sentSeqs')).toEqual({ 'phone-1': 1 });
    // The third goes in the next batch, numbered on.
    const rest = await numberForWire(db, await db.outbox.orderBy('seq').toArray(), 'phone-1');
    expect(rest.map((e) => e.wire?.seq)).toEqual([1, 2]);
  });

  it('numbers again from the server’s expectedSeq only what it has not processed, keeping the rest', async () => {
    const ids = [crypto.randomUUID(), crypto.randomUUID(), crypto.randomUUID()];
    for (const id of ids) await inTx(() => enqueue(db, 'listing.set_liked', { id, liked: true }, id));
    const [retried, stale, fresh] = await numberForWire(db, await db.outbox.orderBy('seq').toArray(), 'phone-1');
    await renumberFrom(db, '', 'phone-1', 7, [stale.mutationId, fresh.mutationId]);
    const after = await db.outbox.orderBy('seq').toArray();
    expect(after.map((e) => e.wire?.seq)).toEqual([retried.wire!.seq, 7, 8]);
    expect(await getMeta(db, 'sentSeqs')).toEqual({ 'phone-1': 8 });
  });
});

