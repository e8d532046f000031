// Telling a person something: the notification goes into their inbox (every device of theirs pulls
// it) and, when one of their devices subscribed to Web Push, its push into the outbox, in the same
// transaction. Every kind of notification is made here, so every kind is pushed alike.
import type { NewNotification } from '../store/contract/alerts.js';
import { queuePush } from '../push/push-queue.js';
import type { MutationContext } from './mutation-context.js';

/** False when the person was told of this subject in this kind already (nothing new is made). */
export async function notify(ctx: MutationContext, notification: Omit<NewNotification, 'id' | 'createdAt'>): Promise<boolean> {
  const row: NewNotification = { id: crypto.randomUUID(), createdAt: ctx.now, ...notification };
  if (!(await ctx.tx.notifications.insert(row, await ctx.tx.sync.nextChangeSeq()))) return false;
  ctx.accountChanged(row.actorId);
  if ((await queuePush(ctx.tx, row, ctx.now)) === 'due') ctx.pushDue();
  return true;
}
