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
import type { Repositories } from '../store/contract/store.js';
import { toArea, type NeighbourhoodRow } from '../store/contract/neighbourhoods.js';
import type { Actor } from './session-service.js';

/** When the reading that lets the person trade in `neighbourhoodId` now was taken; null if none does. */
async function currentTakenAt(db: Repositories, actorId: string, neighbourhoodId: string, now: number): Promise<number | null> {
  const takenAt = await db.verifications.currentTakenAt(actorId, neighbourhoodId);
  return isVerificationCurrent(takenAt, now) ? takenAt : null;
}

/** The rules over the person's history in `db` (the store, or the caller's transaction). */
export const verification = {
  /** Checks the fix; if it passes, records a verification (inside the caller's transaction). */
  async verify(db: Repositories, actor: Actor, place: NeighbourhoodRow, fix: Fix, action: VerificationAction, now: number): Promise<FixCheck> {
    await db.verifications.holdReadings();
    const around = await db.verifications.fixesAround(actor.id, fix.takenAt);
    const later = await db.verifications.laterElsewhere(actor.id, place.id, fix.takenAt);
    const laterPlace = later && (await db.neighbourhoods.byId(later.neighbourhoodId));
    const { sameReadingMs, sameReadingM } = VERIFICATION_RULES;
    // A box a little wider than "the same reading", so the store hands back only true candidates.
    const dLat = (2 * sameReadingM) / METRES_PER_DEGREE_LAT;
    const dLng = dLat / Math.max(0.01, Math.cos((fix.lat * Math.PI) / 180));
    const candidates = await db.verifications.usedNear({
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
    if (check.ok) await db.verifications.record({ actorId: actor.id, neighbourhoodId: place.id, fix, verifiedAt: now });
    return check;
  },

  async hasCurrentVerification(db: Repositories, actorId: string, neighbourhoodId: string, now: number): Promise<boolean> {
    return (await currentTakenAt(db, actorId, neighbourhoodId, now)) !== null;
  },

  async profile(db: Repositories, actor: Actor, now: number): Promise<Profile> {
    const { count, lastVerifiedAt } = await db.verifications.summary(actor.id);
    const neighbourhoods: Profile['neighbourhoods'] = [];
    for (const { neighbourhoodId, active } of await db.actorNeighbourhoods.held(actor.id)) {
      const place = await db.neighbourhoods.byId(neighbourhoodId);
      if (!place) continue;
      neighbourhoods.push({ id: place.id, name: neighbourhoodLabel(place), active, verifiedAt: await currentTakenAt(db, actor.id, place.id, now) });
    }
    return { actorId: actor.id, nickname: actor.nickname, verificationCount: count, lastVerifiedAt, neighbourhoods };
  },
};
