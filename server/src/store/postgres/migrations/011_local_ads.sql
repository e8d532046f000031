-- The same tables as SQLite's 028_local_ads.sql.
-- Local businesses (비즈프로필) and their local ads (지역광고): a business in a neighbourhood, its
-- campaigns (each reaching the neighbourhoods of its range level around the business), every ad
-- event a device counted (kept once by its id), and each campaign's day in Asia/Seoul: what it
-- spent, which the budget rule reads and the owner's dashboard shows.
CREATE TABLE businesses (
  id text PRIMARY KEY,
  owner_id text NOT NULL REFERENCES actors(id),
  name text NOT NULL,
  category text NOT NULL,
  neighbourhood_id text NOT NULL REFERENCES neighbourhoods(id),
  -- The place's display name when it opened, as listings keep theirs.
  neighbourhood text NOT NULL,
  created_at bigint NOT NULL,
  -- Set when its owner's account is deleted: the row stays as the pull's tombstone.
  deleted_at bigint,
  change_seq bigint NOT NULL
);
CREATE UNIQUE INDEX businesses_by_change ON businesses (change_seq);
-- Pull: one range scan per place of the area, and one over the owner's own.
CREATE INDEX businesses_by_place_change ON businesses (neighbourhood_id, change_seq);
CREATE INDEX businesses_by_owner_change ON businesses (owner_id, change_seq);

CREATE TABLE campaigns (
  id text PRIMARY KEY,
  business_id text NOT NULL REFERENCES businesses(id),
  -- The business's owner, copied: the pull finds an owner's campaigns, and the handlers judge
  -- an event's charge, without a join.
  owner_id text NOT NULL,
  title text NOT NULL,
  text text NOT NULL,
  neighbourhood_id text NOT NULL,
  range_level integer NOT NULL,
  -- JSON array of the neighbourhood ids the target covers, as the row carries them.
  places text NOT NULL,
  daily_budget_krw bigint NOT NULL,
  price_per_click_krw bigint NOT NULL,
  serving boolean NOT NULL DEFAULT true,
  -- The Asia/Seoul day (YYYY-MM-DD) serving stopped on: the next day it serves again.
  stopped_day text,
  created_at bigint NOT NULL,
  ended_at bigint,
  change_seq bigint NOT NULL
);
CREATE UNIQUE INDEX campaigns_by_change ON campaigns (change_seq);
CREATE INDEX campaigns_by_owner_change ON campaigns (owner_id, change_seq);
CREATE INDEX campaigns_by_business ON campaigns (business_id);
-- Only the few stopped ones, found at the day's turn.
CREATE INDEX campaigns_stopped ON campaigns (stopped_day) WHERE stopped_day IS NOT NULL;

-- The places a campaign reaches, each with the campaign's change number (rewritten with it): the
-- pull finds a place's campaigns changed since a cursor by one index range.
CREATE TABLE campaign_places (
  neighbourhood_id text NOT NULL,
  campaign_id text NOT NULL REFERENCES campaigns(id),
  change_seq bigint NOT NULL,
  PRIMARY KEY (neighbourhood_id, campaign_id)
);
CREATE INDEX campaign_places_by_place_change ON campaign_places (neighbourhood_id, change_seq);
CREATE INDEX campaign_places_by_campaign ON campaign_places (campaign_id);

-- Every impression and click a device sent, once: the id is the device's, so a resent batch
-- inserts nothing. actor_id and client_id are emptied when the person deletes their account.
CREATE TABLE ad_events (
  id text PRIMARY KEY,
  campaign_id text NOT NULL REFERENCES campaigns(id),
  actor_id text,
  client_id text,
  kind text NOT NULL CHECK (kind IN ('impression', 'click')),
  -- When the device counted it, and its Asia/Seoul day: the day it is charged to.
  at bigint NOT NULL,
  day text NOT NULL,
  received_at bigint NOT NULL,
  charged_krw bigint NOT NULL DEFAULT 0,
  -- Why it was not charged (owner, device_cap, too_fast, stale, future, budget_spent); NULL if charged or an impression.
  flag text
);
-- A person's clicks on a campaign, from every device of theirs: the daily cap and the least gap
-- between two clicks (a device id is the client's to make up; an account is not).
CREATE INDEX ad_events_person_clicks ON ad_events (actor_id, campaign_id, at) WHERE kind = 'click';
CREATE INDEX ad_events_by_actor ON ad_events (actor_id) WHERE actor_id IS NOT NULL;

-- One campaign's Asia/Seoul day: counted events and spend, kept beside each event so the budget
-- check and the dashboard read one row, not the events.
CREATE TABLE campaign_days (
  campaign_id text NOT NULL REFERENCES campaigns(id),
  day text NOT NULL,
  business_id text NOT NULL,
  impressions integer NOT NULL DEFAULT 0,
  -- Clicks that counted (charged, or past the spent budget and free); flagged ones apart.
  clicks integer NOT NULL DEFAULT 0,
  flagged_clicks integer NOT NULL DEFAULT 0,
  spend_krw bigint NOT NULL DEFAULT 0,
  PRIMARY KEY (campaign_id, day)
);
-- The dashboard: a business's days.
CREATE INDEX campaign_days_by_business_day ON campaign_days (business_id, day);
