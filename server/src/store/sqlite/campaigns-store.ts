// Local ad campaigns on SQLite: their places (one row each, for the pull's index range), whether
// they serve today, and the query pull pages over.
import type { Campaign } from '@dongne/shared';
import type { CampaignChangeRow, CampaignFacts, NewCampaign } from '../contract/ads.js';
import { SELECT_CAMPAIGNS, toCampaign, toCampaignChange, toCampaignFacts, type CampaignRow } from '../ad-row.js';
import { mergeChanges } from '../board-row.js';
import type { Db } from './database.js';

export function createCampaignsStore(db: Db) {
  const insert = db.prepare(`
    INSERT INTO campaigns (id, business_id, owner_id, title, text, neighbourhood_id, range_level, places, daily_budget_krw, price_per_click_krw, price_per_thousand_krw, created_at, change_seq)
    VALUES (@id, @businessId, @ownerId, @title, @text, @neighbourhoodId, @rangeLevel, @places, @dailyBudgetKrw, @pricePerClickKrw, @pricePerThousandImpressionsKrw, @createdAt, @changeSeq)
    ON CONFLICT (id) DO NOTHING`);
  const insertPlace = db.prepare('INSERT INTO campaign_places (neighbourhood_id, campaign_id, change_seq) VALUES (?, ?, ?)');
  const renumberPlaces = db.prepare('UPDATE campaign_places SET change_seq = ? WHERE campaign_id = ?');
  const factsOf = db.prepare('SELECT * FROM campaigns WHERE id = ?');
  const byId = db.prepare(`${SELECT_CAMPAIGNS} WHERE c.id = ?`);
  const stopServing = db.prepare('UPDATE campaigns SET serving = 0, stopped_day = ?, change_seq = ? WHERE id = ?');
  const stoppedBefore = db.prepare('SELECT id FROM campaigns WHERE stopped_day IS NOT NULL AND stopped_day < ? AND ended_at IS NULL ORDER BY id').pluck();
  const resumeServing = db.prepare('UPDATE campaigns SET serving = 1, stopped_day = NULL, change_seq = ? WHERE id = ? AND stopped_day < ? AND ended_at IS NULL');
  const liveIdsByOwner = db.prepare('SELECT id FROM campaigns WHERE owner_id = ? AND ended_at IS NULL ORDER BY id').pluck();
  const end = db.prepare('UPDATE campaigns SET serving = 0, ended_at = ?, change_seq = ? WHERE id = ?');
  const placeChanges = db.prepare(`
    ${SELECT_CAMPAIGNS} JOIN (SELECT campaign_id FROM campaign_places WHERE neighbourhood_id = ? AND change_seq > ? ORDER BY change_seq LIMIT ?) p
    ON p.campaign_id = c.id`);
  const ownerChanges = db.prepare(`${SELECT_CAMPAIGNS} WHERE c.owner_id = ? AND c.change_seq > ? ORDER BY c.change_seq LIMIT ?`);
  const latestChangeIn = db.prepare('SELECT coalesce(max(change_seq), 0) FROM campaign_places WHERE neighbourhood_id = ?').pluck();

  /** Every write of the campaign's change number goes to its places too, so the pull's index sees it. */
  function renumber(id: string, changeSeq: number) {
    renumberPlaces.run(changeSeq, id);
  }

  return {
    insert(campaign: NewCampaign): boolean {
      if (insert.run({ ...campaign, places: JSON.stringify(campaign.places) }).changes !== 1) return false;
      for (const place of new Set(campaign.places)) insertPlace.run(place, campaign.id, campaign.changeSeq);
      return true;
    },
    factsOf(id: string): CampaignFacts | undefined {
      const row = factsOf.get(id) as CampaignRow | undefined;
      return row && toCampaignFacts(row);
    },
    byId(id: string): Campaign | undefined {
      const row = byId.get(id) as CampaignRow | undefined;
      return row && toCampaign(row);
    },
    stopServing(id: string, day: string, changeSeq: number) {
      stopServing.run(day, changeSeq, id);
      renumber(id, changeSeq);
    },
    stoppedBefore: (day: string) => stoppedBefore.all(day) as string[],
    resumeServing(id: string, today: string, changeSeq: number) {
      if (resumeServing.run(changeSeq, id, today).changes === 0) return false;
      renumber(id, changeSeq);
      return true;
    },
    liveIdsByOwner: (ownerId: string) => liveIdsByOwner.all(ownerId) as string[],
    end(id: string, at: number, changeSeq: number) {
      end.run(at, changeSeq, id);
      renumber(id, changeSeq);
    },
    /** One index range scan over the place's campaigns (and one over the owner's), each stopping after `limit` rows, merged. */
    changesSinceIn(place: string, viewerId: string | undefined, cursor: number, limit: number): CampaignChangeRow[] {
      const batches = [placeChanges.all(place, cursor, limit) as CampaignRow[]];
      if (viewerId) batches.push(ownerChanges.all(viewerId, cursor, limit) as CampaignRow[]);
      return mergeChanges(batches, limit).map(toCampaignChange);
    },
    latestChangeIn: (place: string) => latestChangeIn.get(place) as number,
  };
}
