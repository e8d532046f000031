// Sessions by token hash, and the account rows sign-in needs.
import { nicknameKey } from '@dongne/shared';
import type { AccountRow, SessionRow } from '../contract/accounts.js';
import type { Db } from './database.js';
import { refusingDuplicates } from './refusing-duplicates.js';

export function createSessionsStore(db: Db) {
  const insert = db.prepare('INSERT INTO sessions (token_hash, actor_id, created_at, expires_at) VALUES (?, ?, ?, ?)');
  const find = db.prepare(`
    SELECT s.actor_id AS actorId, s.expires_at AS expiresAt, a.nickname, a.created_at AS createdAt
    FROM sessions s JOIN actors a ON a.id = s.actor_id WHERE s.token_hash = ?`);
  const extend = db.prepare('UPDATE sessions SET expires_at = ? WHERE token_hash = ?');
  const remove = db.prepare('DELETE FROM sessions WHERE token_hash = ?');
  const removeExpired = db.prepare('DELETE FROM sessions WHERE expires_at < ?');
  const insertAccount = db.prepare(`
    INSERT INTO actors (id, nickname, nickname_key, token_hash, created_at, kind, password_hash)
    VALUES (@id, @nickname, @nicknameKey, NULL, @createdAt, 'account', @passwordHash)`);
  const accountById = db.prepare(`
    SELECT id, nickname, created_at AS createdAt, password_hash AS passwordHash FROM actors WHERE kind = 'account' AND id = ?`);
  const accountByNickname = db.prepare(`
    SELECT id, nickname, created_at AS createdAt, password_hash AS passwordHash FROM actors
    WHERE kind = 'account' AND nickname_key = ?`);

  return {
    insert(tokenHash: string, actorId: string, createdAt: number, expiresAt: number) {
      insert.run(tokenHash, actorId, createdAt, expiresAt);
    },
    find: (tokenHash: string) => find.get(tokenHash) as SessionRow | undefined,
    extend(tokenHash: string, expiresAt: number) {
      extend.run(expiresAt, tokenHash);
    },
    remove(tokenHash: string) {
      remove.run(tokenHash);
    },
    removeExpired: (now: number) => removeExpired.run(now).changes,
    accountById: (id: string) => accountById.get(id) as AccountRow | undefined,
    /**
     * `passwordHash` is null for an account that signs in with passkeys only. Throws DuplicateError
     * when an account with the same nickname key exists.
     */
    insertAccount(account: { id: string; nickname: string; createdAt: number; passwordHash: string | null }) {
      refusingDuplicates('nickname', () => insertAccount.run({ ...account, nicknameKey: nicknameKey(account.nickname) }));
    },
    accountByNickname: (nickname: string) => accountByNickname.get(nicknameKey(nickname)) as AccountRow | undefined,
  };
}
