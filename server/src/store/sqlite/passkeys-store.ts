// Passkey credentials and the one-time challenges of a WebAuthn ceremony.
import type { ChallengeRow, PasskeyRow, PasskeySummaryRow } from '../contract/accounts.js';
import type { Db } from './database.js';
import { refusingDuplicates } from './refusing-duplicates.js';

export function createPasskeysStore(db: Db) {
  const insert = db.prepare(`
    INSERT INTO passkeys (credential_id, actor_id, public_key, counter, transports, created_at, rp_id, name)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
  const byId = db.prepare(`
    SELECT credential_id AS credentialId, actor_id AS actorId, public_key AS publicKey, counter, transports, rp_id AS rpId
    FROM passkeys WHERE credential_id = ?`);
  const forActor = db.prepare(`
    SELECT credential_id AS credentialId, name, created_at AS createdAt, last_used_at AS lastUsedAt
    FROM passkeys WHERE actor_id = ? ORDER BY created_at, credential_id`);
  const countFor = db.prepare('SELECT count(*) FROM passkeys WHERE actor_id = ?').pluck();
  const remove = db.prepare('DELETE FROM passkeys WHERE actor_id = ? AND credential_id = ?');
  const used = db.prepare('UPDATE passkeys SET counter = ?, last_used_at = ?, rp_id = coalesce(rp_id, ?) WHERE credential_id = ?');
  const insertChallenge = db.prepare(`
    INSERT INTO webauthn_challenges (id, challenge, purpose, nickname, actor_id, expires_at, session_hash)
    VALUES (@id, @challenge, @purpose, @nickname, @actorId, @expiresAt, @sessionHash)`);
  // Taking a challenge deletes it: each can be answered once.
  const takeChallenge = db.prepare(`
    DELETE FROM webauthn_challenges WHERE id = ?
    RETURNING challenge, purpose, nickname, actor_id AS actorId, expires_at AS expiresAt, session_hash AS sessionHash`);
  const pruneChallenges = db.prepare('DELETE FROM webauthn_challenges WHERE expires_at < ?');

  return {
    insert(row: PasskeyRow & { name: string }, createdAt: number) {
      refusingDuplicates(
        'passkey',
        () => insert.run(row.credentialId, row.actorId, Buffer.from(row.publicKey), row.counter, JSON.stringify(row.transports), createdAt, row.rpId, row.name),
        { primaryKey: true },
      );
    },
    byId(credentialId: string): PasskeyRow | undefined {
      const row = byId.get(credentialId) as (Omit<PasskeyRow, 'transports'> & { transports: string | null }) | undefined;
      return row && { ...row, publicKey: new Uint8Array(row.publicKey), transports: row.transports ? (JSON.parse(row.transports) as string[]) : [] };
    },
    forActor: (actorId: string) => forActor.all(actorId) as PasskeySummaryRow[],
    countFor: (actorId: string) => Number(countFor.get(actorId)),
    remove: (actorId: string, credentialId: string) => remove.run(actorId, credentialId).changes,
    used(credentialId: string, counter: number, at: number, rpId: string) {
      used.run(counter, at, rpId, credentialId);
    },
    saveChallenge(id: string, row: ChallengeRow) {
      insertChallenge.run({ id, ...row });
    },
    takeChallenge: (id: string) => takeChallenge.get(id) as ChallengeRow | undefined,
    pruneChallenges: (now: number) => pruneChallenges.run(now).changes,
  };
}
