// The editor's autosave: what it says is saved is saved, whatever the timing of keystrokes.
import { describe, expect, it } from 'vitest';
import type { DongneDb } from '../db/db.js';
import { createDraft } from '../db/drafts.js';
import { useFreshDb } from '../db/test-db.js';
import { DraftEditor } from './draft-editor.svelte.js';

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
