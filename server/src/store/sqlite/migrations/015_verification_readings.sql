-- Verifications count from when their reading was taken, not when it arrived: a person's current
-- verification in a place is their latest reading there, unless a later one was taken elsewhere.
DROP INDEX verifications_by_actor_place;
CREATE INDEX verifications_by_actor_place ON verifications (actor_id, neighbourhood_id, taken_at);
-- Replays are readings within a metre and a second of a used one, from any account: candidates
-- come from a one-second band of taken_at.
CREATE INDEX verifications_by_taken_at ON verifications (taken_at);
