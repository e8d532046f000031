// The reads screens wait on, each served by an index of the replica.
import type { DongneDb } from './db.js';
import { getMeta } from './meta.js';

export function feedPage(db: DongneDb, limit: number) {
  return db.listings.orderBy('createdAt').reverse().limit(limit).toArray();
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
