// Blocks on PostgreSQL.
import type { BlocksRepo } from '../contract/trading.js';
import { changed, row, rows, type Queryable } from './queryable.js';

export function createBlocksRepo(db: Queryable): BlocksRepo {
  return {
    async set(blockerId, blockedId, blocked, at) {
      return (
        (blocked
          ? await changed(db, 'INSERT INTO blocks (blocker_id, blocked_id, created_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [blockerId, blockedId, at])
          : await changed(db, 'DELETE FROM blocks WHERE blocker_id = $1 AND blocked_id = $2', [blockerId, blockedId])) === 1
      );
    },
    async isBlocking(blockerId, blockedId) {
      return (await row<{ found: boolean }>(db, 'SELECT EXISTS (SELECT 1 FROM blocks WHERE blocker_id = $1 AND blocked_id = $2) AS found', [blockerId, blockedId]))!
        .found;
    },
    // Ids in byte order, as SQLite sorts text, whatever the database's collation.
    async blockedBy(actorId) {
      return (
        await rows<{ id: string }>(db, 'SELECT blocked_id AS id FROM blocks WHERE blocker_id = $1 ORDER BY created_at DESC, blocked_id COLLATE "C"', [actorId])
      ).map((r) => r.id);
    },
    async blockersOf(actorId) {
      return (await rows<{ id: string }>(db, 'SELECT blocker_id AS id FROM blocks WHERE blocked_id = $1 ORDER BY blocker_id COLLATE "C"', [actorId])).map((r) => r.id);
    },
  };
}
