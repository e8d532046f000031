// Actors: who did what. Session tokens are looked up by hash only.
import type { Db } from './database.js';

export interface ActorRow {
  id: string;
  nickname: string;
  created_at: number;
}

export function createActorsStore(db: Db) {
  const insert = db.prepare(
    'INSERT INTO actors (id, nickname, token_hash, created_at) VALUES (@id, @nickname, @tokenHash, @createdAt)',
  );
  const byTokenHash = db.prepare('SELECT id, nickname, created_at FROM actors WHERE token_hash = ?');
  const byId = db.prepare('SELECT id, nickname, created_at FROM actors WHERE id = ?');
  return {
    insert(actor: { id: string; nickname: string; tokenHash: string | null; createdAt: number }) {
      insert.run(actor);
    },
    byTokenHash: (hash: string) => byTokenHash.get(hash) as ActorRow | undefined,
    byId: (id: string) => byId.get(id) as ActorRow | undefined,
  };
}
export type ActorsStore = ReturnType<typeof createActorsStore>;
