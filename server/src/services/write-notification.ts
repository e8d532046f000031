// A notification and its push, written in the caller's transaction: the one way every kind of
// notification is made, from a mutation (notify.ts) or from elsewhere (security messages, reminders).
import type { NewNotification } from '../store/contract/alerts.js';
import type { Repositories } from '../store/contract/store.js';
import { queuePush } from '../push/push-queue.js';

/**
 * 'told already' when nothing new was made (this subject, in a kind told once), else what became
 * of its push. A repeat in another kind refreshes the person's one row about the subject, which is
 * pushed again: the push names that row, whose id is the first one's.
 */
export async function writeNotification(tx: Repositories, row: NewNotification): Promise<'told already' | 'due' | 'held' | 'none'> {
  const id = await tx.notifications.insert(row, await tx.sync.nextChangeSeq());
  if (id === undefined) return 'told already';
  return queuePush(tx, { id, actorId: row.actorId }, row.createdAt, { refreshed: id !== row.id });
}
