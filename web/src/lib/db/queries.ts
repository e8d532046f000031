// The reads screens wait on, each served by an index of the replica.
import type { DongneDb } from './db.js';
import { getMeta } from './meta.js';
import { currentScope, placesIn } from './scope.js';

/** Newest listings in the person's area, filtered here so a range change works offline too. */
export async function feedPage(db: DongneDb, limit: number) {
  const current = await currentScope(db);
  let places = current && (await placesIn(db, current.scope));
  // Chosen offline, before this device could look up the neighbours: the place itself is known.
  if (!places && current?.chosen && current.scope.range === 1) places = [current.scope.neighbourhoodId];
  if (!places) return db.listings.orderBy('createdAt').reverse().limit(limit).toArray();
  const inRange = await db.listings.where('neighbourhoodId').anyOf(places).toArray();
  return inRange.sort((a, b) => b.createdAt - a.createdAt).slice(0, limit);
}

export async function myListings(db: DongneDb) {
  const actorId = await getMeta(db, 'actorId');
  const mine = actorId ? await db.listings.where('sellerId').equals(actorId).toArray() : [];
  // Also what this device published before it knew its identity (first use offline).
  const waiting = await db.listings.bulkGet([...(await waitingIds(db))]);
  const byId = new Map([...mine, ...waiting.filter((l) => l !== undefined)].map((l) => [l.id, l]));
  return [...byId.values()].sort((a, b) => b.createdAt - a.createdAt);
}

/** Ids of listings with a change the server has not confirmed yet. */
export async function waitingIds(db: DongneDb): Promise<Set<string>> {
  return new Set((await db.outbox.orderBy('entityId').uniqueKeys()) as string[]);
}

export function draftsNewestFirst(db: DongneDb) {
  return db.drafts.orderBy('updatedAt').reverse().toArray();
}
