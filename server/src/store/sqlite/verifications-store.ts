// Passed location checks: the count and dates on a profile, the readings around a new one for the
// travel check, and the readings near it in time that stop one GPS reading from verifying twice.
import type { Fix } from '@dongne/shared';
import type { Db } from './database.js';

export function fixKey(fix: Fix): string {
  return `${fix.lat}|${fix.lng}|${fix.accuracy}|${fix.takenAt}`;
}

const FIX_COLUMNS = 'lat, lng, accuracy, taken_at AS takenAt';

export function createVerificationsStore(db: Db) {
  const insert = db.prepare(`
    INSERT INTO verifications (actor_id, neighbourhood_id, lat, lng, accuracy, taken_at, verified_at, fix_key)
    VALUES (@actorId, @neighbourhoodId, @lat, @lng, @accuracy, @takenAt, @verifiedAt, @fixKey)`);
  const recordLatest = db.prepare(`
    INSERT INTO verification_latest (actor_id, neighbourhood_id, taken_at) VALUES (@actorId, @neighbourhoodId, @takenAt)
    ON CONFLICT (actor_id, neighbourhood_id) DO UPDATE SET taken_at = max(taken_at, excluded.taken_at)`);
  const near = db.prepare(`
    SELECT ${FIX_COLUMNS} FROM verifications
    WHERE taken_at BETWEEN @from AND @to AND lat BETWEEN @south AND @north AND lng BETWEEN @west AND @east`);
  const fixBefore = db.prepare(`
    SELECT ${FIX_COLUMNS} FROM verifications WHERE actor_id = ? AND taken_at <= ? ORDER BY taken_at DESC LIMIT 1`);
  const fixAfter = db.prepare(`
    SELECT ${FIX_COLUMNS} FROM verifications WHERE actor_id = ? AND taken_at > ? ORDER BY taken_at ASC LIMIT 1`);
  const laterElsewhere = db.prepare(`
    SELECT neighbourhood_id AS neighbourhoodId, taken_at AS takenAt FROM verification_latest
    WHERE actor_id = @actorId AND neighbourhood_id <> @neighbourhoodId AND taken_at > @takenAt
    ORDER BY taken_at DESC LIMIT 1`);
  // The latest reading here, unless one taken after it was elsewhere.
  const currentHere = db.prepare(`
    SELECT here.taken_at FROM verification_latest here
    WHERE here.actor_id = @actorId AND here.neighbourhood_id = @neighbourhoodId AND NOT EXISTS (
      SELECT 1 FROM verification_latest other
      WHERE other.actor_id = @actorId AND other.neighbourhood_id <> @neighbourhoodId AND other.taken_at > here.taken_at)`).pluck();
  // A profile counts at most one verification per neighbourhood per day (UTC): readings a little over
  // a metre or a second apart are new readings, but not new proof of where someone lives.
  const summary = db.prepare(`
    SELECT count(DISTINCT neighbourhood_id || '|' || (taken_at / 86400000)) AS count, max(taken_at) AS lastVerifiedAt
    FROM verifications WHERE actor_id = ?`);

  return {
    /** The transaction's BEGIN IMMEDIATE already holds SQLite's one write lock. */
    holdReadings() {},
    record(row: { actorId: string; neighbourhoodId: string; fix: Fix; verifiedAt: number }) {
      insert.run({ actorId: row.actorId, neighbourhoodId: row.neighbourhoodId, ...row.fix, verifiedAt: row.verifiedAt, fixKey: fixKey(row.fix) });
      recordLatest.run({ actorId: row.actorId, neighbourhoodId: row.neighbourhoodId, takenAt: row.fix.takenAt });
    },
    /** Every used reading (anyone's) taken between `from` and `to` inside the box, for the replay check. */
    usedNear: (box: { from: number; to: number; south: number; north: number; west: number; east: number }) => near.all(box) as Fix[],
    /** The accepted fixes either side of `takenAt`, for the travel check of a late-arriving fix. */
    fixesAround: (actorId: string, takenAt: number): { before?: Fix; after?: Fix } => ({
      before: fixBefore.get(actorId, takenAt) as Fix | undefined,
      after: fixAfter.get(actorId, takenAt) as Fix | undefined,
    }),
    /** The person's latest reading taken after `takenAt` outside `neighbourhoodId`, if any. */
    laterElsewhere: (actorId: string, neighbourhoodId: string, takenAt: number) =>
      laterElsewhere.get({ actorId, neighbourhoodId, takenAt }) as { neighbourhoodId: string; takenAt: number } | undefined,
    /** When the reading that verifies the person in `neighbourhoodId` now was taken; null if none does. */
    currentTakenAt: (actorId: string, neighbourhoodId: string) => (currentHere.get({ actorId, neighbourhoodId }) as number | undefined) ?? null,
    summary: (actorId: string) => summary.get(actorId) as { count: number; lastVerifiedAt: number | null },
  };
}
