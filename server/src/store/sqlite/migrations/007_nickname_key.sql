-- Nicknames are unique by a key the server computes (Unicode NFKC, then lower case), so look-alike
-- spellings (composed and decomposed Hangul, full-width letters, É and é) cannot both exist.
ALTER TABLE actors ADD COLUMN nickname_key TEXT;
UPDATE actors SET nickname_key = lower(nickname) WHERE kind = 'account';
DROP INDEX actors_account_nickname;
CREATE UNIQUE INDEX actors_account_nickname_key ON actors (nickname_key) WHERE kind = 'account';
