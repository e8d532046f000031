// Passkey credentials and the one-time challenges of a WebAuthn ceremony.
import type { ChallengeRow, PasskeyRow } from '../contract/accounts.js';
import type { Db } from './database.js';


export function createPasskeysStore(db: Db) {
  const insert = db.prepare(
    'INSERT INTO passkeys (credential_id, actor_id, public_key, counter, transports, created_at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const byId = db.prepare(
    'SELECT credential_id AS credentialId, actor_id AS actorId, public_key AS publicKey, counter, transports FROM passkeys WHERE credential_id = ?',
  );
  const setCounter = db.prepare('UPDATE passkeys SET counter = ? WHERE credential_id = ?');
  const insertChallenge = db.prepare(
    'INSERT INTO webauthn_challenges (id, challenge, purpose, nickname, actor_id, expires_at) VALUES (@id, @challenge, @purpose, @nickname, @actorId, @expiresAt)',
  );
  // Taking a challenge deletes it: each can be answered once.
  const takeChallenge = db.prepare(`
    DELETE FROM webauthn_challenges WHERE id = ?
    RETURNING challenge, purpose, nickname, actor_id AS actorId, expires_at AS expiresAt`);
  const pruneChallenges = db.prepare('DELETE FROM webauthn_challenges WHERE expires_at < ?');

  return {
    insert(row: PasskeyRow, createdAt: number) {
      insert.run(row.credentialId, row.actorId, Buffer.from(row.publicKey), row.counter, JSON.stringify(row.transports), createdAt);
    },
    byId(credentialId: string): PasskeyRow | undefined {
      const row = byId.get(credentialId) as (Omit<PasskeyRow, 'transports'> & { transports: string | null }) | undefined;
      return row && { ...row, publicKey: new Uint8Array(row.publicKey), transports: row.transports ? (JSON.parse(row.transports) as string[]) : [] };
    },
    setCounter(credentialId: string, counter: number) {
      setCounter.run(counter, credentialId);
    },
    saveChallenge(id: string, row: ChallengeRow) {
      insertChallenge.run({ id, ...row });
    },
    takeChallenge: (id: string) => takeChallenge.get(id) as ChallengeRow | undefined,
    pruneChallenges: (now: number) => pruneChallenges.run(now).changes,
  };
}
