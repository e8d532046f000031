// What a signed-in person can see and change of their own account: the devices signed in and the
// passkeys on it, the password, and security messages. Changes need a fresh proof (checked by the
// routes' requireFreshProof) except a password change that gives the current password itself.
import type { Store } from '../store/contract/store.js';
import type { Clock } from './clock.js';
import { deviceName } from './device-name.js';
import { hashPassword, verifyPassword } from './password.js';
import { assertStrongPassword } from './password-policy.js';
import { ServiceError } from './service-error.js';
import { proofNeeded, type CurrentSession, type SessionService } from './session-service.js';
import { recordSecurityEvent } from './security-notice.js';

const lastWay = () =>
  new ServiceError(409, 'account.last_sign_in_method', 'This is the only way into your account: add a passkey or a password before removing it.');

export function createAccountService(store: Store, clock: Clock, session: SessionService, passwordCost: number) {
  return {
    async sessions(current: CurrentSession) {
      const rows = await store.sessions.forActor(current.actor.id);
      return rows.map((s) => ({
        id: s.id,
        device: deviceName(s.userAgent),
        address: s.address,
        startedAt: s.startedAt,
        lastActiveAt: s.lastSeenAt,
        current: s.id === current.id,
      }));
    },

    async endSession(current: CurrentSession, id: string) {
      if ((await store.sessions.removeById(current.actor.id, id)) === 0) {
        throw new ServiceError(404, 'session.not_found', 'No such session on your account: it may have ended already.');
      }
      return { ended: 1, current: id === current.id };
    },

    async endOtherSessions(current: CurrentSession) {
      return { ended: await store.sessions.removeAllFor(current.actor.id, current.tokenHash) };
    },

    async passkeys(current: CurrentSession) {
      const rows = await store.passkeys.forActor(current.actor.id);
      return rows.map((p) => ({ id: p.credentialId, name: p.name, createdAt: p.createdAt, lastUsedAt: p.lastUsedAt }));
    },

    async removePasskey(current: CurrentSession, id: string) {
      const actorId = current.actor.id;
      await store.transaction(async (tx) => {
        const account = await tx.sessions.accountById(actorId);
        const passkeys = await tx.passkeys.forActor(actorId);
        if (!passkeys.some((p) => p.credentialId === id)) throw new ServiceError(404, 'passkey.not_found', 'No such passkey on your account.');
        if (passkeys.length === 1 && !account?.passwordHash) throw lastWay();
        await tx.passkeys.remove(actorId, id);
        await recordSecurityEvent(tx, actorId, 'passkey_removed', '', clock.now());
      });
    },

    /** The account's password hash (null: passkeys only), for a confirmation against it. */
    async passwordHashOf(current: CurrentSession) {
      return (await store.sessions.accountById(current.actor.id))?.passwordHash ?? null;
    },

    /** Whether the account has a password (and so can sign in without a passkey). */
    async hasPassword(current: CurrentSession) {
      return Boolean((await store.sessions.accountById(current.actor.id))?.passwordHash);
    },

    /**
     * Sets, changes or (newPassword null) removes the password. With `currentPassword` that check is
     * the proof; without it the session must hold a fresh one. Other sessions end: whoever knew the
     * old password is signed out.
     */
    async setPassword(current: CurrentSession, { currentPassword, newPassword }: { currentPassword?: string; newPassword: string | null }) {
      const account = await store.sessions.accountById(current.actor.id);
      if (!account) throw new ServiceError(401, 'auth.required', 'Sign in to change your password.');
      if (currentPassword !== undefined) {
        if (!account.passwordHash || !(await verifyPassword(currentPassword, account.passwordHash))) {
          throw new ServiceError(403, 'auth.wrong_password', 'That is not your current password.');
        }
        await session.markVerified(current);
      } else if (!session.isFresh(current)) throw proofNeeded();
      if (newPassword === null) {
        if ((await store.passkeys.countFor(account.id)) === 0) throw lastWay();
      } else await assertStrongPassword(newPassword, account.nickname);
      const hash = newPassword === null ? null : await hashPassword(newPassword, passwordCost);
      await store.transaction(async (tx) => {
        await tx.sessions.setPasswordHash(account.id, hash);
        await tx.sessions.removeAllFor(account.id, current.tokenHash);
        await recordSecurityEvent(tx, account.id, newPassword === null ? 'password_removed' : 'password_changed', '', clock.now());
      });
    },

    async securityEvents(current: CurrentSession) {
      return store.securityEvents.recent(current.actor.id, 20);
    },
  };
}
export type AccountService = ReturnType<typeof createAccountService>;
