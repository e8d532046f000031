-- Trading: conversations about a listing (one per listing and buyer) and their messages, completed
-- trades, reviews, blocks and reports; the manner temperature kept on the actor for the screens
-- that show it beside a name (recomputed with each review received).
ALTER TABLE actors ADD COLUMN manner_temperature REAL NOT NULL DEFAULT 36.5;

CREATE TABLE conversations (
  listing_id TEXT NOT NULL REFERENCES listings(id),
  buyer_id TEXT NOT NULL REFERENCES actors(id),
  seller_id TEXT NOT NULL REFERENCES actors(id),
  last_n INTEGER NOT NULL DEFAULT 0,
  buyer_read_n INTEGER NOT NULL DEFAULT 0,
  seller_read_n INTEGER NOT NULL DEFAULT 0,
  buyer_unread INTEGER NOT NULL DEFAULT 0,
  seller_unread INTEGER NOT NULL DEFAULT 0,
  -- JSON: the last message's preview, the latest offer, the latest appointment; NULL when none.
  last_message TEXT,
  offer TEXT,
  appointment TEXT,
  trade TEXT CHECK (trade IN ('reserved', 'sold')),
  buyer_reviewed INTEGER NOT NULL DEFAULT 0,
  seller_reviewed INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  change_seq INTEGER NOT NULL,
  PRIMARY KEY (listing_id, buyer_id)
) WITHOUT ROWID;
-- A participant's pull: their conversations changed since a cursor, on either side.
CREATE INDEX conversations_by_buyer_change ON conversations (buyer_id, change_seq);
CREATE INDEX conversations_by_seller_change ON conversations (seller_id, change_seq);

CREATE TABLE messages (
  id TEXT PRIMARY KEY,
  listing_id TEXT NOT NULL,
  buyer_id TEXT NOT NULL,
  seller_id TEXT NOT NULL,
  sender_id TEXT NOT NULL REFERENCES actors(id),
  kind TEXT NOT NULL,
  text TEXT NOT NULL,
  price_krw INTEGER,
  appointment TEXT,
  ref_id TEXT,
  n INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  change_seq INTEGER NOT NULL,
  FOREIGN KEY (listing_id, buyer_id) REFERENCES conversations (listing_id, buyer_id)
);
CREATE UNIQUE INDEX messages_by_conversation ON messages (listing_id, buyer_id, n);
CREATE INDEX messages_by_buyer_change ON messages (buyer_id, change_seq);
CREATE INDEX messages_by_seller_change ON messages (seller_id, change_seq);

CREATE TABLE trades (
  listing_id TEXT NOT NULL REFERENCES listings(id),
  buyer_id TEXT NOT NULL REFERENCES actors(id),
  seller_id TEXT NOT NULL REFERENCES actors(id),
  completed_at INTEGER NOT NULL,
  PRIMARY KEY (listing_id, buyer_id)
) WITHOUT ROWID;
CREATE INDEX trades_by_seller ON trades (seller_id);
CREATE INDEX trades_by_buyer ON trades (buyer_id);

CREATE TABLE reviews (
  id TEXT PRIMARY KEY,
  listing_id TEXT NOT NULL REFERENCES listings(id),
  reviewer_id TEXT NOT NULL REFERENCES actors(id),
  reviewee_id TEXT NOT NULL REFERENCES actors(id),
  -- JSON arrays of manner codes.
  good TEXT NOT NULL,
  bad TEXT NOT NULL,
  text TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
-- One review per trade per side: a trade is a listing and its buyer, so the reviewer and the
-- reviewee name the side (a listing sold again after coming back on sale is another trade).
CREATE UNIQUE INDEX reviews_once_per_side ON reviews (listing_id, reviewer_id, reviewee_id);
CREATE INDEX reviews_by_reviewee ON reviews (reviewee_id, created_at);

CREATE TABLE blocks (
  blocker_id TEXT NOT NULL REFERENCES actors(id),
  blocked_id TEXT NOT NULL REFERENCES actors(id),
  created_at INTEGER NOT NULL,
  PRIMARY KEY (blocker_id, blocked_id)
) WITHOUT ROWID;
CREATE INDEX blocks_by_blocked ON blocks (blocked_id);

CREATE TABLE reports (
  id TEXT PRIMARY KEY,
  reporter_id TEXT NOT NULL REFERENCES actors(id),
  target TEXT NOT NULL CHECK (target IN ('actor', 'listing')),
  target_id TEXT NOT NULL,
  reason TEXT NOT NULL,
  text TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE INDEX reports_by_target ON reports (target, target_id);
