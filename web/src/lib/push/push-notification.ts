// What the service worker does with a push: the notification it shows (in the device's language,
// one per subject so a newer push replaces an older one), whether to show it at all (not while the
// person is looking at that very screen), and the screen a tap opens.
import { NOTIFICATION_TOLD_ONCE, pushPayloadSchema, type PushPayload } from '@dongne/shared';
import { notificationWords } from '../alerts/notification-words.js';

export interface PushNotificationView {
  title: string;
  options: NotificationOptions & { renotify?: boolean; data: { url: string; notificationId: string } };
}

/** The payload a push carried, or undefined when it is not one of Dongne's (nothing is shown for it then). */
export function readPushPayload(json: unknown): PushPayload | undefined {
  const parsed = pushPayloadSchema.safeParse(json);
  return parsed.success ? parsed.data : undefined;
}

/** `now` words an appointment's reminder ("in an hour") as the push arrives. */
export function pushNotificationView(payload: PushPayload, now = Date.now()): PushNotificationView {
  const { locale } = payload;
  const words = notificationWords(payload, now, locale);
  return {
    title: words.about,
    options: {
      body: words.says,
      // One per subject: a conversation's next message replaces its last, and (being news) sounds again.
      tag: `${payload.kind}:${payload.subjectId}`,
      renotify: !NOTIFICATION_TOLD_ONCE.includes(payload.kind),
      icon: '/icons/icon-192.png',
      lang: locale,
      timestamp: payload.createdAt,
      data: { url: payload.url, notificationId: payload.notificationId },
    },
    // `timestamp` is the Notifications API's, missing from TypeScript's DOM types.
  } as PushNotificationView;
}

/** A path as the app compares screens: `/chats/l%3Ab` and `/chats/l:b` are one conversation. */
function screenOf(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

/** No notification for what is on a screen the person is looking at right now: they see it already. */
export function isLookingAt(screensInFront: readonly string[], url: string): boolean {
  const wanted = screenOf(new URL(url, 'https://dongne.invalid').pathname);
  return screensInFront.some((path) => screenOf(path) === wanted);
}
