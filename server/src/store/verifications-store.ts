// Passed location checks: the count and dates on a profile, the last fix for the travel check,
// and the keys that stop one GPS reading from verifying twice.
import type { Fix } from '@dongne/shared';
import type { Db } from './database.js';

export function fixKey(fix: Fix): string {
  return `${fix.lat}|${fix.lng}|${fix.accuracy}|${fix.takenAt}`;
}

export function createVerificationsStore(db: Db) {
  const insert = db.prepare(`
    INSERT INTO verifications (actor_id, neighbourhood_id, lat, lng, accuracy, taken_at, verified_at, fix_key)
    VALUES (@actorId, @neighbourhoodId, @lat, @lng, @accuracy, @takenAt, @verifiedAt, @fixKey)`);
  const used = db.prepare('SELECT 1 FROM verifications WHERE fix_key = ?').pluck();
  const lastFix = db.prepare(`
    SELECT lat, lng, accuracy, taken_at AS takenAt FROM verifications
    WHERE actor_id = ? ORDER BY taken_at DESC LIMIT 1`);
  const fixBefore = db.prepare(`
    SELECT lat, lng, accuracy, taken_at AS takenAt FROM verifications
    WHERE actor_id = ? AND taken_at <= ? ORDER BY taken_at DESC LIMIT 1`);
  const fixAfter = db.prepare(`
    SELECT lat, lng, accuracy, taken_at AS takenAt FROM verifications
    WHERE actor_id = ? AND taken_at > ? ORDER BY taken_at ASC LIMIT 1`);
  const lastHere = db.prepare(`
    SELECT max(verified_at) FROM verifications WHERE actor_id = ? AND neighbourhood_id = ?`).pluck();
  const summary = db.prepare(`
    SELECT count(*) AS count, max(verified_at) AS lastVerifiedAt FROM verifications WHERE actor_id = ?`);

  return {
    record(row: { actorId: string; neighbourhoodId: string; fix: Fix; verifiedAt: number }) {
      insert.run({ actorId: row.actorId, neighbourhoodId: row.neighbourhoodId, ...row.fix, verifiedAt: row.verifiedAt, fixKey: fixKey(row.fix) });
    },
    isUsed: (fix: Fix) => used.get(fixKey(fix)) === 1,
    lastFix: (actorId: string) => lastFix.get(actorId) as Fix | undefined,
    /** The accepted fixes either side of `takenAt`, for the travel check of a late-arriving fix. */
    fixesAround: (actorId: string, takenAt: number) => ({
      before: fixBefore.get(actorId, takenAt) as Fix | undefined,
      after: fixAfter.get(actorId, takenAt) as Fix | undefined,
    }),
    lastVerifiedAt: (actorId: string, neighbourhoodId: string) => (lastHere.get(actorId, neighbourhoodId) as number | null) ?? null,
    summary: (actorId: string) => summary.get(actorId) as { count: number; lastVerifiedAt: number | null },
  };
}
export type VerificationsStore = ReturnType<typeof createVerificationsStore>;
