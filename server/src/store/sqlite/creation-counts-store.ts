// How many listings, drafts, conversations, messages, reports, blocks, board posts and comments
// each account made recently, by the hour, for the daily caps.
import type { CreationKind } from '../contract/limits.js';
import type { Db } from './database.js';

const HOUR_MS = 60 * 60 * 1000;

export function createCreationCountsStore(db: Db) {
  const add = db.prepare(`
    INSERT INTO creation_counts (actor_id, kind, hour, count) VALUES (?, ?, ?, 1)
    ON CONFLICT (actor_id, kind, hour) DO UPDATE SET count = count + 1`);
  const forget = db.prepare('DELETE FROM creation_counts WHERE actor_id = ? AND kind = ? AND hour < ?');
  const since = db.prepare('SELECT coalesce(sum(count), 0) FROM creation_counts WHERE actor_id = ? AND kind = ? AND hour >= ?').pluck();

  return {
    /** Counts one more, in the hour of `at`; hours older than a day are forgotten on the way. */
    add(actorId: string, kind: CreationKind, at: number) {
      const hour = Math.floor(at / HOUR_MS);
      add.run(actorId, kind, hour);
      forget.run(actorId, kind, hour - 48);
    },
    /** How many `actorId` started in the day up to `now`: this hour and the 23 before it. */
    inLastDay: (actorId: string, kind: CreationKind, now: number) => since.get(actorId, kind, Math.floor(now / HOUR_MS) - 23) as number,
  };
}
