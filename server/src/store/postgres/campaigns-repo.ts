// Local ad campaigns on PostgreSQL: the same answers as the SQLite engine's campaigns store.
import type { CampaignsRepo } from '../contract/ads.js';
import { SELECT_CAMPAIGNS, toCampaign, toCampaignChange, toCampaignFacts, type CampaignRow } from '../ad-row.js';
import { changed, row, rows, type Queryable } from './queryable.js';

export function createCampaignsRepo(db: Queryable): CampaignsRepo {
  /** Every write of the campaign's change number goes to its places too, so the pull's index sees it. */
  const renumber = (id: string, changeSeq: number) => db.query('UPDATE campaign_places SET change_seq = $2 WHERE campaign_id = $1', [id, changeSeq]);
  return {
    async insert(c) {
      const inserted =
        (await changed(
          db,
          `INSERT INTO campaigns (id, business_id, owner_id, title, text, neighbourhood_id, range_level, places, daily_budget_krw, price_per_click_krw, price_per_thousand_krw, created_at, change_seq)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) ON CONFLICT (id) DO NOTHING`,
          [
            c.id,
            c.businessId,
            c.ownerId,
            c.title,
            c.text,
            c.neighbourhoodId,
            c.rangeLevel,
            JSON.stringify(c.places),
            c.dailyBudgetKrw,
            c.pricePerClickKrw,
            c.pricePerThousandImpressionsKrw,
            c.createdAt,
            c.changeSeq,
          ],
        )) === 1;
      if (!inserted) return false;
      await db.query(
        'INSERT INTO campaign_places (neighbourhood_id, campaign_id, change_seq) SELECT DISTINCT place, $2::text, $3::bigint FROM unnest($1::text[]) AS place',
        [c.places, c.id, c.changeSeq],
      );
      return true;
    },
    async factsOf(id) {
      const r = await row<CampaignRow>(db, 'SELECT * FROM campaigns WHERE id = $1', [id]);
      return r && toCampaignFacts(r);
    },
    async byId(id) {
      const r = await row<CampaignRow>(db, `${SELECT_CAMPAIGNS} WHERE c.id = $1`, [id]);
      return r && toCampaign(r);
    },
    async stopServing(id, day, changeSeq) {
      await db.query('UPDATE campaigns SET serving = false, stopped_day = $2, change_seq = $3 WHERE id = $1', [id, day, changeSeq]);
      await renumber(id, changeSeq);
    },
    async stoppedBefore(day) {
      return (
        await rows<{ id: string }>(db, 'SELECT id FROM campaigns WHERE stopped_day IS NOT NULL AND stopped_day < $1 AND ended_at IS NULL ORDER BY id', [day])
      ).map((r) => r.id);
    },
    async resumeServing(id, today, changeSeq) {
      const resumed = await db.query(
        'UPDATE campaigns SET serving = true, stopped_day = NULL, change_seq = $2 WHERE id = $1 AND stopped_day < $3 AND ended_at IS NULL',
        [id, changeSeq, today],
      );
      if ((resumed.rowCount ?? 0) === 0) return false;
      await renumber(id, changeSeq);
      return true;
    },
    async liveIdsByOwner(ownerId) {
      return (await rows<{ id: string }>(db, 'SELECT id FROM campaigns WHERE owner_id = $1 AND ended_at IS NULL ORDER BY id', [ownerId])).map((r) => r.id);
    },
    async end(id, at, changeSeq) {
      await db.query('UPDATE campaigns SET serving = false, ended_at = $2, change_seq = $3 WHERE id = $1', [id, at, changeSeq]);
      await renumber(id, changeSeq);
    },
    async changesSinceIn(place, viewerId, cursor, limit) {
      const found = await rows<CampaignRow>(
        db,
        `SELECT c.*, b.name AS business_name FROM (
           SELECT * FROM campaigns WHERE id IN (
             SELECT campaign_id FROM campaign_places WHERE neighbourhood_id = $1 AND change_seq > $3 ORDER BY change_seq LIMIT $4)
           UNION
           SELECT * FROM (SELECT * FROM campaigns WHERE owner_id = $2 AND change_seq > $3 ORDER BY change_seq LIMIT $4) own
         ) c JOIN businesses b ON b.id = c.business_id
         ORDER BY c.change_seq LIMIT $4`,
        [place, viewerId ?? null, cursor, limit],
      );
      return found.map(toCampaignChange);
    },
    async latestChangeIn(place) {
      const r = await row<{ n: number }>(db, 'SELECT coalesce(max(change_seq), 0) AS n FROM campaign_places WHERE neighbourhood_id = $1', [place]);
      return Number(r!.n);
    },
  };
}
