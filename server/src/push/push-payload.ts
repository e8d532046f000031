// What one push carries to a device's service worker, and the Topic it goes under: the push stands
// for a notification already in the inbox, told in the device's language and opening its screen.
import { createHash } from 'node:crypto';
import { notificationPath, type Notification, type PushLocale, type PushPayload } from '@dongne/shared';

export function pushPayloadOf(notification: Notification, locale: PushLocale): PushPayload {
  return {
    notificationId: notification.id,
    kind: notification.kind,
    subjectId: notification.subjectId,
    title: notification.title,
    keyword: notification.keyword,
    event: notification.event,
    actorName: notification.actorName,
    snippet: notification.snippet,
    amountKrw: notification.amountKrw,
    at: notification.at,
    messageKind: notification.messageKind,
    url: notificationPath(notification),
    locale,
    createdAt: notification.createdAt,
  };
}

/**
 * The push's Topic (RFC 8030 §5.4): a push service keeps only the newest undelivered push of a topic,
 * so a device that was off hears once about a subject. At most 32 base64url characters, so a hash.
 */
export function pushTopic(notification: Notification): string {
  return createHash('sha256').update(`${notification.kind}:${notification.subjectId}`).digest('base64url').slice(0, 32);
}
