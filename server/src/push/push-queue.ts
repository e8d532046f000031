// Queuing a notification's push, in the transaction that writes the notification (a transactional
// outbox: the push exists exactly when the notification does). It is due at once, or when the
// person's quiet hours end if they hold now; the inbox row is never held.
import { DEFAULT_QUIET_HOURS } from '@dongne/shared';
import type { Repositories } from '../store/contract/store.js';
import { quietHoursEnd } from './quiet-hours.js';

/**
 * Queues the push of a notification just written: 'due' when it should go now (poke the
 * dispatcher after commit), 'held' until quiet hours end, 'none' when no device of theirs subscribed.
 * A notification `refreshed` with newer words joins its push still waiting, if one is, rather than
 * queuing a second: a busy chat during quiet hours is one push in the morning, not fifty.
 */
export async function queuePush(
  tx: Repositories,
  notification: { id: string; actorId: string },
  now: number,
  { refreshed = false }: { refreshed?: boolean } = {},
): Promise<'due' | 'held' | 'none'> {
  if (!(await tx.pushSubscriptions.anyFor(notification.actorId))) return 'none';
  const heldUntil = quietHoursEnd((await tx.quietHours.of(notification.actorId)) ?? DEFAULT_QUIET_HOURS, now);
  const dueAt = heldUntil ?? now;
  if (!refreshed || !(await tx.pushOutbox.joinWaiting(notification.id, dueAt))) {
    await tx.pushOutbox.add({ notificationId: notification.id, actorId: notification.actorId, clientId: null, dueAt, attempts: 0, createdAt: now });
  }
  return heldUntil === undefined ? 'due' : 'held';
}
