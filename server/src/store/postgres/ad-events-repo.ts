// Ad events and each campaign's day on PostgreSQL: the same answers as the SQLite engine's store.
import type { AdDayStats, AdEventsRepo, CampaignDaysRepo } from '../contract/ads.js';
import { changed, row, rows, type Queryable } from './queryable.js';

export function createAdEventsRepo(db: Queryable): AdEventsRepo {
  return {
    async record(e) {
      return (
        (await changed(
          db,
          `INSERT INTO ad_events (id, campaign_id, actor_id, client_id, kind, at, day, received_at, flag)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (id) DO NOTHING`,
          [e.id, e.campaignId, e.actorId, e.clientId, e.kind, e.at, e.day, e.receivedAt, e.flag],
        )) === 1
      );
    },
    async settle(id, chargedKrw, flag) {
      await db.query('UPDATE ad_events SET charged_krw = $2, flag = $3 WHERE id = $1', [id, chargedKrw, flag]);
    },
    async chargedClicksOnDay(actorId, campaignId, day) {
      const r = await row<{ n: number }>(
        db,
        `SELECT count(*) AS n FROM ad_events WHERE actor_id = $1 AND campaign_id = $2 AND kind = 'click' AND day = $3 AND charged_krw > 0`,
        [actorId, campaignId, day],
      );
      return Number(r!.n);
    },
    async countedImpressionsOnDay(actorId, campaignId, day) {
      const r = await row<{ n: number }>(
        db,
        `SELECT count(*) AS n FROM ad_events WHERE actor_id = $1 AND campaign_id = $2 AND day = $3 AND kind = 'impression' AND flag IS NULL`,
        [actorId, campaignId, day],
      );
      return Number(r!.n);
    },
    async clickNear(actorId, campaignId, at, withinMs, exceptId) {
      const r = await row<{ near: boolean }>(
        db,
        `SELECT EXISTS (SELECT 1 FROM ad_events WHERE actor_id = $1 AND campaign_id = $2 AND kind = 'click' AND at > $3 AND at < $4 AND id <> $5) AS near`,
        [actorId, campaignId, at - withinMs, at + withinMs, exceptId],
      );
      return r!.near;
    },
    async anonymise(actorId) {
      await db.query('UPDATE ad_events SET actor_id = NULL, client_id = NULL WHERE actor_id = $1', [actorId]);
    },
  };
}

export function createCampaignDaysRepo(db: Queryable): CampaignDaysRepo {
  return {
    async charge(campaignId, businessId, day, priceKrw, budgetKrw) {
      // ON CONFLICT DO UPDATE locks the day's row and judges its WHERE on the latest committed
      // version: two instances charging one campaign at once take turns, each seeing the other's spend.
      const after = await row<{ spend_krw: number }>(
        db,
        `INSERT INTO campaign_days (campaign_id, day, business_id, clicks, spend_krw) VALUES ($1, $2, $3, 1, $4)
         ON CONFLICT (campaign_id, day) DO UPDATE SET clicks = campaign_days.clicks + 1, spend_krw = campaign_days.spend_krw + $4
         WHERE campaign_days.spend_krw < $5
         RETURNING spend_krw`,
        [campaignId, day, businessId, priceKrw, budgetKrw],
      );
      if (after) return { charged: true, spendKrw: after.spend_krw };
      const now = await row<{ spend_krw: number }>(db, 'SELECT spend_krw FROM campaign_days WHERE campaign_id = $1 AND day = $2', [campaignId, day]);
      return { charged: false, spendKrw: now!.spend_krw };
    },
    async chargeImpressions(campaignId, businessId, day, count, pricePerThousandKrw, chargeableMax) {
      // One statement, so the day's row is locked while it rises (as charge above); the charged
      // count never goes down and the spend is recomputed from it, so rounding never adds up.
      const after = await row<{ spend_krw: number }>(
        db,
        `INSERT INTO campaign_days (campaign_id, day, business_id, impressions, charged_impressions, spend_krw)
         VALUES ($1, $2, $3, $4::integer, least($4::integer, $6::integer), least($4::integer, $6::integer)::bigint * $5::integer / 1000)
         ON CONFLICT (campaign_id, day) DO UPDATE SET
           impressions = campaign_days.impressions + $4::integer,
           charged_impressions = greatest(campaign_days.charged_impressions, least(campaign_days.charged_impressions + $4::integer, $6::integer)),
           spend_krw = greatest(campaign_days.charged_impressions, least(campaign_days.charged_impressions + $4::integer, $6::integer))::bigint * $5::integer / 1000
         RETURNING spend_krw`,
        [campaignId, day, businessId, count, pricePerThousandKrw, chargeableMax],
      );
      return { spendKrw: after!.spend_krw };
    },
    async add(campaignId, businessId, day, counts) {
      await db.query(
        `INSERT INTO campaign_days (campaign_id, day, business_id, impressions, clicks, flagged_clicks) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (campaign_id, day) DO UPDATE SET impressions = campaign_days.impressions + $4, clicks = campaign_days.clicks + $5,
           flagged_clicks = campaign_days.flagged_clicks + $6`,
        [campaignId, day, businessId, counts.impressions ?? 0, counts.clicks ?? 0, counts.flaggedClicks ?? 0],
      );
    },
    async statsOf(businessId, fromDay) {
      return rows<AdDayStats & Record<string, unknown>>(
        db,
        `SELECT day, sum(impressions)::int AS "impressions", sum(clicks)::int AS "clicks", sum(flagged_clicks)::int AS "flaggedClicks",
           sum(spend_krw)::bigint AS "spendKrw"
         FROM campaign_days WHERE business_id = $1 AND day >= $2 GROUP BY day ORDER BY day`,
        [businessId, fromDay],
      );
    },
    async budgetLeft(businessId, day) {
      const r = await row<{ n: number }>(
        db,
        `SELECT coalesce(sum(greatest(0, c.daily_budget_krw - coalesce(d.spend_krw, 0))), 0) AS n
         FROM campaigns c LEFT JOIN campaign_days d ON d.campaign_id = c.id AND d.day = $1
         WHERE c.business_id = $2 AND c.ended_at IS NULL`,
        [day, businessId],
      );
      return Number(r!.n);
    },
  };
}
