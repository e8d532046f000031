// Web Push in the journeys: browsers here cannot reach their vendor's push service, so the server
// is pointed at a push endpoint of the test's own (server/src/testing/push-endpoint.ts), whose
// certificate is made once per run (global-setup) and trusted by every server the journeys start
// (NODE_EXTRA_CA_CERTS); the browser is handed that endpoint's subscription; and what the server
// sent is given to the service worker through the DevTools protocol, as a browser would.
import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from '@playwright/test';
import type { PushSubscriptionJson } from '@dongne/shared';
import { startPushEndpoint, type PushEndpoint } from '../../server/src/testing/push-endpoint.js';

/** The certificate and key files (PEM) global-setup wrote for this run. */
export const PUSH_CERT_ENV = 'DONGNE_E2E_PUSH_CERT';
export const PUSH_KEY_ENV = 'DONGNE_E2E_PUSH_KEY';

/** A push endpoint serving the run's certificate, which the journeys' servers trust. */
export function startJourneyPushEndpoint(): Promise<PushEndpoint> {
  const cert = process.env[PUSH_CERT_ENV];
  const key = process.env[PUSH_KEY_ENV];
  if (!cert || !key) throw new Error(`${PUSH_CERT_ENV} is not set: the push journeys need e2e/support/global-setup.ts`);
  return startPushEndpoint({ certificate: { cert: readFileSync(cert, 'utf8'), key: readFileSync(key, 'utf8') } });
}

/**
 * Makes this browser's push service the endpoint's: PushManager's subscribe and getSubscription
 * answer with its subscription, as they would with a vendor's, since the real one cannot be
 * reached from here. Everything after (the server's sending, the service worker) is the real thing.
 */
export async function pushServiceAt(context: BrowserContext, subscription: PushSubscriptionJson): Promise<void> {
  await context.addInitScript((json) => {
    const held = 'e2e.push-subscription';
    const subscriptionWith = (applicationServerKey: ArrayBuffer) =>
      ({
        endpoint: json.endpoint,
        expirationTime: null,
        options: { applicationServerKey, userVisibleOnly: true },
        toJSON: () => json,
        getKey: () => null,
        unsubscribe: async () => {
          localStorage.removeItem(held);
          return true;
        },
      }) as unknown as PushSubscription;
    PushManager.prototype.subscribe = async function (options?: PushSubscriptionOptionsInit) {
      const key = new Uint8Array(options!.applicationServerKey as ArrayBuffer);
      localStorage.setItem(held, JSON.stringify([...key]));
      return subscriptionWith(key.buffer);
    };
    PushManager.prototype.getSubscription = async function () {
      const key = localStorage.getItem(held);
      return key ? subscriptionWith(new Uint8Array(JSON.parse(key) as number[]).buffer) : null;
    };
  }, subscription);
}

/**
 * Hands `payload` to the page's service worker as a push message, through the DevTools protocol,
 * as the browser does with one its push service delivered.
 */
export async function deliverPush(page: Page, payload: unknown): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  const origin = new URL(page.url()).origin;
  const registrationId = new Promise<string>((found) => {
    cdp.on('ServiceWorker.workerRegistrationUpdated', ({ registrations }) => {
      const ours = registrations.find((r) => r.scopeURL === `${origin}/` && !r.isDeleted);
      if (ours) found(ours.registrationId);
    });
  });
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.deliverPushMessage', { origin, registrationId: await registrationId, data: JSON.stringify(payload) });
  await cdp.detach();
}

/** The notifications the service worker shows now: title, body and the screen each opens. */
export function shownNotifications(page: Page): Promise<{ title: string; body: string; url: string }[]> {
  return page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    return (await registration.getNotifications()).map((n) => ({ title: n.title, body: n.body, url: (n.data as { url?: string } | null)?.url ?? '' }));
  });
}
