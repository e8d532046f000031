// A notification and its push, written in the caller's transaction: the one way every kind of
// notification is made, from a mutation (notify.ts) or from elsewhere (security messages).
import type { NewNotification } from '../store/contract/alerts.js';
import type { Repositories } from '../store/contract/store.js';
import { queuePush } from '../push/push-queue.js';

/** 'told already' when nothing new was made (this subject, this kind), else what became of its push. */
export async function writeNotification(tx: Repositories, row: NewNotification): Promise<'told already' | 'due' | 'held' | 'none'> {
  if (!(await tx.notifications.insert(row, await tx.sync.nextChangeSeq()))) return 'told already';
  return queuePush(tx, row, row.createdAt);
}
