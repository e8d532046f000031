// Rate-limit windows and per-hour creation counts on PostgreSQL.
import type { LimitsRepos } from '../contract/limits.js';
import { changed, row, type Queryable } from './queryable.js';

const HOUR_MS = 60 * 60 * 1000;

export function createLimitsRepos(db: Queryable): LimitsRepos {
  return {
    rateLimits: {
      async hit(key, windowStart) {
        return (await row<{ count: number }>(
          db,
          `INSERT INTO rate_limits (key, window_start, count) VALUES ($1, $2, 1)
           ON CONFLICT (key) DO UPDATE SET
             count = CASE WHEN rate_limits.window_start = excluded.window_start THEN rate_limits.count + 1 ELSE 1 END,
             window_start = excluded.window_start
           RETURNING count`,
          [key, windowStart],
        ))!.count;
      },
      async count(key, windowStart) {
        return (await row<{ count: number }>(db, 'SELECT count FROM rate_limits WHERE key = $1 AND window_start = $2', [key, windowStart]))?.count ?? 0;
      },
      prune: (before) => changed(db, 'DELETE FROM rate_limits WHERE window_start < $1', [before]),
    },
    creationCounts: {
      async add(actorId, kind, at) {
        const hour = Math.floor(at / HOUR_MS);
        await db.query(
          `INSERT INTO creation_counts (actor_id, kind, hour, count) VALUES ($1, $2, $3, 1)
           ON CONFLICT (actor_id, kind, hour) DO UPDATE SET count = creation_counts.count + 1`,
          [actorId, kind, hour],
        );
        await db.query('DELETE FROM creation_counts WHERE actor_id = $1 AND kind = $2 AND hour < $3', [actorId, kind, hour - 48]);
      },
      async inLastDay(actorId, kind, now) {
        return (await row<{ n: number }>(db, 'SELECT coalesce(sum(count), 0)::int AS n FROM creation_counts WHERE actor_id = $1 AND kind = $2 AND hour >= $3', [
          actorId,
          kind,
          Math.floor(now / HOUR_MS) - 23,
        ]))!.n;
      },
    },
  };
}
