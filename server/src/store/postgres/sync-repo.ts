// Devices, processed mutations and the change counter on PostgreSQL: where the store contract's
// two invariants are kept with row locks held until the transaction ends.
import type { MutationResult } from '@dongne/shared';
import type { ClientRow, SyncRepo } from '../contract/sync.js';
import { row, type Queryable } from './queryable.js';

export function createSyncRepo(db: Queryable): SyncRepo {
  return {
    async nextChangeSeq() {
      // Locks the counter's row until this transaction ends: the next writer waits here, so numbers
      // are committed in the order they are taken and a pull never skips one (invariant 1).
      return (await row<{ value: number }>(db, 'UPDATE change_counter SET value = value + 1 WHERE id = 1 RETURNING value'))!.value;
    },
    async holdChanges() {
      // The same row lock nextChangeSeq takes, with no number: a writer that read before another's
      // commit would otherwise write back what it read over what the other wrote.
      await db.query('SELECT value FROM change_counter WHERE id = 1 FOR UPDATE');
    },
    async client(clientId) {
      const r = await row<{ actor_id: string; last_seq: number }>(db, 'SELECT actor_id, last_seq FROM clients WHERE client_id = $1', [clientId]);
      return r && { actorId: r.actor_id, lastSeq: r.last_seq };
    },
    async claimClient(clientId, actorId): Promise<ClientRow> {
      // Created if new, and in either case locked until this push commits (the no-op update takes the
      // row lock): another instance's push for the same device waits here (invariant 2).
      const r = await row<{ actor_id: string; last_seq: number }>(
        db,
        `INSERT INTO clients (client_id, actor_id) VALUES ($1, $2)
         ON CONFLICT (client_id) DO UPDATE SET client_id = excluded.client_id
         RETURNING actor_id, last_seq`,
        [clientId, actorId],
      );
      return { actorId: r!.actor_id, lastSeq: r!.last_seq };
    },
    async setLastSeq(clientId, seq) {
      await db.query('UPDATE clients SET last_seq = greatest(last_seq, $2) WHERE client_id = $1', [clientId, seq]);
    },
    async processedAt(clientId, seq): Promise<MutationResult | undefined> {
      const r = await row<{ mutation_id: string; seq: number; status: 'applied' | 'rejected'; code: string | null; message: string | null }>(
        db,
        'SELECT mutation_id, seq, status, code, message FROM processed_mutations WHERE client_id = $1 AND seq = $2',
        [clientId, seq],
      );
      if (!r) return undefined;
      return r.status === 'applied'
        ? { mutationId: r.mutation_id, seq: r.seq, status: 'applied' }
        : { mutationId: r.mutation_id, seq: r.seq, status: 'rejected', code: r.code ?? '', message: r.message ?? '' };
    },
    async recordProcessed(clientId, result, processedAt) {
      await db.query(
        'INSERT INTO processed_mutations (client_id, mutation_id, seq, status, code, message, processed_at) VALUES ($1, $2, $3, $4, $5, $6, $7)',
        [
          clientId,
          result.mutationId,
          result.seq,
          result.status,
          result.status === 'rejected' ? result.code : null,
          result.status === 'rejected' ? result.message : null,
          processedAt,
        ],
      );
    },
  };
}
