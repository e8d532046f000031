-- Accounts a person can trust (issue 17). Sessions get a public id the person can name to end one,
-- the device and address they came from, when they were last used, and when the person last proved
-- who they are (a password, passkey or recovery code): changes to the account need that proof to be
-- fresh. Passkeys remember the site (rpId) they were made for, a name and when last used.
ALTER TABLE sessions ADD COLUMN id TEXT;
ALTER TABLE sessions ADD COLUMN user_agent TEXT NOT NULL DEFAULT '';
ALTER TABLE sessions ADD COLUMN address TEXT;
ALTER TABLE sessions ADD COLUMN last_seen_at INTEGER;
ALTER TABLE sessions ADD COLUMN verified_at INTEGER NOT NULL DEFAULT 0;
UPDATE sessions SET id = lower(hex(randomblob(16))), last_seen_at = created_at;
CREATE UNIQUE INDEX sessions_by_id ON sessions (id);
CREATE INDEX sessions_by_actor_created ON sessions (actor_id, created_at);

ALTER TABLE passkeys ADD COLUMN rp_id TEXT;
ALTER TABLE passkeys ADD COLUMN name TEXT NOT NULL DEFAULT '';
ALTER TABLE passkeys ADD COLUMN last_used_at INTEGER;

-- The session a ceremony was started from: only that session may finish it.
ALTER TABLE webauthn_challenges ADD COLUMN session_hash TEXT;

-- Nicknames are unique by their UTS #39 confusable skeleton too, so two accounts never look the
-- same on screen (Latin alice and Cyrillic аlice). Rows from before are filled in at start-up.
ALTER TABLE actors ADD COLUMN nickname_skeleton TEXT;
ALTER TABLE actors ADD COLUMN deleted_at INTEGER;
CREATE UNIQUE INDEX actors_account_nickname_skeleton ON actors (nickname_skeleton) WHERE kind = 'account';

-- A deleted account's nickname, by skeleton, kept from new accounts for a while.
CREATE TABLE held_nicknames (
  skeleton TEXT PRIMARY KEY,
  held_until INTEGER NOT NULL
) WITHOUT ROWID;

-- One-time recovery codes, hashed; a used one keeps its row (used_at) until new codes replace all.
CREATE TABLE recovery_codes (
  actor_id TEXT NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
  code_hash TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  used_at INTEGER,
  PRIMARY KEY (actor_id, code_hash)
) WITHOUT ROWID;

-- What happened to an account that its owner should know of: a passkey added, the password changed,
-- a sign-in from a new device.
CREATE TABLE security_events (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  actor_id TEXT NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
  kind TEXT NOT NULL,
  device TEXT NOT NULL DEFAULT '',
  at INTEGER NOT NULL
);
CREATE INDEX security_events_by_actor ON security_events (actor_id, at);
