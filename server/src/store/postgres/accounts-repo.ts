// Actors, accounts, sessions, passkeys, profiles and held neighbourhoods on PostgreSQL.
import { nicknameKey } from '@dongne/shared';
import type { AccountRow, AccountsRepos, ChallengeRow, HeldNeighbourhood, PasskeyRow, ProfileRow, SessionRow } from '../contract/accounts.js';
import { DuplicateError } from '../contract/duplicate-error.js';
import { changed, row, rows, type Queryable } from './queryable.js';

const ACCOUNT = 'id, nickname, created_at AS "createdAt", password_hash AS "passwordHash"';
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
      async insert(tokenHash, actorId, createdAt, expiresAt) {
        await db.query('INSERT INTO sessions (token_hash, actor_id, created_at, expires_at) VALUES ($1, $2, $3, $4)', [tokenHash, actorId, createdAt, expiresAt]);
      },
      find: (tokenHash) =>
        row<SessionRow>(
          db,
          `SELECT s.actor_id AS "actorId", s.expires_at AS "expiresAt", a.nickname, a.created_at AS "createdAt"
           FROM sessions s JOIN actors a ON a.id = s.actor_id WHERE s.token_hash = $1`,
          [tokenHash],
        ),
      async extend(tokenHash, expiresAt) {
        await db.query('UPDATE sessions SET expires_at = $2 WHERE token_hash = $1', [tokenHash, expiresAt]);
      },
      async remove(tokenHash) {
        await db.query('DELETE FROM sessions WHERE token_hash = $1', [tokenHash]);
      },
      removeExpired: (now) => changed(db, 'DELETE FROM sessions WHERE expires_at < $1', [now]),
      accountById: (id) => row<AccountRow>(db, `SELECT ${ACCOUNT} FROM actors WHERE kind = 'account' AND id = $1`, [id]),
      async insertAccount(account) {
        try {
          await db.query(
            `INSERT INTO actors (id, nickname, nickname_key, created_at, kind, password_hash) VALUES ($1, $2, $3, $4, 'account', $5)`,
            [account.id, account.nickname, nicknameKey(account.nickname), account.createdAt, account.passwordHash],
          );
        } catch (error) {
          if ((error as { code?: string }).code === UNIQUE_VIOLATION) throw new DuplicateError('nickname');
          throw error;
        }
      },
      accountByNickname: (nickname) => row<AccountRow>(db, `SELECT ${ACCOUNT} FROM actors WHERE kind = 'account' AND nickname_key = $1`, [nicknameKey(nickname)]),
    },
    passkeys: {
      async insert(r: PasskeyRow, createdAt) {
        await db.query('INSERT INTO passkeys (credential_id, actor_id, public_key, counter, transports, created_at) VALUES ($1, $2, $3, $4, $5, $6)', [
          r.credentialId,
          r.actorId,
          Buffer.from(r.publicKey),
          r.counter,
          JSON.stringify(r.transports),
          createdAt,
        ]);
      },
      async byId(credentialId) {
        const r = await row<{ credentialId: string; actorId: string; publicKey: Buffer; counter: number; transports: string | null }>(
          db,
          `SELECT credential_id AS "credentialId", actor_id AS "actorId", public_key AS "publicKey", counter, transports FROM passkeys WHERE credential_id = $1`,
          [credentialId],
        );
        return r && { ...r, publicKey: new Uint8Array(r.publicKey), transports: r.transports ? (JSON.parse(r.transports) as string[]) : [] };
      },
      async setCounter(credentialId, counter) {
        await db.query('UPDATE passkeys SET counter = $2 WHERE credential_id = $1', [credentialId, counter]);
      },
      async saveChallenge(id, r: ChallengeRow) {
        await db.query('INSERT INTO webauthn_challenges (id, challenge, purpose, nickname, actor_id, expires_at) VALUES ($1, $2, $3, $4, $5, $6)', [
          id,
          r.challenge,
          r.purpose,
          r.nickname,
          r.actorId,
          r.expiresAt,
        ]);
      },
      takeChallenge: (id) =>
        row<ChallengeRow>(
          db,
          'DELETE FROM webauthn_challenges WHERE id = $1 RETURNING challenge, purpose, nickname, actor_id AS "actorId", expires_at AS "expiresAt"',
          [id],
        ),
      pruneChallenges: (now) => changed(db, 'DELETE FROM webauthn_challenges WHERE expires_at < $1', [now]),
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
