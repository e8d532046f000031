-- The neighbourhood board (동네생활): posts in a neighbourhood, comments with one level of replies,
-- and reactions (공감), one per person per post. Deleted posts and comments stay as rows: a post's
-- tombstone tells devices to drop it, and a deleted comment keeps its replies' place.
CREATE TABLE board_posts (
  id TEXT PRIMARY KEY,
  author_id TEXT NOT NULL REFERENCES actors(id),
  neighbourhood_id TEXT NOT NULL REFERENCES neighbourhoods(id),
  -- The place's display name when it was posted, as listings keep theirs.
  neighbourhood TEXT NOT NULL,
  topic TEXT NOT NULL,
  text TEXT NOT NULL,
  -- JSON array of {full, thumb} photo hashes, in the author's order.
  photos TEXT NOT NULL DEFAULT '[]',
  comment_count INTEGER NOT NULL DEFAULT 0,
  reaction_count INTEGER NOT NULL DEFAULT 0,
  -- Hidden by neighbours' reports until reviewed: only its author still pulls it.
  under_review INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  edited_at INTEGER,
  deleted_at INTEGER,
  change_seq INTEGER NOT NULL
);
CREATE UNIQUE INDEX board_posts_by_change ON board_posts (change_seq);
-- Pull: one range scan per place of the area, and one over the author's own posts.
CREATE INDEX board_posts_by_place_change ON board_posts (neighbourhood_id, change_seq);
CREATE INDEX board_posts_by_author_change ON board_posts (author_id, change_seq);

CREATE TABLE board_comments (
  id TEXT PRIMARY KEY,
  post_id TEXT NOT NULL REFERENCES board_posts(id),
  -- The top-level comment this one replies to; NULL for a top-level comment.
  parent_id TEXT REFERENCES board_comments(id),
  author_id TEXT NOT NULL REFERENCES actors(id),
  -- The post's place and author, copied onto each of its comments: pull then finds the comments of
  -- an area, and of a person's own posts, by the same kind of index range as the posts themselves.
  neighbourhood_id TEXT NOT NULL,
  post_author_id TEXT NOT NULL,
  text TEXT NOT NULL,
  under_review INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL,
  edited_at INTEGER,
  deleted_at INTEGER,
  change_seq INTEGER NOT NULL
);
CREATE UNIQUE INDEX board_comments_by_change ON board_comments (change_seq);
CREATE INDEX board_comments_by_place_change ON board_comments (neighbourhood_id, change_seq);
CREATE INDEX board_comments_by_post_author_change ON board_comments (post_author_id, change_seq);
-- A post's comments: its count, and the comments a deleted or hidden post takes with it.
CREATE INDEX board_comments_by_post ON board_comments (post_id, deleted_at);
CREATE INDEX board_comments_by_author ON board_comments (author_id);

CREATE TABLE board_reactions (
  actor_id TEXT NOT NULL REFERENCES actors(id),
  post_id TEXT NOT NULL REFERENCES board_posts(id),
  created_at INTEGER NOT NULL,
  PRIMARY KEY (actor_id, post_id)
) WITHOUT ROWID;
CREATE INDEX board_reactions_by_post ON board_reactions (post_id);
-- The posts a person reacted to, most recent first (reactedPostIds in the pull).
CREATE INDEX board_reactions_by_actor_time ON board_reactions (actor_id, created_at);
-- Whose 공감 a post's author was told of: once per neighbour and post, however often it is taken
-- back and given again (each time would be a push).
CREATE TABLE board_reaction_notices (
  post_id TEXT NOT NULL,
  actor_id TEXT NOT NULL,
  PRIMARY KEY (post_id, actor_id)
) WITHOUT ROWID;
CREATE INDEX board_reaction_notices_by_actor ON board_reaction_notices (actor_id);

-- Search, as over listings (008_search.sql, 012_search_bigrams.sql): trigrams find a word inside
-- longer Korean words, and each post's letter pairs (written by the store) answer two-letter words.
CREATE VIRTUAL TABLE board_posts_fts USING fts5(text, content='board_posts', content_rowid='rowid', tokenize='trigram');
CREATE TRIGGER board_posts_fts_insert AFTER INSERT ON board_posts BEGIN
  INSERT INTO board_posts_fts (rowid, text) VALUES (new.rowid, new.text);
END;
CREATE TRIGGER board_posts_fts_delete AFTER DELETE ON board_posts BEGIN
  INSERT INTO board_posts_fts (board_posts_fts, rowid, text) VALUES ('delete', old.rowid, old.text);
END;
CREATE TRIGGER board_posts_fts_update AFTER UPDATE OF text ON board_posts BEGIN
  INSERT INTO board_posts_fts (board_posts_fts, rowid, text) VALUES ('delete', old.rowid, old.text);
  INSERT INTO board_posts_fts (rowid, text) VALUES (new.rowid, new.text);
END;
CREATE VIRTUAL TABLE board_posts_bigrams USING fts5(grams, tokenize = 'unicode61 remove_diacritics 0');

-- Posts and comments can be reported, and have daily caps. SQLite cannot change a CHECK in place:
-- both tables are made again with the wider one, what they hold copied over.
CREATE TABLE reports_new (
  id TEXT PRIMARY KEY,
  reporter_id TEXT NOT NULL REFERENCES actors(id),
  target TEXT NOT NULL CHECK (target IN ('actor', 'listing', 'post', 'comment')),
  target_id TEXT NOT NULL,
  reason TEXT NOT NULL,
  text TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
INSERT INTO reports_new (id, reporter_id, target, target_id, reason, text, created_at)
  SELECT id, reporter_id, target, target_id, reason, text, created_at FROM reports;
DROP TABLE reports;
ALTER TABLE reports_new RENAME TO reports;
-- Different reporters of one target: what hides a post or comment (BOARD_LIMITS.hideAfterReports).
CREATE INDEX reports_by_target ON reports (target, target_id, reporter_id);

CREATE TABLE creation_counts_new (
  actor_id TEXT NOT NULL REFERENCES actors(id),
  kind TEXT NOT NULL CHECK (kind IN ('listing', 'draft', 'conversation', 'message', 'report', 'block', 'post', 'comment')),
  hour INTEGER NOT NULL,
  count INTEGER NOT NULL,
  PRIMARY KEY (actor_id, kind, hour)
) WITHOUT ROWID;
INSERT INTO creation_counts_new (actor_id, kind, hour, count) SELECT actor_id, kind, hour, count FROM creation_counts;
DROP TABLE creation_counts;
ALTER TABLE creation_counts_new RENAME TO creation_counts;
