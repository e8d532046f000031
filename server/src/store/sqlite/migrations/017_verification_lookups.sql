-- Replays are looked for among readings taken within a second, and only near the new one: the index
-- holds the position too, so the check never reads the table's rows.
DROP INDEX verifications_by_taken_at;
CREATE INDEX verifications_by_taken_at ON verifications (taken_at, lat, lng);

-- Each person's latest reading per neighbourhood: whether they are verified somewhere now, and
-- whether a reading came after another elsewhere, from a row or two instead of all their readings.
CREATE TABLE verification_latest (
  actor_id TEXT NOT NULL REFERENCES actors(id),
  neighbourhood_id TEXT NOT NULL REFERENCES neighbourhoods(id),
  taken_at INTEGER NOT NULL,
  PRIMARY KEY (actor_id, neighbourhood_id)
) WITHOUT ROWID;
INSERT INTO verification_latest (actor_id, neighbourhood_id, taken_at)
  SELECT actor_id, neighbourhood_id, max(taken_at) FROM verifications GROUP BY actor_id, neighbourhood_id;
