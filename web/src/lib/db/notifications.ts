// The inbox as the screens read it: the person's notifications, newest first, and how many wait.
import type { Notification } from '@dongne/shared';
import type { DongneDb } from './db.js';

/** Every notification on this device, newest first (only the signed-in person's are ever kept). */
export function inboxNewestFirst(db: DongneDb): Promise<Notification[]> {
  return db.notifications.orderBy('createdAt').reverse().toArray();
}

/** How many notifications the person has not opened yet. */
export function unreadNotifications(db: DongneDb): Promise<number> {
  return db.notifications.filter((n) => n.readAt === null).count();
}
