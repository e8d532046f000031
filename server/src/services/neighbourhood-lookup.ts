// Finds the neighbourhood a position is in, or the nearest one, from an in-memory grid over every
// neighbourhood's bounding box: a lookup touches the few places near the point, however many exist.
import { distanceM, distanceToPolygonsM, METRES_PER_DEGREE_LAT, polygonsContain, type LatLng, type MultiPolygonCoords } from '@dongne/shared';
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

interface Place {
  row: NeighbourhoodRow;
  polygons: MultiPolygonCoords | null;
  /** The last query that looked at this place, so a place in several cells is measured once. */
  seenBy: number;
}

/**
 * The index over the store's neighbourhoods. It loads them once (await `ready`), and again on
 * reload(); lookups then run in memory, without the store.
 */
export function createNeighbourhoodLookup(store: { neighbourhoods: Pick<NeighbourhoodsRepo, 'all' | 'count'> }) {
  let cells = new Map<number, Place[]>();
  let size = 0;
  let query = 0;

  async function reload() {
    const next = new Map<number, Place[]>();
    const rows = await store.neighbourhoods.all();
    for (const row of rows) {
      const place: Place = { row, polygons: row.boundary ? (JSON.parse(row.boundary) as MultiPolygonCoords) : null, seenBy: 0 };
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
    size = rows.length;
  }

  function measure(place: Place, point: LatLng) {
    const { row } = place;
    const centreDistanceM = distanceM(point, row);
    const outsideM = place.polygons ? distanceToPolygonsM(point, place.polygons) : Math.max(0, centreDistanceM - (row.radiusM ?? 0));
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
      const centreM = distanceM(point, row);
      const holds = place.polygons ? polygonsContain(point, place.polygons) : centreM <= (row.radiusM ?? 0) + EDGE_TOLERANCE_M;
      // Areas overlap a little where borders were simplified (and circles overlap a lot): the nearer centre wins.
      if (holds && centreM < inAreaCentreM) {
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
      const m = measure(place, point);
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
            const m = measure(place, point);
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

const closer = (a: { outsideM: number; centreDistanceM: number }, b: { outsideM: number; centreDistanceM: number }) =>
  a.outsideM < b.outsideM || (a.outsideM === b.outsideM && a.centreDistanceM < b.centreDistanceM);

const cellY = (lat: number) => Math.floor((Math.min(90, Math.max(-90, lat)) + 90) / CELL_DEG);
const cellX = (lng: number) => Math.floor((Math.min(180, Math.max(-180, lng)) + 180) / CELL_DEG);
const wrapX = (x: number) => ((x % CELLS_PER_ROW) + CELLS_PER_ROW) % CELLS_PER_ROW;
const rad = (deg: number) => (deg * Math.PI) / 180;
