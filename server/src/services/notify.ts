// Telling a person something from a mutation: the notification and its push (write-notification.ts),
// and a poke for their devices and the push dispatcher once the mutation commits.
import type { NewNotification } from '../store/contract/alerts.js';
import type { MutationContext } from './mutation-context.js';
import { writeNotification } from './write-notification.js';

/** From a mutation: false when the person was told of this subject in this kind already (nothing new is made). */
export async function notify(ctx: MutationContext, notification: Omit<NewNotification, 'id' | 'createdAt'>): Promise<boolean> {
  const row: NewNotification = { id: crypto.randomUUID(), createdAt: ctx.now, ...notification };
  const outcome = await writeNotification(ctx.tx, row);
  if (outcome === 'told already') return false;
  ctx.accountChanged(row.actorId);
  if (outcome === 'due') ctx.pushDue();
  return true;
}
