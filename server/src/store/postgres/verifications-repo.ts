// Passed location checks on PostgreSQL.
import type { Fix } from '@dongne/shared';
import type { VerificationsRepo } from '../contract/verifications.js';
import { row, rows, type Queryable } from './queryable.js';

const FIX = 'lat, lng, accuracy, taken_at AS "takenAt"';
/** Any fixed number, the same on every instance. */
const READINGS_LOCK = 73_0620_02;

export function createVerificationsRepo(db: Queryable): VerificationsRepo {
  return {
    async holdReadings() {
      await db.query('SELECT pg_advisory_xact_lock($1)', [READINGS_LOCK]);
    },
    async record(r) {
      await db.query(
        'INSERT INTO verifications (actor_id, neighbourhood_id, lat, lng, accuracy, taken_at, verified_at) VALUES ($1, $2, $3, $4, $5, $6, $7)',
        [r.actorId, r.neighbourhoodId, r.fix.lat, r.fix.lng, r.fix.accuracy, r.fix.takenAt, r.verifiedAt],
      );
      await db.query(
        `INSERT INTO verification_latest (actor_id, neighbourhood_id, taken_at) VALUES ($1, $2, $3)
         ON CONFLICT (actor_id, neighbourhood_id) DO UPDATE SET taken_at = greatest(verification_latest.taken_at, excluded.taken_at)`,
        [r.actorId, r.neighbourhoodId, r.fix.takenAt],
      );
    },
    async usedNear(box) {
      return rows<Fix>(db, `SELECT ${FIX} FROM verifications WHERE taken_at BETWEEN $1 AND $2 AND lat BETWEEN $3 AND $4 AND lng BETWEEN $5 AND $6`, [
        box.from,
        box.to,
        box.south,
        box.north,
        box.west,
        box.east,
      ]);
    },
    async fixesAround(actorId, takenAt) {
      const before = await row<Fix>(db, `SELECT ${FIX} FROM verifications WHERE actor_id = $1 AND taken_at <= $2 ORDER BY taken_at DESC LIMIT 1`, [actorId, takenAt]);
      const after = await row<Fix>(db, `SELECT ${FIX} FROM verifications WHERE actor_id = $1 AND taken_at > $2 ORDER BY taken_at ASC LIMIT 1`, [actorId, takenAt]);
      return { before, after };
    },
    async laterElsewhere(actorId, neighbourhoodId, takenAt) {
      return row<{ neighbourhoodId: string; takenAt: number }>(
        db,
        `SELECT neighbourhood_id AS "neighbourhoodId", taken_at AS "takenAt" FROM verification_latest
         WHERE actor_id = $1 AND neighbourhood_id <> $2 AND taken_at > $3 ORDER BY taken_at DESC LIMIT 1`,
        [actorId, neighbourhoodId, takenAt],
      );
    },
    async currentTakenAt(actorId, neighbourhoodId) {
      const r = await row<{ taken_at: number }>(
        db,
        `SELECT here.taken_at FROM verification_latest here
         WHERE here.actor_id = $1 AND here.neighbourhood_id = $2 AND NOT EXISTS (
           SELECT 1 FROM verification_latest other
           WHERE other.actor_id = $1 AND other.neighbourhood_id <> $2 AND other.taken_at > here.taken_at)`,
        [actorId, neighbourhoodId],
      );
      return r ? r.taken_at : null;
    },
    async summary(actorId) {
      const r = await row<{ count: number; last: number | null }>(
        db,
        `SELECT count(DISTINCT (neighbourhood_id, taken_at / 86400000))::int AS count, max(taken_at) AS last FROM verifications WHERE actor_id = $1`,
        [actorId],
      );
      return { count: r!.count, lastVerifiedAt: r!.last };
    },
  };
}
