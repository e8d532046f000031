-- Web Push (issue 14), as SQLite's 024_push.sql: the devices that asked to be woken, each person's
-- quiet hours, and the outbox of pushes to send. A push only nudges; the inbox holds the notification.

-- One subscription per device (its sync clientId) per person; an endpoint names one browser. The
-- session that made it ends it: signing out (or any other end of that session) removes it.
CREATE TABLE push_subscriptions (
  actor_id text NOT NULL REFERENCES actors(id),
  client_id text NOT NULL,
  endpoint text NOT NULL UNIQUE,
  p256dh text NOT NULL,
  auth text NOT NULL,
  locale text NOT NULL,
  session_id text NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
  created_at bigint NOT NULL,
  updated_at bigint NOT NULL,
  PRIMARY KEY (actor_id, client_id)
);
CREATE INDEX push_subscriptions_by_session ON push_subscriptions (session_id);

-- Quiet hours, for people who changed them from the default (DEFAULT_QUIET_HOURS).
CREATE TABLE push_quiet_hours (
  actor_id text PRIMARY KEY REFERENCES actors(id),
  enabled boolean NOT NULL,
  start_time text NOT NULL,
  end_time text NOT NULL,
  time_zone text NOT NULL,
  updated_at bigint NOT NULL
);

-- A transactional outbox: a row per notification to push, written in the transaction that wrote
-- the notification, due now or when the person's quiet hours end. Instances claim due rows with
-- FOR UPDATE SKIP LOCKED and lease them (due_at moves on), so no two send one row; a row whose
-- sender died comes due again when its lease runs out. client_id names the one device a retry is
-- for (null: all the person's devices).
CREATE TABLE push_outbox (
  id bigserial PRIMARY KEY,
  notification_id text NOT NULL REFERENCES notifications(id) ON DELETE CASCADE,
  actor_id text NOT NULL REFERENCES actors(id),
  client_id text,
  due_at bigint NOT NULL,
  attempts integer NOT NULL DEFAULT 0,
  created_at bigint NOT NULL
);
CREATE INDEX push_outbox_by_due ON push_outbox (due_at);
CREATE INDEX push_outbox_by_actor ON push_outbox (actor_id);
CREATE INDEX push_outbox_by_notification ON push_outbox (notification_id);
