// One person, two devices, one draft: edits made on both while offline merge when both sync,
// through the real sync engine and the real server.
import { beforeEach, describe, expect, it } from 'vitest';
import { DRAFT_LIMITS } from '@dongne/shared';
import { unsyncedCount } from '../db/account.js';
import { getMeta } from '../db/meta.js';
import { createDraft, deleteDraft, ownDraft } from '../db/drafts.js';
import { useTestServer, type Device, type TestServer } from '../sync/test-device.js';
import { openDraftDoc, readFields, replaceText, writeFields } from './draft-doc.js';
import { saveDraftDoc } from './save-draft.js';

let server: TestServer;
const device = useTestServer((fresh) => (server = fresh));
let phone: Device;
let laptop: Device;
beforeEach(async () => {
  phone = device('phone');
  laptop = device('laptop');
  await phone.signUp();
  await laptop.signIn(phone.account);
});

/** Opens the draft on a device, edits it as the editor would, and autosaves. */
async function edit(device: Device, id: string, change: (fields: ReturnType<typeof readFields>) => void) {
  const stored = await ownDraft(device.db, id);
  const edits: Uint8Array[] = [];
  const doc = openDraftDoc(stored!.doc, stored, (update) => edits.push(update));
  const fields = readFields(doc);
  change(fields);
  writeFields(doc, fields);
  await saveDraftDoc(device.db, id, doc, edits);
}

describe('a draft edited on two devices', () => {
  it('keeps both edits when both were offline and then sync', async () => {
    const { id } = await createDraft(phone.db);
    await edit(phone, id, (f) => {
      f.title = 'IKEA Poäng armchair';
      f.description = 'Birch frame.';
    });
    await phone.sync();
    await laptop.sync();
    expect(await ownDraft(laptop.db, id)).toMatchObject({ title: 'IKEA Poäng armchair' });

    // Both offline now: each edits a different part of the same text, and one sets the price.
    await edit(phone, id, (f) => (f.title = 'IKEA Poäng armchair, beige'));
    await edit(laptop, id, (f) => {
      f.title = 'Like new: IKEA Poäng armchair';
      f.description = 'Birch frame. Cushion washed.';
      f.price = '45000';
    });
    await laptop.sync();
    await phone.sync();
    await laptop.sync();

    for (const device of [phone, laptop]) {
      expect(await ownDraft(device.db, id)).toMatchObject({
        title: 'Like new: IKEA Poäng armchair, beige',
        description: 'Birch frame. Cushion washed.',
        price: '45000',
      });
    }
  });

  it('disappears from the other device when deleted on one', async () => {
    const { id } = await createDraft(phone.db);
    await edit(phone, id, (f) => (f.title = 'Lamp'));
    await phone.sync();
    await laptop.sync();
    expect(await ownDraft(laptop.db, id)).toBeDefined();
    await deleteDraft(phone.db, id);
    await phone.sync();
    await laptop.sync();
    expect(await laptop.db.drafts.get(id)).toBeUndefined();
  });
});

describe('a draft published on one device while the other edits it', () => {
  it('still takes in the other device’s edit, so a refused publish gives back both', async () => {
    const { id } = await createDraft(phone.db);
    await edit(phone, id, (f) => (f.title = 'Lamp'));
    await phone.sync();
    await laptop.sync();
    await edit(laptop, id, (f) => (f.description = 'Warm light.'));
    await laptop.sync();

    // The phone publishes (its listing is still unsent) and then pulls the laptop's edit.
    await phone.db.drafts.update(id, { publishing: true });
    await phone.sync();
    expect(await phone.db.drafts.get(id)).toMatchObject({ publishing: true, title: 'Lamp', description: 'Warm light.' });
  });
});

describe('replaceText', () => {
  it('touches only the changed middle, so edits elsewhere in the text survive', async () => {
    const a = openDraftDoc(undefined, { title: 'abc def ghi' });
    const { Y } = await import('./draft-doc.js');
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    replaceText(a.getText('title'), 'abc DEF ghi');
    replaceText(b.getText('title'), 'abc def ghi jkl');
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    expect(a.getText('title').toString()).toBe('abc DEF ghi jkl');
  });

  it('never splits an emoji', () => {
    const doc = openDraftDoc(undefined, { title: 'I 😀 it' });
    replaceText(doc.getText('title'), 'I 😃 it');
    expect(doc.getText('title').toString()).toBe('I 😃 it');
  });
});

describe('autosaves made offline', () => {
  it('wait as one change per draft, and that one change carries every edit to the other device', async () => {
    const { id } = await createDraft(phone.db);
    await edit(phone, id, (f) => (f.title = 'Rice cooker'));
    await edit(phone, id, (f) => (f.price = '30000'));
    await edit(phone, id, (f) => (f.description = 'Six cups, barely used.'));
    expect(await phone.db.outbox.count()).toBe(1);
    expect(await unsyncedCount(phone.db)).toBe(1);

    await phone.sync();
    await laptop.sync();
    expect(await ownDraft(laptop.db, id)).toMatchObject({ title: 'Rice cooker', price: '30000', description: 'Six cups, barely used.' });
  });

  it('start a new change once the waiting one has been sent, so nothing in flight is rewritten', async () => {
    const { id } = await createDraft(phone.db);
    await edit(phone, id, (f) => (f.title = 'Lamp'));
    phone.failOn('POST', '/api/sync/push', 'response-lost');
    await phone.sync().catch(() => {});
    await edit(phone, id, (f) => (f.description = 'Warm light.'));
    expect((await phone.db.outbox.toArray()).map((e) => e.name)).toEqual(['draft.update', 'draft.update']);

    await phone.sync();
    await laptop.sync();
    expect(await ownDraft(laptop.db, id)).toMatchObject({ title: 'Lamp', description: 'Warm light.' });
  });
});

describe('a draft the server would not start keeping that day', () => {
  it('stays on the device, and reaches the other device whole with its next edit once the limit allows', async () => {
    // Two hundred drafts already started today on other devices.
    const owner = (await getMeta(phone.db, 'actorId'))!;
    for (let i = 0; i < DRAFT_LIMITS.newPerDay; i++) {
      server.store.sqlite.drafts.save({ id: crypto.randomUUID(), ownerId: owner, state: new Uint8Array([0, 0]), at: server.clock.now(), changeSeq: server.store.sqlite.sync.nextChangeSeq() });
      server.store.sqlite.creationCounts.add(owner, 'draft', server.clock.now());
    }
    const { id } = await createDraft(phone.db);
    await edit(phone, id, (f) => {
      f.title = 'Armchair';
      f.description = 'Birch frame.';
    });
    await phone.sync();
    expect(await ownDraft(phone.db, id)).toMatchObject({ title: 'Armchair', serverLacks: true });
    await laptop.sync();
    expect(await ownDraft(laptop.db, id)).toBeUndefined();

    server.clock.advance(25 * 60 * 60 * 1000);
    await edit(phone, id, (f) => (f.price = '40000'));
    await phone.sync();
    await laptop.sync();
    expect(await ownDraft(laptop.db, id)).toMatchObject({ title: 'Armchair', description: 'Birch frame.', price: '40000' });
    expect((await ownDraft(phone.db, id))?.serverLacks).toBeUndefined();
  });
});

