-- The trade's and the board's notifications (issue 14), as SQLite's 026_trading_notifications.sql:
-- who did it (by_actor_id: actor_id is whom it is for), their name, the first words of what they
-- wrote, an offer's price, an appointment's time and, for a chat message, its kind. The constraint
-- changes in place: the push outbox's waiting rows are untouched.
ALTER TABLE notifications DROP CONSTRAINT notifications_kind_check;
ALTER TABLE notifications ADD CONSTRAINT notifications_kind_check CHECK (kind IN (
  'keyword', 'security', 'message', 'offer', 'appointment', 'review_request',
  'board_comment', 'board_reply', 'board_reaction'));
ALTER TABLE notifications
  ADD COLUMN by_actor_id text,
  ADD COLUMN actor_name text,
  ADD COLUMN snippet text,
  ADD COLUMN amount_krw bigint,
  ADD COLUMN at bigint,
  ADD COLUMN message_kind text CHECK (message_kind IS NULL OR message_kind IN (
    'text', 'offer', 'offer_accepted', 'offer_declined', 'appointment', 'appointment_confirmed', 'reserved', 'sold'));

-- The reminder of a confirmed appointment, one per conversation (a newer confirmed appointment
-- replaces it), due CHAT_LIMITS.reminderBeforeMs before the appointment. Sweepers on every instance
-- take due rows FOR UPDATE SKIP LOCKED and write the reminders in the same transaction, so each is
-- made exactly once.
CREATE TABLE appointment_reminders (
  listing_id text NOT NULL,
  buyer_id text NOT NULL,
  appointment_id text NOT NULL,
  at bigint NOT NULL,
  due_at bigint NOT NULL,
  PRIMARY KEY (listing_id, buyer_id),
  FOREIGN KEY (listing_id, buyer_id) REFERENCES conversations (listing_id, buyer_id)
);
CREATE INDEX appointment_reminders_by_due ON appointment_reminders (due_at);
