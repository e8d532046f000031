// Drafts arriving from the person's other devices: merged into the copy here, never replacing it.
import { base64ToBytes, type Change } from '@dongne/shared';
import type { DongneDb } from '../db/db.js';
import { mergeDraftStates } from './draft-doc.js';

type DraftChange = Extract<Change, { entity: 'draft' }>;

/** Call inside a transaction over drafts. `ownerId` is who the pull was made for. */
export async function applyPulledDrafts(db: DongneDb, changes: DraftChange[], ownerId: string): Promise<void> {
  for (const change of changes) {
    if (change.op === 'delete') {
      await db.drafts.delete(change.id);
      continue;
    }
    const local = await db.drafts.get(change.id);
    // Merged even while it is being published from here: if the server refuses the listing, the
    // draft that comes back must hold the other devices' edits too.
    const { doc, fields } = mergeDraftStates(local?.doc, base64ToBytes(change.state));
    if (local) await db.drafts.update(change.id, { ...fields, doc, updatedAt: Math.max(local.updatedAt, change.updatedAt) });
    else await db.drafts.put({ id: change.id, ownerId, ...fields, doc, createdAt: change.updatedAt, updatedAt: change.updatedAt });
  }
}

export type DraftMerger = { applyPulledDrafts: typeof applyPulledDrafts };
