// The person's neighbourhoods on this device: choosing, switching and verifying, each recorded as
// a mutation so it works offline and syncs later.
import { distanceM, MAX_HELD_NEIGHBOURHOODS, type Fix, type LatLng, type Neighbourhood } from '@dongne/shared';
import type { DongneDb, LocalNeighbourhood } from './db.js';
import { getMeta } from './meta.js';
import { enqueue, notifyLocalMutation } from '../sync/outbox.js';

async function held(db: DongneDb): Promise<{ ids: string[]; active?: string }> {
  const neighbourhoods = (await getMeta(db, 'profile'))?.neighbourhoods ?? [];
  return { ids: neighbourhoods.map((n) => n.id), active: neighbourhoods.find((n) => n.active)?.id };
}

async function setHeld(db: DongneDb, ids: string[], active: string, remember?: Neighbourhood) {
  await db.transaction('rw', [db.outbox, db.meta, db.listings, db.neighbourhoods], async () => {
    if (remember && !(await db.neighbourhoods.get(remember.id))) await db.neighbourhoods.put(remember);
    await enqueue(db, 'neighbourhood.set', { held: ids, active }, `neighbourhoods`);
  });
  notifyLocalMutation();
}

/**
 * Makes `place` the active neighbourhood. A person holds at most two: choosing a third replaces the
 * one that is not active.
 */
export async function chooseNeighbourhood(db: DongneDb, place: Neighbourhood, fetchDetail?: () => Promise<LocalNeighbourhood | undefined>): Promise<void> {
  // Online, learn its neighbour sets now, so the feed shows the right range straight away.
  const detail = await fetchDetail?.().catch(() => undefined);
  if (detail) await db.neighbourhoods.put(detail);
  const { ids, active } = await held(db);
  let next = ids.includes(place.id) ? ids : [...ids, place.id];
  if (next.length > MAX_HELD_NEIGHBOURHOODS) next = [active ?? ids[0], place.id];
  await setHeld(db, next, place.id, place);
}

export async function activateNeighbourhood(db: DongneDb, id: string): Promise<void> {
  const { ids } = await held(db);
  if (ids.includes(id)) await setHeld(db, ids, id);
}

export async function removeNeighbourhood(db: DongneDb, id: string): Promise<void> {
  const { ids, active } = await held(db);
  const rest = ids.filter((x) => x !== id);
  if (rest.length === 0) return;
  await setHeld(db, rest, active && active !== id ? active : rest[0]);
}

export async function verifyNeighbourhood(db: DongneDb, neighbourhoodId: string, fix: Fix): Promise<void> {
  await db.transaction('rw', [db.outbox, db.meta, db.listings, db.neighbourhoods], async () => {
    await db.meta.delete('verifyRejection');
    await enqueue(db, 'neighbourhood.verify', { neighbourhoodId }, `verify:${neighbourhoodId}`, fix);
  });
  notifyLocalMutation();
}

/** Offline stand-in for the server's lookup: the nearest neighbourhood centre this device knows. */
export async function nearestKnown(db: DongneDb, point: LatLng): Promise<{ place: LocalNeighbourhood; distanceM: number } | undefined> {
  let best: { place: LocalNeighbourhood; distanceM: number } | undefined;
  await db.neighbourhoods.each((place) => {
    const d = distanceM(point, place);
    if (!best || d < best.distanceM) best = { place, distanceM: d };
  });
  return best;
}

/** Offline stand-in for name search, over the neighbourhoods this device knows. */
export async function searchKnown(db: DongneDb, query: string, limit = 20): Promise<LocalNeighbourhood[]> {
  const q = query.trim().toLowerCase();
  const all = await db.neighbourhoods.toArray();
  return all.filter((n) => n.nameEn.toLowerCase().includes(q) || (n.nameKo ?? '').includes(q)).slice(0, limit);
}
