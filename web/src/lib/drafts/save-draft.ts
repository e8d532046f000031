// Autosave: the draft's document and its readable fields on this device, and the edit since the
// last save in the outbox for the person's other devices, in one transaction.
import { base64ToBytes, bytesToBase64, DRAFT_LIMITS } from '@dongne/shared';
import type { DongneDb } from '../db/db.js';
import { currentOwner } from '../db/meta.js';
import { enqueue, notifyLocalMutation, unsentTail } from '../sync/outbox.js';
import { encodeDraft, mergeInto, mergeUpdates, readFields, type Y } from './draft-doc.js';

/**
 * Saves `doc` as draft `id`. `edits` are the Yjs updates made here since the last save; they are
 * taken (removed from the array) only once written, so a failed save leaves them for the next.
 * Whatever a pull merged into the stored copy meanwhile is merged into `doc` first, so a save never
 * drops another device's edit.
 */
export async function saveDraftDoc(db: DongneDb, id: string, doc: Y.Doc, edits: Uint8Array[]): Promise<boolean> {
  const taken = edits.length;
  const update = taken ? mergeUpdates(edits.slice(0, taken)) : undefined;
  const saved = await db.transaction('rw', [db.drafts, db.outbox, db.meta, db.listings, db.neighbourhoods], async () => {
    const stored = await db.drafts.get(id);
    if (!stored || stored.publishing) return false;
    if (stored.doc) mergeInto(doc, stored.doc);
    await db.drafts.update(id, { ...readFields(doc), doc: encodeDraft(doc), updatedAt: Date.now() });
    // A draft the server refused to start keeping goes whole with its next edit, so it arrives whole.
    if (update) await queueEdit(db, id, stored.serverLacks ? encodeDraft(doc) : update);
    return true;
  });
  edits.splice(0, taken);
  if (update && saved) notifyLocalMutation();
  return saved;
}

/**
 * Queues an edit of the draft for the person's other devices. While the last queued edit of this
 * draft has not been sent, the new one is merged into it: a draft typed offline waits as one change,
 * not one per autosave.
 */
async function queueEdit(db: DongneDb, id: string, update: Uint8Array) {
  const tail = await unsentTail(db, await currentOwner(db), id);
  if (tail?.name === 'draft.update') {
    const merged = bytesToBase64(mergeUpdates([base64ToBytes((tail.args as { update: string }).update), update]));
    if (merged.length <= DRAFT_LIMITS.updateMaxChars) {
      await db.outbox.update(tail.seq, { args: { id, update: merged } });
      return;
    }
  }
  await enqueue(db, 'draft.update', { id, update: bytesToBase64(update) }, id);
}
