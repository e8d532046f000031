// Push subscriptions, quiet hours and the push outbox on SQLite.
import type { QuietHours } from '@dongne/shared';
import type { ClaimedPush, NewPushOutboxRow, PushSubscriptionRow } from '../contract/push.js';
import type { Db } from './database.js';

export function createPushSubscriptionsStore(db: Db) {
  const removeEndpointElsewhere = db.prepare('DELETE FROM push_subscriptions WHERE endpoint = @endpoint AND NOT (actor_id = @actorId AND client_id = @clientId)');
  const upsert = db.prepare(`
    INSERT INTO push_subscriptions (actor_id, client_id, endpoint, p256dh, auth, locale, session_id, created_at, updated_at)
    VALUES (@actorId, @clientId, @endpoint, @p256dh, @auth, @locale, @sessionId, @at, @at)
    ON CONFLICT (actor_id, client_id) DO UPDATE SET endpoint = excluded.endpoint, p256dh = excluded.p256dh, auth = excluded.auth,
      locale = excluded.locale, session_id = excluded.session_id, updated_at = excluded.updated_at`);
  // The device just saved is never the one to go, whatever the clock says.
  const trim = db.prepare(`
    DELETE FROM push_subscriptions WHERE actor_id = @actorId AND client_id IN (
      SELECT client_id FROM push_subscriptions WHERE actor_id = @actorId AND client_id <> @clientId
      ORDER BY updated_at DESC, created_at DESC, client_id LIMIT -1 OFFSET @others)`);
  const has = db.prepare('SELECT 1 FROM push_subscriptions WHERE actor_id = ? AND client_id = ?').pluck();
  const madeBy = db.prepare('SELECT 1 FROM push_subscriptions WHERE session_id = ? LIMIT 1').pluck();
  const anyFor = db.prepare('SELECT 1 FROM push_subscriptions WHERE actor_id = ? LIMIT 1').pluck();
  const remove = db.prepare('DELETE FROM push_subscriptions WHERE actor_id = ? AND client_id = ?');
  const removeEndpoint = db.prepare('DELETE FROM push_subscriptions WHERE endpoint = ?');
  const removeAllOf = db.prepare('DELETE FROM push_subscriptions WHERE actor_id = ?');
  const liveOf = db.prepare(`
    SELECT p.actor_id AS actorId, p.client_id AS clientId, p.endpoint, p.p256dh, p.auth, p.locale, p.session_id AS sessionId
    FROM push_subscriptions p JOIN sessions s ON s.id = p.session_id
    WHERE p.actor_id = ? AND s.expires_at > ? AND s.created_at > ? ORDER BY p.client_id`);
  return {
    save(row: PushSubscriptionRow, at: number, keep: number) {
      const values = { ...row, at };
      removeEndpointElsewhere.run(values);
      upsert.run(values);
      trim.run({ actorId: row.actorId, clientId: row.clientId, others: keep - 1 });
    },
    has: (actorId: string, clientId: string) => has.get(actorId, clientId) !== undefined,
    madeBy: (sessionId: string) => madeBy.get(sessionId) !== undefined,
    anyFor: (actorId: string) => anyFor.get(actorId) !== undefined,
    remove: (actorId: string, clientId: string) => remove.run(actorId, clientId).changes === 1,
    removeEndpoint: (endpoint: string) => void removeEndpoint.run(endpoint),
    removeAllOf: (actorId: string) => void removeAllOf.run(actorId),
    liveOf: (actorId: string, now: number, startedAfter: number) => liveOf.all(actorId, now, startedAfter) as PushSubscriptionRow[],
  };
}

interface QuietHoursDbRow {
  enabled: number;
  start_time: string;
  end_time: string;
  time_zone: string;
}

export function createQuietHoursStore(db: Db) {
  const of = db.prepare('SELECT enabled, start_time, end_time, time_zone FROM push_quiet_hours WHERE actor_id = ?');
  const set = db.prepare(`
    INSERT INTO push_quiet_hours (actor_id, enabled, start_time, end_time, time_zone, updated_at) VALUES (?, ?, ?, ?, ?, ?)
    ON CONFLICT (actor_id) DO UPDATE SET enabled = excluded.enabled, start_time = excluded.start_time, end_time = excluded.end_time,
      time_zone = excluded.time_zone, updated_at = excluded.updated_at`);
  const remove = db.prepare('DELETE FROM push_quiet_hours WHERE actor_id = ?');
  return {
    of(actorId: string): QuietHours | undefined {
      const row = of.get(actorId) as QuietHoursDbRow | undefined;
      return row && { enabled: row.enabled === 1, start: row.start_time, end: row.end_time, timeZone: row.time_zone };
    },
    set(actorId: string, q: QuietHours, at: number) {
      set.run(actorId, q.enabled ? 1 : 0, q.start, q.end, q.timeZone, at);
    },
    remove: (actorId: string) => void remove.run(actorId),
  };
}

export function createPushOutboxStore(db: Db) {
  const add = db.prepare(`
    INSERT INTO push_outbox (notification_id, actor_id, client_id, due_at, attempts, created_at)
    VALUES (@notificationId, @actorId, @clientId, @dueAt, @attempts, @createdAt)`);
  // One statement, so one step: SQLite lets one writer at a time at the file, and a dispatcher on
  // another connection (another process) finds the rows this one took already leased.
  const claimDue = db.prepare(`
    UPDATE push_outbox SET due_at = @leaseUntil, attempts = attempts + 1
    WHERE id IN (SELECT id FROM push_outbox WHERE due_at <= @now ORDER BY due_at, id LIMIT @limit)
    RETURNING id, notification_id AS notificationId, actor_id AS actorId, client_id AS clientId, attempts`);
  const remove = db.prepare('DELETE FROM push_outbox WHERE id = ?');
  const joinWaiting = db.prepare('UPDATE push_outbox SET due_at = min(due_at, ?) WHERE notification_id = ? AND client_id IS NULL AND attempts = 0');
  const reschedule = db.prepare('UPDATE push_outbox SET due_at = ? WHERE actor_id = ? AND due_at > ? AND attempts = 0');
  const removeAllOf = db.prepare('DELETE FROM push_outbox WHERE actor_id = ?');
  return {
    add: (row: NewPushOutboxRow) => void add.run(row),
    claimDue: (now: number, leaseUntil: number, limit: number) => claimDue.all({ now, leaseUntil, limit }) as ClaimedPush[],
    remove: (id: number) => void remove.run(id),
    joinWaiting: (notificationId: string, dueAt: number) => joinWaiting.run(dueAt, notificationId).changes > 0,
    reschedule: (actorId: string, dueAt: number, now: number) => void reschedule.run(dueAt, actorId, now),
    removeAllOf: (actorId: string) => void removeAllOf.run(actorId),
  };
}
