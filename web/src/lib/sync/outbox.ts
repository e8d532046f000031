// Recording a user action: the optimistic change and its outbox entry are written in one
// transaction, so the screen updates at once and the action cannot be half-recorded.
import { mutationArgs, type Fix, type MutationArgs, type MutationName } from '@dongne/shared';
import type { DongneDb, OutboxEntry } from '../db/db.js';
import { currentOwner, getMeta, setMeta } from '../db/meta.js';
import { applyLocally } from './local-apply.js';

type Listener = () => void;
const listeners = new Set<Listener>();

/** The sync engine listens here to push shortly after each local mutation. */
export function onLocalMutation(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Adds a mutation to the outbox; call inside a transaction that covers outbox, meta, listings and neighbourhoods. */
export async function enqueue<N extends MutationName>(db: DongneDb, name: N, args: MutationArgs<N>, entityId: string, fix?: Fix) {
  const checked = mutationArgs[name].parse(args) as MutationArgs<N>;
  const now = Date.now();
  const seq = ((await getMeta(db, 'nextSeq')) ?? 1);
  await setMeta(db, 'nextSeq', seq + 1);
  const ownerId = await currentOwner(db);
  const entry: OutboxEntry = { seq, mutationId: crypto.randomUUID(), name, args: checked, createdAt: now, entityId, ownerId, ...(fix && { fix }) };
  await db.outbox.add(entry);
  await applyLocally(db, name, checked, now);
  return entry;
}

export function notifyLocalMutation() {
  for (const listener of listeners) listener();
}

/** Re-applies every unconfirmed mutation over freshly pulled rows, oldest first. */
export async function rebaseOutbox(db: DongneDb) {
  const pending = await db.outbox.where('ownerId').equals(await currentOwner(db)).sortBy('seq');
  for (const entry of pending) {
    await applyLocally(db, entry.name, entry.args as never, entry.createdAt);
  }
}
