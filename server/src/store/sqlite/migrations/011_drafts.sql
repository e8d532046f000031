-- Drafts people edit on more than one device: the merged Yjs document of each, so a device that
-- syncs later still receives every edit. Only the owner ever pulls a draft.
CREATE TABLE drafts (
  id TEXT PRIMARY KEY,
  owner_id TEXT NOT NULL REFERENCES actors(id),
  state BLOB NOT NULL,
  updated_at INTEGER NOT NULL,
  -- Published or deleted: kept as a tombstone so the owner's other devices drop their copy.
  deleted_at INTEGER,
  change_seq INTEGER NOT NULL
);
CREATE INDEX drafts_by_owner_change ON drafts (owner_id, change_seq);
