-- A person's counted impressions of a campaign on a day (every device of theirs): the server's own
-- count for the per-person daily impression cap, which devices keep but a made-up client need not.
CREATE INDEX ad_events_person_impressions ON ad_events (actor_id, campaign_id, day) WHERE kind = 'impression' AND flag IS NULL;
