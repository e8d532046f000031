-- Security messages reach the inbox (issue 17): a notification of kind 'security' names what
-- happened (event). SQLite cannot change a CHECK constraint in place, so the table is rebuilt. The
-- push outbox refers to it with ON DELETE CASCADE, which dropping the old table would fire: its
-- rows are kept aside and put back once the new table has the old one's name.
CREATE TABLE notifications_rebuilt (
  id TEXT PRIMARY KEY,
  actor_id TEXT NOT NULL REFERENCES actors(id),
  kind TEXT NOT NULL CHECK (kind IN ('keyword', 'security')),
  subject_id TEXT NOT NULL,
  title TEXT NOT NULL,
  keyword TEXT,
  event TEXT CHECK (event IS NULL OR event IN (
    'passkey_added', 'passkey_removed', 'password_changed', 'password_removed',
    'new_device_sign_in', 'recovery_codes_created', 'recovery_used')),
  created_at INTEGER NOT NULL,
  read_at INTEGER,
  change_seq INTEGER NOT NULL,
  -- Told once per subject: a listing matching two keywords, or matched again, is one notification.
  UNIQUE (actor_id, kind, subject_id)
);
INSERT INTO notifications_rebuilt (id, actor_id, kind, subject_id, title, keyword, event, created_at, read_at, change_seq)
  SELECT id, actor_id, kind, subject_id, title, keyword, NULL, created_at, read_at, change_seq FROM notifications;

CREATE TEMP TABLE push_outbox_kept AS SELECT * FROM push_outbox;
DROP TABLE notifications;
ALTER TABLE notifications_rebuilt RENAME TO notifications;
INSERT INTO push_outbox SELECT * FROM push_outbox_kept;
DROP TABLE push_outbox_kept;

-- The person's pull: their notifications changed since a cursor.
CREATE INDEX notifications_by_actor_change ON notifications (actor_id, change_seq);
