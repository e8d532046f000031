// Neighbourhoods, their precomputed neighbour sets, and lookups by name and by position.
import type { NeighbourhoodRow, NeighbourPair } from '../contract/neighbourhoods.js';
import type { Db } from './database.js';

const COLUMNS = `id, name_en AS nameEn, name_ko AS nameKo, region_en AS regionEn, region_ko AS regionKo, country, lat, lng, radius_m AS radiusM, boundary,
  min_lat AS minLat, max_lat AS maxLat, min_lng AS minLng, max_lng AS maxLng`;

export function createNeighbourhoodsStore(db: Db) {
  const upsert = db.prepare(`
    INSERT INTO neighbourhoods (id, name_en, name_ko, region_en, region_ko, country, lat, lng, radius_m, boundary, min_lat, max_lat, min_lng, max_lng)
    VALUES (@id, @nameEn, @nameKo, @regionEn, @regionKo, @country, @lat, @lng, @radiusM, @boundary, @minLat, @maxLat, @minLng, @maxLng)
    ON CONFLICT (id) DO UPDATE SET name_en = excluded.name_en, name_ko = excluded.name_ko,
      region_en = excluded.region_en, region_ko = excluded.region_ko, country = excluded.country,
      lat = excluded.lat, lng = excluded.lng, radius_m = excluded.radius_m, boundary = excluded.boundary,
      min_lat = excluded.min_lat, max_lat = excluded.max_lat, min_lng = excluded.min_lng, max_lng = excluded.max_lng`);
  const byId = db.prepare(`SELECT ${COLUMNS} FROM neighbourhoods WHERE id = ?`);
  const aliasOf = db.prepare('SELECT neighbourhood_id FROM neighbourhood_aliases WHERE old_id = ?').pluck();
  // A person who held both the retired place and its successor keeps one row, active if either was.
  const moveHolders = db.prepare(`
    INSERT INTO actor_neighbourhoods (actor_id, neighbourhood_id, active, added_at)
    SELECT actor_id, @to, active, added_at FROM actor_neighbourhoods WHERE neighbourhood_id = @from
    ON CONFLICT (actor_id, neighbourhood_id) DO UPDATE SET active = max(active, excluded.active), added_at = min(added_at, excluded.added_at)`);
  const dropHolders = db.prepare('DELETE FROM actor_neighbourhoods WHERE neighbourhood_id = ?');
  const moveVerifications = db.prepare('UPDATE verifications SET neighbourhood_id = @to WHERE neighbourhood_id = @from');
  const moveLatest = db.prepare(`
    INSERT INTO verification_latest (actor_id, neighbourhood_id, taken_at)
    SELECT actor_id, @to, taken_at FROM verification_latest WHERE neighbourhood_id = @from
    ON CONFLICT (actor_id, neighbourhood_id) DO UPDATE SET taken_at = max(taken_at, excluded.taken_at)`);
  const dropLatest = db.prepare('DELETE FROM verification_latest WHERE neighbourhood_id = ?');
  const repointAliases = db.prepare('UPDATE neighbourhood_aliases SET neighbourhood_id = @to WHERE neighbourhood_id = @from');
  const addAlias = db.prepare(
    'INSERT INTO neighbourhood_aliases (old_id, neighbourhood_id) VALUES (?, ?) ON CONFLICT (old_id) DO UPDATE SET neighbourhood_id = excluded.neighbourhood_id',
  );
  const dropPlace = db.prepare('DELETE FROM neighbourhoods WHERE id = ?');
  const all = db.prepare(`SELECT ${COLUMNS} FROM neighbourhoods`);
  const count = db.prepare('SELECT count(*) FROM neighbourhoods').pluck();
  const clearNeighbours = db.prepare('DELETE FROM neighbourhood_neighbours');
  const insertNeighbour = db.prepare(
    'INSERT INTO neighbourhood_neighbours (neighbourhood_id, level, neighbour_id, distance_m) VALUES (?, ?, ?, ?)',
  );
  const neighbours = db.prepare(
    'SELECT neighbour_id FROM neighbourhood_neighbours WHERE neighbourhood_id = ? AND level = ? ORDER BY distance_m, neighbour_id',
  ).pluck();
  const allNeighbours = db.prepare(
    'SELECT level, neighbour_id AS id FROM neighbourhood_neighbours WHERE neighbourhood_id = ? ORDER BY level, distance_m, neighbour_id',
  );
  const search = db.prepare(`
    SELECT ${COLUMNS} FROM neighbourhoods
    WHERE name_en LIKE @pattern ESCAPE '\\' COLLATE NOCASE OR name_ko LIKE @pattern ESCAPE '\\'
    ORDER BY (name_en LIKE @prefix ESCAPE '\\' COLLATE NOCASE OR name_ko LIKE @prefix ESCAPE '\\') DESC, name_en
    LIMIT @limit`);

  return {
    upsert(row: NeighbourhoodRow) {
      upsert.run(row);
    },
    byId(id: string) {
      const own = byId.get(id) as NeighbourhoodRow | undefined;
      if (own) return own;
      const successor = aliasOf.get(id) as string | undefined;
      return successor === undefined ? undefined : (byId.get(successor) as NeighbourhoodRow | undefined);
    },
    retire(from: string, to: string) {
      moveHolders.run({ from, to });
      dropHolders.run(from);
      moveVerifications.run({ from, to });
      moveLatest.run({ from, to });
      dropLatest.run(from);
      repointAliases.run({ from, to });
      addAlias.run(from, to);
      // Its neighbour-set rows go with it (ON DELETE CASCADE).
      dropPlace.run(from);
    },
    addAlias(oldId: string, to: string) {
      addAlias.run(oldId, to);
    },
    all: () => all.all() as NeighbourhoodRow[],
    count: () => count.get() as number,
    /** Replaces every precomputed neighbour set (run inside the import's transaction). */
    replaceNeighbours(rows: NeighbourPair[]) {
      clearNeighbours.run();
      for (const r of rows) insertNeighbour.run(r.neighbourhoodId, r.level, r.neighbourId, r.distanceM);
    },
    neighbourIds: (id: string, level: number) => neighbours.all(id, level) as string[],
    neighbourSets(id: string): Record<string, string[]> {
      const sets: Record<string, string[]> = {};
      for (const { level, id: neighbour } of allNeighbours.all(id) as { level: number; id: string }[]) {
        (sets[level] ??= []).push(neighbour);
      }
      return sets;
    },
    search(query: string, limit: number) {
      const escaped = query.replace(/[\\%_]/g, (ch) => `\\${ch}`);
      return search.all({ pattern: `%${escaped}%`, prefix: `${escaped}%`, limit }) as NeighbourhoodRow[];
    },
  };
}
