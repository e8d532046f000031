-- Messages, conversations started, reports and new blocks get daily caps too, counted by the hour
-- beside listings and drafts. SQLite cannot change a CHECK in place: the table is made again with
-- the wider one (same key, still WITHOUT ROWID), the counts so far copied over.
CREATE TABLE creation_counts_new (
  actor_id TEXT NOT NULL REFERENCES actors(id),
  kind TEXT NOT NULL CHECK (kind IN ('listing', 'draft', 'conversation', 'message', 'report', 'block')),
  hour INTEGER NOT NULL,
  count INTEGER NOT NULL,
  PRIMARY KEY (actor_id, kind, hour)
) WITHOUT ROWID;
INSERT INTO creation_counts_new (actor_id, kind, hour, count) SELECT actor_id, kind, hour, count FROM creation_counts;
DROP TABLE creation_counts;
ALTER TABLE creation_counts_new RENAME TO creation_counts;
