// Sends what the push outbox holds once it is due. Poked right after a commit that queued a push,
// and swept on an interval for pushes held by quiet hours and rows a crashed instance left leased.
// Each row is claimed atomically (several instances on one database never send the same row),
// sent to every live device of the person, then deleted; a device whose push service failed gets
// a row of its own, tried again after a backoff, a few times at most. Nothing here ever reaches a
// request: the notification is in the inbox whatever happens to its push.
import { SESSION_ABSOLUTE_MS } from '../services/session-service.js';
import type { Clock } from '../services/clock.js';
import type { ClaimedPush, PushSubscriptionRow } from '../store/contract/push.js';
import type { Store } from '../store/contract/store.js';
import { pushPayloadOf, pushTopic } from './push-payload.js';
import type { PushSender } from './web-push-sender.js';
import { createPokedLoop, type PokedLoop } from '../jobs/poked-loop.js';

/** Tries of one push to one device, the first included. */
export const PUSH_ATTEMPTS = 4;
/** The wait before the second, third and fourth try. */
export const PUSH_BACKOFF_MS = [30_000, 2 * 60_000, 10 * 60_000] as const;
/** How often due rows are looked for without a poke: held pushes go out at most this late. */
export const PUSH_SWEEP_MS = 30_000;
/** How long a claimed row is this dispatcher's; well past the send timeout, so only a crash lets it lapse. */
const LEASE_MS = 5 * 60_000;
const BATCH = 20;

export interface PushDispatcher extends PokedLoop {
  /** The VAPID public key devices subscribe with. */
  readonly publicKey: string;
}

/** Where a push service lives, for logs: the rest of an endpoint is as good as a password for the device. */
const originOf = (endpoint: string) => new URL(endpoint).origin;

export function createPushDispatcher({
  store,
  clock,
  sender,
  log,
  sweepEveryMs = PUSH_SWEEP_MS,
}: {
  store: Store;
  clock: Clock;
  sender: PushSender;
  log: (line: string) => void;
  sweepEveryMs?: number;
}): PushDispatcher {

  /** Sends one claimed row to its devices; answers the devices worth another try. */
  async function sendToDevices(push: ClaimedPush, now: number): Promise<string[]> {
    if (push.attempts > PUSH_ATTEMPTS) {
      // Leased again and again: the instances sending it kept stopping mid-send. Let it go.
      log(`[push] notification ${push.notificationId}: claimed ${push.attempts - 1} times and never finished; giving up (the inbox has it)`);
      return [];
    }
    const notification = await store.notifications.byId(push.actorId, push.notificationId);
    // Read on one of the person's devices meanwhile (during quiet hours, say): nothing left to nudge about.
    if (!notification || notification.readAt !== null) return [];
    const devices = (await store.pushSubscriptions.liveOf(push.actorId, now, now - SESSION_ABSOLUTE_MS)).filter(
      (device) => push.clientId === null || device.clientId === push.clientId,
    );
    const retry: string[] = [];
    const topic = pushTopic(notification);
    await Promise.all(
      devices.map(async (device: PushSubscriptionRow) => {
        const outcome = await sender.send(device, pushPayloadOf(notification, device.locale), topic);
        if (outcome.kind === 'gone') return store.pushSubscriptions.removeEndpoint(device.endpoint);
        if (outcome.kind === 'sent') return;
        const last = outcome.kind === 'refused' || push.attempts >= PUSH_ATTEMPTS;
        const next = last ? 'giving up (the inbox has it)' : `trying again in ${PUSH_BACKOFF_MS[push.attempts - 1] / 1000} s`;
        log(`[push] ${originOf(device.endpoint)}: ${outcome.reason}, try ${push.attempts} of ${PUSH_ATTEMPTS}; ${next}`);
        if (!last) retry.push(device.clientId);
      }),
    );
    return retry;
  }

  async function deliver(push: ClaimedPush) {
    const now = clock.now();
    try {
      const retry = await sendToDevices(push, now);
      await store.transaction(async (tx) => {
        await tx.pushOutbox.remove(push.id);
        for (const clientId of retry) {
          const dueAt = clock.now() + PUSH_BACKOFF_MS[push.attempts - 1];
          await tx.pushOutbox.add({ notificationId: push.notificationId, actorId: push.actorId, clientId, dueAt, attempts: push.attempts, createdAt: now });
        }
      });
    } catch (error) {
      // The row stays leased and comes due again when the lease runs out.
      log(`[push] notification ${push.notificationId}: ${(error as Error).message}`);
    }
  }

  const loop = createPokedLoop({
    everyMs: sweepEveryMs,
    async round(stopped) {
      while (!stopped()) {
        const now = clock.now();
        const claimed = await store.pushOutbox.claimDue(now, now + LEASE_MS, BATCH);
        if (claimed.length === 0) break;
        await Promise.all(claimed.map(deliver));
      }
    },
    onError: (error) => log(`[push] the outbox could not be read: ${(error as Error).message}`),
  });
  return { publicKey: sender.publicKey, ...loop };
}
