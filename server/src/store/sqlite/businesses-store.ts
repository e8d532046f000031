// Local businesses on SQLite, and the query pull pages over.
import type { BusinessChangeRow, BusinessFacts, NewBusiness } from '../contract/ads.js';
import { toBusinessChange, type BusinessRow } from '../ad-row.js';
import { mergeChanges } from '../board-row.js';
import type { Db } from './database.js';

export function createBusinessesStore(db: Db) {
  const insert = db.prepare(`
    INSERT INTO businesses (id, owner_id, name, category, neighbourhood_id, neighbourhood, created_at, change_seq)
    VALUES (@id, @ownerId, @name, @category, @neighbourhoodId, @neighbourhood, @createdAt, @changeSeq)
    ON CONFLICT (id) DO NOTHING`);
  const factsOf = db.prepare('SELECT owner_id, name, neighbourhood_id, deleted_at FROM businesses WHERE id = ?');
  const liveIdsByOwner = db.prepare('SELECT id FROM businesses WHERE owner_id = ? AND deleted_at IS NULL ORDER BY id').pluck();
  const markDeleted = db.prepare('UPDATE businesses SET deleted_at = ?, change_seq = ? WHERE id = ?');
  const placeChanges = db.prepare('SELECT * FROM businesses WHERE neighbourhood_id = ? AND change_seq > ? ORDER BY change_seq LIMIT ?');
  const ownerChanges = db.prepare('SELECT * FROM businesses WHERE owner_id = ? AND change_seq > ? ORDER BY change_seq LIMIT ?');
  const latestChangeIn = db
    .prepare(`SELECT coalesce(max((SELECT change_seq FROM businesses WHERE neighbourhood_id = p.value ORDER BY change_seq DESC LIMIT 1)), 0)
              FROM json_each(?) p`)
    .pluck();

  return {
    insert: (business: NewBusiness) => insert.run(business).changes === 1,
    factsOf(id: string): BusinessFacts | undefined {
      const row = factsOf.get(id) as { owner_id: string; name: string; neighbourhood_id: string; deleted_at: number | null } | undefined;
      return row && { ownerId: row.owner_id, name: row.name, neighbourhoodId: row.neighbourhood_id, deleted: row.deleted_at !== null };
    },
    liveIdsByOwner: (ownerId: string) => liveIdsByOwner.all(ownerId) as string[],
    markDeleted(id: string, at: number, changeSeq: number) {
      markDeleted.run(at, changeSeq, id);
    },
    /** One index range scan per place (and one for the owner), each stopping after `limit` rows, merged. */
    changesSinceIn(places: string[], viewerId: string | undefined, cursor: number, limit: number): BusinessChangeRow[] {
      const batches = places.map((place) => placeChanges.all(place, cursor, limit) as BusinessRow[]);
      if (viewerId) batches.push(ownerChanges.all(viewerId, cursor, limit) as BusinessRow[]);
      return mergeChanges(batches, limit).map(toBusinessChange);
    },
    latestChangeIn: (places: string[]) => latestChangeIn.get(JSON.stringify(places)) as number,
  };
}
