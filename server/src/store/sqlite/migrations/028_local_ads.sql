-- Local businesses (비즈프로필) and their local ads (지역광고): a business in a neighbourhood, its
-- campaigns (each reaching the neighbourhoods of its range level around the business), every ad
-- event a device counted (kept once by its id), and each campaign's day in Asia/Seoul: what it
-- spent, which the budget rule reads and the owner's dashboard shows.
CREATE TABLE businesses (
  id TEXT PRIMARY KEY,
  owner_id TEXT NOT NULL REFERENCES actors(id),
  name TEXT NOT NULL,
  category TEXT NOT NULL,
  neighbourhood_id TEXT NOT NULL REFERENCES neighbourhoods(id),
  -- The place's display name when it opened, as listings keep theirs.
  neighbourhood TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  -- Set when its owner's account is deleted: the row stays as the pull's tombstone.
  deleted_at INTEGER,
  change_seq INTEGER NOT NULL
);
CREATE UNIQUE INDEX businesses_by_change ON businesses (change_seq);
-- Pull: one range scan per place of the area, and one over the owner's own.
CREATE INDEX businesses_by_place_change ON businesses (neighbourhood_id, change_seq);
CREATE INDEX businesses_by_owner_change ON businesses (owner_id, change_seq);

CREATE TABLE campaigns (
  id TEXT PRIMARY KEY,
  business_id TEXT NOT NULL REFERENCES businesses(id),
  -- The business's owner, copied: the pull finds an owner's campaigns, and the handlers judge
  -- an event's charge, without a join.
  owner_id TEXT NOT NULL,
  title TEXT NOT NULL,
  text TEXT NOT NULL,
  neighbourhood_id TEXT NOT NULL,
  range_level INTEGER NOT NULL,
  -- JSON array of the neighbourhood ids the target covers, as the row carries them.
  places TEXT NOT NULL,
  daily_budget_krw INTEGER NOT NULL,
  price_per_click_krw INTEGER NOT NULL,
  serving INTEGER NOT NULL DEFAULT 1,
  -- The Asia/Seoul day (YYYY-MM-DD) serving stopped on: the next day it serves again.
  stopped_day TEXT,
  created_at INTEGER NOT NULL,
  ended_at INTEGER,
  change_seq INTEGER NOT NULL
);
CREATE UNIQUE INDEX campaigns_by_change ON campaigns (change_seq);
CREATE INDEX campaigns_by_owner_change ON campaigns (owner_id, change_seq);
CREATE INDEX campaigns_by_business ON campaigns (business_id);
-- Only the few stopped ones, found at the day's turn.
CREATE INDEX campaigns_stopped ON campaigns (stopped_day) WHERE stopped_day IS NOT NULL;

-- The places a campaign reaches, each with the campaign's change number (rewritten with it): the
-- pull finds a place's campaigns changed since a cursor by one index range.
CREATE TABLE campaign_places (
  neighbourhood_id TEXT NOT NULL,
  campaign_id TEXT NOT NULL REFERENCES campaigns(id),
  change_seq INTEGER NOT NULL,
  PRIMARY KEY (neighbourhood_id, campaign_id)
) WITHOUT ROWID;
CREATE INDEX campaign_places_by_place_change ON campaign_places (neighbourhood_id, change_seq);
CREATE INDEX campaign_places_by_campaign ON campaign_places (campaign_id);

-- Every impression and click a device sent, once: the id is the device's, so a resent batch
-- inserts nothing. actor_id and client_id are emptied when the person deletes their account.
CREATE TABLE ad_events (
  id TEXT PRIMARY KEY,
  campaign_id TEXT NOT NULL REFERENCES campaigns(id),
  actor_id TEXT,
  client_id TEXT,
  kind TEXT NOT NULL CHECK (kind IN ('impression', 'click')),
  -- When the device counted it, and its Asia/Seoul day: the day it is charged to.
  at INTEGER NOT NULL,
  day TEXT NOT NULL,
  received_at INTEGER NOT NULL,
  charged_krw INTEGER NOT NULL DEFAULT 0,
  -- Why it was not charged (owner, device_cap, too_fast, stale, future, budget_spent); NULL if charged or an impression.
  flag TEXT
);
-- A person's clicks on a campaign, from every device of theirs: the daily cap and the least gap
-- between two clicks (a device id is the client's to make up; an account is not).
CREATE INDEX ad_events_person_clicks ON ad_events (actor_id, campaign_id, at) WHERE kind = 'click';
CREATE INDEX ad_events_by_actor ON ad_events (actor_id) WHERE actor_id IS NOT NULL;

-- One campaign's Asia/Seoul day: counted events and spend, kept beside each event so the budget
-- check and the dashboard read one row, not the events.
CREATE TABLE campaign_days (
  campaign_id TEXT NOT NULL REFERENCES campaigns(id),
  day TEXT NOT NULL,
  business_id TEXT NOT NULL,
  impressions INTEGER NOT NULL DEFAULT 0,
  -- Clicks that counted (charged, or past the spent budget and free); flagged ones apart.
  clicks INTEGER NOT NULL DEFAULT 0,
  flagged_clicks INTEGER NOT NULL DEFAULT 0,
  spend_krw INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (campaign_id, day)
) WITHOUT ROWID;
-- The dashboard: a business's days.
CREATE INDEX campaign_days_by_business_day ON campaign_days (business_id, day);
