// Counts requests per key in fixed windows, in SQLite so every server process sees the same count.
import type { Db } from './database.js';

export function createRateLimitsStore(db: Db) {
  // One statement: start a new window if the stored one is over, else count one more.
  const hit = db.prepare(`
    INSERT INTO rate_limits (key, window_start, count) VALUES (@key, @windowStart, 1)
    ON CONFLICT (key) DO UPDATE SET
      count = CASE WHEN window_start = @windowStart THEN count + 1 ELSE 1 END,
      window_start = @windowStart
    RETURNING count`).pluck();
  const count = db.prepare('SELECT count FROM rate_limits WHERE key = ? AND window_start = ?').pluck();
  const prune = db.prepare('DELETE FROM rate_limits WHERE window_start < ?');
  return {
    /** Counts a request for `key` in the window starting at `windowStart`; returns the count so far. */
    hit: (key: string, windowStart: number) => hit.get({ key, windowStart }) as number,
    /** The count for `key` in the window starting at `windowStart` (0 if none), without counting. */
    count: (key: string, windowStart: number) => (count.get(key, windowStart) as number | undefined) ?? 0,
    prune: (before: number) => prune.run(before).changes,
  };
}
