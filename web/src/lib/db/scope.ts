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

export function currentScope(db: DongneDb): Promise<CurrentScope | undefined> {
  return getMeta(db, 'profile').then((profile) => {
    const active = profile?.neighbourhoods.find((n) => n.active);
    if (active) {
      return getMeta(db, 'range').then((range) => ({ scope: { neighbourhoodId: active.id, range: range ?? DEFAULT_RANGE }, chosen: true }));
    }
    return getMeta(db, 'defaultScope').then((fallback) => fallback && { scope: fallback, chosen: false });
  });
}

/** The neighbourhood ids the scope covers, if this device has looked them up. */
export function placesIn(db: DongneDb, scope: Scope): Promise<string[] | undefined> {
  return db.neighbourhoods.get(scope.neighbourhoodId).then((place) => place?.neighbours?.[scope.range]);
}

export function scopeKey(current: CurrentScope | undefined): string {
  return current?.chosen ? `${current.scope.neighbourhoodId}:${current.scope.range}` : 'default';
}
