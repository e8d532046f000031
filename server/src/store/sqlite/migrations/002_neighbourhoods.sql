-- Neighbourhoods are real places: a centroid plus either a radius (Point features) or a boundary
-- (Polygon/MultiPolygon features, stored as GeoJSON MultiPolygon coordinates).
CREATE TABLE neighbourhoods (
  id TEXT PRIMARY KEY,
  name_en TEXT NOT NULL,
  name_ko TEXT,
  country TEXT NOT NULL,
  lat REAL NOT NULL,
  lng REAL NOT NULL,
  radius_m REAL,
  boundary TEXT,
  -- Bounding box (of the boundary, or of the radius circle), for "which one contains this point".
  min_lat REAL NOT NULL,
  max_lat REAL NOT NULL,
  min_lng REAL NOT NULL,
  max_lng REAL NOT NULL,
  CHECK ((radius_m IS NULL) <> (boundary IS NULL))
);
-- Serves lookups by position: candidates come from a latitude band.
CREATE INDEX neighbourhoods_by_lat ON neighbourhoods (lat);
CREATE INDEX neighbourhoods_by_name_en ON neighbourhoods (name_en COLLATE NOCASE);

-- Precomputed at import: for each neighbourhood and range level, every neighbourhood whose centre is
-- within that level's distance (itself included). Levels are cumulative.
CREATE TABLE neighbourhood_neighbours (
  neighbourhood_id TEXT NOT NULL REFERENCES neighbourhoods(id) ON DELETE CASCADE,
  level INTEGER NOT NULL,
  neighbour_id TEXT NOT NULL REFERENCES neighbourhoods(id) ON DELETE CASCADE,
  distance_m REAL NOT NULL,
  PRIMARY KEY (neighbourhood_id, level, neighbour_id)
) WITHOUT ROWID;

-- The neighbourhoods a person holds (at most two), one of them active.
CREATE TABLE actor_neighbourhoods (
  actor_id TEXT NOT NULL REFERENCES actors(id),
  neighbourhood_id TEXT NOT NULL REFERENCES neighbourhoods(id),
  active INTEGER NOT NULL CHECK (active IN (0, 1)),
  added_at INTEGER NOT NULL,
  PRIMARY KEY (actor_id, neighbourhood_id)
) WITHOUT ROWID;

-- Every passed location check. The fix is kept so the next one can be checked for impossible
-- travel, and its key is unique so the same reading cannot verify twice.
CREATE TABLE verifications (
  id INTEGER PRIMARY KEY,
  actor_id TEXT NOT NULL REFERENCES actors(id),
  neighbourhood_id TEXT NOT NULL REFERENCES neighbourhoods(id),
  lat REAL NOT NULL,
  lng REAL NOT NULL,
  accuracy REAL NOT NULL,
  taken_at INTEGER NOT NULL,
  verified_at INTEGER NOT NULL,
  fix_key TEXT NOT NULL UNIQUE
);
CREATE INDEX verifications_by_actor_time ON verifications (actor_id, taken_at);
CREATE INDEX verifications_by_actor_place ON verifications (actor_id, neighbourhood_id, verified_at);

ALTER TABLE listings ADD COLUMN neighbourhood_id TEXT REFERENCES neighbourhoods(id);
-- Serve the feed (newest first per neighbourhood) and range-scoped pulls (by change per neighbourhood).
CREATE INDEX listings_by_place_time ON listings (neighbourhood_id, created_at);
CREATE INDEX listings_by_place_change ON listings (neighbourhood_id, change_seq);
-- A person's own listings reach their devices whatever range they browse with.
CREATE INDEX listings_by_seller_change ON listings (seller_id, change_seq);
