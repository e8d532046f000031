// What a person is told about (the inbox, 알림): for now a keyword alert, a neighbour's new listing
// holding one of their keywords. Each names what it is about, so tapping it opens that; each
// reaches the person's devices through the pull (entity 'notification') and is read on any of them.
import { z } from 'zod/mini';

export const NOTIFICATION_KINDS = ['keyword'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const notificationSchema = z.object({
  id: z.string(),
  kind: z.enum(NOTIFICATION_KINDS),
  /** What it is about and opens: the listing. */
  subjectId: z.string(),
  /** The listing's title when it was made, so the inbox reads offline. */
  title: z.string(),
  /** For a keyword alert, the keyword that matched. */
  keyword: z.nullable(z.string()),
  createdAt: z.number(),
  readAt: z.nullable(z.number()),
});
export type Notification = z.infer<typeof notificationSchema>;

export const NOTIFICATION_LIMITS = {
  /** Notifications one notification.read may mark. */
  readBatchMax: 100,
} as const;
