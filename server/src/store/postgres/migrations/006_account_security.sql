-- Accounts a person can trust (issue 17), as SQLite's 023_account_security.sql: sessions a person
-- can see and end, with the time of the last fresh proof; passkeys bound to their site; nicknames
-- unique by confusable skeleton; held nicknames; recovery codes; security events.
ALTER TABLE sessions ADD COLUMN id text;
ALTER TABLE sessions ADD COLUMN user_agent text NOT NULL DEFAULT '';
ALTER TABLE sessions ADD COLUMN address text;
ALTER TABLE sessions ADD COLUMN last_seen_at bigint;
ALTER TABLE sessions ADD COLUMN verified_at bigint NOT NULL DEFAULT 0;
UPDATE sessions SET id = md5(random()::text || token_hash), last_seen_at = created_at;
CREATE UNIQUE INDEX sessions_by_id ON sessions (id);
CREATE INDEX sessions_by_actor_created ON sessions (actor_id, created_at);

ALTER TABLE passkeys ADD COLUMN rp_id text;
ALTER TABLE passkeys ADD COLUMN name text NOT NULL DEFAULT '';
ALTER TABLE passkeys ADD COLUMN last_used_at bigint;

ALTER TABLE webauthn_challenges ADD COLUMN session_hash text;

ALTER TABLE actors ADD COLUMN nickname_skeleton text;
ALTER TABLE actors ADD COLUMN deleted_at bigint;
CREATE UNIQUE INDEX actors_account_nickname_skeleton ON actors (nickname_skeleton) WHERE kind = 'account';

CREATE TABLE held_nicknames (
  skeleton text PRIMARY KEY,
  held_until bigint NOT NULL
);

CREATE TABLE recovery_codes (
  actor_id text NOT NULL REFERENCES actors (id) ON DELETE CASCADE,
  code_hash text NOT NULL,
  created_at bigint NOT NULL,
  used_at bigint,
  PRIMARY KEY (actor_id, code_hash)
);

CREATE TABLE security_events (
  id bigserial PRIMARY KEY,
  actor_id text NOT NULL REFERENCES actors (id) ON DELETE CASCADE,
  kind text NOT NULL,
  device text NOT NULL DEFAULT '',
  at bigint NOT NULL
);
CREATE INDEX security_events_by_actor ON security_events (actor_id, at);
