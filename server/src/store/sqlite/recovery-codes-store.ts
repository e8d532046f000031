// One-time recovery codes, by hash.
import type { Db } from './database.js';

export function createRecoveryCodesStore(db: Db) {
  const removeAll = db.prepare('DELETE FROM recovery_codes WHERE actor_id = ?');
  const insert = db.prepare('INSERT INTO recovery_codes (actor_id, code_hash, created_at) VALUES (?, ?, ?)');
  const use = db.prepare('UPDATE recovery_codes SET used_at = ? WHERE actor_id = ? AND code_hash = ? AND used_at IS NULL');
  const remaining = db.prepare('SELECT count(*) FROM recovery_codes WHERE actor_id = ? AND used_at IS NULL').pluck();
  return {
    replace(actorId: string, codeHashes: string[], at: number) {
      removeAll.run(actorId);
      for (const hash of codeHashes) insert.run(actorId, hash, at);
    },
    use: (actorId: string, codeHash: string, at: number) => use.run(at, actorId, codeHash).changes === 1,
    remaining: (actorId: string) => Number(remaining.get(actorId)),
  };
}
