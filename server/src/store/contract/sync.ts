// Bookkeeping for exactly-once sync: devices, processed mutations, and the change counter.
import type { MutationResult } from '@dongne/shared';

export interface ClientRow {
  actorId: string;
  lastSeq: number;
}

export interface SyncRepo {
  /** The next server-wide change number; see the contract's invariant 1. */
  nextChangeSeq(): Promise<number>;
  /**
   * Waits for the turn that `nextChangeSeq` takes, and holds it until the transaction ends, without
   * taking a number: nothing another writer changes can commit between what this transaction reads
   * after it and what it writes. For rows read and written whole that two people act on at once
   * (a conversation). SQLite has one writer at a time, so there it is already held.
   */
  holdChanges(): Promise<void>;
  client(clientId: string): Promise<ClientRow | undefined>;
  /**
   * The device, held for the rest of the transaction (see the contract's invariant 2); created as
   * `actorId`'s if new. Answers who it belongs to and the last seq processed for it.
   */
  claimClient(clientId: string, actorId: string): Promise<ClientRow>;
  setLastSeq(clientId: string, seq: number): Promise<void>;
  /** The result recorded for this device's mutation number `seq`, whichever mutation that was. */
  processedAt(clientId: string, seq: number): Promise<MutationResult | undefined>;
  recordProcessed(clientId: string, result: MutationResult, processedAt: number): Promise<void>;
}
