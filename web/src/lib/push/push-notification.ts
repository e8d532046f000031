// What the service worker does with a push: the notification it shows (in the device's language,
// one per subject so a newer push replaces an older one), whether to show it at all (not while the
// person is looking at that very screen), and the screen a tap opens.
import { pushPayloadSchema, type PushPayload } from '@dongne/shared';
import { m } from '../paraglide/messages.js';
import { securityEventText } from '../account/security-event-text.js';

export interface PushNotificationView {
  title: string;
  options: NotificationOptions & { data: { url: string; notificationId: string } };
}

/** The payload a push carried, or undefined when it is not one of Dongne's (nothing is shown for it then). */
export function readPushPayload(json: unknown): PushPayload | undefined {
  const parsed = pushPayloadSchema.safeParse(json);
  return parsed.success ? parsed.data : undefined;
}

export function pushNotificationView(payload: PushPayload): PushNotificationView {
  const { locale } = payload;
  const security = payload.kind === 'security';
  return {
    title: security ? m.alerts_security_title({}, { locale }) : m.alerts_keyword_match({ keyword: payload.keyword ?? '' }, { locale }),
    options: {
      body: security ? securityEventText(payload.event ?? '', payload.title, locale) : payload.title,
      tag: `${payload.kind}:${payload.subjectId}`,
      icon: '/icons/icon-192.png',
      lang: locale,
      timestamp: payload.createdAt,
      data: { url: payload.url, notificationId: payload.notificationId },
    },
  } as PushNotificationView;
}

/** No notification for what is on a screen the person is looking at right now: they see it already. */
export function isLookingAt(screensInFront: readonly string[], url: string): boolean {
  const wanted = new URL(url, 'https://dongne.invalid').pathname;
  return screensInFront.some((path) => path === wanted);
}
