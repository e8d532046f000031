-- The trade's and the board's notifications (issue 14): a chat message, an offer, an appointment
-- coming up, a request to review after a sale, a comment, a reply or 공감 on the board. Each keeps
-- who did it (by_actor_id: actor_id is whom it is for), their name, the first words of what they
-- wrote, an offer's price, an appointment's time and, for a chat message, its kind. SQLite cannot
-- change a CHECK constraint in place, so the table is rebuilt as 025 rebuilt it: the push outbox
-- refers to it with ON DELETE CASCADE, which dropping the old table would fire, so its rows are
-- kept aside and put back once the new table has the old one's name.
CREATE TABLE notifications_rebuilt (
  id TEXT PRIMARY KEY,
  actor_id TEXT NOT NULL REFERENCES actors(id),
  kind TEXT NOT NULL CHECK (kind IN (
    'keyword', 'security', 'message', 'offer', 'appointment', 'review_request',
    'board_comment', 'board_reply', 'board_reaction')),
  subject_id TEXT NOT NULL,
  title TEXT NOT NULL,
  keyword TEXT,
  event TEXT CHECK (event IS NULL OR event IN (
    'passkey_added', 'passkey_removed', 'password_changed', 'password_removed',
    'new_device_sign_in', 'recovery_codes_created', 'recovery_used')),
  by_actor_id TEXT,
  actor_name TEXT,
  snippet TEXT,
  amount_krw INTEGER,
  at INTEGER,
  message_kind TEXT CHECK (message_kind IS NULL OR message_kind IN (
    'text', 'offer', 'offer_accepted', 'offer_declined', 'appointment', 'appointment_confirmed', 'reserved', 'sold')),
  created_at INTEGER NOT NULL,
  read_at INTEGER,
  change_seq INTEGER NOT NULL,
  -- One row per subject and kind: told once (a keyword match, a review request), or refreshed by
  -- the next event about it (a busy chat is one line, not fifty).
  UNIQUE (actor_id, kind, subject_id)
);
INSERT INTO notifications_rebuilt (id, actor_id, kind, subject_id, title, keyword, event, created_at, read_at, change_seq)
  SELECT id, actor_id, kind, subject_id, title, keyword, event, created_at, read_at, change_seq FROM notifications;

CREATE TEMP TABLE push_outbox_kept AS SELECT * FROM push_outbox;
DROP TABLE notifications;
ALTER TABLE notifications_rebuilt RENAME TO notifications;
INSERT INTO push_outbox SELECT * FROM push_outbox_kept;
DROP TABLE push_outbox_kept;

-- The person's pull: their notifications changed since a cursor.
CREATE INDEX notifications_by_actor_change ON notifications (actor_id, change_seq);

-- The reminder of a confirmed appointment, one per conversation (a newer confirmed appointment
-- replaces it), due CHAT_LIMITS.reminderBeforeMs before the appointment. A sweeper takes due rows
-- and writes the reminders in the same transaction, so each is made exactly once.
CREATE TABLE appointment_reminders (
  listing_id TEXT NOT NULL,
  buyer_id TEXT NOT NULL,
  appointment_id TEXT NOT NULL,
  at INTEGER NOT NULL,
  due_at INTEGER NOT NULL,
  PRIMARY KEY (listing_id, buyer_id),
  FOREIGN KEY (listing_id, buyer_id) REFERENCES conversations (listing_id, buyer_id)
) WITHOUT ROWID;
CREATE INDEX appointment_reminders_by_due ON appointment_reminders (due_at);
