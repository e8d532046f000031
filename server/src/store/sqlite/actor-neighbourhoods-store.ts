// Which neighbourhoods a person holds and which one is active.
import type { HeldNeighbourhood } from '../contract/accounts.js';
import type { Db } from './database.js';

export function createActorNeighbourhoodsStore(db: Db) {
  const held = db.prepare(`
    SELECT neighbourhood_id AS neighbourhoodId, active FROM actor_neighbourhoods
    WHERE actor_id = ? ORDER BY active DESC, added_at, neighbourhood_id`);
  const clear = db.prepare('DELETE FROM actor_neighbourhoods WHERE actor_id = ? AND neighbourhood_id NOT IN (SELECT value FROM json_each(?))');
  const upsert = db.prepare(`
    INSERT INTO actor_neighbourhoods (actor_id, neighbourhood_id, active, added_at) VALUES (?, ?, ?, ?)
    ON CONFLICT (actor_id, neighbourhood_id) DO UPDATE SET active = excluded.active`);

  return {
    held: (actorId: string): HeldNeighbourhood[] =>
      (held.all(actorId) as { neighbourhoodId: string; active: number }[]).map((r) => ({ neighbourhoodId: r.neighbourhoodId, active: r.active === 1 })),
    /** Replaces the held set; keeps the added date of neighbourhoods that stay. */
    set(actorId: string, ids: string[], activeId: string, now: number) {
      clear.run(actorId, JSON.stringify(ids));
      for (const id of ids) upsert.run(actorId, id, id === activeId ? 1 : 0, now);
    },
  };
}
