// Local businesses on PostgreSQL: the same answers as the SQLite engine's businesses store.
import type { BusinessesRepo } from '../contract/ads.js';
import { toBusinessChange, type BusinessRow } from '../ad-row.js';
import { changed, row, rows, type Queryable } from './queryable.js';

export function createBusinessesRepo(db: Queryable): BusinessesRepo {
  return {
    async insert(b) {
      return (
        (await changed(
          db,
          `INSERT INTO businesses (id, owner_id, name, category, neighbourhood_id, neighbourhood, created_at, change_seq)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (id) DO NOTHING`,
          [b.id, b.ownerId, b.name, b.category, b.neighbourhoodId, b.neighbourhood, b.createdAt, b.changeSeq],
        )) === 1
      );
    },
    async factsOf(id) {
      const r = await row<{ owner_id: string; name: string; neighbourhood_id: string; deleted_at: number | null }>(
        db,
        'SELECT owner_id, name, neighbourhood_id, deleted_at FROM businesses WHERE id = $1',
        [id],
      );
      return r && { ownerId: r.owner_id, name: r.name, neighbourhoodId: r.neighbourhood_id, deleted: r.deleted_at !== null };
    },
    async liveIdsByOwner(ownerId) {
      return (await rows<{ id: string }>(db, 'SELECT id FROM businesses WHERE owner_id = $1 AND deleted_at IS NULL ORDER BY id', [ownerId])).map((r) => r.id);
    },
    async markDeleted(id, at, changeSeq) {
      await db.query('UPDATE businesses SET deleted_at = $2, change_seq = $3 WHERE id = $1', [id, at, changeSeq]);
    },
    async changesSinceIn(places, viewerId, cursor, limit) {
      // One index range scan per place (and one for the owner), each stopping after `limit` rows, merged.
      const found = await rows<BusinessRow>(
        db,
        `SELECT * FROM (
           SELECT page.* FROM unnest($1::text[]) AS place(id)
           CROSS JOIN LATERAL (SELECT * FROM businesses WHERE neighbourhood_id = place.id AND change_seq > $3 ORDER BY change_seq LIMIT $4) page
           UNION
           SELECT * FROM (SELECT * FROM businesses WHERE owner_id = $2 AND change_seq > $3 ORDER BY change_seq LIMIT $4) own
         ) b ORDER BY change_seq LIMIT $4`,
        [places, viewerId ?? null, cursor, limit],
      );
      return found.map(toBusinessChange);
    },
    async latestChangeIn(places) {
      const r = await row<{ n: number }>(
        db,
        `SELECT coalesce(max((SELECT change_seq FROM businesses WHERE neighbourhood_id = p.id ORDER BY change_seq DESC LIMIT 1)), 0) AS n
         FROM unnest($1::text[]) AS p(id)`,
        [places],
      );
      return Number(r!.n);
    },
  };
}
