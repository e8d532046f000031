// Sends one push to one device through its browser's push service (the `web-push` package:
// aes128gcm-encrypted for the device's keys, VAPID-signed), and sorts the answer into what the
// dispatcher does next: done, forget the device, try again later, or give up.
import type { Agent } from 'node:https';
import webpush from 'web-push';
import type { PushPayload } from '@dongne/shared';
import type { PushSubscriptionRow } from '../store/contract/push.js';
import type { VapidKeyPair } from './vapid-keys.js';

/** A push not delivered within a day is about old news: the push service drops it. */
export const PUSH_TTL_S = 24 * 60 * 60;
/** A push service that has not answered by then is treated as down (the push is tried again later). */
const SEND_TIMEOUT_MS = 10_000;

export type SendOutcome =
  | { kind: 'sent' }
  /** 404/410: the subscription expired or the person revoked it; it never comes back. */
  | { kind: 'gone' }
  /** The push service is unreachable, overloaded (429) or failing (5xx): worth another try. */
  | { kind: 'retry'; reason: string }
  /** Any other refusal (400, 403, 413…): another try would be refused the same way. */
  | { kind: 'refused'; reason: string };

export interface PushSender {
  /** The VAPID public key devices subscribe with. */
  readonly publicKey: string;
  send(subscription: PushSubscriptionRow, payload: PushPayload, topic: string): Promise<SendOutcome>;
}

export function createWebPushSender(vapid: VapidKeyPair & { subject: string }, options: { agent?: Agent } = {}): PushSender {
  const vapidDetails = { subject: vapid.subject, publicKey: vapid.publicKey, privateKey: vapid.privateKey };
  return {
    publicKey: vapid.publicKey,
    async send(subscription, payload, topic) {
      try {
        await webpush.sendNotification(
          { endpoint: subscription.endpoint, keys: { p256dh: subscription.p256dh, auth: subscription.auth } },
          JSON.stringify(payload),
          { vapidDetails, TTL: PUSH_TTL_S, urgency: 'normal', topic, timeout: SEND_TIMEOUT_MS, ...(options.agent ? { agent: options.agent } : {}) },
        );
        return { kind: 'sent' };
      } catch (error) {
        if (!(error instanceof webpush.WebPushError)) return { kind: 'retry', reason: (error as Error).message || String(error) };
        const { statusCode } = error;
        if (statusCode === 404 || statusCode === 410) return { kind: 'gone' };
        const reason = `${statusCode} from the push service`;
        return statusCode === 429 || statusCode >= 500 ? { kind: 'retry', reason } : { kind: 'refused', reason };
      }
    },
  };
}
