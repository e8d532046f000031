// What a person is told about (the inbox, 알림): a keyword alert (a neighbour's new listing holding
// one of their keywords) and a security message (a sign-in from a new device, a passkey added, the
// password changed…). Each names what it is about, so tapping it opens that; each reaches the
// person's devices through the pull (entity 'notification') and is read on any of them.
import { z } from 'zod/mini';
import { SECURITY_EVENT_KINDS } from './account-security.js';

export const NOTIFICATION_KINDS = ['keyword', 'security'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const notificationSchema = z.object({
  id: z.string(),
  kind: z.enum(NOTIFICATION_KINDS),
  /** What it is about: the listing of a keyword alert; for a security message, itself (it opens the security screen). */
  subjectId: z.string(),
  /** The listing's title when it was made, so the inbox reads offline; for a security message, the device ('' if unknown). */
  title: z.string(),
  /** For a keyword alert, the keyword that matched. */
  keyword: z.nullable(z.string()),
  /** For a security message, what happened. (Absent from a server older than the field: none.) */
  event: z._default(z.nullable(z.enum(SECURITY_EVENT_KINDS)), null),
  createdAt: z.number(),
  readAt: z.nullable(z.number()),
});
export type Notification = z.infer<typeof notificationSchema>;

/** Whether this version of the app knows notifications of `kind` (a newer server may send others). */
export function isKnownNotificationKind(kind: unknown): boolean {
  return typeof kind === 'string' && (NOTIFICATION_KINDS as readonly string[]).includes(kind);
}

export const NOTIFICATION_LIMITS = {
  /** Notifications one notification.read may mark. */
  readBatchMax: 100,
} as const;
