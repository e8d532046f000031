// Blocks on SQLite.
import type { Db } from './database.js';

export function createBlocksStore(db: Db) {
  const add = db.prepare('INSERT INTO blocks (blocker_id, blocked_id, created_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING');
  const remove = db.prepare('DELETE FROM blocks WHERE blocker_id = ? AND blocked_id = ?');
  const isBlocking = db.prepare('SELECT 1 FROM blocks WHERE blocker_id = ? AND blocked_id = ?').pluck();
  const blockedBy = db.prepare('SELECT blocked_id FROM blocks WHERE blocker_id = ? ORDER BY created_at DESC, blocked_id').pluck();
  const blockersOf = db.prepare('SELECT blocker_id FROM blocks WHERE blocked_id = ? ORDER BY blocker_id').pluck();
  return {
    set(blockerId: string, blockedId: string, blocked: boolean, at: number) {
      return (blocked ? add.run(blockerId, blockedId, at) : remove.run(blockerId, blockedId)).changes === 1;
    },
    isBlocking: (blockerId: string, blockedId: string) => isBlocking.get(blockerId, blockedId) !== undefined,
    blockedBy: (actorId: string) => blockedBy.all(actorId) as string[],
    blockersOf: (actorId: string) => blockersOf.all(actorId) as string[],
  };
}
