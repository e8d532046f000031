// Sessions by token hash, the account rows sign-in needs, and what "My devices" lists.
import { nicknameKey } from '@dongne/shared';
import type { AccountRow, DeviceSessionRow, NewAccount, NewSession, SessionRow } from '../contract/accounts.js';
import type { Db } from './database.js';
import { refusingDuplicates } from './refusing-duplicates.js';

const ACCOUNT = `id, nickname, created_at AS createdAt, password_hash AS passwordHash FROM actors
  WHERE kind = 'account' AND deleted_at IS NULL`;

export function createSessionsStore(db: Db) {
  const insert = db.prepare(`
    INSERT INTO sessions (token_hash, id, actor_id, created_at, expires_at, user_agent, address, last_seen_at, verified_at)
    VALUES (@tokenHash, @id, @actorId, @createdAt, @expiresAt, @userAgent, @address, @createdAt, @createdAt)`);
  const find = db.prepare(`
    SELECT s.id, s.actor_id AS actorId, s.expires_at AS expiresAt, a.nickname, a.created_at AS createdAt,
      s.created_at AS startedAt, s.last_seen_at AS lastSeenAt, s.verified_at AS verifiedAt
    FROM sessions s JOIN actors a ON a.id = s.actor_id WHERE s.token_hash = ?`);
  const extend = db.prepare('UPDATE sessions SET expires_at = ? WHERE token_hash = ?');
  const touch = db.prepare('UPDATE sessions SET last_seen_at = ? WHERE token_hash = ?');
  const setVerified = db.prepare('UPDATE sessions SET verified_at = ? WHERE token_hash = ?');
  const remove = db.prepare('DELETE FROM sessions WHERE token_hash = ?');
  const removeExpired = db.prepare('DELETE FROM sessions WHERE expires_at < ? OR created_at < ?');
  const forActor = db.prepare(`
    SELECT id, created_at AS startedAt, last_seen_at AS lastSeenAt, user_agent AS userAgent, address
    FROM sessions WHERE actor_id = ? ORDER BY last_seen_at DESC, created_at DESC`);
  const removeById = db.prepare('DELETE FROM sessions WHERE actor_id = ? AND id = ?');
  const removeAllBut = db.prepare('DELETE FROM sessions WHERE actor_id = ? AND token_hash IS NOT ?');
  const trimFor = db.prepare(`
    DELETE FROM sessions WHERE token_hash IN (
      SELECT token_hash FROM sessions WHERE actor_id = ? ORDER BY created_at DESC, token_hash LIMIT -1 OFFSET ?)`);
  const insertAccount = db.prepare(`
    INSERT INTO actors (id, nickname, nickname_key, nickname_skeleton, token_hash, created_at, kind, password_hash)
    VALUES (@id, @nickname, @nicknameKey, @skeleton, NULL, @createdAt, 'account', @passwordHash)`);
  const accountById = db.prepare(`SELECT ${ACCOUNT} AND id = ?`);
  const accountByNickname = db.prepare(`SELECT ${ACCOUNT} AND nickname_key = ?`);
  const skeletonTaken = db.prepare(`SELECT 1 FROM actors WHERE kind = 'account' AND nickname_skeleton = ?`).pluck();
  const held = db.prepare('SELECT 1 FROM held_nicknames WHERE skeleton = ? AND held_until > ?').pluck();
  const setPasswordHash = db.prepare(`UPDATE actors SET password_hash = ? WHERE id = ? AND kind = 'account'`);
  const holdNickname = db.prepare(`
    INSERT INTO held_nicknames (skeleton, held_until) VALUES (?, ?)
    ON CONFLICT (skeleton) DO UPDATE SET held_until = max(held_until, excluded.held_until)`);
  const anonymise = db.prepare(`
    UPDATE actors SET nickname = '', nickname_key = NULL, nickname_skeleton = NULL, password_hash = NULL,
      photo = NULL, photo_type = NULL, photo_updated_at = NULL, deleted_at = ? WHERE id = ?`);
  const removeSessions = db.prepare('DELETE FROM sessions WHERE actor_id = ?');
  const removePasskeys = db.prepare('DELETE FROM passkeys WHERE actor_id = ?');
  const removeCodes = db.prepare('DELETE FROM recovery_codes WHERE actor_id = ?');
  const withoutSkeleton = db.prepare(`SELECT id, nickname FROM actors WHERE kind = 'account' AND deleted_at IS NULL AND nickname_skeleton IS NULL`);
  const setSkeleton = db.prepare('UPDATE actors SET nickname_skeleton = ? WHERE id = ?');

  return {
    insert(session: NewSession) {
      insert.run(session);
    },
    find: (tokenHash: string) => find.get(tokenHash) as SessionRow | undefined,
    extend(tokenHash: string, expiresAt: number) {
      extend.run(expiresAt, tokenHash);
    },
    touch(tokenHash: string, lastSeenAt: number) {
      touch.run(lastSeenAt, tokenHash);
    },
    setVerified(tokenHash: string, at: number) {
      setVerified.run(at, tokenHash);
    },
    remove(tokenHash: string) {
      remove.run(tokenHash);
    },
    removeExpired: (now: number, startedBefore: number) => removeExpired.run(now, startedBefore).changes,
    forActor: (actorId: string) => forActor.all(actorId) as DeviceSessionRow[],
    removeById: (actorId: string, id: string) => removeById.run(actorId, id).changes,
    removeAllFor: (actorId: string, except?: string) => removeAllBut.run(actorId, except ?? null).changes,
    trimFor: (actorId: string, keep: number) => trimFor.run(actorId, keep).changes,
    accountById: (id: string) => accountById.get(id) as AccountRow | undefined,
    /**
     * `passwordHash` is null for an account that signs in with passkeys only. Throws DuplicateError
     * when an account with the same nickname key or skeleton exists.
     */
    insertAccount(account: NewAccount) {
      refusingDuplicates('nickname', () => insertAccount.run({ ...account, nicknameKey: nicknameKey(account.nickname) }));
    },
    accountByNickname: (nickname: string) => accountByNickname.get(nicknameKey(nickname)) as AccountRow | undefined,
    nicknameInUse: (skeleton: string, now: number) => skeletonTaken.get(skeleton) !== undefined || held.get(skeleton, now) !== undefined,
    setPasswordHash(actorId: string, passwordHash: string | null) {
      setPasswordHash.run(passwordHash, actorId);
    },
    holdNickname(skeleton: string, until: number) {
      holdNickname.run(skeleton, until);
    },
    anonymise(actorId: string, at: number) {
      anonymise.run(at, actorId);
      removeSessions.run(actorId);
      removePasskeys.run(actorId);
      removeCodes.run(actorId);
    },
    withoutSkeleton: () => withoutSkeleton.all() as { id: string; nickname: string }[],
    setSkeleton(actorId: string, skeleton: string) {
      refusingDuplicates('nickname', () => setSkeleton.run(skeleton, actorId));
    },
  };
}
