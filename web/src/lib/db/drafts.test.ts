import { describe, expect, it } from 'vitest';
import type { Fix } from '@dongne/shared';
import { signedIn } from './account.js';
import { DongneDb } from './db.js';
import { blankDraft, createDraft, ownDraft, parsePrice, publishDraft, validateDraft, type DraftFields } from './drafts.js';
import { deleteListing } from '../listings/listing-actions.js';
import { openDraftDoc, writeFields } from '../drafts/draft-doc.js';
import { saveDraftDoc } from '../drafts/save-draft.js';
import { getMeta } from './meta.js';
import { draftsNewestFirst, feedPage, myListings, waitingIds } from './queries.js';
import { useFreshDb } from './test-db.js';

const lamp: DraftFields = {
  title: 'Desk lamp',
  price: '12,000원',
  category: 'household',
  description: 'Warm light, works fine.',
  acceptsOffers: false,
  meetingSpot: '',
  photos: [],
};
const PANGYO = 'kr-bundang-pangyo';
/** Where the phone was when Publish was tapped. */
const fix: Fix = { lat: 37.3915, lng: 127.092, accuracy: 12, takenAt: Date.UTC(2026, 2, 1, 9) };
const place = { neighbourhoodId: PANGYO, fix };

let db: DongneDb;
useFreshDb((fresh) => (db = fresh));

function issuesByField(result: ReturnType<typeof validateDraft>) {
  return result.ok ? {} : Object.fromEntries(result.issues.map((i) => [i.path, i.message]));
}

describe('writing a draft', () => {
  it('starts empty, or with the fields it was given', async () => {
    const blank = await createDraft(db);
    expect(blank).toMatchObject({ title: '', price: '', category: '', description: '' });
    // Where the item is comes from the person's neighbourhood when they publish, not from the draft.
    expect(blank).not.toHaveProperty('neighbourhood');
    const started = await createDraft(db, { title: 'Bike' });
    expect(await db.drafts.get(started.id)).toMatchObject({ title: 'Bike', price: '' });
  });

  it('keeps exactly what was typed, even a half-written price', async () => {
    const draft = await createDraft(db);
    const doc = openDraftDoc(undefined);
    const edits: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array) => edits.push(update));
    writeFields(doc, { ...lamp, title: '  Desk lamp ', price: '12,0' });
    await saveDraftDoc(db, draft.id, doc, edits);
    const reopened = await db.drafts.get(draft.id);
    expect(reopened).toMatchObject({ ...lamp, title: '  Desk lamp ', price: '12,0' });
    expect(reopened!.updatedAt).toBeGreaterThanOrEqual(draft.updatedAt);
    expect(reopened!.createdAt).toBe(draft.createdAt);
  });

  it('lists the most recently edited draft first', async () => {
    const older = await createDraft(db, { title: 'older' });
    const newer = await createDraft(db, { title: 'newer' });
    await db.drafts.update(older.id, { updatedAt: 1 });
    await db.drafts.update(newer.id, { updatedAt: 2 });
    expect((await draftsNewestFirst(db)).map((d) => d.title)).toEqual(['newer', 'older']);
  });
});

describe('drafts on a shared device', () => {
  const minji = { actorId: 'minji-id', nickname: 'minji', joinedAt: 1 };
  const jun = { actorId: 'jun-id', nickname: 'jun', joinedAt: 2 };

  it('belong to the account that wrote them: another account neither lists, opens, reuses nor publishes them', async () => {
    await signedIn(db, minji);
    const written = await createDraft(db, lamp);
    const blank = await createDraft(db);
    expect(written.ownerId).toBe(minji.actorId);
    expect(await blankDraft(db)).toEqual(blank);

    await signedIn(db, jun);
    expect(await draftsNewestFirst(db)).toEqual([]);
    expect(await ownDraft(db, written.id)).toBeUndefined();
    expect(await blankDraft(db)).toBeUndefined();
    expect(await publishDraft(db, written.id, place)).toEqual({ ok: false, issues: [{ path: '', message: 'This draft no longer exists.' }] });
    expect(await db.outbox.count()).toBe(0);

    await signedIn(db, minji);
    expect((await draftsNewestFirst(db)).map((d) => d.id).sort()).toEqual([written.id, blank.id].sort());
    expect(await ownDraft(db, written.id)).toEqual(written);
  });

  it('go to whoever signs in when they were written signed out', async () => {
    const written = await createDraft(db, lamp);
    expect(written.ownerId).toBe('');
    expect((await draftsNewestFirst(db)).map((d) => d.id)).toEqual([written.id]);
    await signedIn(db, jun);
    expect(await db.drafts.get(written.id)).toMatchObject({ ownerId: jun.actorId });
    expect((await draftsNewestFirst(db)).map((d) => d.id)).toEqual([written.id]);
  });
});

describe('reading a price as typed', () => {
  it.each([
    ['12,000원', 12000],
    ['₩12,000', 12000],
    [' 12 000 ', 12000],
    ['0', 0],
  ])('reads %j as %d won', (typed, won) => {
    expect(parsePrice(typed)).toBe(won);
  });

  it('treats an empty price as not given, and anything else as not a price', () => {
    expect(parsePrice('')).toBeUndefined();
    expect(parsePrice(' ₩ ')).toBeUndefined();
    for (const typed of ['abc', '12.5', '-100', '1e5', '12,000 dollars']) expect(parsePrice(typed)).toBeNaN();
  });
});

describe('validating a draft', () => {
  it('accepts a complete draft and gives the content to publish', () => {
    const result = validateDraft({ ...lamp, title: '  Desk lamp  ' }, PANGYO);
    expect(result).toEqual({
      ok: true,
      content: { title: 'Desk lamp', priceKrw: 12000, category: 'household', description: lamp.description, acceptsOffers: false, meetingSpot: '', photos: [], neighbourhoodId: PANGYO },
    });
  });

  it('asks for a title when it is empty or only spaces', () => {
    expect(issuesByField(validateDraft({ ...lamp, title: '' }, PANGYO))).toEqual({ title: 'Give your listing a title' });
    expect(issuesByField(validateDraft({ ...lamp, title: '   ' }, PANGYO))).toEqual({ title: 'Give your listing a title' });
  });

  it('asks for a price unless the item is a free giveaway', () => {
    expect(issuesByField(validateDraft({ ...lamp, price: '' }, PANGYO))).toEqual({ priceKrw: 'Set a price, or choose Free giveaway' });
    const free = validateDraft({ ...lamp, price: '', category: 'free' }, PANGYO);
    expect(free.ok && free.content.priceKrw).toBe(0);
  });

  it('refuses a price that is not a number of won', () => {
    expect(issuesByField(validateDraft({ ...lamp, price: 'abc' }, PANGYO))).toEqual({ priceKrw: 'Price must be a whole number of won' });
    expect(issuesByField(validateDraft({ ...lamp, price: '2000000000' }, PANGYO))).toEqual({ priceKrw: 'That price is too high' });
  });

  it('asks for a category, and for a neighbourhood to be chosen first', () => {
    expect(issuesByField(validateDraft({ ...lamp, category: '' }, ''))).toEqual({
      category: 'Pick one of the listed categories',
      neighbourhoodId: 'Choose your neighbourhood first',
    });
  });

  it('reports every missing field of an empty form at once', () => {
    expect(Object.keys(issuesByField(validateDraft({ title: '', price: '', category: '', description: '', acceptsOffers: false, meetingSpot: '', photos: [] }, ''))).sort()).toEqual([
      'category',
      'neighbourhoodId',
      'priceKrw',
      'title',
    ]);
  });

  it('ignores anything else the draft carries, such as an old free-text neighbourhood', () => {
    const old = { ...lamp, neighbourhood: 'Somewhere' } as typeof lamp;
    const result = validateDraft(old, PANGYO);
    expect(result.ok && result.content).not.toHaveProperty('neighbourhood');
  });
});

describe('publishing a draft', () => {
  it('refuses invalid content and leaves the draft and the outbox untouched', async () => {
    const draft = await createDraft(db, { ...lamp, title: '', price: 'abc' });
    const result = await publishDraft(db, draft.id, place);
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.issues.map((i) => i.path).sort()).toEqual(['priceKrw', 'title']);
    expect(await db.drafts.get(draft.id)).toEqual(draft);
    expect(await db.outbox.count()).toBe(0);
    expect(await db.listings.count()).toBe(0);
    expect(await getMeta(db, 'nextSeq')).toBeUndefined();
  });

  it('says so when the draft is gone', async () => {
    const result = await publishDraft(db, crypto.randomUUID(), place);
    expect(result).toEqual({ ok: false, issues: [{ path: '', message: 'This draft no longer exists.' }] });
  });

  it('refuses to publish before a neighbourhood is chosen, and keeps the draft', async () => {
    const draft = await createDraft(db, lamp);
    const result = await publishDraft(db, draft.id, { neighbourhoodId: '', fix });
    expect(result).toEqual({ ok: false, issues: [{ path: 'neighbourhoodId', message: 'Choose your neighbourhood first' }] });
    expect(await db.drafts.get(draft.id)).toEqual(draft);
    expect(await db.outbox.count()).toBe(0);
  });

  it('shows the listing at once as waiting to sync, queues it with the fix and puts the draft out of sight', async () => {
    const draft = await createDraft(db, lamp);
    const result = await publishDraft(db, draft.id, place);
    expect(result).toEqual({ ok: true, listingId: draft.id });

    // Kept until the server accepts the listing, but no longer a draft anyone sees or opens.
    expect(await ownDraft(db, draft.id)).toBeUndefined();
    expect(await draftsNewestFirst(db)).toEqual([]);
    const listing = await db.listings.get(draft.id);
    expect(listing).toMatchObject({ id: draft.id, title: 'Desk lamp', priceKrw: 12000, status: 'selling', sellerName: 'You' });
    expect((await feedPage(db, 10)).map((l) => l.id)).toEqual([draft.id]);
    // Published before anyone signed in here: still shown as the user's own, marked waiting.
    expect((await myListings(db)).map(({ listing, waiting }) => [listing.id, waiting])).toEqual([[draft.id, true]]);
    expect(await waitingIds(db)).toEqual(new Set([draft.id]));

    const [entry] = await db.outbox.toArray();
    expect(entry).toMatchObject({
      seq: 1,
      name: 'listing.create',
      entityId: draft.id,
      args: { id: draft.id, title: 'Desk lamp', priceKrw: 12000, category: 'household', description: lamp.description, neighbourhoodId: PANGYO },
      // The server checks where the phone was when Publish was tapped, whenever it syncs.
      fix,
    });
  });

  it('names the neighbourhood on the waiting listing when this device knows the place', async () => {
    await db.neighbourhoods.put({ id: PANGYO, nameEn: 'Pangyo-dong', nameKo: '판교동', country: 'KR', lat: 37.3915, lng: 127.092 });
    const known = await createDraft(db, lamp);
    await publishDraft(db, known.id, place);
    expect(await db.listings.get(known.id)).toMatchObject({ neighbourhoodId: PANGYO, neighbourhood: 'Pangyo-dong 판교동' });

    const unknown = await createDraft(db, lamp);
    await publishDraft(db, unknown.id, { neighbourhoodId: 'kr-somewhere-new', fix: { ...fix, takenAt: fix.takenAt + 1 } });
    expect(await db.listings.get(unknown.id)).toMatchObject({ neighbourhoodId: 'kr-somewhere-new', neighbourhood: '' });
  });

  it('queues a publish without a fix when none could be taken, for the server to judge', async () => {
    const draft = await createDraft(db, lamp);
    expect(await publishDraft(db, draft.id, { neighbourhoodId: PANGYO })).toEqual({ ok: true, listingId: draft.id });
    expect((await db.outbox.toArray())[0]).not.toHaveProperty('fix');
  });

  it('writes the listing and the outbox entry together or not at all', async () => {
    const draft = await createDraft(db, lamp);
    // The listing write fails (say, quota exceeded) after the outbox entry was added.
    db.listings.hook('creating', () => {
      throw new Error('QuotaExceededError');
    });
    await expect(publishDraft(db, draft.id, place)).rejects.toThrow('QuotaExceededError');

    expect(await db.drafts.get(draft.id)).toEqual(draft);
    expect(await db.outbox.count()).toBe(0);
    expect(await db.listings.count()).toBe(0);
    expect(await getMeta(db, 'nextSeq')).toBeUndefined();
  });

  it('numbers this device’s mutations in increasing order, deletes included', async () => {
    const first = await createDraft(db, lamp);
    const second = await createDraft(db, { ...lamp, title: 'Chair', category: 'furniture' });
    await publishDraft(db, first.id, place);
    await publishDraft(db, second.id, place);
    await deleteListing(db, first.id);

    const outbox = await db.outbox.orderBy('seq').toArray();
    expect(outbox.map((e) => [e.seq, e.name, e.entityId])).toEqual([
      [1, 'listing.create', first.id],
      [2, 'listing.create', second.id],
      [3, 'listing.delete', first.id],
    ]);
    expect(new Set(outbox.map((e) => e.mutationId)).size).toBe(3);
    expect(await getMeta(db, 'nextSeq')).toBe(4);

    // Another device counts on its own.
    const other = new DongneDb(`test-${crypto.randomUUID()}`);
    try {
      const draft = await createDraft(other, lamp);
      await publishDraft(other, draft.id, place);
      expect((await other.outbox.toArray()).map((e) => e.seq)).toEqual([1]);
    } finally {
      other.close();
      await DongneDb.delete(other.name);
    }
  });
});
