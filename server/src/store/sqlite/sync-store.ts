// Bookkeeping for exactly-once sync: devices, processed mutations, and the change counter.
import type { MutationResult } from '@dongne/shared';
import type { ClientRow } from '../contract/sync.js';
import type { Db } from './database.js';

export function createSyncStore(db: Db) {
  const nextChange = db.prepare('UPDATE change_counter SET value = value + 1 WHERE id = 1 RETURNING value').pluck();
  const client = db.prepare('SELECT actor_id AS actorId, last_seq AS lastSeq FROM clients WHERE client_id = ?');
  const insertClient = db.prepare('INSERT INTO clients (client_id, actor_id) VALUES (?, ?) ON CONFLICT (client_id) DO NOTHING');
  const setLastSeq = db.prepare('UPDATE clients SET last_seq = max(last_seq, ?) WHERE client_id = ?');
  const processed = db.prepare(
    'SELECT mutation_id, seq, status, code, message FROM processed_mutations WHERE client_id = ? AND seq = ?',
  );
  const recordProcessed = db.prepare(`
    INSERT INTO processed_mutations (client_id, mutation_id, seq, status, code, message, processed_at)
    VALUES (@clientId, @mutationId, @seq, @status, @code, @message, @processedAt)`);

  return {
    nextChangeSeq: () => nextChange.get() as number,
    /** The transaction's BEGIN IMMEDIATE already holds SQLite's one write lock. */
    holdChanges() {},
    client: (clientId: string) => client.get(clientId) as ClientRow | undefined,
    /** The push's BEGIN IMMEDIATE already holds SQLite's one write lock: creating is all there is to do. */
    claimClient(clientId: string, actorId: string): ClientRow {
      insertClient.run(clientId, actorId);
      return client.get(clientId) as ClientRow;
    },
    setLastSeq(clientId: string, seq: number) {
      setLastSeq.run(seq, clientId);
    },
    /** The result recorded for this device's mutation number `seq`, whichever mutation that was. */
    processedAt(clientId: string, seq: number): MutationResult | undefined {
      const row = processed.get(clientId, seq) as
        | { mutation_id: string; seq: number; status: 'applied' | 'rejected'; code: string | null; message: string | null }
        | undefined;
      if (!row) return undefined;
      return row.status === 'applied'
        ? { mutationId: row.mutation_id, seq: row.seq, status: 'applied' }
        : { mutationId: row.mutation_id, seq: row.seq, status: 'rejected', code: row.code ?? '', message: row.message ?? '' };
    },
    recordProcessed(clientId: string, result: MutationResult, processedAt: number) {
      recordProcessed.run({
        clientId,
        mutationId: result.mutationId,
        seq: result.seq,
        status: result.status,
        code: result.status === 'rejected' ? result.code : null,
        message: result.status === 'rejected' ? result.message : null,
        processedAt,
      });
    },
  };
}
