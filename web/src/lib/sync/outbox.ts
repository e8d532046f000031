// Recording a user action: the optimistic change and its outbox entry are written in one
// transaction, so the screen updates at once and the action cannot be half-recorded.
import { mutationArgs, type Fix, type MutationArgs, type MutationName } from '@dongne/shared';
import type { DongneDb, OutboxEntry } from '../db/db.js';
import { currentOwner, getMeta, setMeta } from '../db/meta.js';
import { applyLocally } from './local-apply.js';

export { notifyLocalMutation, onLocalMutation } from './local-mutation-signal.js';

/** Adds a mutation to the outbox; call inside a transaction that covers the tables its local apply writes (db.replicaTables covers every kind). */
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

/** Re-applies every unconfirmed mutation over freshly pulled rows, oldest first. */
export async function rebaseOutbox(db: DongneDb) {
  const pending = await db.outbox.where('ownerId').equals(await currentOwner(db)).sortBy('seq');
  for (const entry of pending) {
    await applyLocally(db, entry.name, entry.args as never, entry.createdAt);
  }
}

/** Whether the entry has been (or is being) sent under `clientId`: its wire number is taken then. */
export const isSentUnder = (entry: OutboxEntry, clientId: string) => entry.wire?.clientId === clientId;

/**
 * Gives wire numbers to the entries of `batch` (the oldest of one owner's outbox, in order) that have
 * none under `clientId` yet, continuing this device's run, and returns the batch as stored now: an
 * entry changed since it was read (an autosave folded into it) goes out as changed, and the batch
 * stops before one removed meanwhile (a like taken back).
 */
export async function numberForWire(db: DongneDb, batch: OutboxEntry[], clientId: string): Promise<OutboxEntry[]> {
  return db.transaction('rw', [db.outbox, db.meta], async () => {
    const sentSeqs = (await getMeta(db, 'sentSeqs')) ?? {};
    let last = sentSeqs[clientId] ?? 0;
    const numbered: OutboxEntry[] = [];
    for (const { seq } of batch) {
      const entry = await db.outbox.get(seq);
      if (!entry) break;
      if (!isSentUnder(entry, clientId)) {
        entry.wire = { clientId, seq: ++last };
        await db.outbox.update(seq, { wire: entry.wire });
      }
      numbered.push(entry);
    }
    await setMeta(db, 'sentSeqs', { ...sentSeqs, [clientId]: last });
    return numbered;
  });
}

/**
 * The server refused a batch as out of order: it has processed this device's mutations up to
 * `expectedSeq - 1`, and names those of the batch it has not (`unprocessed`). Those, and any
 * numbered after them, go out again numbered from `expectedSeq`, in order. Safe because the server
 * never applies a mutation under a number it was not expecting.
 */
export async function renumberFrom(db: DongneDb, owner: string, clientId: string, expectedSeq: number, unprocessed: readonly string[]): Promise<void> {
  const again = new Set(unprocessed);
  await db.transaction('rw', [db.outbox, db.meta], async () => {
    const entries = await db.outbox.where('ownerId').equals(owner).sortBy('seq');
    let next = expectedSeq;
    for (const entry of entries) {
      if (!entry.wire || !isSentUnder(entry, clientId)) continue;
      if (!again.has(entry.mutationId) && entry.wire.seq < expectedSeq) continue;
      await db.outbox.update(entry.seq, { wire: { clientId, seq: next++ } });
    }
    const sentSeqs = (await getMeta(db, 'sentSeqs')) ?? {};
    await setMeta(db, 'sentSeqs', { ...sentSeqs, [clientId]: next - 1 });
  });
}

/**
 * The newest entry about `entityId` if it has not been sent yet, so an action can fold into it
 * rather than queue another change (an autosave into the last one, an unlike into the like).
 */
export async function unsentTail(db: DongneDb, owner: string, entityId: string): Promise<OutboxEntry | undefined> {
  const entries = await db.outbox.where('entityId').equals(entityId).filter((e) => e.ownerId === owner).sortBy('seq');
  const last = entries.at(-1);
  return last && !last.wire ? last : undefined;
}

/**
 * Queues an on/off change (a like, a 공감) so that what waits is what will be sent: an unsent one
 * about the same thing is replaced, and one that only undoes a waiting one sends nothing (its
 * optimistic side is still applied). `isOn` reads a mutation's state from its args; `serverHas`
 * says what the server held at the last pull. Answers whether the outbox changed.
 */
export async function queueToggle<N extends MutationName>(
  db: DongneDb,
  change: { name: N; args: MutationArgs<N>; entityId: string; on: boolean },
  isOn: (args: MutationArgs<N>) => boolean,
  serverHas: () => Promise<boolean>,
): Promise<boolean> {
  return db.transaction('rw', db.replicaTables, async () => {
    const owner = await currentOwner(db);
    const entries = await db.outbox.where('entityId').equals(change.entityId).filter((e) => e.ownerId === owner && e.name === change.name).sortBy('seq');
    const unsent = entries.filter((e) => !e.wire);
    await db.outbox.bulkDelete(unsent.map((e) => e.seq));
    // What the server will hold once what is already on its way arrives.
    const sent = entries.filter((e) => e.wire).at(-1);
    const serverWillHave = sent ? isOn(sent.args as MutationArgs<N>) : await serverHas();
    if (change.on === serverWillHave) {
      await applyLocally(db, change.name, change.args, Date.now());
      return unsent.length > 0;
    }
    await enqueue(db, change.name, change.args, change.entityId);
    return true;
  });
}
