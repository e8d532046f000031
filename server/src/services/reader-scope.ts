// What a reader reads over: the area a request means, and the people who leave each other's feeds
// and search results because one blocked the other. Pull, listing search and board search share it.
import { DEFAULT_RANGE, type RangeLevel } from '@dongne/shared';
import type { Repositories, Store } from '../store/contract/store.js';
import { ServiceError } from './service-error.js';

export interface PullScope {
  /** Used when a visitor has not chosen a neighbourhood yet. */
  defaultNeighbourhoodId: string;
}

/**
 * The area a request means: its neighbourhood at its range, or — for a visitor who has chosen
 * none — the default neighbourhood at the widest range. Refuses a neighbourhood Dongne does not know.
 */
export async function areaOf(store: Store, scope: PullScope, query: { neighbourhood?: string; range?: RangeLevel }): Promise<{ neighbourhoodId: string; range: RangeLevel }> {
  const asked = query.neighbourhood ?? scope.defaultNeighbourhoodId;
  // A retired id (a device synced before the dongs came) means the dong that replaced it.
  const place = await store.neighbourhoods.byId(asked);
  if (!place) throw new ServiceError(404, 'neighbourhood.unknown', `No neighbourhood with id "${asked.slice(0, 100)}".`);
  return { neighbourhoodId: place.id, range: query.range ?? (query.neighbourhood ? DEFAULT_RANGE : 4) };
}

/** Whom the person blocked, and whose listings and posts their feed leaves out (blocked either way). */
export async function blocksOf(db: Repositories, actorId: string): Promise<{ blockedIds: string[]; hiddenSellerIds: string[] }> {
  const blockedIds = await db.blocks.blockedBy(actorId);
  const hiddenSellerIds = [...new Set([...blockedIds, ...(await db.blocks.blockersOf(actorId))])];
  return { blockedIds, hiddenSellerIds };
}
