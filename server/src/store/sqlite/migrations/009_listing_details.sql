-- What people do with listings after publishing: offers, a meeting spot, photos, hiding, bumping,
-- editing, and the watchlist (likes) and view counts shown on each listing.
ALTER TABLE listings ADD COLUMN accepts_offers INTEGER NOT NULL DEFAULT 0;
ALTER TABLE listings ADD COLUMN meeting_spot TEXT NOT NULL DEFAULT '';
-- JSON array of {full, thumb} photo hashes, in the seller's order.
ALTER TABLE listings ADD COLUMN photos TEXT NOT NULL DEFAULT '[]';
ALTER TABLE listings ADD COLUMN hidden INTEGER NOT NULL DEFAULT 0;
ALTER TABLE listings ADD COLUMN bumped_at INTEGER NOT NULL DEFAULT 0;
ALTER TABLE listings ADD COLUMN edited_at INTEGER;
ALTER TABLE listings ADD COLUMN like_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE listings ADD COLUMN view_count INTEGER NOT NULL DEFAULT 0;
UPDATE listings SET bumped_at = created_at;

-- The feed and search read newest-bumped first within a place.
DROP INDEX listings_by_place_time;
CREATE INDEX listings_by_place_bumped ON listings (neighbourhood_id, bumped_at);

CREATE TABLE likes (
  actor_id TEXT NOT NULL REFERENCES actors(id),
  listing_id TEXT NOT NULL REFERENCES listings(id),
  created_at INTEGER NOT NULL,
  PRIMARY KEY (actor_id, listing_id)
) WITHOUT ROWID;
CREATE INDEX likes_by_listing ON likes (listing_id);

-- One view per viewer per listing per day; a viewer is an account, or an address for visitors.
CREATE TABLE listing_views (
  listing_id TEXT NOT NULL,
  viewer TEXT NOT NULL,
  day INTEGER NOT NULL,
  PRIMARY KEY (listing_id, viewer, day)
) WITHOUT ROWID;
