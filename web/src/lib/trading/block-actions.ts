// Blocking (차단) a neighbour: they can no longer message me, and our listings leave each other's
// feed and search. Recorded like every change: the optimistic change and its outbox entry together.
import type { DongneDb } from '../db/db.js';
import { currentOwner } from '../db/meta.js';
import { enqueue, notifyLocalMutation } from '../sync/outbox.js';

/** The outbox entity a block is filed under, so a person's waiting block is found again. */
export const blockEntity = (actorId: string) => `block:${actorId}`;

/**
 * Blocks or unblocks `actorId`. A change to the same person that has not been sent yet is replaced,
 * not followed by another: what waits is the one state the person chose last.
 */
export async function setBlocked(db: DongneDb, actorId: string, blocked: boolean): Promise<void> {
  await db.transaction('rw', db.replicaTables, async () => {
    const owner = await currentOwner(db);
    const unsent = await db.outbox
      .where('entityId')
      .equals(blockEntity(actorId))
      .filter((e) => e.ownerId === owner && e.name === 'block.set' && !e.wire)
      .primaryKeys();
    await db.outbox.bulkDelete(unsent);
    await enqueue(db, 'block.set', { actorId, blocked }, blockEntity(actorId));
  });
  notifyLocalMutation();
}
