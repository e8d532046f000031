-- An optional profile photo per account, small enough to keep in the database (a 256 px image).
ALTER TABLE actors ADD COLUMN photo BLOB;
ALTER TABLE actors ADD COLUMN photo_type TEXT;
ALTER TABLE actors ADD COLUMN photo_updated_at INTEGER;
