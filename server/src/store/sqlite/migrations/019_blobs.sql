-- Photo bytes move out of the media table into a table of their own, keyed as the blob store names
-- them ('media/<sha256>'). The media row keeps what is known about a photo; its bytes may now live
-- elsewhere (S3-compatible storage when configured), and this table is where they live by default.
-- A rowid table for the reason 010_media.sql gives: rows of hundreds of kilobytes.
CREATE TABLE blobs (
  key TEXT PRIMARY KEY,
  bytes BLOB NOT NULL
);
INSERT INTO blobs (key, bytes) SELECT 'media/' || hash, bytes FROM media;
ALTER TABLE media DROP COLUMN bytes;
