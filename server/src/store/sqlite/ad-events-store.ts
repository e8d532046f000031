// Ad events on SQLite, kept once by id, and each campaign's day: its counts and spend.
import type { AdDayStats, AdEventFlag, NewAdEvent } from '../contract/ads.js';
import type { Db } from './database.js';

export function createAdEventsStore(db: Db) {
  const record = db.prepare(`
    INSERT INTO ad_events (id, campaign_id, actor_id, client_id, kind, at, day, received_at, flag)
    VALUES (@id, @campaignId, @actorId, @clientId, @kind, @at, @day, @receivedAt, @flag)
    ON CONFLICT (id) DO NOTHING`);
  const settle = db.prepare('UPDATE ad_events SET charged_krw = ?, flag = ? WHERE id = ?');
  const chargedClicksOnDay = db
    .prepare(`SELECT count(*) FROM ad_events WHERE actor_id = ? AND campaign_id = ? AND kind = 'click' AND day = ? AND charged_krw > 0`)
    .pluck();
  const countedImpressionsOnDay = db
    .prepare(`SELECT count(*) FROM ad_events WHERE actor_id = ? AND campaign_id = ? AND day = ? AND kind = 'impression' AND flag IS NULL`)
    .pluck();
  const clickNear = db
    .prepare(`SELECT EXISTS (SELECT 1 FROM ad_events WHERE actor_id = ? AND campaign_id = ? AND kind = 'click' AND at > ? AND at < ? AND id <> ?)`)
    .pluck();
  const anonymise = db.prepare('UPDATE ad_events SET actor_id = NULL, client_id = NULL WHERE actor_id = ?');

  return {
    record: (event: NewAdEvent) => record.run(event).changes === 1,
    settle(id: string, chargedKrw: number, flag: AdEventFlag | null) {
      settle.run(chargedKrw, flag, id);
    },
    chargedClicksOnDay: (actorId: string, campaignId: string, day: string) => chargedClicksOnDay.get(actorId, campaignId, day) as number,
    countedImpressionsOnDay: (actorId: string, campaignId: string, day: string) => countedImpressionsOnDay.get(actorId, campaignId, day) as number,
    clickNear: (actorId: string, campaignId: string, at: number, withinMs: number, exceptId: string) =>
      clickNear.get(actorId, campaignId, at - withinMs, at + withinMs, exceptId) === 1,
    anonymise(actorId: string) {
      anonymise.run(actorId);
    },
  };
}

export function createCampaignDaysStore(db: Db) {
  // The conditional update is the budget check: it charges only while the day's spend is below the
  // budget, and inserts the day's first click unconditionally (any budget is at least one click's).
  const charge = db.prepare(`
    INSERT INTO campaign_days (campaign_id, day, business_id, clicks, spend_krw) VALUES (@campaignId, @day, @businessId, 1, @price)
    ON CONFLICT (campaign_id, day) DO UPDATE SET clicks = clicks + 1, spend_krw = spend_krw + @price WHERE spend_krw < @budget
    RETURNING spend_krw`).pluck();
  // Charged impressions rise by the batch's count up to the most the budget allows (never down), and
  // the spend is recomputed from them, so rounding never adds up across batches. (Numbers are bound
  // as reals: the cast rounds the division down.)
  const chargeImpressions = db.prepare(`
    INSERT INTO campaign_days (campaign_id, day, business_id, impressions, charged_impressions, spend_krw)
    VALUES (@campaignId, @day, @businessId, @count, min(@count, @max), CAST(min(@count, @max) * @price / 1000 AS INTEGER))
    ON CONFLICT (campaign_id, day) DO UPDATE SET
      impressions = impressions + @count,
      charged_impressions = max(charged_impressions, min(charged_impressions + @count, @max)),
      spend_krw = CAST(max(charged_impressions, min(charged_impressions + @count, @max)) * @price / 1000 AS INTEGER)
    RETURNING spend_krw`).pluck();
  const spendOn = db.prepare('SELECT spend_krw FROM campaign_days WHERE campaign_id = ? AND day = ?').pluck();
  const add = db.prepare(`
    INSERT INTO campaign_days (campaign_id, day, business_id, impressions, clicks, flagged_clicks)
    VALUES (@campaignId, @day, @businessId, @impressions, @clicks, @flaggedClicks)
    ON CONFLICT (campaign_id, day) DO UPDATE SET impressions = impressions + @impressions, clicks = clicks + @clicks, flagged_clicks = flagged_clicks + @flaggedClicks`);
  const statsOf = db.prepare(`
    SELECT day, sum(impressions) AS impressions, sum(clicks) AS clicks, sum(flagged_clicks) AS flaggedClicks, sum(spend_krw) AS spendKrw
    FROM campaign_days WHERE business_id = ? AND day >= ? GROUP BY day ORDER BY day`);
  const budgetLeft = db
    .prepare(`
      SELECT coalesce(sum(max(0, c.daily_budget_krw - coalesce(d.spend_krw, 0))), 0)
      FROM campaigns c LEFT JOIN campaign_days d ON d.campaign_id = c.id AND d.day = ?
      WHERE c.business_id = ? AND c.ended_at IS NULL`)
    .pluck();

  return {
    charge(campaignId: string, businessId: string, day: string, priceKrw: number, budgetKrw: number) {
      const after = charge.get({ campaignId, businessId, day, price: priceKrw, budget: budgetKrw }) as number | undefined;
      return after === undefined ? { charged: false, spendKrw: spendOn.get(campaignId, day) as number } : { charged: true, spendKrw: after };
    },
    chargeImpressions(campaignId: string, businessId: string, day: string, count: number, pricePerThousandKrw: number, chargeableMax: number) {
      return { spendKrw: chargeImpressions.get({ campaignId, businessId, day, count, price: pricePerThousandKrw, max: chargeableMax }) as number };
    },
    add(campaignId: string, businessId: string, day: string, counts: { impressions?: number; clicks?: number; flaggedClicks?: number }) {
      add.run({ campaignId, businessId, day, impressions: counts.impressions ?? 0, clicks: counts.clicks ?? 0, flaggedClicks: counts.flaggedClicks ?? 0 });
    },
    statsOf: (businessId: string, fromDay: string) => statsOf.all(businessId, fromDay) as AdDayStats[],
    budgetLeft: (businessId: string, day: string) => budgetLeft.get(day, businessId) as number,
  };
}
