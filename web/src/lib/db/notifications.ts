// The inbox as the screens read it: the person's notifications, newest first, and how many wait;
// and what reading a conversation does to it.
import type { Notification, NotificationKind } from '@dongne/shared';
import type { DongneDb } from './db.js';

/** Every notification on this device, newest first (only the signed-in person's are ever kept). */
export function inboxNewestFirst(db: DongneDb): Promise<Notification[]> {
  return db.notifications.orderBy('createdAt').reverse().toArray();
}

/** How many notifications the person has not opened yet. */
export function unreadNotifications(db: DongneDb): Promise<number> {
  return db.notifications.filter((n) => n.readAt === null).count();
}

/** What the inbox says of a conversation: its screen shows all of it. */
const CONVERSATION_KINDS: readonly NotificationKind[] = ['message', 'offer', 'appointment'];

/**
 * Marks read here what the inbox says of a conversation read to the end, as the server does when
 * chat.read reaches it: the bell's count falls at once, offline too.
 */
export async function readConversationNotifications(db: DongneDb, conversationId: string, at: number): Promise<void> {
  await db.notifications
    .filter((n) => n.subjectId === conversationId && n.readAt === null && CONVERSATION_KINDS.includes(n.kind))
    .modify({ readAt: at });
}
