-- A bump is recorded, not inferred from bumped_at > created_at: a listing bumped in the millisecond
-- it was published looked never bumped, and could be bumped again at once.
ALTER TABLE listings ADD COLUMN last_bumped_at INTEGER;
UPDATE listings SET last_bumped_at = bumped_at WHERE bumped_at > created_at;

-- Daily caps count an account's new listings and drafts over the last 24 hours.
CREATE INDEX listings_by_seller_created ON listings (seller_id, created_at);
ALTER TABLE drafts ADD COLUMN created_at INTEGER;
UPDATE drafts SET created_at = updated_at;
CREATE INDEX drafts_by_owner_created ON drafts (owner_id, created_at);
