-- Accounts are actors that signed up. Device identities from before accounts stay as they were.
ALTER TABLE actors ADD COLUMN kind TEXT NOT NULL DEFAULT 'device' CHECK (kind IN ('device', 'account', 'demo'));
ALTER TABLE actors ADD COLUMN password_hash TEXT;
UPDATE actors SET kind = 'demo' WHERE id LIKE 'demo-seller-%';
-- Nicknames of accounts are unique regardless of case.
CREATE UNIQUE INDEX actors_account_nickname ON actors (nickname COLLATE NOCASE) WHERE kind = 'account';

-- Signed-in sessions: the cookie holds a random token, this table only its hash.
CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  actor_id TEXT NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX sessions_by_actor ON sessions (actor_id);
