-- A business's life after it opens: the profile's details its owner keeps, its posts (news and
-- coupons), its followers (단골) and its reviews (one per person, replaced by a second). The counts
-- live on the business row, renumbered with it, so a profile reads offline from the pulled row.
ALTER TABLE businesses ADD COLUMN address TEXT NOT NULL DEFAULT '';
ALTER TABLE businesses ADD COLUMN hours TEXT NOT NULL DEFAULT '';
ALTER TABLE businesses ADD COLUMN phone TEXT NOT NULL DEFAULT '';
ALTER TABLE businesses ADD COLUMN description TEXT NOT NULL DEFAULT '';
-- JSON array of {full, thumb} photo hashes.
ALTER TABLE businesses ADD COLUMN photos TEXT NOT NULL DEFAULT '[]';
ALTER TABLE businesses ADD COLUMN follower_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE businesses ADD COLUMN review_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE businesses ADD COLUMN star_sum INTEGER NOT NULL DEFAULT 0;

CREATE TABLE business_posts (
  id TEXT PRIMARY KEY,
  business_id TEXT NOT NULL REFERENCES businesses(id),
  -- Copied from the business: the pull finds an area's and an owner's posts by one index range.
  owner_id TEXT NOT NULL,
  neighbourhood_id TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('news', 'coupon')),
  title TEXT NOT NULL,
  text TEXT NOT NULL,
  photos TEXT NOT NULL,
  valid_until INTEGER,
  created_at INTEGER NOT NULL,
  -- Set when its owner deletes it (or the business closes): the row stays as the pull's tombstone.
  deleted_at INTEGER,
  change_seq INTEGER NOT NULL
);
CREATE UNIQUE INDEX business_posts_by_change ON business_posts (change_seq);
CREATE INDEX business_posts_by_place_change ON business_posts (neighbourhood_id, change_seq);
CREATE INDEX business_posts_by_business_change ON business_posts (business_id, change_seq);
CREATE INDEX business_posts_by_owner_change ON business_posts (owner_id, change_seq);
-- The daily cap: a business's posts in the last 24 hours.
CREATE INDEX business_posts_by_business_created ON business_posts (business_id, created_at);

CREATE TABLE business_follows (
  business_id TEXT NOT NULL REFERENCES businesses(id),
  actor_id TEXT NOT NULL REFERENCES actors(id),
  created_at INTEGER NOT NULL,
  PRIMARY KEY (business_id, actor_id)
) WITHOUT ROWID;
-- The pull's followed ids, newest first, and the followers' posts.
CREATE INDEX business_follows_by_actor ON business_follows (actor_id, created_at);

CREATE TABLE business_reviews (
  business_id TEXT NOT NULL REFERENCES businesses(id),
  author_id TEXT NOT NULL REFERENCES actors(id),
  neighbourhood_id TEXT NOT NULL,
  stars INTEGER NOT NULL CHECK (stars BETWEEN 1 AND 5),
  text TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  edited_at INTEGER,
  deleted_at INTEGER,
  change_seq INTEGER NOT NULL,
  PRIMARY KEY (business_id, author_id)
);
CREATE UNIQUE INDEX business_reviews_by_change ON business_reviews (change_seq);
CREATE INDEX business_reviews_by_place_change ON business_reviews (neighbourhood_id, change_seq);
CREATE INDEX business_reviews_by_author_change ON business_reviews (author_id, change_seq);

-- A business's followers are told of its posts (business_post). SQLite cannot change a CHECK
-- constraint in place, so the notifications table is rebuilt as 026 rebuilt it, its push outbox
-- rows kept aside and put back (dropping the old table would cascade to them).
CREATE TABLE notifications_rebuilt (
  id TEXT PRIMARY KEY,
  actor_id TEXT NOT NULL REFERENCES actors(id),
  kind TEXT NOT NULL CHECK (kind IN (
    'keyword', 'security', 'message', 'offer', 'appointment', 'review_request',
    'board_comment', 'board_reply', 'board_reaction', 'business_post')),
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
INSERT INTO notifications_rebuilt SELECT * FROM notifications;

CREATE TEMP TABLE push_outbox_kept AS SELECT * FROM push_outbox;
DROP TABLE notifications;
ALTER TABLE notifications_rebuilt RENAME TO notifications;
INSERT INTO push_outbox SELECT * FROM push_outbox_kept;
DROP TABLE push_outbox_kept;

-- The person's pull: their notifications changed since a cursor.
CREATE INDEX notifications_by_actor_change ON notifications (actor_id, change_seq);
