// What a person is told about (the inbox, 알림): a keyword alert (a neighbour's new listing holding
// one of their keywords), a security message (a sign-in from a new device, a passkey added…), the
// trade's steps (a chat message, an offer, an appointment coming up, a request to review after a
// sale), the board's (a comment on their post, a reply to their comment, 공감 on their post) and
// a followed shop's news or coupon (business_post).
// Each names what it is about, so tapping it opens that; each reaches the person's devices through
// the pull (entity 'notification') and is read on any of them.
import { z } from 'zod/mini';
import { SECURITY_EVENT_KINDS } from './security-event-kinds.js';
import { MESSAGE_KINDS } from './trading/chat.js';

export const NOTIFICATION_KINDS = [
  'keyword',
  'security',
  'message',
  'offer',
  'appointment',
  'review_request',
  'board_comment',
  'board_reply',
  'board_reaction',
  'business_post',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/**
 * Kinds told once per subject: a second keyword match on the same listing, or a second request
 * to review the same trade, makes nothing. Every other kind is one row per subject that a newer
 * event refreshes (its words, its time, unread again): a busy chat or a lively post is one line in
 * the inbox, not fifty. A security message's subject is itself, so each is its own row.
 */
export const NOTIFICATION_TOLD_ONCE: readonly NotificationKind[] = ['keyword', 'review_request', 'security'];

export const notificationSchema = z.object({
  id: z.string(),
  kind: z.enum(NOTIFICATION_KINDS),
  /**
   * What it is about, and what a tap opens: the listing (keyword, review_request); the
   * conversation (message, offer, appointment); the post (board_*); the business (business_post);
   * for a security message, itself.
   */
  subjectId: z.string(),
  /**
   * Words kept when it was made, so the inbox reads offline: the listing's title (keyword, the
   * trade's kinds), the first words of the post (board_*), the business's name (business_post), the
   * device for a security message ('' if unknown).
   */
  title: z.string(),
  /** For a keyword alert, the keyword that matched. */
  keyword: z.nullable(z.string()),
  /** For a security message, what happened. (Absent from a server older than the field: none.) */
  event: z._default(z.nullable(z.enum(SECURITY_EVENT_KINDS)), null),
  /** Who did it: the sender, the other side of the trade, the commenter or the neighbour who reacted. */
  actorId: z._default(z.nullable(z.string()), null),
  actorName: z._default(z.nullable(z.string()), null),
  /** What they wrote, first words only: the message, the comment or reply. */
  snippet: z._default(z.nullable(z.string()), null),
  /** An offer's price. */
  amountKrw: z._default(z.nullable(z.number()), null),
  /** An appointment's time: its reminder's, or one proposed or confirmed in a `message`. */
  at: z._default(z.nullable(z.number()), null),
  /**
   * For a `message`: which kind of chat message it was, so the device words it in its own language
   * (an offer answered or an appointment proposed carry no text of their own to quote).
   */
  messageKind: z._default(z.nullable(z.enum(MESSAGE_KINDS)), null),
  createdAt: z.number(),
  readAt: z.nullable(z.number()),
});
export type Notification = z.infer<typeof notificationSchema>;

/** Whether this version of the app knows notifications of `kind` (a newer server may send others). */
export function isKnownNotificationKind(kind: unknown): boolean {
  return typeof kind === 'string' && (NOTIFICATION_KINDS as readonly string[]).includes(kind);
}

/** The app screen a notification opens when tapped (the inbox and the push both use it). */
export function notificationPath(n: Pick<Notification, 'kind' | 'subjectId' | 'actorId'>): string {
  const subject = encodeURIComponent(n.subjectId);
  switch (n.kind) {
    case 'keyword':
      return `/listings/${subject}`;
    case 'security':
      return '/account/security';
    case 'message':
    case 'offer':
    case 'appointment':
      return `/chats/${subject}`;
    case 'review_request':
      return `/reviews/new?listing=${subject}&to=${encodeURIComponent(n.actorId ?? '')}`;
    case 'board_comment':
    case 'board_reply':
    case 'board_reaction':
      return `/board/${subject}`;
    case 'business_post':
      return `/businesses/${subject}`;
  }
}

export const NOTIFICATION_LIMITS = {
  /** Notifications one notification.read may mark. */
  readBatchMax: 100,
  /** How much of a message or comment a notification keeps. */
  snippetMax: 80,
} as const;
