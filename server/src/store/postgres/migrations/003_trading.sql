-- Trading: conversations about a listing (one per listing and buyer) and their messages, completed
-- trades, reviews, blocks and reports; the manner temperature kept on the actor for the screens
-- that show it beside a name (recomputed with each review received). The same tables as SQLite's
-- 020_trading.sql; JSON stays text, as there, so one row mapping (conversation-row.ts) reads both.
ALTER TABLE actors ADD COLUMN manner_temperature double precision NOT NULL DEFAULT 36.5;

CREATE TABLE conversations (
  listing_id text NOT NULL REFERENCES listings (id),
  buyer_id text NOT NULL REFERENCES actors (id),
  seller_id text NOT NULL REFERENCES actors (id),
  last_n integer NOT NULL DEFAULT 0,
  buyer_read_n integer NOT NULL DEFAULT 0,
  seller_read_n integer NOT NULL DEFAULT 0,
  buyer_unread integer NOT NULL DEFAULT 0,
  seller_unread integer NOT NULL DEFAULT 0,
  -- JSON: the last message's preview, the latest offer, the latest appointment; NULL when none.
  last_message text,
  offer text,
  appointment text,
  trade text CHECK (trade IN ('reserved', 'sold')),
  buyer_reviewed boolean NOT NULL DEFAULT false,
  seller_reviewed boolean NOT NULL DEFAULT false,
  created_at bigint NOT NULL,
  updated_at bigint NOT NULL,
  change_seq bigint NOT NULL,
  PRIMARY KEY (listing_id, buyer_id)
);
-- A participant's pull: their conversations changed since a cursor, on either side.
CREATE INDEX conversations_by_buyer_change ON conversations (buyer_id, change_seq);
CREATE INDEX conversations_by_seller_change ON conversations (seller_id, change_seq);

CREATE TABLE messages (
  id text PRIMARY KEY,
  listing_id text NOT NULL,
  buyer_id text NOT NULL,
  seller_id text NOT NULL,
  sender_id text NOT NULL REFERENCES actors (id),
  kind text NOT NULL,
  text text NOT NULL,
  price_krw bigint,
  -- JSON: a proposed appointment's time and place.
  appointment text,
  ref_id text,
  n integer NOT NULL,
  created_at bigint NOT NULL,
  change_seq bigint NOT NULL,
  FOREIGN KEY (listing_id, buyer_id) REFERENCES conversations (listing_id, buyer_id)
);
CREATE UNIQUE INDEX messages_by_conversation ON messages (listing_id, buyer_id, n);
CREATE INDEX messages_by_buyer_change ON messages (buyer_id, change_seq);
CREATE INDEX messages_by_seller_change ON messages (seller_id, change_seq);

CREATE TABLE trades (
  listing_id text NOT NULL REFERENCES listings (id),
  buyer_id text NOT NULL REFERENCES actors (id),
  seller_id text NOT NULL REFERENCES actors (id),
  completed_at bigint NOT NULL,
  PRIMARY KEY (listing_id, buyer_id)
);
CREATE INDEX trades_by_seller ON trades (seller_id);
CREATE INDEX trades_by_buyer ON trades (buyer_id);

CREATE TABLE reviews (
  id text PRIMARY KEY,
  listing_id text NOT NULL REFERENCES listings (id),
  reviewer_id text NOT NULL REFERENCES actors (id),
  reviewee_id text NOT NULL REFERENCES actors (id),
  -- JSON arrays of manner codes.
  good text NOT NULL,
  bad text NOT NULL,
  text text NOT NULL,
  created_at bigint NOT NULL
);
-- One review per trade per side: a trade is a listing and its buyer, so the reviewer and the
-- reviewee name the side (a listing sold again after coming back on sale is another trade).
CREATE UNIQUE INDEX reviews_once_per_side ON reviews (listing_id, reviewer_id, reviewee_id);
CREATE INDEX reviews_by_reviewee ON reviews (reviewee_id, created_at);

CREATE TABLE blocks (
  blocker_id text NOT NULL REFERENCES actors (id),
  blocked_id text NOT NULL REFERENCES actors (id),
  created_at bigint NOT NULL,
  PRIMARY KEY (blocker_id, blocked_id)
);
CREATE INDEX blocks_by_blocked ON blocks (blocked_id);

CREATE TABLE reports (
  id text PRIMARY KEY,
  reporter_id text NOT NULL REFERENCES actors (id),
  target text NOT NULL CHECK (target IN ('actor', 'listing')),
  target_id text NOT NULL,
  reason text NOT NULL,
  text text NOT NULL,
  created_at bigint NOT NULL
);
CREATE INDEX reports_by_target ON reports (target, target_id);
