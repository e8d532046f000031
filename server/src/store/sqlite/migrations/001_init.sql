-- Actors are whoever a mutation is attributed to: an anonymous device identity for now,
-- an account later. The session token is stored only as a hash.
CREATE TABLE actors (
  id TEXT PRIMARY KEY,
  nickname TEXT NOT NULL,
  token_hash TEXT UNIQUE,
  created_at INTEGER NOT NULL
);

-- One row per device; a clientId belongs to the actor that first pushed from it.
CREATE TABLE clients (
  client_id TEXT PRIMARY KEY,
  actor_id TEXT NOT NULL REFERENCES actors(id),
  last_seq INTEGER NOT NULL DEFAULT 0
);

-- Every mutation the server has processed, with its result, so a retry gets the same answer.
-- Keyed by the device's increasing seq rather than the random mutation id: each push then appends
-- to the same few b-tree pages instead of dirtying one random page per mutation.
CREATE TABLE processed_mutations (
  client_id TEXT NOT NULL,
  seq INTEGER NOT NULL,
  mutation_id TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('applied', 'rejected')),
  code TEXT,
  message TEXT,
  processed_at INTEGER NOT NULL,
  PRIMARY KEY (client_id, seq)
) WITHOUT ROWID;

-- Server-wide change counter: every write takes the next number, and pull pages by it.
CREATE TABLE change_counter (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  value INTEGER NOT NULL
);
INSERT INTO change_counter (id, value) VALUES (1, 0);

CREATE TABLE listings (
  id TEXT PRIMARY KEY,
  seller_id TEXT NOT NULL REFERENCES actors(id),
  title TEXT NOT NULL,
  description TEXT NOT NULL,
  price_krw INTEGER NOT NULL,
  category TEXT NOT NULL,
  neighbourhood TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'selling',
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  -- Deleted listings stay as tombstones so devices that already hold them learn to drop them.
  deleted_at INTEGER,
  change_seq INTEGER NOT NULL
);
-- Serves pull: rows changed since a cursor, in cursor order.
CREATE UNIQUE INDEX listings_by_change ON listings (change_seq);
CREATE INDEX listings_by_seller ON listings (seller_id);
