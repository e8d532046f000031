// Judges GPS fixes against a neighbourhood with the shared rules and the person's history, records
// the ones that pass, and answers "may this person trade here now?". Readings count from when they
// were taken, never from when they arrived.
import {
  checkFix,
  isSameReading,
  isVerificationCurrent,
  METRES_PER_DEGREE_LAT,
  neighbourhoodLabel,
  VERIFICATION_RULES,
  type Fix,
  type FixCheck,
  type Profile,
  type VerificationAction,
} from '@dongne/shared';
import type { Store } from '../store/store.js';
import { toArea, type NeighbourhoodRow } from '../store/neighbourhoods-store.js';
import type { Actor } from './session-service.js';

export function createVerificationService(store: Store) {
  /** When the reading that lets the person trade in `neighbourhoodId` now was taken; null if none does. */
  function currentTakenAt(actorId: string, neighbourhoodId: string, now: number): number | null {
    const takenAt = store.verifications.currentTakenAt(actorId, neighbourhoodId);
    return isVerificationCurrent(takenAt, now) ? takenAt : null;
  }

  return {
    /** Checks the fix; if it passes, records a verification (inside the caller's transaction). */
    verify(actor: Actor, place: NeighbourhoodRow, fix: Fix, action: VerificationAction, now: number): FixCheck {
      const around = store.verifications.fixesAround(actor.id, fix.takenAt);
      const later = store.verifications.laterElsewhere(actor.id, place.id, fix.takenAt);
      const laterPlace = later && store.neighbourhoods.byId(later.neighbourhoodId);
      const { sameReadingMs, sameReadingM } = VERIFICATION_RULES;
      // A box a little wider than "the same reading", so the store hands back only true candidates.
      const dLat = (2 * sameReadingM) / METRES_PER_DEGREE_LAT;
      const dLng = dLat / Math.max(0.01, Math.cos((fix.lat * Math.PI) / 180));
      const candidates = store.verifications.usedNear({
        from: fix.takenAt - sameReadingMs,
        to: fix.takenAt + sameReadingMs,
        south: fix.lat - dLat,
        north: fix.lat + dLat,
        west: fix.lng - dLng,
        east: fix.lng + dLng,
      });
      const check = checkFix({
        fix,
        area: toArea(place),
        now,
        action,
        previousFix: around.before,
        laterFix: around.after,
        replayed: candidates.some((used) => isSameReading(used, fix)),
        accountCreatedAt: actor.joinedAt,
        laterElsewhere: later && { name: laterPlace ? laterPlace.nameEn : later.neighbourhoodId, takenAt: later.takenAt },
      });
      if (check.ok) store.verifications.record({ actorId: actor.id, neighbourhoodId: place.id, fix, verifiedAt: now });
      return check;
    },

    hasCurrentVerification(actorId: string, neighbourhoodId: string, now: number): boolean {
      return currentTakenAt(actorId, neighbourhoodId, now) !== null;
    },

    profile(actor: Actor, now: number): Profile {
      const { count, lastVerifiedAt } = store.verifications.summary(actor.id);
      const neighbourhoods = store.actorNeighbourhoods.held(actor.id).flatMap(({ neighbourhoodId, active }) => {
        const place = store.neighbourhoods.byId(neighbourhoodId);
        if (!place) return [];
        return [{ id: place.id, name: neighbourhoodLabel(place), active, verifiedAt: currentTakenAt(actor.id, place.id, now) }];
      });
      return { actorId: actor.id, nickname: actor.nickname, verificationCount: count, lastVerifiedAt, neighbourhoods };
    },
  };
}
export type VerificationService = ReturnType<typeof createVerificationService>;
