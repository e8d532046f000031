-- Listing photos, named by the SHA-256 of their bytes: uploading the same photo again stores
-- nothing new, and a listing refers to its photos by hash. The bytes live in the database, as
-- profile photos do, so one file holds everything and a backup is one copy. A rowid table, not
-- WITHOUT ROWID: SQLite advises WITHOUT ROWID only for rows under about a twentieth of a page, and
-- a photo of hundreds of kilobytes is read and written faster from a rowid table's overflow pages.
CREATE TABLE media (
  hash TEXT PRIMARY KEY,
  type TEXT NOT NULL,
  bytes BLOB NOT NULL,
  size INTEGER NOT NULL,
  width INTEGER NOT NULL,
  height INTEGER NOT NULL,
  uploader_id TEXT NOT NULL REFERENCES actors(id),
  created_at INTEGER NOT NULL
);
