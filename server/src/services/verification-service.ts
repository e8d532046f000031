// Judges GPS fixes against a neighbourhood with the shared rules and the person's history, records
// the ones that pass, and answers "may this person trade here now?".
import { checkFix, isVerificationCurrent, neighbourhoodLabel, type Fix, type FixCheck, type Profile, type VerificationAction } from '@dongne/shared';
import type { Store } from '../store/store.js';
import { toArea, type NeighbourhoodRow } from '../store/neighbourhoods-store.js';
import type { Actor } from './session-service.js';

export function createVerificationService(store: Store) {
  return {
    /** Checks the fix; if it passes, records a verification (inside the caller's transaction). */
    verify(actor: Actor, place: NeighbourhoodRow, fix: Fix, action: VerificationAction, now: number): FixCheck {
      const around = store.verifications.fixesAround(actor.id, fix.takenAt);
      const check = checkFix({
        fix,
        area: toArea(place),
        now,
        action,
        previousFix: around.before,
        laterFix: around.after,
        replayed: store.verifications.isUsed(fix),
      });
      if (check.ok) store.verifications.record({ actorId: actor.id, neighbourhoodId: place.id, fix, verifiedAt: now });
      return check;
    },

    hasCurrentVerification(actorId: string, neighbourhoodId: string, now: number): boolean {
      return isVerificationCurrent(store.verifications.lastVerifiedAt(actorId, neighbourhoodId), now);
    },

    profile(actor: Actor): Profile {
      const { count, lastVerifiedAt } = store.verifications.summary(actor.id);
      const neighbourhoods = store.actorNeighbourhoods.held(actor.id).flatMap(({ neighbourhoodId, active }) => {
        const place = store.neighbourhoods.byId(neighbourhoodId);
        if (!place) return [];
        return [{ id: place.id, name: neighbourhoodLabel(place), active, verifiedAt: store.verifications.lastVerifiedAt(actor.id, place.id) }];
      });
      return { actorId: actor.id, nickname: actor.nickname, verificationCount: count, lastVerifiedAt, neighbourhoods };
    },
  };
}
export type VerificationService = ReturnType<typeof createVerificationService>;
