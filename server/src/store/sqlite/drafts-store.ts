// Drafts as merged Yjs documents, and the owner's draft changes that pull pages over.
import type { DraftChangeRow } from '../contract/drafts.js';
import type { Db } from './database.js';

interface DraftRow {
  id: string;
  owner_id: string;
  state: Buffer;
  updated_at: number;
  deleted_at: number | null;
  change_seq: number;
}


export function createDraftsStore(db: Db) {
  const byId = db.prepare('SELECT * FROM drafts WHERE id = ?');
  const upsert = db.prepare(`
    INSERT INTO drafts (id, owner_id, state, created_at, updated_at, change_seq) VALUES (@id, @ownerId, @state, @at, @at, @changeSeq)
    ON CONFLICT (id) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at, change_seq = excluded.change_seq`);
  const markDeleted = db.prepare(`
    UPDATE drafts SET deleted_at = @at, updated_at = @at, state = x'', change_seq = @changeSeq
    WHERE id = @id AND deleted_at IS NULL`);
  const liveIdsByOwner = db.prepare('SELECT id FROM drafts WHERE owner_id = ? AND deleted_at IS NULL').pluck();
  const changesSince = db.prepare('SELECT * FROM drafts WHERE owner_id = ? AND change_seq > ? ORDER BY change_seq LIMIT ?');

  return {
    byId(id: string) {
      const row = byId.get(id) as DraftRow | undefined;
      return row && { id: row.id, ownerId: row.owner_id, state: new Uint8Array(row.state), deletedAt: row.deleted_at };
    },
    save(draft: { id: string; ownerId: string; state: Uint8Array; at: number; changeSeq: number }) {
      upsert.run({ ...draft, state: Buffer.from(draft.state) });
    },
    /** Tombstones a live draft; returns whether there was one. */
    markDeleted: (id: string, at: number, changeSeq: number) => markDeleted.run({ id, at, changeSeq }).changes === 1,
    liveIdsByOwner: (ownerId: string) => liveIdsByOwner.all(ownerId) as string[],
    changesSince(ownerId: string, cursor: number, limit: number): DraftChangeRow[] {
      return (changesSince.all(ownerId, cursor, limit) as DraftRow[]).map((row) =>
        row.deleted_at === null
          ? { changeSeq: row.change_seq, deleted: false, id: row.id, state: new Uint8Array(row.state), updatedAt: row.updated_at }
          : { changeSeq: row.change_seq, deleted: true, id: row.id },
      );
    },
  };
}
