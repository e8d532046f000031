// The area the person browses: their active neighbourhood at their chosen range, or, before they
// choose one, the server's default area for visitors.
import { DEFAULT_RANGE } from '@dongne/shared';
import type { DongneDb } from './db.js';
import { getMeta, type Scope } from './meta.js';

export interface CurrentScope {
  scope: Scope;
  /** False while the person browses the visitors' default area. */
  chosen: boolean;
}

export async function currentScope(db: DongneDb): Promise<CurrentScope | undefined> {
  const profile = await getMeta(db, 'profile');
  const active = profile?.neighbourhoods.find((n) => n.active);
  if (active) return { scope: { neighbourhoodId: active.id, range: (await getMeta(db, 'range')) ?? DEFAULT_RANGE }, chosen: true };
  const fallback = await getMeta(db, 'defaultScope');
  return fallback && { scope: fallback, chosen: false };
}

/** The neighbourhood ids the scope covers, if this device has looked them up. */
export async function placesIn(db: DongneDb, scope: Scope): Promise<string[] | undefined> {
  return (await db.neighbourhoods.get(scope.neighbourhoodId))?.neighbours?.[scope.range];
}

export function scopeKey(current: CurrentScope | undefined): string {
  return current?.chosen ? `${current.scope.neighbourhoodId}:${current.scope.range}` : 'default';
}
