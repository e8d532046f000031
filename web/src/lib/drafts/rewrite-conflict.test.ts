// When merging another device's edits into an open draft says "this was also changed on another
// device": both replaced most of the same field while apart, and only then.
import { describe, expect, it } from 'vitest';
import { encodeDraft, mergeInto, openDraftDoc, replaceText, Y } from './draft-doc.js';
import { isRewriteConflict, replacedMost, watchRewrites, type RewriteConflict } from './rewrite-conflict.js';

/** A draft open in the editor here (watched) and the same draft on another device, in step. */
function twoDevices(fields: { title?: string; description?: string }) {
  const here = openDraftDoc(undefined, fields);
  const there = openDraftDoc(encodeDraft(here));
  const conflicts: RewriteConflict[] = [];
  const watch = watchRewrites(here, (conflict) => conflicts.push(conflict));
  return { here, there, conflicts, watch };
}

describe('replacedMost', () => {
  it('is true when most of the text was removed and something written instead', () => {
    expect(replacedMost('IKEA Poäng armchair', 'Phone rewrote the title')).toBe(true);
    expect(replacedMost('', 'Lamp')).toBe(true);
  });
  it('is false for an edit at one end, a small change in the middle, or only deleting', () => {
    expect(replacedMost('IKEA Poäng armchair', 'IKEA Poäng armchair, beige')).toBe(false);
    expect(replacedMost('IKEA Poäng armchair', 'Like new: IKEA Poäng armchair')).toBe(false);
    expect(replacedMost('IKEA Poäng armchair', 'IKEA Poang armchair')).toBe(false);
    expect(replacedMost('IKEA Poäng armchair', '')).toBe(false);
  });
});

describe('isRewriteConflict', () => {
  it('needs both sides to have replaced the field', () => {
    expect(isRewriteConflict({ base: 'IKEA Poäng armchair', mine: 'Armchair, birch', theirNew: 12 })).toBe(true);
    expect(isRewriteConflict({ base: 'IKEA Poäng armchair', mine: 'IKEA Poäng armchair, beige', theirNew: 12 })).toBe(false);
    // They added a few words: that merges as it should.
    expect(isRewriteConflict({ base: 'IKEA Poäng armchair', mine: 'Armchair, birch', theirNew: 7 })).toBe(false);
    expect(isRewriteConflict({ base: 'IKEA Poäng armchair', mine: 'Armchair, birch', theirNew: 0 })).toBe(false);
  });
});

describe('merging another device’s edits into the open draft', () => {
  it('tells of a title both devices rewrote, offering the other version', () => {
    const { here, there, conflicts } = twoDevices({ title: 'IKEA Poäng armchair', description: 'Birch frame.' });
    replaceText(here.getText('title'), 'Phone rewrote the title');
    replaceText(there.getText('title'), '노트북에서 새 제목');
    mergeInto(here, encodeDraft(there));

    const merged = here.getText('title').toString();
    // The merge is kept: both texts, glued.
    expect(merged).toContain('Phone rewrote the title');
    expect(merged).toContain('노트북에서 새 제목');
    expect(conflicts).toEqual([{ field: 'title', mine: 'Phone rewrote the title', theirs: '노트북에서 새 제목', merged }]);
  });

  it('also when this device sent its edit first and gets back the server’s merge of both', () => {
    const { here, there, conflicts } = twoDevices({ description: 'Birch frame. Washed cushion.' });
    replaceText(here.getText('description'), 'Sold with a footstool. Pick up after 7 pm.');
    replaceText(there.getText('description'), 'Comfortable reading chair, no stains, from a smoke-free home.');
    // The server holds this device's edit and the other's; the pull brings the whole state back.
    const server = new Y.Doc();
    Y.applyUpdate(server, encodeDraft(there));
    Y.applyUpdate(server, encodeDraft(here));
    mergeInto(here, encodeDraft(server));
    expect(conflicts).toMatchObject([{ field: 'description', theirs: 'Comfortable reading chair, no stains, from a smoke-free home.' }]);
  });

  it('says nothing when both made small edits, which merge as they should', () => {
    const { here, there, conflicts } = twoDevices({ title: 'IKEA Poäng armchair', description: 'Birch frame.' });
    replaceText(here.getText('title'), 'IKEA Poäng armchair, beige');
    replaceText(there.getText('title'), 'Like new: IKEA Poäng armchair');
    replaceText(there.getText('description'), 'Birch frame. Cushion washed.');
    mergeInto(here, encodeDraft(there));
    expect(here.getText('title').toString()).toBe('Like new: IKEA Poäng armchair, beige');
    expect(conflicts).toEqual([]);
  });

  it('says nothing when only one device rewrote the field', () => {
    const { here, there, conflicts } = twoDevices({ title: 'IKEA Poäng armchair' });
    replaceText(there.getText('title'), 'Armchair with footstool, birch');
    mergeInto(here, encodeDraft(there));
    replaceText(here.getText('title'), 'Armchair with footstool, birch, beige');
    expect(conflicts).toEqual([]);

    // This device rewrote, the other only added a word at the end.
    const second = twoDevices({ title: 'IKEA Poäng armchair' });
    replaceText(second.here.getText('title'), 'Reading chair');
    replaceText(second.there.getText('title'), 'IKEA Poäng armchair, beige');
    mergeInto(second.here, encodeDraft(second.there));
    expect(second.conflicts).toEqual([]);
  });

  it('measures from the last merge: edits already seen from the other device are not theirs again', () => {
    const { here, there, conflicts } = twoDevices({ title: 'IKEA Poäng armchair' });
    replaceText(there.getText('title'), 'Armchair');
    mergeInto(here, encodeDraft(there));
    // Our own state coming back (an autosave reading the stored copy) is no news.
    mergeInto(here, encodeDraft(here));
    replaceText(here.getText('title'), 'Reading chair');
    replaceText(there.getText('title'), 'Armchair, beige');
    mergeInto(here, encodeDraft(there));
    expect(conflicts).toEqual([]);
  });

  it('measures from the last time this device and the server agreed, not from when the editor opened', () => {
    // The title typed here in this very session, sent, and the sync after it brought nothing new.
    const here = openDraftDoc(undefined, {});
    const conflicts: RewriteConflict[] = [];
    const watch = watchRewrites(here, (conflict) => conflicts.push(conflict));
    replaceText(here.getText('title'), 'IKEA Poäng armchair');
    watch.agreed();
    const there = openDraftDoc(encodeDraft(here));
    replaceText(here.getText('title'), 'IKEA Poäng armchair, beige');
    replaceText(there.getText('title'), 'Like new: IKEA Poäng armchair');
    mergeInto(here, encodeDraft(there));
    expect(conflicts).toEqual([]);
  });

  it('offers the other version whole, with the part of the agreed text both kept', () => {
    const here = openDraftDoc(undefined, {});
    const conflicts: RewriteConflict[] = [];
    const watch = watchRewrites(here, (conflict) => conflicts.push(conflict));
    replaceText(here.getText('title'), 'Desk lamp from the office');
    watch.agreed();
    const there = openDraftDoc(encodeDraft(here));
    // Both new titles end in "e", like the old one: that "e" is kept, and belongs to both versions.
    replaceText(here.getText('title'), 'Phone rewrote the title');
    replaceText(there.getText('title'), 'Laptop wrote a new title');
    mergeInto(here, encodeDraft(there));
    // Which new title comes first depends on the devices' random Yjs ids; the shared "e" ends it.
    const merged = here.getText('title').toString();
    expect([merged.startsWith('Laptop wrote a new titl'), merged.startsWith('Phone rewrote the titl')]).toContain(true);
    expect(merged.length).toBe('Laptop wrote a new titlPhone rewrote the title'.length);
    expect(conflicts).toMatchObject([{ field: 'title', theirs: 'Laptop wrote a new title', mine: 'Phone rewrote the title' }]);
  });

  it('stops when told', () => {
    const { here, there, conflicts, watch } = twoDevices({ title: 'Lamp' });
    watch.stop();
    replaceText(here.getText('title'), 'Desk light');
    replaceText(there.getText('title'), 'Floor lamp');
    mergeInto(here, encodeDraft(there));
    expect(conflicts).toEqual([]);
  });
});
