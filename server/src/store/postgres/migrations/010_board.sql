-- The neighbourhood board (동네생활): posts in a neighbourhood, comments with one level of replies,
-- and reactions (공감), one per person per post: the same tables as SQLite's 027_board.sql.
-- Deleted posts and comments stay as rows: a post's tombstone tells devices to drop it, and a
-- deleted comment keeps its replies' place.
CREATE TABLE board_posts (
  id text PRIMARY KEY,
  author_id text NOT NULL REFERENCES actors (id),
  neighbourhood_id text NOT NULL REFERENCES neighbourhoods (id),
  -- The place's display name when it was posted, as listings keep theirs.
  neighbourhood text NOT NULL,
  topic text NOT NULL,
  text text NOT NULL,
  -- JSON array of {full, thumb} photo hashes, in the author's order.
  photos text NOT NULL DEFAULT '[]',
  comment_count integer NOT NULL DEFAULT 0,
  reaction_count integer NOT NULL DEFAULT 0,
  -- Hidden by neighbours' reports until reviewed: only its author still pulls it.
  under_review boolean NOT NULL DEFAULT false,
  created_at bigint NOT NULL,
  updated_at bigint NOT NULL,
  edited_at bigint,
  deleted_at bigint,
  change_seq bigint NOT NULL
);
CREATE UNIQUE INDEX board_posts_by_change ON board_posts (change_seq);
-- Pull: one range scan per place of the area, and one over the author's own posts.
CREATE INDEX board_posts_by_place_change ON board_posts (neighbourhood_id, change_seq);
CREATE INDEX board_posts_by_author_change ON board_posts (author_id, change_seq);
-- Search: trigrams of the lower-cased text find a word inside longer words, as for listings.
CREATE INDEX board_posts_text_trigrams ON board_posts USING gin ((lower(text)) gin_trgm_ops);

CREATE TABLE board_comments (
  id text PRIMARY KEY,
  post_id text NOT NULL REFERENCES board_posts (id),
  -- The top-level comment this one replies to; NULL for a top-level comment.
  parent_id text REFERENCES board_comments (id),
  author_id text NOT NULL REFERENCES actors (id),
  -- The post's place and author, copied onto each of its comments: pull then finds the comments of
  -- an area, and of a person's own posts, by the same kind of index range as the posts themselves.
  neighbourhood_id text NOT NULL,
  post_author_id text NOT NULL,
  text text NOT NULL,
  under_review boolean NOT NULL DEFAULT false,
  created_at bigint NOT NULL,
  edited_at bigint,
  deleted_at bigint,
  change_seq bigint NOT NULL
);
CREATE UNIQUE INDEX board_comments_by_change ON board_comments (change_seq);
CREATE INDEX board_comments_by_place_change ON board_comments (neighbourhood_id, change_seq);
CREATE INDEX board_comments_by_post_author_change ON board_comments (post_author_id, change_seq);
-- A post's comments: its count, and the comments a deleted or hidden post takes with it.
CREATE INDEX board_comments_by_post ON board_comments (post_id, deleted_at);
CREATE INDEX board_comments_by_author ON board_comments (author_id);

CREATE TABLE board_reactions (
  actor_id text NOT NULL REFERENCES actors (id),
  post_id text NOT NULL REFERENCES board_posts (id),
  created_at bigint NOT NULL,
  PRIMARY KEY (actor_id, post_id)
);
CREATE INDEX board_reactions_by_post ON board_reactions (post_id);
-- The posts a person reacted to, most recent first (reactedPostIds in the pull).
CREATE INDEX board_reactions_by_actor_time ON board_reactions (actor_id, created_at);
-- Whose 공감 a post's author was told of: once per neighbour and post, however often it is taken
-- back and given again (each time would be a push).
CREATE TABLE board_reaction_notices (
  post_id text NOT NULL,
  actor_id text NOT NULL,
  PRIMARY KEY (post_id, actor_id)
);
CREATE INDEX board_reaction_notices_by_actor ON board_reaction_notices (actor_id);

-- Posts and comments can be reported, and have daily caps: both checks widen.
ALTER TABLE reports DROP CONSTRAINT reports_target_check;
ALTER TABLE reports ADD CONSTRAINT reports_target_check CHECK (target IN ('actor', 'listing', 'post', 'comment'));
-- Different reporters of one target: what hides a post or comment (BOARD_LIMITS.hideAfterReports).
DROP INDEX reports_by_target;
CREATE INDEX reports_by_target ON reports (target, target_id, reporter_id);

ALTER TABLE creation_counts DROP CONSTRAINT creation_counts_kind_check;
ALTER TABLE creation_counts ADD CONSTRAINT creation_counts_kind_check
  CHECK (kind IN ('listing', 'draft', 'conversation', 'message', 'report', 'block', 'post', 'comment'));
