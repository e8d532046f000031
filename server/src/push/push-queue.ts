// Queuing a notification's push, in the transaction that writes the notification (a transactional
// outbox: the push exists exactly when the notification does). It is due at once, or when the
// person's quiet hours end if they hold now; the inbox row is never held.
import { DEFAULT_QUIET_HOURS } from '@dongne/shared';
import type { Repositories } from '../store/contract/store.js';
import { quietHoursEnd } from './quiet-hours.js';

/**
 * Queues the push of a notification just written: 'due' when it should go now (poke the
 * dispatcher after commit), 'held' until quiet hours end, 'none' when no device of theirs subscribed.
 */
export async function queuePush(tx: Repositories, notification: { id: string; actorId: string }, now: number): Promise<'due' | 'held' | 'none'> {
  if (!(await tx.pushSubscriptions.anyFor(notification.actorId))) return 'none';
  const heldUntil = quietHoursEnd((await tx.quietHours.of(notification.actorId)) ?? DEFAULT_QUIET_HOURS, now);
  await tx.pushOutbox.add({ notificationId: notification.id, actorId: notification.actorId, clientId: null, dueAt: heldUntil ?? now, attempts: 0, createdAt: now });
  return heldUntil === undefined ? 'due' : 'held';
}
