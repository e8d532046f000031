// Neighbourhoods, their precomputed neighbour sets, and lookups by name.
import type { MultiPolygonCoords, Neighbourhood, NeighbourhoodArea } from '@dongne/shared';

export interface NeighbourhoodRow {
  id: string;
  nameEn: string;
  nameKo: string | null;
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
  return { id: row.id, nameEn: row.nameEn, nameKo: row.nameKo, country: row.country, lat: row.lat, lng: row.lng };
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
  byId(id: string): Promise<NeighbourhoodRow | undefined>;
  all(): Promise<NeighbourhoodRow[]>;
  count(): Promise<number>;
  /** Replaces every precomputed neighbour set (inside the import's transaction). */
  replaceNeighbours(rows: NeighbourPair[]): Promise<void>;
  neighbourIds(id: string, level: number): Promise<string[]>;
  neighbourSets(id: string): Promise<Record<string, string[]>>;
  /** By English or Korean name, those starting with the query first. */
  search(query: string, limit: number): Promise<NeighbourhoodRow[]>;
}

export interface NeighbourhoodsRepos {
  neighbourhoods: NeighbourhoodsRepo;
}
