// Drafts edited on two devices: the server merges their Yjs updates, keeps the merged document,
// and hands it to the owner's devices on pull, never to anyone else.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { base64ToBytes, bytesToBase64, DRAFT_LIMITS, type MutationResult, type PullResponse } from '@dongne/shared';
import { createTestServer, device, dumpTables, mutation, newSession, pull, push, type TestServer } from '../testing/harness.js';

let server: TestServer;
let alice: Awaited<ReturnType<typeof newSession>>;
let phone: ReturnType<typeof device>;
let laptop: ReturnType<typeof device>;
const id = crypto.randomUUID();

beforeEach(async () => {
  server = await createTestServer();
  alice = await newSession(server.app);
  phone = device();
  laptop = device();
});
afterEach(() => server.close());

const send = async (dev: ReturnType<typeof device>, name: string, args: unknown, cookie = alice.cookie): Promise<MutationResult> =>
  (await push(server.app, cookie, dev.clientId, [mutation(dev.nextSeq(), name, args)])).results[0];

/** Edits a document and returns the Yjs update the edit produced, as a device would send it. */
function edit(doc: Y.Doc, change: (doc: Y.Doc) => void): string {
  const updates: Uint8Array[] = [];
  const listener = (update: Uint8Array) => updates.push(update);
  doc.on('update', listener);
  change(doc);
  doc.off('update', listener);
  return bytesToBase64(Y.mergeUpdates(updates));
}

const draftIn = (page: PullResponse) =>
  page.changes.flatMap((c) => (c.entity === 'draft' && c.id === id ? [c] : []))[0];
const stateIn = (page: PullResponse) => {
  const change = draftIn(page);
  if (change?.op !== 'upsert') throw new Error('the pull did not bring the draft');
  return change.state;
};
const docOf = (state: string) => {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, base64ToBytes(state));
  return doc;
};

describe('draft.update', () => {
  it('merges edits made on two devices from the same starting point: both survive', async () => {
    const phoneDoc = new Y.Doc();
    const start = edit(phoneDoc, (d) => d.getText('title').insert(0, 'IKEA chair'));
    expect(await send(phone, 'draft.update', { id, update: start })).toMatchObject({ status: 'applied' });

    // The laptop pulls the draft, then both edit offline.
    const laptopDoc = docOf(stateIn(await pull(server.app, alice.cookie)));
    const fromPhone = edit(phoneDoc, (d) => d.getText('title').insert(0, 'Beige '));
    const fromLaptop = edit(laptopDoc, (d) => {
      d.getText('title').insert(d.getText('title').length, ', barely used');
      d.getMap('fields').set('price', '25000');
    });
    expect(await send(laptop, 'draft.update', { id, update: fromLaptop })).toMatchObject({ status: 'applied' });
    expect(await send(phone, 'draft.update', { id, update: fromPhone })).toMatchObject({ status: 'applied' });

    const merged = docOf(stateIn(await pull(server.app, alice.cookie)));
    expect(merged.getText('title').toString()).toBe('Beige IKEA chair, barely used');
    expect(merged.getMap('fields').get('price')).toBe('25000');
  });

  it('changes nothing when the same update arrives twice', async () => {
    const update = edit(new Y.Doc(), (d) => d.getText('description').insert(0, '한 번만'));
    await send(phone, 'draft.update', { id, update });
    await send(laptop, 'draft.update', { id, update });
    expect(docOf(stateIn(await pull(server.app, alice.cookie))).getText('description').toString()).toBe('한 번만');
  });

  it('never shows a draft to anyone but its owner, and refuses their updates to it', async () => {
    await send(phone, 'draft.update', { id, update: edit(new Y.Doc(), (d) => d.getText('title').insert(0, 'mine')) });
    const bob = await newSession(server.app);
    expect(draftIn(await pull(server.app, bob.cookie))).toBeUndefined();
    expect(draftIn(await pull(server.app, undefined))).toBeUndefined();
    const before = (await dumpTables(server.store)).drafts;
    const result = await send(device(), 'draft.update', { id, update: edit(new Y.Doc(), (d) => d.getText('title').insert(0, 'x')) }, bob.cookie);
    expect(result).toMatchObject({ status: 'rejected', code: 'draft.not_owner' });
    expect((await dumpTables(server.store)).drafts).toEqual(before);
  });

  it('refuses bytes that are not a Yjs update, and stores nothing', async () => {
    const result = await send(phone, 'draft.update', { id, update: bytesToBase64(new Uint8Array([1, 2, 3, 4, 5, 6, 7])) });
    expect(result).toMatchObject({ status: 'rejected', code: 'draft.invalid_update' });
    expect((await dumpTables(server.store)).drafts).toEqual([]);
  });

  it('refuses an edit that would grow the draft past 1 MB, and keeps the draft as it was', async () => {
    const doc = new Y.Doc();
    // Random letters, so nothing in the encoding makes them smaller than they are.
    const chunk = () => Array.from({ length: 180_000 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join('');
    let last: MutationResult | undefined;
    let stored: unknown;
    for (let i = 0; i < 7 && last?.status !== 'rejected'; i++) {
      stored = (await dumpTables(server.store)).drafts;
      last = await send(phone, 'draft.update', { id, update: edit(doc, (d) => d.getText('description').insert(0, chunk())) });
    }
    expect(last).toMatchObject({ status: 'rejected', code: 'draft.too_large' });
    expect((await dumpTables(server.store)).drafts).toEqual(stored);
  });

  it('refuses text that is not base64 before it reaches the merge', async () => {
    expect(await send(phone, 'draft.update', { id, update: 'not base64!' })).toMatchObject({ status: 'rejected', code: 'mutation.invalid_args' });
  });
});

describe('a draft leaving', () => {
  it('is dropped from the owner’s other devices when deleted', async () => {
    await send(phone, 'draft.update', { id, update: edit(new Y.Doc(), (d) => d.getText('title').insert(0, 'lamp')) });
    const cursor = (await pull(server.app, alice.cookie)).cursor;
    expect(await send(phone, 'draft.delete', { id })).toMatchObject({ status: 'applied' });
    expect((await pull(server.app, alice.cookie, { cursor })).changes).toEqual([{ op: 'delete', entity: 'draft', id }]);
    expect(await send(laptop, 'draft.update', { id, update: edit(new Y.Doc(), (d) => d.getText('title').insert(0, 'late')) })).toMatchObject({
      status: 'rejected',
      code: 'draft.gone',
    });
  });

  it('is dropped from the owner’s other devices when published from it', async () => {
    await send(phone, 'draft.update', { id, update: edit(new Y.Doc(), (d) => d.getText('title').insert(0, 'lamp')) });
    const cursor = (await pull(server.app, alice.cookie)).cursor;
    const create = server.createListing(phone.nextSeq(), { id });
    expect((await push(server.app, alice.cookie, phone.clientId, [create])).results[0]).toMatchObject({ status: 'applied' });
    const page = await pull(server.app, alice.cookie, { cursor });
    expect(page.changes.filter((c) => c.entity === 'draft')).toEqual([{ op: 'delete', entity: 'draft', id }]);
  });
});

describe('ids belong to whoever first used them', () => {
  it('refuses a listing published with the id of someone else’s draft, and the owner still publishes it', async () => {
    await send(phone, 'draft.update', { id, update: edit(new Y.Doc(), (d) => d.getText('title').insert(0, 'lamp')) });
    const bob = await newSession(server.app);
    const bobPhone = device();
    const before = await dumpTables(server.store);
    const stolen = server.createListing(bobPhone.nextSeq(), { id, title: 'not his' });
    expect((await push(server.app, bob.cookie, bobPhone.clientId, [stolen])).results[0]).toMatchObject({ status: 'rejected', code: 'listing.id_taken' });
    const { listings, drafts, verifications } = await dumpTables(server.store);
    expect({ listings, drafts, verifications }).toEqual({ listings: before.listings, drafts: before.drafts, verifications: before.verifications });

    const own = server.createListing(phone.nextSeq(), { id, title: 'lamp' });
    expect((await push(server.app, alice.cookie, phone.clientId, [own])).results[0]).toMatchObject({ status: 'applied' });
  });

  it('refuses a draft edit under the id of someone else’s listing', async () => {
    const create = server.createListing(phone.nextSeq(), { id });
    expect((await push(server.app, alice.cookie, phone.clientId, [create])).results[0]).toMatchObject({ status: 'applied' });
    const bob = await newSession(server.app);
    const result = await send(device(), 'draft.update', { id, update: edit(new Y.Doc(), (d) => d.getText('title').insert(0, 'x')) }, bob.cookie);
    expect(result).toMatchObject({ status: 'rejected', code: 'draft.not_owner' });
    expect((await dumpTables(server.store)).drafts).toEqual([]);
  });
});

describe('how many drafts a day', () => {
  it(`starts at most ${DRAFT_LIMITS.newPerDay} new drafts a day per account, and still takes edits to the ones it has`, async () => {
    const update = edit(new Y.Doc(), (d) => d.getText('title').insert(0, 'x'));
    const ids = Array.from({ length: DRAFT_LIMITS.newPerDay }, () => crypto.randomUUID());
    for (let start = 0; start < ids.length; start += 100) {
      const batch = ids.slice(start, start + 100).map((draftId) => mutation(phone.nextSeq(), 'draft.update', { id: draftId, update }));
      expect((await push(server.app, alice.cookie, phone.clientId, batch)).results.every((r) => r.status === 'applied')).toBe(true);
    }
    const before = (await dumpTables(server.store)).drafts;
    const refused = await send(phone, 'draft.update', { id, update });
    expect(refused).toMatchObject({ status: 'rejected', code: 'draft.daily_limit', message: expect.stringContaining(`${DRAFT_LIMITS.newPerDay} drafts today`) });
    expect((await dumpTables(server.store)).drafts).toEqual(before);
    expect(await send(phone, 'draft.update', { id: ids[0], update: edit(new Y.Doc(), (d) => d.getText('title').insert(0, 'y')) })).toMatchObject({
      status: 'applied',
    });

    server.clock.advance(24 * 60 * 60_000 + 1);
    expect(await send(phone, 'draft.update', { id, update })).toMatchObject({ status: 'applied' });
  });
});

