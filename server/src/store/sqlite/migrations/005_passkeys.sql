-- Passkeys (WebAuthn credentials) that can sign an account in; an account may have several.
CREATE TABLE passkeys (
  credential_id TEXT PRIMARY KEY,
  actor_id TEXT NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
  public_key BLOB NOT NULL,
  counter INTEGER NOT NULL,
  transports TEXT,
  created_at INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX passkeys_by_actor ON passkeys (actor_id);

-- One-time WebAuthn challenges, between the options request and the verify request.
CREATE TABLE webauthn_challenges (
  id TEXT PRIMARY KEY,
  challenge TEXT NOT NULL,
  purpose TEXT NOT NULL CHECK (purpose IN ('register', 'authenticate')),
  -- For registration: the account to create (nickname, user handle) or the signed-in actor.
  nickname TEXT,
  actor_id TEXT,
  expires_at INTEGER NOT NULL
) WITHOUT ROWID;
