-- Full-text search over titles and descriptions. The trigram tokenizer finds a word inside longer
-- words, which Korean needs (포엥 inside 이케아포엥암체어); it indexes 3-character sequences, so
-- shorter search words fall back to LIKE. Triggers keep the index in step with the listings.
CREATE VIRTUAL TABLE listings_fts USING fts5(title, description, content='listings', content_rowid='rowid', tokenize='trigram');
INSERT INTO listings_fts (rowid, title, description) SELECT rowid, title, description FROM listings;
CREATE TRIGGER listings_fts_insert AFTER INSERT ON listings BEGIN
  INSERT INTO listings_fts (rowid, title, description) VALUES (new.rowid, new.title, new.description);
END;
CREATE TRIGGER listings_fts_delete AFTER DELETE ON listings BEGIN
  INSERT INTO listings_fts (listings_fts, rowid, title, description) VALUES ('delete', old.rowid, old.title, old.description);
END;
CREATE TRIGGER listings_fts_update AFTER UPDATE OF title, description ON listings BEGIN
  INSERT INTO listings_fts (listings_fts, rowid, title, description) VALUES ('delete', old.rowid, old.title, old.description);
  INSERT INTO listings_fts (rowid, title, description) VALUES (new.rowid, new.title, new.description);
END;
