-- What each account started, by the hour: the daily caps (new listings, new drafts) add up the last
-- 24 of these rows instead of counting the account's listings, so the check costs the same for a
-- neighbour with five listings and a shop with five thousand.
CREATE TABLE creation_counts (
  actor_id TEXT NOT NULL REFERENCES actors(id),
  kind TEXT NOT NULL CHECK (kind IN ('listing', 'draft')),
  hour INTEGER NOT NULL,
  count INTEGER NOT NULL,
  PRIMARY KEY (actor_id, kind, hour)
) WITHOUT ROWID;
INSERT INTO creation_counts (actor_id, kind, hour, count)
  SELECT seller_id, 'listing', created_at / 3600000, count(*) FROM listings GROUP BY seller_id, created_at / 3600000;
INSERT INTO creation_counts (actor_id, kind, hour, count)
  SELECT owner_id, 'draft', created_at / 3600000, count(*) FROM drafts GROUP BY owner_id, created_at / 3600000;
DROP INDEX listings_by_seller_created;
DROP INDEX drafts_by_owner_created;
