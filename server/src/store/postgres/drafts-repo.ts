// Drafts on PostgreSQL.
import type { DraftChangeRow, DraftsRepo } from '../contract/drafts.js';
import { changed, row, rows, type Queryable } from './queryable.js';

export function createDraftsRepo(db: Queryable): DraftsRepo {
  return {
    async byId(id) {
      const r = await row<{ id: string; owner_id: string; state: Buffer; deleted_at: number | null }>(db, 'SELECT id, owner_id, state, deleted_at FROM drafts WHERE id = $1', [id]);
      return r && { id: r.id, ownerId: r.owner_id, state: new Uint8Array(r.state), deletedAt: r.deleted_at };
    },
    async save(draft) {
      await db.query(
        `INSERT INTO drafts (id, owner_id, state, created_at, updated_at, change_seq) VALUES ($1, $2, $3, $4, $4, $5)
         ON CONFLICT (id) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at, change_seq = excluded.change_seq`,
        [draft.id, draft.ownerId, Buffer.from(draft.state), draft.at, draft.changeSeq],
      );
    },
    liveIdsByOwner: async (ownerId) => (await rows<{ id: string }>(db, 'SELECT id FROM drafts WHERE owner_id = $1 AND deleted_at IS NULL', [ownerId])).map((r) => r.id),
    async markDeleted(id, at, changeSeq) {
      return (
        (await changed(db, `UPDATE drafts SET deleted_at = $2, updated_at = $2, state = '\\x'::bytea, change_seq = $3 WHERE id = $1 AND deleted_at IS NULL`, [
          id,
          at,
          changeSeq,
        ])) === 1
      );
    },
    async changesSince(ownerId, cursor, limit): Promise<DraftChangeRow[]> {
      const found = await rows<{ id: string; state: Buffer; updated_at: number; deleted_at: number | null; change_seq: number }>(
        db,
        'SELECT id, state, updated_at, deleted_at, change_seq FROM drafts WHERE owner_id = $1 AND change_seq > $2 ORDER BY change_seq LIMIT $3',
        [ownerId, cursor, limit],
      );
      return found.map((r) =>
        r.deleted_at === null
          ? { changeSeq: r.change_seq, deleted: false, id: r.id, state: new Uint8Array(r.state), updatedAt: r.updated_at }
          : { changeSeq: r.change_seq, deleted: true, id: r.id },
      );
    },
  };
}
