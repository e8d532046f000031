-- Keyword alerts (키워드 알림) and the notifications they make (as SQLite's 022_alerts.sql). Each
-- keyword is filed under a key (the first two characters of its longest word): a new listing looks
-- up the keys its text holds, not every keyword anyone saved.
CREATE TABLE keywords (
  actor_id text NOT NULL REFERENCES actors(id),
  keyword text NOT NULL,
  match_key text NOT NULL,
  created_at bigint NOT NULL,
  PRIMARY KEY (actor_id, keyword)
);
CREATE INDEX keywords_by_key ON keywords (match_key);

CREATE TABLE notifications (
  id text PRIMARY KEY,
  actor_id text NOT NULL REFERENCES actors(id),
  kind text NOT NULL CHECK (kind IN ('keyword')),
  subject_id text NOT NULL,
  title text NOT NULL,
  keyword text,
  created_at bigint NOT NULL,
  read_at bigint,
  change_seq bigint NOT NULL,
  -- Told once per subject: a listing matching two keywords, or matched again, is one notification.
  UNIQUE (actor_id, kind, subject_id)
);
-- The person's pull: their notifications changed since a cursor.
CREATE INDEX notifications_by_actor_change ON notifications (actor_id, change_seq);
