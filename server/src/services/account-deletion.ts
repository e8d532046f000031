// Deleting an account for good: its listings, drafts and board posts are deleted, and its board
// comments and 공감 go (as changes, so every device drops them at its next pull); its photos,
// sessions, passkeys and recovery codes go, and the actor row is emptied of name, password and
// photo; its keyword alerts and notifications go, and so do its push subscriptions, quiet hours,
// pushes not yet sent, and the reminders of its appointments (for both sides). Its businesses close
// and their campaigns end (devices drop both); the ad events it counted stay, without whose or which
// device (the campaigns' owners were charged by them). Reviews it wrote stay, without a name. The
// nickname is held back for NICKNAME_HOLD_MS, so nobody can take it over at once and pass for the
// person.
import { nicknameKey } from '@dongne/shared';
import { nicknameSkeleton } from './nickname-skeleton.js';
import type { BlobStore } from '../blobs/blob-store.js';
import type { Store } from '../store/contract/store.js';
import { mediaBlobKey } from './media-service.js';
import { removeFromBoard } from './board-removal.js';
import { closeBusinesses } from './business-closing.js';
import type { Clock } from './clock.js';
import { proofNeeded, type CurrentSession, type SessionService } from './session-service.js';

export const NICKNAME_HOLD_MS = 90 * 24 * 60 * 60_000;

export function createAccountDeletion(store: Store, clock: Clock, session: SessionService, blobs: BlobStore, log: (line: string) => void) {
  return {
    async deleteAccount(current: CurrentSession) {
      if (!session.isFresh(current)) throw proofNeeded();
      const actorId = current.actor.id;
      const now = clock.now();
      const photos = await store.transaction(async (tx) => {
        for (const id of await tx.listings.liveIdsBySeller(actorId)) await tx.listings.markDeleted(id, now, await tx.sync.nextChangeSeq());
        for (const id of await tx.drafts.liveIdsByOwner(actorId)) await tx.drafts.markDeleted(id, now, await tx.sync.nextChangeSeq());
        await removeFromBoard(tx, actorId, now);
        await closeBusinesses(tx, actorId, now);
        for (const name of [current.actor.nickname, nicknameKey(current.actor.nickname)]) {
          await tx.sessions.holdNickname(nicknameSkeleton(name), now + NICKNAME_HOLD_MS);
        }
        await tx.sessions.anonymise(actorId, now);
        // Nothing is told to nobody: its keyword alerts stop, and what they brought goes, pushes too.
        await tx.keywords.removeAllOf(actorId);
        await tx.appointmentReminders.removeAllOf(actorId);
        await tx.pushOutbox.removeAllOf(actorId);
        await tx.notifications.removeAllOf(actorId);
        await tx.pushSubscriptions.removeAllOf(actorId);
        await tx.quietHours.remove(actorId);
        return tx.media.removeUploadedBy(actorId);
      });
      // After the commit: bytes may live outside the database (S3). One that fails to go is only
      // space; nothing names it any more, so it is logged rather than undoing the deletion.
      for (const hash of photos) {
        await blobs.delete(mediaBlobKey(hash)).catch((error: unknown) => log(`[account deletion] photo ${hash} stays in the blob store: ${String(error)}`));
      }
    },
  };
}
export type AccountDeletion = ReturnType<typeof createAccountDeletion>;
