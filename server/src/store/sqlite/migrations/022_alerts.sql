-- Keyword alerts (키워드 알림) and the notifications they make. Each keyword is filed under a key
-- (the first two characters of its longest word): a new listing looks up the keys its text holds,
-- not every keyword anyone saved.
CREATE TABLE keywords (
  actor_id TEXT NOT NULL REFERENCES actors(id),
  keyword TEXT NOT NULL,
  match_key TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  PRIMARY KEY (actor_id, keyword)
) WITHOUT ROWID;
CREATE INDEX keywords_by_key ON keywords (match_key);

CREATE TABLE notifications (
  id TEXT PRIMARY KEY,
  actor_id TEXT NOT NULL REFERENCES actors(id),
  kind TEXT NOT NULL CHECK (kind IN ('keyword')),
  subject_id TEXT NOT NULL,
  title TEXT NOT NULL,
  keyword TEXT,
  created_at INTEGER NOT NULL,
  read_at INTEGER,
  change_seq INTEGER NOT NULL,
  -- Told once per subject: a listing matching two keywords, or matched again, is one notification.
  UNIQUE (actor_id, kind, subject_id)
);
-- The person's pull: their notifications changed since a cursor.
CREATE INDEX notifications_by_actor_change ON notifications (actor_id, change_seq);
