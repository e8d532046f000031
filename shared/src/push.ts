// Web Push (푸시 알림): what a device sends to be told of notifications while the app is closed,
// the person's quiet hours, and what the server's push carries to the service worker. Every push
// stands for a notification already in the inbox; the inbox is the record, a push only a nudge.
import { z } from 'zod/mini';
import { SECURITY_EVENT_KINDS } from './security-event-kinds.js';
import { NOTIFICATION_KINDS } from './notification.js';
import { MESSAGE_KINDS } from './trading/chat.js';

export const PUSH_LIMITS = {
  /** Push services' endpoints are a few hundred characters; anything longer is not one. */
  endpointMax: 2048,
  /** Devices (subscriptions) one person may have: a few phones and laptops, never a flood. */
  devicesPerPerson: 10,
} as const;

/** base64url without padding, as PushSubscription.toJSON() gives the keys. */
const base64url = (bytes: number) => z.string().check(z.length(Math.ceil((bytes * 4) / 3)), z.regex(/^[A-Za-z0-9_-]+$/));

/** PushSubscription.toJSON(): where the browser's push service takes messages for this device, and the keys to encrypt them. */
export const pushSubscriptionSchema = z.object({
  endpoint: z.url({ protocol: /^https$/ }).check(z.maxLength(PUSH_LIMITS.endpointMax)),
  keys: z.object({
    /** The device's P-256 public key, uncompressed (65 bytes). */
    p256dh: base64url(65),
    /** The shared authentication secret (16 bytes). */
    auth: base64url(16),
  }),
});
export type PushSubscriptionJson = z.infer<typeof pushSubscriptionSchema>;

export const PUSH_LOCALES = ['en', 'ko'] as const;
export type PushLocale = (typeof PUSH_LOCALES)[number];

/** PUT /api/push/subscription: this device (its sync clientId) wants pushes, in its language. */
export const pushSubscribeSchema = z.object({
  clientId: z.string().check(z.minLength(1), z.maxLength(100)),
  subscription: pushSubscriptionSchema,
  locale: z.enum(PUSH_LOCALES),
});
export type PushSubscribeRequest = z.infer<typeof pushSubscribeSchema>;

/** DELETE /api/push/subscription: this device wants no more pushes. */
export const pushUnsubscribeSchema = z.object({
  clientId: z.string().check(z.minLength(1), z.maxLength(100)),
});

/** "HH:MM", 00:00 to 23:59. */
const clockTime = z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/));

/**
 * Quiet hours (방해 금지 시간): pushes that would arrive from `start` to `end` (the next morning when
 * `end` is earlier) in the person's time zone wait until `end`. The inbox is not held.
 */
export const quietHoursSchema = z.object({
  enabled: z.boolean(),
  start: clockTime,
  end: clockTime,
  /** An IANA time zone, as the device's Intl says (Asia/Seoul). */
  timeZone: z.string().check(z.minLength(1), z.maxLength(64)),
});
export type QuietHours = z.infer<typeof quietHoursSchema>;

export const DEFAULT_QUIET_HOURS: QuietHours = { enabled: true, start: '22:00', end: '08:00', timeZone: 'Asia/Seoul' };

/** GET /api/push/settings, and what PUT /api/push/settings answers. */
export const pushSettingsSchema = z.object({
  quietHours: quietHoursSchema,
  /** The VAPID public key (base64url) a device subscribes with. */
  publicKey: z.string(),
  /** Whether the device asking (its clientId in the query) is subscribed. */
  subscribed: z.boolean(),
});
export type PushSettings = z.infer<typeof pushSettingsSchema>;

/** PUT /api/push/settings. */
export const pushSettingsUpdateSchema = z.object({ quietHours: quietHoursSchema });

/**
 * What a push carries to the service worker (encrypted for the device): the notification, in the
 * device's language, for the worker to show and to open when tapped.
 */
export const pushPayloadSchema = z.object({
  notificationId: z.string(),
  kind: z.enum(NOTIFICATION_KINDS),
  subjectId: z.string(),
  title: z.string(),
  keyword: z.nullable(z.string()),
  event: z._default(z.nullable(z.enum(SECURITY_EVENT_KINDS)), null),
  /** The notification's who, words, price, time and chat message kind (notificationSchema), for the worker to word it. */
  actorName: z._default(z.nullable(z.string()), null),
  snippet: z._default(z.nullable(z.string()), null),
  amountKrw: z._default(z.nullable(z.number()), null),
  at: z._default(z.nullable(z.number()), null),
  messageKind: z._default(z.nullable(z.enum(MESSAGE_KINDS)), null),
  /** The app path the notification opens (a listing's page): never another site, not even `//host`. */
  url: z.string().check(z.regex(/^\/(?![/\\])/)),
  locale: z.enum(PUSH_LOCALES),
  createdAt: z.number(),
});
export type PushPayload = z.infer<typeof pushPayloadSchema>;
