// Push subscriptions, quiet hours and the push outbox on PostgreSQL.
import type { QuietHours } from '@dongne/shared';
import type { ClaimedPush, PushRepos, PushSubscriptionRow } from '../contract/push.js';
import { changed, row, rows, type Queryable } from './queryable.js';

export function createPushRepos(db: Queryable): PushRepos {
  return {
    pushSubscriptions: {
      async save(r, at, keep) {
        await db.query('DELETE FROM push_subscriptions WHERE endpoint = $1 AND NOT (actor_id = $2 AND client_id = $3)', [r.endpoint, r.actorId, r.clientId]);
        await db.query(
          `INSERT INTO push_subscriptions (actor_id, client_id, endpoint, p256dh, auth, locale, session_id, created_at, updated_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8)
           ON CONFLICT (actor_id, client_id) DO UPDATE SET endpoint = excluded.endpoint, p256dh = excluded.p256dh, auth = excluded.auth,
             locale = excluded.locale, session_id = excluded.session_id, updated_at = excluded.updated_at`,
          [r.actorId, r.clientId, r.endpoint, r.p256dh, r.auth, r.locale, r.sessionId, at],
        );
        // The device just saved is never the one to go, whatever the clock says.
        await db.query(
          `DELETE FROM push_subscriptions WHERE actor_id = $1 AND client_id IN (
             SELECT client_id FROM push_subscriptions WHERE actor_id = $1 AND client_id <> $2
             ORDER BY updated_at DESC, created_at DESC, client_id OFFSET $3)`,
          [r.actorId, r.clientId, keep - 1],
        );
      },
      has: async (actorId, clientId) => (await row(db, 'SELECT 1 FROM push_subscriptions WHERE actor_id = $1 AND client_id = $2', [actorId, clientId])) !== undefined,
      madeBy: async (sessionId) => (await row(db, 'SELECT 1 FROM push_subscriptions WHERE session_id = $1 LIMIT 1', [sessionId])) !== undefined,
      anyFor: async (actorId) => (await row(db, 'SELECT 1 FROM push_subscriptions WHERE actor_id = $1 LIMIT 1', [actorId])) !== undefined,
      remove: async (actorId, clientId) => (await changed(db, 'DELETE FROM push_subscriptions WHERE actor_id = $1 AND client_id = $2', [actorId, clientId])) === 1,
      async removeEndpoint(endpoint) {
        await db.query('DELETE FROM push_subscriptions WHERE endpoint = $1', [endpoint]);
      },
      async removeAllOf(actorId) {
        await db.query('DELETE FROM push_subscriptions WHERE actor_id = $1', [actorId]);
      },
      liveOf: (actorId, now, startedAfter) =>
        rows<PushSubscriptionRow>(
          db,
          `SELECT p.actor_id AS "actorId", p.client_id AS "clientId", p.endpoint, p.p256dh, p.auth, p.locale, p.session_id AS "sessionId"
           FROM push_subscriptions p JOIN sessions s ON s.id = p.session_id
           WHERE p.actor_id = $1 AND s.expires_at > $2 AND s.created_at > $3 ORDER BY p.client_id COLLATE "C"`,
          [actorId, now, startedAfter],
        ),
    },

    quietHours: {
      async of(actorId) {
        return row<QuietHours>(
          db,
          'SELECT enabled, start_time AS start, end_time AS "end", time_zone AS "timeZone" FROM push_quiet_hours WHERE actor_id = $1',
          [actorId],
        );
      },
      async set(actorId, q, at) {
        await db.query(
          `INSERT INTO push_quiet_hours (actor_id, enabled, start_time, end_time, time_zone, updated_at) VALUES ($1, $2, $3, $4, $5, $6)
           ON CONFLICT (actor_id) DO UPDATE SET enabled = excluded.enabled, start_time = excluded.start_time, end_time = excluded.end_time,
             time_zone = excluded.time_zone, updated_at = excluded.updated_at`,
          [actorId, q.enabled, q.start, q.end, q.timeZone, at],
        );
      },
      async remove(actorId) {
        await db.query('DELETE FROM push_quiet_hours WHERE actor_id = $1', [actorId]);
      },
    },

    pushOutbox: {
      async add(r) {
        await db.query(
          'INSERT INTO push_outbox (notification_id, actor_id, client_id, due_at, attempts, created_at) VALUES ($1, $2, $3, $4, $5, $6)',
          [r.notificationId, r.actorId, r.clientId, r.dueAt, r.attempts, r.createdAt],
        );
      },
      // SKIP LOCKED: a row another instance is claiming this moment is passed over rather than waited
      // for; once that claim commits, the row's new due time keeps it out of this one.
      claimDue: (now, leaseUntil, limit) =>
        rows<ClaimedPush>(
          db,
          `UPDATE push_outbox SET due_at = $2, attempts = attempts + 1
           WHERE id IN (SELECT id FROM push_outbox WHERE due_at <= $1 ORDER BY due_at, id LIMIT $3 FOR UPDATE SKIP LOCKED)
           RETURNING id, notification_id AS "notificationId", actor_id AS "actorId", client_id AS "clientId", attempts`,
          [now, leaseUntil, limit],
        ),
      async remove(id) {
        await db.query('DELETE FROM push_outbox WHERE id = $1', [id]);
      },
      async joinWaiting(notificationId, dueAt) {
        // A dispatcher claiming the row at this moment is waited for; the row it claimed has tried once, and no longer matches.
        return (await changed(db, 'UPDATE push_outbox SET due_at = LEAST(due_at, $1) WHERE notification_id = $2 AND client_id IS NULL AND attempts = 0', [dueAt, notificationId])) > 0;
      },
      async reschedule(actorId, dueAt, now) {
        await db.query('UPDATE push_outbox SET due_at = $1 WHERE actor_id = $2 AND due_at > $3 AND attempts = 0', [dueAt, actorId, now]);
      },
      async removeAllOf(actorId) {
        await db.query('DELETE FROM push_outbox WHERE actor_id = $1', [actorId]);
      },
    },
  };
}
