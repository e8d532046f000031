// A person's Web Push settings and devices: their quiet hours, the VAPID key to subscribe with, and
// subscribing or unsubscribing one device (its sync clientId). A subscription is tied to the session
// that made it: when that session ends, the device gets no more pushes.
import { DEFAULT_QUIET_HOURS, PUSH_LIMITS, type PushSettings, type PushSubscribeRequest, type QuietHours } from '@dongne/shared';
import type { Store } from '../store/contract/store.js';
import type { PushDispatcher } from '../push/push-dispatcher.js';
import { isTimeZone, quietHoursEnd } from '../push/quiet-hours.js';
import type { Clock } from './clock.js';
import { ServiceError } from './service-error.js';
import type { CurrentSession } from './session-service.js';

export function createPushService(store: Store, clock: Clock, dispatcher: Pick<PushDispatcher, 'publicKey' | 'poke'>) {
  /**
   * The settings as `session` sees them: `subscribed` answers for the device `clientId` names, or,
   * without one, whether a device subscribed through this session (the browser asking).
   */
  async function settings(session: CurrentSession, clientId?: string): Promise<PushSettings> {
    const actorId = session.actor.id;
    return {
      quietHours: (await store.quietHours.of(actorId)) ?? DEFAULT_QUIET_HOURS,
      publicKey: dispatcher.publicKey,
      subscribed: clientId === undefined ? await store.pushSubscriptions.madeBy(session.id) : await store.pushSubscriptions.has(actorId, clientId),
    };
  }

  return {
    settings,

    async setQuietHours(session: CurrentSession, quietHours: QuietHours, clientId?: string): Promise<PushSettings> {
      if (!isTimeZone(quietHours.timeZone)) {
        const message = `“${quietHours.timeZone.slice(0, 64)}” is not a time zone this server knows (an IANA name, e.g. Asia/Seoul).`;
        throw new ServiceError(400, 'request.invalid', message, [{ path: 'quietHours.timeZone', message }]);
      }
      const now = clock.now();
      const actorId = session.actor.id;
      // Pushes held by the old hours wait for the new ones instead: shortened or turned off, they go now.
      const releasedAt = quietHoursEnd(quietHours, now) ?? now;
      await store.transaction(async (tx) => {
        await tx.quietHours.set(actorId, quietHours, now);
        await tx.pushOutbox.reschedule(actorId, releasedAt, now);
      });
      if (releasedAt <= now) dispatcher.poke();
      return settings(session, clientId);
    },

    async subscribe(session: CurrentSession, request: PushSubscribeRequest): Promise<PushSettings> {
      const { clientId, subscription, locale } = request;
      const row = { actorId: session.actor.id, clientId, endpoint: subscription.endpoint, ...subscription.keys, locale, sessionId: session.id };
      await store.transaction((tx) => tx.pushSubscriptions.save(row, clock.now(), PUSH_LIMITS.devicesPerPerson));
      return settings(session, clientId);
    },

    async unsubscribe(session: CurrentSession, clientId: string): Promise<PushSettings> {
      await store.pushSubscriptions.remove(session.actor.id, clientId);
      return settings(session, clientId);
    },
  };
}
export type PushService = ReturnType<typeof createPushService>;
