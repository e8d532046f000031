-- The same as SQLite's 029_business_life.sql.
-- A business's life after it opens: the profile's details its owner keeps, its posts (news and
-- coupons), its followers (단골) and its reviews (one per person, replaced by a second). The counts
-- live on the business row, renumbered with it, so a profile reads offline from the pulled row.
ALTER TABLE businesses ADD COLUMN address text NOT NULL DEFAULT '';
ALTER TABLE businesses ADD COLUMN hours text NOT NULL DEFAULT '';
ALTER TABLE businesses ADD COLUMN phone text NOT NULL DEFAULT '';
ALTER TABLE businesses ADD COLUMN description text NOT NULL DEFAULT '';
-- JSON array of {full, thumb} photo hashes.
ALTER TABLE businesses ADD COLUMN photos text NOT NULL DEFAULT '[]';
ALTER TABLE businesses ADD COLUMN follower_count integer NOT NULL DEFAULT 0;
ALTER TABLE businesses ADD COLUMN review_count integer NOT NULL DEFAULT 0;
ALTER TABLE businesses ADD COLUMN star_sum integer NOT NULL DEFAULT 0;

CREATE TABLE business_posts (
  id text PRIMARY KEY,
  business_id text NOT NULL REFERENCES businesses(id),
  -- Copied from the business: the pull finds an area's and an owner's posts by one index range.
  owner_id text NOT NULL,
  neighbourhood_id text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('news', 'coupon')),
  title text NOT NULL,
  text text NOT NULL,
  photos text NOT NULL,
  valid_until bigint,
  created_at bigint NOT NULL,
  -- Set when its owner deletes it (or the business closes): the row stays as the pull's tombstone.
  deleted_at bigint,
  change_seq bigint NOT NULL
);
CREATE UNIQUE INDEX business_posts_by_change ON business_posts (change_seq);
CREATE INDEX business_posts_by_place_change ON business_posts (neighbourhood_id, change_seq);
CREATE INDEX business_posts_by_business_change ON business_posts (business_id, change_seq);
CREATE INDEX business_posts_by_owner_change ON business_posts (owner_id, change_seq);
-- The daily cap: a business's posts in the last 24 hours.
CREATE INDEX business_posts_by_business_created ON business_posts (business_id, created_at);

CREATE TABLE business_follows (
  business_id text NOT NULL REFERENCES businesses(id),
  actor_id text NOT NULL REFERENCES actors(id),
  created_at bigint NOT NULL,
  PRIMARY KEY (business_id, actor_id)
);
-- The pull's followed ids, newest first, and the followers' posts.
CREATE INDEX business_follows_by_actor ON business_follows (actor_id, created_at);

CREATE TABLE business_reviews (
  business_id text NOT NULL REFERENCES businesses(id),
  author_id text NOT NULL REFERENCES actors(id),
  neighbourhood_id text NOT NULL,
  stars integer NOT NULL CHECK (stars BETWEEN 1 AND 5),
  text text NOT NULL,
  created_at bigint NOT NULL,
  edited_at bigint,
  deleted_at bigint,
  change_seq bigint NOT NULL,
  PRIMARY KEY (business_id, author_id)
);
CREATE UNIQUE INDEX business_reviews_by_change ON business_reviews (change_seq);
CREATE INDEX business_reviews_by_place_change ON business_reviews (neighbourhood_id, change_seq);
CREATE INDEX business_reviews_by_author_change ON business_reviews (author_id, change_seq);

-- A business's followers are told of its posts (business_post).
ALTER TABLE notifications DROP CONSTRAINT notifications_kind_check;
ALTER TABLE notifications ADD CONSTRAINT notifications_kind_check CHECK (kind IN (
  'keyword', 'security', 'message', 'offer', 'appointment', 'review_request',
  'board_comment', 'board_reply', 'board_reaction', 'business_post'));
