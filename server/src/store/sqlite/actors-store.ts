// Actors: who did what (accounts are made through the sessions store).
import type { ActorRow } from '../contract/accounts.js';
import type { Db } from './database.js';

export function createActorsStore(db: Db) {
  const insert = db.prepare('INSERT INTO actors (id, nickname, created_at) VALUES (@id, @nickname, @createdAt)');
  const byId = db.prepare('SELECT id, nickname, created_at AS createdAt FROM actors WHERE id = ?');
  const setMannerTemperature = db.prepare('UPDATE actors SET manner_temperature = ? WHERE id = ?');
  return {
    setMannerTemperature(id: string, value: number) {
      setMannerTemperature.run(value, id);
    },
    insert(actor: { id: string; nickname: string; createdAt: number }) {
      insert.run(actor);
    },
    byId: (id: string) => byId.get(id) as ActorRow | undefined,
  };
}
