// The editor's autosave: what it says is saved is saved, whatever the timing of keystrokes.
import { describe, expect, it } from 'vitest';
import type { DongneDb } from '../db/db.js';
import { createDraft, ownDraft } from '../db/drafts.js';
import { useFreshDb } from '../db/test-db.js';
import { bytesToBase64 } from '@dongne/shared';
import { DraftEditor } from './draft-editor.svelte.js';
import { encodeDraft, openDraftDoc, replaceText, Y } from './draft-doc.js';
import { applyPulledDrafts } from './pulled-drafts.js';

let db: DongneDb;
useFreshDb((fresh) => (db = fresh));

/** Holds the next write transaction until `release()`: an autosave that takes a while, as on a busy phone. */
function holdNextSave(target: DongneDb) {
  let release = () => {};
  let started = () => {};
  const gate = new Promise<void>((resolve) => (release = resolve));
  const reached = new Promise<void>((resolve) => (started = resolve));
  const transaction = target.transaction.bind(target) as (...args: unknown[]) => Promise<unknown>;
  let held = false;
  (target as unknown as { transaction: unknown }).transaction = (...args: unknown[]) => {
    if (held) return transaction(...args);
    held = true;
    started();
    return gate.then(() => transaction(...args));
  };
  return { reached, release: () => release() };
}

describe('the draft editor', () => {
  it('says "saved" only once the last keystroke is saved, even if it came during a save', async () => {
    const draft = await createDraft(db);
    const editor = new DraftEditor(db, draft.id);
    await editor.open();
    await editor.save();

    const slow = holdNextSave(db);
    editor.fields.title = 'Lamp A';
    editor.changed();
    const first = editor.save();
    // A keystroke while that save is writing what it took.
    await slow.reached;
    editor.fields.title = 'Lamp AB';
    editor.changed();
    slow.release();
    await first;
    expect(editor.saveState).toBe('saving');

    await editor.save();
    expect(editor.saveState).toBe('saved');
    expect((await db.drafts.get(draft.id))?.title).toBe('Lamp AB');
    editor.close();
  });
});

describe('publishing offline from somewhere else', () => {
  // Jeongja-dong, as the device learnt it when the person chose it.
  const JEONGJA = { id: 'kr-bundang-jeongja', nameEn: 'Jeongja-dong', nameKo: '정자동', country: 'KR', lat: 37.363, lng: 127.114 };
  /** A precise reading `northKm` north of Jeongja-dong's centre. */
  const at = (northKm: number, accuracy = 20) => async () => ({
    ok: true as const,
    fix: { lat: JEONGJA.lat + northKm / 111.195, lng: JEONGJA.lng, accuracy, takenAt: Date.now() },
  });

  async function writtenDraft() {
    await db.neighbourhoods.put(JEONGJA);
    const draft = await createDraft(db);
    const editor = new DraftEditor(db, draft.id);
    await editor.open();
    Object.assign(editor.fields, { title: 'Desk lamp', category: 'household', price: '9000' });
    editor.changed();
    return editor;
  }
  const queued = async () => (await db.outbox.toArray()).filter((entry) => entry.name === 'listing.create');

  it('warns at once when the reading is clearly outside the neighbourhood, and queues nothing', async () => {
    const editor = await writtenDraft();
    expect(await editor.publish(JEONGJA.id, { locate: at(3.7), offline: true })).toBe(false);
    expect(editor.placeWarning?.check).toMatchObject({ kind: 'outside' });
    expect(Math.round((editor.placeWarning?.check as { distanceM: number }).distanceM / 100) / 10).toBe(3.7);
    expect(editor.publishing).toBe(false);
    expect(await queued()).toEqual([]);

    // "Publish anyway": the server judges that very reading when it syncs.
    expect(await editor.publishAnyway()).toBe(true);
    const [entry] = await queued();
    expect(entry.fix?.lat).toBeCloseTo(JEONGJA.lat + 3.7 / 111.195, 6);
    editor.close();
  });

  it('keeps the draft as it is when the person chooses to', async () => {
    const editor = await writtenDraft();
    await editor.publish(JEONGJA.id, { locate: at(20), offline: true });
    editor.keepDraft();
    expect(editor.placeWarning).toBeNull();
    expect(await queued()).toEqual([]);
    expect(await ownDraft(db, editor.id)).toMatchObject({ title: 'Desk lamp' });
    editor.close();
  });

  it('warns of a reading too vague to place anyone', async () => {
    const editor = await writtenDraft();
    expect(await editor.publish(JEONGJA.id, { locate: at(0, 5_000), offline: true })).toBe(false);
    expect(editor.placeWarning?.check).toEqual({ kind: 'imprecise', accuracyM: 5_000 });
    editor.close();
  });

  it('publishes at once from inside, and online leaves the judgement to the server straight away', async () => {
    const inside = await writtenDraft();
    expect(await inside.publish(JEONGJA.id, { locate: at(0.3), offline: true })).toBe(true);
    expect(inside.placeWarning).toBeNull();
    inside.close();

    const online = await writtenDraft();
    expect(await online.publish(JEONGJA.id, { locate: at(20) })).toBe(true);
    expect(online.placeWarning).toBeNull();
    expect(await queued()).toHaveLength(2);
    online.close();
  });
});

describe('the form’s messages', () => {
  it('names each field’s problem in the person’s words, not the schema’s', async () => {
    const draft = await createDraft(db);
    const editor = new DraftEditor(db, draft.id);
    await editor.open();
    Object.assign(editor.fields, { title: '  ', price: '12,5OO' });
    editor.changed();
    expect(await editor.publish('')).toBe(false);
    expect(editor.errors).toEqual({
      title: 'Give your listing a title',
      category: 'Pick one of the listed categories',
      priceKrw: 'Write the price in numbers, e.g. 15000',
      neighbourhoodId: 'Choose your neighbourhood first',
    });
    editor.close();
  });
});

describe('a title rewritten on this device and on another while apart', () => {
  it('merges both, tells the person, and takes the other version in one tap', async () => {
    const draft = await createDraft(db);
    const editor = new DraftEditor(db, draft.id);
    await editor.open();
    editor.fields.title = 'IKEA Poäng armchair';
    editor.changed();
    await editor.save();

    // The other device had this much, then rewrote the title; so did this one.
    const laptop = openDraftDoc((await db.drafts.get(draft.id))!.doc);
    replaceText(laptop.getText('title'), '노트북에서 새 제목');
    editor.fields.title = 'Phone rewrote the title';
    editor.changed();
    await editor.save();

    // This device's sync: its edit reached the server, and the pull brings back the merge of both.
    const server = new Y.Doc();
    Y.applyUpdate(server, encodeDraft(laptop));
    Y.applyUpdate(server, (await db.drafts.get(draft.id))!.doc!);
    const owner = (await db.drafts.get(draft.id))!.ownerId;
    await db.transaction('rw', db.drafts, () =>
      applyPulledDrafts(db, [{ op: 'upsert', entity: 'draft', id: draft.id, state: bytesToBase64(encodeDraft(server)), updatedAt: Date.now() }], owner),
    );
    await expect.poll(() => editor.conflicts.length).toBe(1);
    expect(editor.fields.title).toContain('노트북에서 새 제목');
    expect(editor.fields.title).toContain('Phone rewrote the title');
    expect(editor.conflicts[0]).toMatchObject({ field: 'title', theirs: '노트북에서 새 제목', mine: 'Phone rewrote the title' });

    editor.settle('title', 'theirs');
    expect(editor.conflicts).toEqual([]);
    await editor.save();
    expect((await db.drafts.get(draft.id))?.title).toBe('노트북에서 새 제목');
    editor.close();
  });
});
