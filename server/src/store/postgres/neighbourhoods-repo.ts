// Neighbourhoods and their neighbour sets on PostgreSQL.
import type { NeighbourhoodRow, NeighbourhoodsRepo } from '../contract/neighbourhoods.js';
import { row, rows, type Queryable } from './queryable.js';

const COLUMNS = `id, name_en AS "nameEn", name_ko AS "nameKo", region_en AS "regionEn", region_ko AS "regionKo", country, lat, lng, radius_m AS "radiusM", boundary,
  min_lat AS "minLat", max_lat AS "maxLat", min_lng AS "minLng", max_lng AS "maxLng"`;
/** Rows per INSERT when neighbour sets are replaced: few round trips, well under the parameter limit. */
const PAIRS_PER_INSERT = 5_000;

export function createNeighbourhoodsRepo(db: Queryable): NeighbourhoodsRepo {
  async function addAlias(oldId: string, to: string) {
    await db.query(
      'INSERT INTO neighbourhood_aliases (old_id, neighbourhood_id) VALUES ($1, $2) ON CONFLICT (old_id) DO UPDATE SET neighbourhood_id = excluded.neighbourhood_id',
      [oldId, to],
    );
  }
  return {
    async upsert(r) {
      await db.query(
        `INSERT INTO neighbourhoods (id, name_en, name_ko, country, lat, lng, radius_m, boundary, min_lat, max_lat, min_lng, max_lng, region_en, region_ko)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
         ON CONFLICT (id) DO UPDATE SET name_en = excluded.name_en, name_ko = excluded.name_ko, country = excluded.country,
           region_en = excluded.region_en, region_ko = excluded.region_ko,
           lat = excluded.lat, lng = excluded.lng, radius_m = excluded.radius_m, boundary = excluded.boundary,
           min_lat = excluded.min_lat, max_lat = excluded.max_lat, min_lng = excluded.min_lng, max_lng = excluded.max_lng`,
        [r.id, r.nameEn, r.nameKo, r.country, r.lat, r.lng, r.radiusM, r.boundary, r.minLat, r.maxLat, r.minLng, r.maxLng, r.regionEn, r.regionKo],
      );
    },
    byId: (id) =>
      row<NeighbourhoodRow>(
        db,
        `SELECT ${COLUMNS} FROM neighbourhoods
         WHERE id = coalesce((SELECT neighbourhood_id FROM neighbourhood_aliases WHERE old_id = $1 AND NOT EXISTS (SELECT 1 FROM neighbourhoods WHERE id = $1)), $1)`,
        [id],
      ),
    async retire(from, to) {
      // A person who held both the retired place and its successor keeps one row, active if either was.
      await db.query(
        `INSERT INTO actor_neighbourhoods (actor_id, neighbourhood_id, active, added_at)
         SELECT actor_id, $2, active, added_at FROM actor_neighbourhoods WHERE neighbourhood_id = $1
         ON CONFLICT (actor_id, neighbourhood_id) DO UPDATE SET active = actor_neighbourhoods.active OR excluded.active,
           added_at = least(actor_neighbourhoods.added_at, excluded.added_at)`,
        [from, to],
      );
      await db.query('DELETE FROM actor_neighbourhoods WHERE neighbourhood_id = $1', [from]);
      await db.query('UPDATE verifications SET neighbourhood_id = $2 WHERE neighbourhood_id = $1', [from, to]);
      await db.query(
        `INSERT INTO verification_latest (actor_id, neighbourhood_id, taken_at)
         SELECT actor_id, $2, taken_at FROM verification_latest WHERE neighbourhood_id = $1
         ON CONFLICT (actor_id, neighbourhood_id) DO UPDATE SET taken_at = greatest(verification_latest.taken_at, excluded.taken_at)`,
        [from, to],
      );
      await db.query('DELETE FROM verification_latest WHERE neighbourhood_id = $1', [from]);
      await db.query('UPDATE neighbourhood_aliases SET neighbourhood_id = $2 WHERE neighbourhood_id = $1', [from, to]);
      await addAlias(from, to);
      // Its neighbour-set rows go with it (ON DELETE CASCADE).
      await db.query('DELETE FROM neighbourhoods WHERE id = $1', [from]);
    },
    addAlias,
    all: () => rows<NeighbourhoodRow>(db, `SELECT ${COLUMNS} FROM neighbourhoods`),
    async count() {
      return (await row<{ n: number }>(db, 'SELECT count(*)::int AS n FROM neighbourhoods'))!.n;
    },
    async replaceNeighbours(pairs) {
      await db.query('DELETE FROM neighbourhood_neighbours');
      for (let start = 0; start < pairs.length; start += PAIRS_PER_INSERT) {
        const chunk = pairs.slice(start, start + PAIRS_PER_INSERT);
        await db.query(
          `INSERT INTO neighbourhood_neighbours (neighbourhood_id, level, neighbour_id, distance_m)
           SELECT * FROM unnest($1::text[], $2::int[], $3::text[], $4::float8[])`,
          [chunk.map((p) => p.neighbourhoodId), chunk.map((p) => p.level), chunk.map((p) => p.neighbourId), chunk.map((p) => p.distanceM)],
        );
      }
    },
    async neighbourIds(id, level) {
      return (await rows<{ id: string }>(db, 'SELECT neighbour_id AS id FROM neighbourhood_neighbours WHERE neighbourhood_id = $1 AND level = $2 ORDER BY distance_m, neighbour_id', [id, level])).map(
        (r) => r.id,
      );
    },
    async neighbourSets(id) {
      const sets: Record<string, string[]> = {};
      for (const r of await rows<{ level: number; id: string }>(
        db,
        'SELECT level, neighbour_id AS id FROM neighbourhood_neighbours WHERE neighbourhood_id = $1 ORDER BY level, distance_m, neighbour_id',
        [id],
      )) {
        (sets[r.level] ??= []).push(r.id);
      }
      return sets;
    },
    search(query, limit) {
      const escaped = query.replace(/[\\%_]/g, (ch) => `\\${ch}`);
      return rows<NeighbourhoodRow>(
        db,
        `SELECT ${COLUMNS} FROM neighbourhoods
         WHERE name_en ILIKE $1 OR name_ko LIKE $1
         ORDER BY (name_en ILIKE $2 OR name_ko LIKE $2) DESC, name_en
         LIMIT $3`,
        [`%${escaped}%`, `${escaped}%`, limit],
      );
    },
  };
}
