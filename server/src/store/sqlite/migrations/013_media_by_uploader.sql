-- Each account's stored photo bytes are summed on every new upload (the storage quota): a covering
-- index keeps that a range read of the account's own rows.
CREATE INDEX media_by_uploader ON media (uploader_id, size);
