// Finds the neighbourhood a position is in, or the nearest one, from an in-memory grid over every
// neighbourhood's bounding box: a lookup touches the few places near the point, however many exist.
import {
  distanceM,
  distanceToPolygonsM,
  METRES_PER_DEGREE_LAT,
  polygonsContain,
  type LatLng,
  type MultiPolygonCoords,
  type PolygonCoords,
  type Position,
} from '@dongne/shared';
import type { NeighbourhoodRow, NeighbourhoodsRepo } from '../store/contract/neighbourhoods.js';

/** Further than this from every neighbourhood, a position is in none Dongne knows. */
export const LOOKUP_MAX_DISTANCE_M = 50_000;

/** About 5.5 km north-south: a dong's box covers a few cells, a cell holds a few dongs. */
const CELL_DEG = 0.05;
const CELLS_PER_ROW = Math.ceil(360 / CELL_DEG) + 1;
/** A point on the boundary counts as inside; below a centimetre is floating-point noise. */
const EDGE_TOLERANCE_M = 0.01;

export interface LocatedNeighbourhood {
  neighbourhood: NeighbourhoodRow;
  /** True if the point is inside the area (radius or boundary), false if this is only the nearest. */
  contains: boolean;
  /** Metres from the point to the area: 0 inside. */
  distanceM: number;
  /** Metres from the point to the neighbourhood's centre. */
  centreDistanceM: number;
}

interface Box {
  minLat: number;
  maxLat: number;
  minLng: number;
  maxLng: number;
}

interface Place {
  row: NeighbourhoodRow;
  polygons: MultiPolygonCoords | null;
  /** Each polygon with its own box: a dong of fifty islands is measured only at the near ones. */
  parts: { box: Box; polygon: PolygonCoords }[];
  /** The last query that looked at this place, so a place in several cells is measured once. */
  seenBy: number;
}

/**
 * The index over the store's neighbourhoods. It loads them once (await `ready`), and again on
 * reload(); lookups then run in memory, without the store.
 */
export function createNeighbourhoodLookup(store: { neighbourhoods: Pick<NeighbourhoodsRepo, 'all' | 'count'> }) {
  let cells = new Map<number, Place[]>();
  /** Coarse cells within LOOKUP_MAX_DISTANCE_M of some place: a reading anywhere else is nobody's, at once. */
  let reachable = new Set<number>();
  let size = 0;
  let query = 0;

  async function reload() {
    const next = new Map<number, Place[]>();
    const nextReachable = new Set<number>();
    const rows = await store.neighbourhoods.all();
    for (const row of rows) {
      const polygons = row.boundary ? (JSON.parse(row.boundary) as MultiPolygonCoords) : null;
      const place: Place = { row, polygons, parts: (polygons ?? []).map((polygon) => ({ box: boxOf(polygon[0]), polygon })), seenBy: 0 };
      markReachable(nextReachable, row);
      const [y0, y1, x0, x1] = [cellY(row.minLat), cellY(row.maxLat), cellX(row.minLng), cellX(row.maxLng)];
      for (let y = y0; y <= y1; y++) {
        for (let x = x0; x <= x1; x++) {
          const key = y * CELLS_PER_ROW + x;
          const list = next.get(key);
          if (list) list.push(place);
          else next.set(key, [place]);
        }
      }
    }
    cells = next;
    reachable = nextReachable;
    size = rows.length;
  }

  /** How far outside the place the point is; parts whose box is further than `within` are not measured. */
  function measure(place: Place, point: LatLng, within = Infinity) {
    const { row } = place;
    const centreDistanceM = distanceM(point, row);
    let outsideM = place.polygons ? Infinity : Math.max(0, centreDistanceM - (row.radiusM ?? 0));
    for (const { box, polygon } of place.parts) {
      if (boxDistanceM(point, box) > Math.min(within, outsideM)) continue;
      outsideM = Math.min(outsideM, distanceToPolygonsM(point, [polygon]));
    }
    return { place, outsideM, centreDistanceM };
  }
  type Measured = ReturnType<typeof measure>;
  const found = (m: Measured, contains: boolean): LocatedNeighbourhood => ({
    neighbourhood: m.place.row,
    contains,
    distanceM: contains ? 0 : m.outsideM,
    centreDistanceM: m.centreDistanceM,
  });

  /**
   * The neighbourhood containing the point (the nearest centre if several do); else the one whose
   * area is nearest, if within LOOKUP_MAX_DISTANCE_M; else undefined.
   */
  async function locate(point: LatLng): Promise<LocatedNeighbourhood | undefined> {
    try {
      await loaded;
    } catch {
      // The first load failed (the database was not reachable): load again now.
      loaded = reload();
      await loaded;
    }
    // Built before the first import (an empty database at startup): look again rather than stay blind.
    if (size === 0 && (await store.neighbourhoods.count()) > 0) await reload();
    return locateLoaded(point);
  }

  function locateLoaded(point: LatLng): LocatedNeighbourhood | undefined {
    if (!reachable.has(coarseKey(point.lat, point.lng))) return undefined;
    const thisQuery = ++query;
    const cy = cellY(point.lat);
    const cx = cellX(point.lng);

    const here = cells.get(cy * CELLS_PER_ROW + cx) ?? [];
    // The common case, fast: a point well inside an area. Only places whose box holds the point can
    // hold it, and the even-odd test allocates nothing; measuring distances to edges waits for the
    // rest (a point on an edge, or outside every area).
    let inArea: Place | undefined;
    let inAreaCentreM = Infinity;
    for (const place of here) {
      const { row } = place;
      if (point.lat < row.minLat || point.lat > row.maxLat || point.lng < row.minLng || point.lng > row.maxLng) continue;
      if (place.polygons && !polygonsContain(point, place.polygons)) continue;
      const centreM = distanceM(point, row);
      if (!place.polygons && centreM > (row.radiusM ?? 0) + EDGE_TOLERANCE_M) continue;
      // Areas overlap a little where borders were simplified (and circles overlap a lot): the nearer centre wins.
      if (centreM < inAreaCentreM) {
        inArea = place;
        inAreaCentreM = centreM;
      }
    }
    if (inArea) return { neighbourhood: inArea.row, contains: true, distanceM: 0, centreDistanceM: inAreaCentreM };

    // Every area containing the point has the point's cell inside its box, so one cell decides.
    let inside: Measured | undefined;
    let nearest: Measured | undefined;
    for (const place of here) {
      place.seenBy = thisQuery;
      const within = nearest ? nearest.outsideM : Infinity;
      if (!inside && boxDistanceM(point, place.row) > within) continue;
      const m = measure(place, point, inside ? Infinity : within);
      if (m.outsideM <= EDGE_TOLERANCE_M) {
        if (!inside || m.centreDistanceM < inside.centreDistanceM) inside = m;
      } else if (!nearest || closer(m, nearest)) {
        nearest = m;
      }
    }
    if (inside) return found(inside, true);

    // Widen ring by ring. Whatever lies outside the rings searched is at least `reach` away, so
    // stop once the nearest found is nearer than that, or nothing could be within the limit.
    const cellHeightM = CELL_DEG * METRES_PER_DEGREE_LAT;
    for (let ring = 1; ; ring++) {
      const reach = (ring - 1) * Math.min(cellHeightM, cellHeightM * Math.cos(rad(Math.min(89, Math.abs(point.lat) + (ring + 1) * CELL_DEG))));
      if ((nearest && nearest.outsideM <= reach) || reach > LOOKUP_MAX_DISTANCE_M) break;
      for (let y = cy - ring; y <= cy + ring; y++) {
        const edgeRow = y === cy - ring || y === cy + ring;
        for (let x = cx - ring; x <= cx + ring; x += edgeRow ? 1 : 2 * ring) {
          for (const place of cells.get(y * CELLS_PER_ROW + wrapX(x)) ?? []) {
            if (place.seenBy === thisQuery) continue;
            place.seenBy = thisQuery;
            // A boundary is never nearer than its box: most places out here are ruled out by that
            // alone, without measuring hundreds of edges (a reading at sea looks 50 km around).
            const within = nearest ? nearest.outsideM : LOOKUP_MAX_DISTANCE_M;
            if (boxDistanceM(point, place.row) > within) continue;
            const m = measure(place, point, within);
            if (!nearest || closer(m, nearest)) nearest = m;
          }
        }
      }
    }
    return nearest && nearest.outsideM <= LOOKUP_MAX_DISTANCE_M ? found(nearest, false) : undefined;
  }

  let loaded = reload();
  // A failed first load is not lost: the next locate() loads again, and fails only if that does.
  loaded.catch(() => {});
  return {
    /** Resolves once the index is first loaded. */
    get ready() {
      return loaded;
    },
    locate,
    /** Rebuilds the index from the store; call after importing neighbourhoods. */
    reload,
    /** How many neighbourhoods the index holds. */
    get size() {
      return size;
    },
  };
}
export type NeighbourhoodLookup = ReturnType<typeof createNeighbourhoodLookup>;

/**
 * A lower bound on the distance from the point to anything inside the box, in the flat projection
 * around the point that distanceToPolygonsM measures in, less 1% for the sphere's difference.
 */
function boxDistanceM(point: LatLng, row: Box): number {
  const dLat = Math.max(0, row.minLat - point.lat, point.lat - row.maxLat) * METRES_PER_DEGREE_LAT;
  const dLng = Math.max(0, row.minLng - point.lng, point.lng - row.maxLng) * METRES_PER_DEGREE_LAT * Math.cos(rad(point.lat));
  return 0.99 * Math.hypot(dLat, dLng);
}

function boxOf(ring: Position[]): Box {
  const box = { minLat: Infinity, maxLat: -Infinity, minLng: Infinity, maxLng: -Infinity };
  for (const [lng, lat] of ring) {
    box.minLat = Math.min(box.minLat, lat);
    box.maxLat = Math.max(box.maxLat, lat);
    box.minLng = Math.min(box.minLng, lng);
    box.maxLng = Math.max(box.maxLng, lng);
  }
  return box;
}

/** Coarse cells are taller than LOOKUP_MAX_DISTANCE_M, so a box widened by one each way covers all within reach of it. */
const COARSE_DEG = 0.5;
const COARSE_PER_ROW = Math.ceil(360 / COARSE_DEG) + 1;
const coarseY = (lat: number) => Math.floor((Math.min(90, Math.max(-90, lat)) + 90) / COARSE_DEG);
const coarseX = (lng: number) => Math.floor((Math.min(180, Math.max(-180, lng)) + 180) / COARSE_DEG);
const coarseKey = (lat: number, lng: number) => coarseY(lat) * COARSE_PER_ROW + coarseX(lng);

function markReachable(reachable: Set<number>, box: Box) {
  // A degree of longitude shrinks away from the equator: widen by as many columns as 50 km takes there.
  const widestLat = Math.min(89, Math.max(Math.abs(box.minLat), Math.abs(box.maxLat)) + COARSE_DEG);
  const columnM = COARSE_DEG * METRES_PER_DEGREE_LAT * Math.cos(rad(widestLat));
  const dx = Math.min(COARSE_PER_ROW, Math.ceil(LOOKUP_MAX_DISTANCE_M / columnM));
  for (let y = coarseY(box.minLat) - 1; y <= coarseY(box.maxLat) + 1; y++) {
    for (let x = coarseX(box.minLng) - dx; x <= coarseX(box.maxLng) + dx; x++) {
      reachable.add(y * COARSE_PER_ROW + (((x % COARSE_PER_ROW) + COARSE_PER_ROW) % COARSE_PER_ROW));
    }
  }
}

const closer = (a: { outsideM: number; centreDistanceM: number }, b: { outsideM: number; centreDistanceM: number }) =>
  a.outsideM < b.outsideM || (a.outsideM === b.outsideM && a.centreDistanceM < b.centreDistanceM);

const cellY = (lat: number) => Math.floor((Math.min(90, Math.max(-90, lat)) + 90) / CELL_DEG);
const cellX = (lng: number) => Math.floor((Math.min(180, Math.max(-180, lng)) + 180) / CELL_DEG);
const wrapX = (x: number) => ((x % CELLS_PER_ROW) + CELLS_PER_ROW) % CELLS_PER_ROW;
const rad = (deg: number) => (deg * Math.PI) / 180;
