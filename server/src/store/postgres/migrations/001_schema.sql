-- Dongne's schema on PostgreSQL: the same tables as the SQLite engine reaches after its numbered
-- migrations, in PostgreSQL's own types. Times are milliseconds since 1970 (bigint), as everywhere
-- in Dongne. Further changes come as 002_…, 003_…, beside the SQLite ones.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- Whoever a mutation is attributed to: an account, a demo seller, or an older device identity.
CREATE TABLE actors (
  id text PRIMARY KEY,
  nickname text NOT NULL,
  -- Unique among accounts regardless of Unicode form and case (shared nicknameKey).
  nickname_key text,
  kind text NOT NULL DEFAULT 'device' CHECK (kind IN ('device', 'account', 'demo')),
  password_hash text,
  photo bytea,
  photo_type text,
  photo_updated_at bigint,
  created_at bigint NOT NULL
);
CREATE UNIQUE INDEX actors_account_nickname_key ON actors (nickname_key) WHERE kind = 'account';

-- One row per device; a clientId belongs to the actor that first pushed from it.
CREATE TABLE clients (
  client_id text PRIMARY KEY,
  actor_id text NOT NULL REFERENCES actors (id),
  last_seq bigint NOT NULL DEFAULT 0
);

-- Every mutation processed, with its result, so a retry gets the same answer.
CREATE TABLE processed_mutations (
  client_id text NOT NULL,
  seq bigint NOT NULL,
  mutation_id text NOT NULL,
  status text NOT NULL CHECK (status IN ('applied', 'rejected')),
  code text,
  message text,
  processed_at bigint NOT NULL,
  PRIMARY KEY (client_id, seq)
);

-- The server-wide change counter. Its one row is locked by each transaction that takes a number
-- until that transaction ends: numbers become visible in the order they were taken (the store
-- contract's invariant 1), which a sequence would not promise.
CREATE TABLE change_counter (
  id integer PRIMARY KEY CHECK (id = 1),
  value bigint NOT NULL
);
INSERT INTO change_counter (id, value) VALUES (1, 0);

CREATE TABLE neighbourhoods (
  id text PRIMARY KEY,
  name_en text NOT NULL,
  name_ko text,
  country text NOT NULL,
  lat double precision NOT NULL,
  lng double precision NOT NULL,
  radius_m double precision,
  boundary text,
  min_lat double precision NOT NULL,
  max_lat double precision NOT NULL,
  min_lng double precision NOT NULL,
  max_lng double precision NOT NULL,
  CHECK ((radius_m IS NULL) <> (boundary IS NULL))
);
CREATE INDEX neighbourhoods_by_lat ON neighbourhoods (lat);

CREATE TABLE neighbourhood_neighbours (
  neighbourhood_id text NOT NULL REFERENCES neighbourhoods (id) ON DELETE CASCADE,
  level integer NOT NULL,
  neighbour_id text NOT NULL REFERENCES neighbourhoods (id) ON DELETE CASCADE,
  distance_m double precision NOT NULL,
  PRIMARY KEY (neighbourhood_id, level, neighbour_id)
);

CREATE TABLE actor_neighbourhoods (
  actor_id text NOT NULL REFERENCES actors (id),
  neighbourhood_id text NOT NULL REFERENCES neighbourhoods (id),
  active boolean NOT NULL,
  added_at bigint NOT NULL,
  PRIMARY KEY (actor_id, neighbourhood_id)
);

CREATE TABLE listings (
  id text PRIMARY KEY,
  seller_id text NOT NULL REFERENCES actors (id),
  title text NOT NULL,
  description text NOT NULL,
  price_krw bigint NOT NULL,
  category text NOT NULL,
  neighbourhood text NOT NULL,
  neighbourhood_id text REFERENCES neighbourhoods (id),
  status text NOT NULL DEFAULT 'selling',
  accepts_offers boolean NOT NULL DEFAULT false,
  meeting_spot text NOT NULL DEFAULT '',
  -- JSON array of {full, thumb} photo hashes, in the seller's order.
  photos text NOT NULL DEFAULT '[]',
  hidden boolean NOT NULL DEFAULT false,
  created_at bigint NOT NULL,
  updated_at bigint NOT NULL,
  bumped_at bigint NOT NULL,
  last_bumped_at bigint,
  edited_at bigint,
  like_count integer NOT NULL DEFAULT 0,
  view_count integer NOT NULL DEFAULT 0,
  deleted_at bigint,
  change_seq bigint NOT NULL
);
CREATE UNIQUE INDEX listings_by_change ON listings (change_seq);
CREATE INDEX listings_by_place_change ON listings (neighbourhood_id, change_seq);
CREATE INDEX listings_by_place_bumped ON listings (neighbourhood_id, bumped_at);
CREATE INDEX listings_by_seller_change ON listings (seller_id, change_seq);
-- Search: trigrams of the lower-cased title and description find a word inside longer words, which
-- Korean needs (포엥 inside 이케아포엥암체어). Two-letter words match the same expression by LIKE.
CREATE INDEX listings_text_trigrams ON listings USING gin ((lower(title || E'\n' || description)) gin_trgm_ops);

CREATE TABLE likes (
  actor_id text NOT NULL REFERENCES actors (id),
  listing_id text NOT NULL REFERENCES listings (id),
  created_at bigint NOT NULL,
  PRIMARY KEY (actor_id, listing_id)
);
CREATE INDEX likes_by_listing ON likes (listing_id);

CREATE TABLE listing_views (
  listing_id text NOT NULL,
  viewer text NOT NULL,
  day integer NOT NULL,
  PRIMARY KEY (listing_id, viewer, day)
);

CREATE TABLE drafts (
  id text PRIMARY KEY,
  owner_id text NOT NULL REFERENCES actors (id),
  state bytea NOT NULL,
  created_at bigint NOT NULL,
  updated_at bigint NOT NULL,
  deleted_at bigint,
  change_seq bigint NOT NULL
);
CREATE INDEX drafts_by_owner_change ON drafts (owner_id, change_seq);

CREATE TABLE creation_counts (
  actor_id text NOT NULL REFERENCES actors (id),
  kind text NOT NULL CHECK (kind IN ('listing', 'draft')),
  hour bigint NOT NULL,
  count integer NOT NULL,
  PRIMARY KEY (actor_id, kind, hour)
);

CREATE TABLE verifications (
  id bigserial PRIMARY KEY,
  actor_id text NOT NULL REFERENCES actors (id),
  neighbourhood_id text NOT NULL REFERENCES neighbourhoods (id),
  lat double precision NOT NULL,
  lng double precision NOT NULL,
  accuracy double precision NOT NULL,
  taken_at bigint NOT NULL,
  verified_at bigint NOT NULL
);
CREATE INDEX verifications_by_actor_time ON verifications (actor_id, taken_at);
CREATE INDEX verifications_by_taken_at ON verifications (taken_at, lat, lng);

CREATE TABLE verification_latest (
  actor_id text NOT NULL REFERENCES actors (id),
  neighbourhood_id text NOT NULL REFERENCES neighbourhoods (id),
  taken_at bigint NOT NULL,
  PRIMARY KEY (actor_id, neighbourhood_id)
);

CREATE TABLE rate_limits (
  key text PRIMARY KEY,
  window_start bigint NOT NULL,
  count integer NOT NULL
);

CREATE TABLE sessions (
  token_hash text PRIMARY KEY,
  actor_id text NOT NULL REFERENCES actors (id) ON DELETE CASCADE,
  created_at bigint NOT NULL,
  expires_at bigint NOT NULL
);
CREATE INDEX sessions_by_actor ON sessions (actor_id);

CREATE TABLE passkeys (
  credential_id text PRIMARY KEY,
  actor_id text NOT NULL REFERENCES actors (id) ON DELETE CASCADE,
  public_key bytea NOT NULL,
  counter bigint NOT NULL,
  transports text,
  created_at bigint NOT NULL
);
CREATE INDEX passkeys_by_actor ON passkeys (actor_id);

CREATE TABLE webauthn_challenges (
  id text PRIMARY KEY,
  challenge text NOT NULL,
  purpose text NOT NULL CHECK (purpose IN ('register', 'authenticate')),
  nickname text,
  actor_id text,
  expires_at bigint NOT NULL
);

CREATE TABLE media (
  hash text PRIMARY KEY,
  type text NOT NULL,
  bytes bytea NOT NULL,
  size integer NOT NULL,
  width integer NOT NULL,
  height integer NOT NULL,
  uploader_id text NOT NULL REFERENCES actors (id),
  created_at bigint NOT NULL
);
CREATE INDEX media_by_uploader ON media (uploader_id, size);
