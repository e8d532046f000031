-- Messages, conversations started, reports and new blocks get daily caps too, counted by the hour
-- beside listings and drafts: the kinds creation_counts takes widen (as SQLite's 021_trading_caps.sql).
ALTER TABLE creation_counts DROP CONSTRAINT creation_counts_kind_check;
ALTER TABLE creation_counts ADD CONSTRAINT creation_counts_kind_check
  CHECK (kind IN ('listing', 'draft', 'conversation', 'message', 'report', 'block'));
