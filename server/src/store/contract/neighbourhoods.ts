// Neighbourhoods, their precomputed neighbour sets, and lookups by name.
import type { MultiPolygonCoords, Neighbourhood, NeighbourhoodArea } from '@dongne/shared';

export interface NeighbourhoodRow {
  id: string;
  nameEn: string;
  nameKo: string | null;
  /** The city and district it is in ("Bundang-gu, Seongnam-si"; "성남시 분당구"); null if unknown. */
  regionEn: string | null;
  regionKo: string | null;
  country: string;
  lat: number;
  lng: number;
  radiusM: number | null;
  /** GeoJSON MultiPolygon coordinates, as JSON text. */
  boundary: string | null;
  minLat: number;
  maxLat: number;
  minLng: number;
  maxLng: number;
}

export interface NeighbourPair {
  neighbourhoodId: string;
  level: number;
  neighbourId: string;
  distanceM: number;
}

export function toNeighbourhood(row: NeighbourhoodRow): Neighbourhood {
  return {
    id: row.id,
    nameEn: row.nameEn,
    nameKo: row.nameKo,
    ...(row.regionEn !== null && { regionEn: row.regionEn }),
    ...(row.regionKo !== null && { regionKo: row.regionKo }),
    country: row.country,
    lat: row.lat,
    lng: row.lng,
  };
}

export function toArea(row: NeighbourhoodRow): NeighbourhoodArea {
  return {
    name: row.nameEn,
    centroid: { lat: row.lat, lng: row.lng },
    radiusM: row.radiusM,
    polygons: row.boundary ? (JSON.parse(row.boundary) as MultiPolygonCoords) : null,
  };
}

export interface NeighbourhoodsRepo {
  upsert(row: NeighbourhoodRow): Promise<void>;
  /**
   * The neighbourhood the id names: its own row, or — for an id retired by retire() — the row of the
   * place that replaced it (so callers use the row's id, never the one they asked with).
   */
  byId(id: string): Promise<NeighbourhoodRow | undefined>;
  all(): Promise<NeighbourhoodRow[]>;
  count(): Promise<number>;
  /** Replaces every precomputed neighbour set (inside the import's transaction). */
  replaceNeighbours(rows: NeighbourPair[]): Promise<void>;
  neighbourIds(id: string, level: number): Promise<string[]>;
  neighbourSets(id: string): Promise<Record<string, string[]>>;
  /** By English or Korean name, those starting with the query first. */
  search(query: string, limit: number): Promise<NeighbourhoodRow[]>;
  /**
   * Replaces neighbourhood `from` by `to` for good: the people who held it hold `to` (active if either
   * was), its verifications count for `to`, its id becomes an alias of `to`, and its row and neighbour
   * sets go. Listings are moved by the caller first (each needs a change number). Run in a transaction.
   */
  retire(from: string, to: string): Promise<void>;
  /** Records `oldId` as another name for `to`, where no place of that id exists (a fresh database). */
  addAlias(oldId: string, to: string): Promise<void>;
}

export interface NeighbourhoodsRepos {
  neighbourhoods: NeighbourhoodsRepo;
}
