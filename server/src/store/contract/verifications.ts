// Passed location checks: the history the next reading is judged against, and what profiles show.
import type { Fix } from '@dongne/shared';

export interface VerificationsRepo {
  /**
   * Holds the readings for the rest of the transaction: what it checks next sees every reading
   * recorded before, and no other transaction records one until it ends. (Two devices sending the
   * same reading at once must not both find it unused.)
   */
  holdReadings(): Promise<void>;
  record(row: { actorId: string; neighbourhoodId: string; fix: Fix; verifiedAt: number }): Promise<void>;
  /** Every used reading (anyone's) taken between `from` and `to` inside the box, for the replay check. */
  usedNear(box: { from: number; to: number; south: number; north: number; west: number; east: number }): Promise<Fix[]>;
  /** The person's accepted readings just before (or at) and just after `takenAt`. */
  fixesAround(actorId: string, takenAt: number): Promise<{ before?: Fix; after?: Fix }>;
  /** The person's latest reading taken after `takenAt` outside `neighbourhoodId`, if any. */
  laterElsewhere(actorId: string, neighbourhoodId: string, takenAt: number): Promise<{ neighbourhoodId: string; takenAt: number } | undefined>;
  /** When the reading that verifies the person in `neighbourhoodId` now was taken; null if none does. */
  currentTakenAt(actorId: string, neighbourhoodId: string): Promise<number | null>;
  /** Verifications counted (one per neighbourhood per day) and when the latest reading was taken. */
  summary(actorId: string): Promise<{ count: number; lastVerifiedAt: number | null }>;
}
