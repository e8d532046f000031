// Actors, accounts, sessions, passkeys, profiles and held neighbourhoods on PostgreSQL.
import { nicknameKey } from '@dongne/shared';
import type {
  AccountRow,
  AccountsRepos,
  ChallengeRow,
  DeviceSessionRow,
  HeldNeighbourhood,
  PasskeyRow,
  PasskeySummaryRow,
  ProfileRow,
  SecurityEventRow,
  SessionRow,
} from '../contract/accounts.js';
import { DuplicateError } from '../contract/duplicate-error.js';
import { changed, row, rows, type Queryable } from './queryable.js';
import { insertRefusingDuplicates } from './refusing-duplicates.js';

const ACCOUNT = `id, nickname, created_at AS "createdAt", password_hash AS "passwordHash" FROM actors
  WHERE kind = 'account' AND deleted_at IS NULL`;
/** PostgreSQL's code for a broken unique constraint. */
const UNIQUE_VIOLATION = '23505';

export function createAccountsRepos(db: Queryable): AccountsRepos {
  return {
    actors: {
      async insert(actor) {
        await db.query('INSERT INTO actors (id, nickname, created_at) VALUES ($1, $2, $3)', [actor.id, actor.nickname, actor.createdAt]);
      },
      byId: (id) => row(db, 'SELECT id, nickname, created_at AS "createdAt" FROM actors WHERE id = $1', [id]),
      async setMannerTemperature(id, value) {
        await db.query('UPDATE actors SET manner_temperature = $2 WHERE id = $1', [id, value]);
      },
    },
    sessions: {
      async insert(r) {
        await db.query(
          `INSERT INTO sessions (token_hash, id, actor_id, created_at, expires_at, user_agent, address, last_seen_at, verified_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $4, $4)`,
          [r.tokenHash, r.id, r.actorId, r.createdAt, r.expiresAt, r.userAgent, r.address],
        );
      },
      find: (tokenHash) =>
        row<SessionRow>(
          db,
          `SELECT s.id, s.actor_id AS "actorId", s.expires_at AS "expiresAt", a.nickname, a.created_at AS "createdAt",
             s.created_at AS "startedAt", s.last_seen_at AS "lastSeenAt", s.verified_at AS "verifiedAt"
           FROM sessions s JOIN actors a ON a.id = s.actor_id WHERE s.token_hash = $1`,
          [tokenHash],
        ),
      async extend(tokenHash, expiresAt) {
        await db.query('UPDATE sessions SET expires_at = $2 WHERE token_hash = $1', [tokenHash, expiresAt]);
      },
      async touch(tokenHash, lastSeenAt) {
        await db.query('UPDATE sessions SET last_seen_at = $2 WHERE token_hash = $1', [tokenHash, lastSeenAt]);
      },
      async setVerified(tokenHash, at) {
        await db.query('UPDATE sessions SET verified_at = $2 WHERE token_hash = $1', [tokenHash, at]);
      },
      async remove(tokenHash) {
        await db.query('DELETE FROM sessions WHERE token_hash = $1', [tokenHash]);
      },
      removeExpired: (now, startedBefore) => changed(db, 'DELETE FROM sessions WHERE expires_at < $1 OR created_at < $2', [now, startedBefore]),
      forActor: (actorId) =>
        rows<DeviceSessionRow>(
          db,
          `SELECT id, created_at AS "startedAt", last_seen_at AS "lastSeenAt", user_agent AS "userAgent", address
           FROM sessions WHERE actor_id = $1 ORDER BY last_seen_at DESC, created_at DESC`,
          [actorId],
        ),
      removeById: (actorId, id) => changed(db, 'DELETE FROM sessions WHERE actor_id = $1 AND id = $2', [actorId, id]),
      removeAllFor: (actorId, except) => changed(db, 'DELETE FROM sessions WHERE actor_id = $1 AND token_hash IS DISTINCT FROM $2', [actorId, except ?? null]),
      trimFor: (actorId, keep) =>
        changed(
          db,
          `DELETE FROM sessions WHERE token_hash IN (
             SELECT token_hash FROM sessions WHERE actor_id = $1 ORDER BY created_at DESC, token_hash OFFSET $2)`,
          [actorId, keep],
        ),
      accountById: (id) => row<AccountRow>(db, `SELECT ${ACCOUNT} AND id = $1`, [id]),
      async insertAccount(account) {
        try {
          await db.query(
            `INSERT INTO actors (id, nickname, nickname_key, nickname_skeleton, created_at, kind, password_hash) VALUES ($1, $2, $3, $4, $5, 'account', $6)`,
            [account.id, account.nickname, nicknameKey(account.nickname), account.skeleton, account.createdAt, account.passwordHash],
          );
        } catch (error) {
          if ((error as { code?: string }).code === UNIQUE_VIOLATION) throw new DuplicateError('nickname');
          throw error;
        }
      },
      accountByNickname: (nickname) => row<AccountRow>(db, `SELECT ${ACCOUNT} AND nickname_key = $1`, [nicknameKey(nickname)]),
      async nicknameInUse(skeleton, now) {
        const found = await row(
          db,
          `SELECT 1 AS found WHERE EXISTS (SELECT 1 FROM actors WHERE kind = 'account' AND nickname_skeleton = $1)
             OR EXISTS (SELECT 1 FROM held_nicknames WHERE skeleton = $1 AND held_until > $2)`,
          [skeleton, now],
        );
        return found !== undefined;
      },
      async setPasswordHash(actorId, passwordHash) {
        await db.query(`UPDATE actors SET password_hash = $2 WHERE id = $1 AND kind = 'account'`, [actorId, passwordHash]);
      },
      async holdNickname(skeleton, until) {
        await db.query(
          `INSERT INTO held_nicknames (skeleton, held_until) VALUES ($1, $2)
           ON CONFLICT (skeleton) DO UPDATE SET held_until = GREATEST(held_nicknames.held_until, excluded.held_until)`,
          [skeleton, until],
        );
      },
      async anonymise(actorId, at) {
        await db.query(
          `UPDATE actors SET nickname = '', nickname_key = NULL, nickname_skeleton = NULL, password_hash = NULL,
             photo = NULL, photo_type = NULL, photo_updated_at = NULL, deleted_at = $2 WHERE id = $1`,
          [actorId, at],
        );
        await db.query('DELETE FROM sessions WHERE actor_id = $1', [actorId]);
        await db.query('DELETE FROM passkeys WHERE actor_id = $1', [actorId]);
        await db.query('DELETE FROM recovery_codes WHERE actor_id = $1', [actorId]);
      },
      withoutSkeleton: () =>
        rows<{ id: string; nickname: string }>(db, `SELECT id, nickname FROM actors WHERE kind = 'account' AND deleted_at IS NULL AND nickname_skeleton IS NULL`),
      async setSkeleton(actorId, skeleton) {
        // Skipped rather than caught: a failed statement would abort the caller's transaction.
        const taken = await row(db, `SELECT 1 AS taken FROM actors WHERE kind = 'account' AND nickname_skeleton = $1 AND id <> $2`, [skeleton, actorId]);
        if (taken) throw new DuplicateError('nickname');
        await db.query('UPDATE actors SET nickname_skeleton = $2 WHERE id = $1', [actorId, skeleton]);
      },
    },
    passkeys: {
      async insert(r, createdAt) {
        await insertRefusingDuplicates(
          db,
          'passkey',
          `INSERT INTO passkeys (credential_id, actor_id, public_key, counter, transports, created_at, rp_id, name)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT DO NOTHING`,
          [r.credentialId, r.actorId, Buffer.from(r.publicKey), r.counter, JSON.stringify(r.transports), createdAt, r.rpId, r.name],
        );
      },
      async byId(credentialId) {
        const r = await row<Omit<PasskeyRow, 'publicKey' | 'transports'> & { publicKey: Buffer; transports: string | null }>(
          db,
          `SELECT credential_id AS "credentialId", actor_id AS "actorId", public_key AS "publicKey", counter, transports, rp_id AS "rpId"
           FROM passkeys WHERE credential_id = $1`,
          [credentialId],
        );
        return r && { ...r, counter: Number(r.counter), publicKey: new Uint8Array(r.publicKey), transports: r.transports ? (JSON.parse(r.transports) as string[]) : [] };
      },
      forActor: (actorId) =>
        rows<PasskeySummaryRow>(
          db,
          `SELECT credential_id AS "credentialId", name, created_at AS "createdAt", last_used_at AS "lastUsedAt"
           FROM passkeys WHERE actor_id = $1 ORDER BY created_at, credential_id`,
          [actorId],
        ),
      async countFor(actorId) {
        const r = await row<{ n: number }>(db, 'SELECT count(*)::int AS n FROM passkeys WHERE actor_id = $1', [actorId]);
        return r?.n ?? 0;
      },
      remove: (actorId, credentialId) => changed(db, 'DELETE FROM passkeys WHERE actor_id = $1 AND credential_id = $2', [actorId, credentialId]),
      async used(credentialId, counter, at, rpId) {
        await db.query('UPDATE passkeys SET counter = $2, last_used_at = $3, rp_id = coalesce(rp_id, $4) WHERE credential_id = $1', [credentialId, counter, at, rpId]);
      },
      async saveChallenge(id, r: ChallengeRow) {
        await db.query(
          'INSERT INTO webauthn_challenges (id, challenge, purpose, nickname, actor_id, expires_at, session_hash) VALUES ($1, $2, $3, $4, $5, $6, $7)',
          [id, r.challenge, r.purpose, r.nickname, r.actorId, r.expiresAt, r.sessionHash],
        );
      },
      takeChallenge: (id) =>
        row<ChallengeRow>(
          db,
          `DELETE FROM webauthn_challenges WHERE id = $1
           RETURNING challenge, purpose, nickname, actor_id AS "actorId", expires_at AS "expiresAt", session_hash AS "sessionHash"`,
          [id],
        ),
      pruneChallenges: (now) => changed(db, 'DELETE FROM webauthn_challenges WHERE expires_at < $1', [now]),
    },
    recoveryCodes: {
      async replace(actorId, codeHashes, at) {
        await db.query('DELETE FROM recovery_codes WHERE actor_id = $1', [actorId]);
        for (const hash of codeHashes) await db.query('INSERT INTO recovery_codes (actor_id, code_hash, created_at) VALUES ($1, $2, $3)', [actorId, hash, at]);
      },
      use: async (actorId, codeHash, at) =>
        (await changed(db, 'UPDATE recovery_codes SET used_at = $3 WHERE actor_id = $1 AND code_hash = $2 AND used_at IS NULL', [actorId, codeHash, at])) === 1,
      async remaining(actorId) {
        const r = await row<{ n: number }>(db, 'SELECT count(*)::int AS n FROM recovery_codes WHERE actor_id = $1 AND used_at IS NULL', [actorId]);
        return r?.n ?? 0;
      },
    },
    securityEvents: {
      async add(actorId, kind, device, at) {
        await db.query('INSERT INTO security_events (actor_id, kind, device, at) VALUES ($1, $2, $3, $4)', [actorId, kind, device, at]);
      },
      recent: async (actorId, limit) =>
        (
          await rows<SecurityEventRow>(db, 'SELECT id, kind, device, at FROM security_events WHERE actor_id = $1 ORDER BY at DESC, id DESC LIMIT $2', [
            actorId,
            limit,
          ])
        ).map((r) => ({ ...r, id: Number(r.id), at: Number(r.at) })),
    },
    profiles: {
      profile: (id) =>
        row<ProfileRow>(
          db,
          `SELECT a.id, a.nickname, a.created_at AS "joinedAt", a.photo_updated_at AS "photoUpdatedAt",
             (SELECT count(*)::int FROM listings l WHERE l.seller_id = a.id AND l.deleted_at IS NULL AND NOT l.hidden) AS "listingCount"
           FROM actors a WHERE a.id = $1`,
          [id],
        ),
      async setPhoto(id, bytes, type, at) {
        await db.query('UPDATE actors SET photo = $2, photo_type = $3, photo_updated_at = $4 WHERE id = $1', [id, bytes && Buffer.from(bytes), type, at]);
      },
      async photo(id) {
        const r = await row<{ photo: Buffer; type: string }>(db, 'SELECT photo, photo_type AS type FROM actors WHERE id = $1 AND photo IS NOT NULL', [id]);
        return r && { photo: new Uint8Array(r.photo), type: r.type };
      },
    },
    actorNeighbourhoods: {
      held: (actorId) =>
        rows<HeldNeighbourhood>(
          db,
          'SELECT neighbourhood_id AS "neighbourhoodId", active FROM actor_neighbourhoods WHERE actor_id = $1 ORDER BY active DESC, added_at, neighbourhood_id',
          [actorId],
        ),
      async set(actorId, ids, activeId, now) {
        await db.query('DELETE FROM actor_neighbourhoods WHERE actor_id = $1 AND NOT (neighbourhood_id = ANY($2::text[]))', [actorId, ids]);
        for (const id of ids) {
          await db.query(
            `INSERT INTO actor_neighbourhoods (actor_id, neighbourhood_id, active, added_at) VALUES ($1, $2, $3, $4)
             ON CONFLICT (actor_id, neighbourhood_id) DO UPDATE SET active = excluded.active`,
            [actorId, id, id === activeId, now],
          );
        }
      },
    },
  };
}
