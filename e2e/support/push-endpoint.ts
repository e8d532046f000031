// A push service of our own for the journeys: browsers here cannot reach their vendor's, so the
// server is pointed at this local HTTPS endpoint instead. It takes what the server sends, as a push
// service would, and decrypts it with the keys of the subscription it handed out, as only the
// device could. Its certificate is made once per run (global-setup) and trusted by every server
// the journeys start (NODE_EXTRA_CA_CERTS).
import { createECDH, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { BrowserContext, Page } from '@playwright/test';
import ece from 'http_ece';

/** The certificate and key files (PEM) global-setup wrote for this run. */
export const PUSH_CERT_ENV = 'DONGNE_E2E_PUSH_CERT';
export const PUSH_KEY_ENV = 'DONGNE_E2E_PUSH_KEY';

export interface ReceivedPush {
  path: string;
  headers: Record<string, string | string[] | undefined>;
  /** The decrypted body: what the service worker would be handed. */
  payload: unknown;
}

export interface PushEndpoint {
  /** PushSubscription.toJSON() of a device subscribed here. */
  subscription: { endpoint: string; expirationTime: null; keys: { p256dh: string; auth: string } };
  received: ReceivedPush[];
  close(): Promise<void>;
}

export async function startPushEndpoint(): Promise<PushEndpoint> {
  const cert = process.env[PUSH_CERT_ENV];
  const key = process.env[PUSH_KEY_ENV];
  if (!cert || !key) throw new Error(`${PUSH_CERT_ENV} is not set: the push journeys need e2e/support/global-setup.ts`);
  const device = createECDH('prime256v1');
  device.generateKeys();
  const authSecret = randomBytes(16);
  const received: ReceivedPush[] = [];

  const server: Server = createServer({ cert: readFileSync(cert), key: readFileSync(key) }, (request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks);
      const plain = ece.decrypt(body, { version: 'aes128gcm', privateKey: device, authSecret });
      received.push({ path: request.url ?? '', headers: request.headers, payload: JSON.parse(plain.toString('utf8')) });
      // What a push service answers when it has taken the message.
      response.writeHead(201).end();
    });
  });
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  const { port } = server.address() as AddressInfo;
  return {
    subscription: {
      endpoint: `https://localhost:${port}/push/${randomBytes(8).toString('hex')}`,
      expirationTime: null,
      keys: { p256dh: device.getPublicKey().toString('base64url'), auth: authSecret.toString('base64url') },
    },
    received,
    close: () => new Promise((closed) => server.close(() => closed())),
  };
}

/**
 * Makes this browser's push service the endpoint's: PushManager's subscribe and getSubscription
 * answer with its subscription, as they would with a vendor's, since the real one cannot be
 * reached from here. Everything after (the server's sending, the service worker) is the real thing.
 */
export async function pushServiceAt(context: BrowserContext, subscription: PushEndpoint['subscription']): Promise<void> {
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
    return (await registration.getNotifications()).map((n) => ({ title: n.title, body: n.body, url: (n.data as { url: string }).url }));
  });
}
