-- Web Push (issue 14): the devices that asked to be woken, each person's quiet hours, and the
-- outbox of pushes to send. A push only nudges; the notification itself is in the inbox.

-- One subscription per device (its sync clientId) per person. A push service's endpoint names one
-- browser, so it is unique: the browser moving to another account or clientId takes it along. The
-- session that made it ends it: signing out (or any other end of that session) removes it.
CREATE TABLE push_subscriptions (
  actor_id TEXT NOT NULL REFERENCES actors(id),
  client_id TEXT NOT NULL,
  endpoint TEXT NOT NULL UNIQUE,
  p256dh TEXT NOT NULL,
  auth TEXT NOT NULL,
  locale TEXT NOT NULL,
  session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (actor_id, client_id)
) WITHOUT ROWID;
-- Ending a session finds its subscriptions (the cascade above), and PUT /api/push/settings answers
-- whether this session subscribed.
CREATE INDEX push_subscriptions_by_session ON push_subscriptions (session_id);

-- Quiet hours, for people who changed them from the default (DEFAULT_QUIET_HOURS).
CREATE TABLE push_quiet_hours (
  actor_id TEXT PRIMARY KEY REFERENCES actors(id),
  enabled INTEGER NOT NULL,
  start_time TEXT NOT NULL,
  end_time TEXT NOT NULL,
  time_zone TEXT NOT NULL,
  updated_at INTEGER NOT NULL
);

-- A transactional outbox: a row per notification to push, written in the transaction that wrote
-- the notification, due now or when the person's quiet hours end. A dispatcher leases due rows (by
-- moving due_at on), sends, and deletes them; a row whose sender died comes due again when its
-- lease runs out. client_id names the one device a retry is for (null: all the person's devices).
CREATE TABLE push_outbox (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  notification_id TEXT NOT NULL REFERENCES notifications(id) ON DELETE CASCADE,
  actor_id TEXT NOT NULL REFERENCES actors(id),
  client_id TEXT,
  due_at INTEGER NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL
);
CREATE INDEX push_outbox_by_due ON push_outbox (due_at);
CREATE INDEX push_outbox_by_actor ON push_outbox (actor_id);
CREATE INDEX push_outbox_by_notification ON push_outbox (notification_id);
