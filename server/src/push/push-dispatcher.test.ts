// Web Push from the server's side, against a push endpoint of the test's own (HTTPS, a self-signed
// certificate the dispatcher is told to trust): what a keyword alert's push carries, encrypted for
// the device and signed for its push service; what the dispatcher does with each answer; and
// quiet hours holding the push but never the inbox. Either engine.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createPublicKey, verify } from 'node:crypto';
import type { Notification, PullResponse } from '@dongne/shared';
import { countRows, pull, TEST_VAPID, T0, type TestServer } from '../testing/harness.js';
import type { PushEndpoint } from '../testing/push-endpoint.js';
import { act, openPushWorld, pushApi, subscribe, type PushPerson, type PushWorld } from '../testing/push-people.js';
import { query } from '../testing/test-store.js';
import { PUSH_ATTEMPTS, PUSH_BACKOFF_MS } from './push-dispatcher.js';
import { PUSH_TTL_S } from './web-push-sender.js';

let world: PushWorld;
let endpoint: PushEndpoint;
let server: TestServer;
let buyer: PushPerson;
beforeEach(async () => {
  world = await openPushWorld();
  ({ endpoint, server, buyer } = world);
});
afterEach(() => world.close());

/** A keyword alert's or a security message's push: no one did it, said, offered or set a time. */
const NOBODY_SAID = { actorName: null, snippet: null, amountKrw: null, at: null, messageKind: null };

const notificationsIn = (page: PullResponse): Notification[] => page.changes.flatMap((c) => (c.entity === 'notification' ? [c.row] : []));
const inbox = async (who: PushPerson) => notificationsIn(await pull(server.app, who.cookie, { limit: 1000 }));

/** The VAPID Authorization header's JWT claims, and whether its signature is the key's it names. */
function vapidOf(authorization: string | undefined) {
  const match = /^vapid t=([\w-]+)\.([\w-]+)\.([\w-]+), k=([\w-]+)$/.exec(authorization ?? '');
  if (!match) throw new Error(`not a VAPID Authorization: ${authorization}`);
  const [, header, claims, signature, key] = match;
  const raw = Buffer.from(key, 'base64url');
  const publicKey = createPublicKey({ key: { kty: 'EC', crv: 'P-256', x: raw.subarray(1, 33).toString('base64url'), y: raw.subarray(33).toString('base64url') }, format: 'jwk' });
  const signed = verify('sha256', Buffer.from(`${header}.${claims}`), { key: publicKey, dsaEncoding: 'ieee-p1363' }, Buffer.from(signature, 'base64url'));
  return { key, signed, claims: JSON.parse(Buffer.from(claims, 'base64url').toString('utf8')) as { aud: string; sub: string; exp: number } };
}

describe('a security message’s push', () => {
  it('tells the subscribed phone of a sign-in on another device, opening the security screen, once swept', async () => {
    const phone = endpoint.device();
    await subscribe(server, buyer, phone);
    const signIn = await server.app.request('/api/auth/signin', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'user-agent': 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15' },
      body: JSON.stringify({ nickname: buyer.nickname, password: buyer.password }),
    });
    expect(signIn.status).toBe(200);
    // Not a sync mutation: nothing pokes the dispatcher, its sweep sends it.
    await world.sweep();
    const [told] = (await inbox(buyer)).filter((n) => n.kind === 'security');
    expect(phone.payloads()).toEqual([
      {
        notificationId: told.id,
        kind: 'security',
        subjectId: told.id,
        title: 'Safari on macOS',
        keyword: null,
        event: 'new_device_sign_in',
        ...NOBODY_SAID,
        url: '/account/security',
        locale: 'en',
        createdAt: told.createdAt,
      },
    ]);
  });
});

describe('a keyword alert’s push', () => {
  it('reaches the subscribed device once, encrypted for it, in its language, opening the listing', async () => {
    const phone = endpoint.device();
    await subscribe(server, buyer, phone, { locale: 'ko' });
    const id = await world.publishAndSend('Desk lamp');
    const [told] = await inbox(buyer);

    expect(phone.payloads()).toEqual([
      { notificationId: told.id, kind: 'keyword', subjectId: id, title: 'Desk lamp', keyword: 'lamp', event: null, ...NOBODY_SAID, url: `/listings/${id}`, locale: 'ko', createdAt: T0 },
    ]);
    const { headers } = phone.pushes()[0];
    expect(headers).toMatchObject({ ttl: String(PUSH_TTL_S), urgency: 'normal', 'content-encoding': 'aes128gcm' });
    expect(headers.topic).toMatch(/^[A-Za-z0-9_-]{1,32}$/);
    // Signed with the server's key, for this push service's origin alone.
    const vapid = vapidOf(headers.authorization);
    expect(vapid).toMatchObject({ key: TEST_VAPID.publicKey, signed: true, claims: { aud: endpoint.origin, sub: TEST_VAPID.subject } });
    expect(vapid.claims.exp * 1000).toBeGreaterThan(Date.now());

    // Sent once: nothing is left to send, and a listing matching nobody sends nothing.
    await world.publishAndSend('Kettle');
    await world.sweep();
    expect(phone.pushes()).toHaveLength(1);
    expect(await countRows(server.store, 'push_outbox')).toBe(0);
  });

  it('goes to every device of the person, each in its own language, under one topic per listing', async () => {
    const phone = endpoint.device();
    const laptop = endpoint.device();
    await subscribe(server, buyer, phone, { locale: 'ko' });
    await subscribe(server, buyer, laptop, { clientId: crypto.randomUUID(), locale: 'en' });
    await world.publishAndSend('Desk lamp');
    await world.publishAndSend('Floor lamp');
    expect(phone.payloads().map((p) => [p.title, p.locale])).toEqual([['Desk lamp', 'ko'], ['Floor lamp', 'ko']]);
    expect(laptop.payloads().map((p) => [p.title, p.locale])).toEqual([['Desk lamp', 'en'], ['Floor lamp', 'en']]);
    const topics = (device: typeof phone) => device.pushes().map((push) => push.headers.topic);
    expect(topics(phone)).toEqual(topics(laptop));
    expect(new Set(topics(phone)).size).toBe(2);
  });

  it('is not queued for someone with no subscribed device; the inbox has the notification all the same', async () => {
    await world.publishAndSend('Desk lamp');
    expect(await inbox(buyer)).toHaveLength(1);
    expect(await countRows(server.store, 'push_outbox')).toBe(0);
    expect(endpoint.received).toEqual([]);
  });
});

describe('the push service’s answer', () => {
  it.each([404, 410])('%i: the subscription is gone, deleted, and the person’s other device still hears', async (status) => {
    const phone = endpoint.device();
    const laptop = endpoint.device();
    await subscribe(server, buyer, phone);
    await subscribe(server, buyer, laptop, { clientId: crypto.randomUUID() });
    phone.answer(status);
    await world.publishAndSend('Desk lamp');
    expect(phone.pushes()).toHaveLength(1);
    expect(await query(server.store, 'SELECT endpoint FROM push_subscriptions')).toEqual([{ endpoint: laptop.subscription.endpoint }]);
    const settings = await pushApi(server.app, 'GET', `/settings?clientId=${buyer.phone.clientId}`, buyer.cookie);
    expect(await settings.json()).toMatchObject({ subscribed: false });

    await world.publishAndSend('Floor lamp');
    expect(phone.pushes()).toHaveLength(1);
    expect(laptop.payloads().map((p) => p.title)).toEqual(['Desk lamp', 'Floor lamp']);
    expect(server.logged).toEqual([]);
  });

  it('500: tried again after a backoff, a few times, to the failing device alone; then given up, the inbox keeping it', async () => {
    const phone = endpoint.device();
    const laptop = endpoint.device();
    await subscribe(server, buyer, phone);
    await subscribe(server, buyer, laptop, { clientId: crypto.randomUUID() });
    phone.answer(500);
    await world.publishAndSend('Desk lamp');
    expect(phone.pushes()).toHaveLength(1);
    for (const wait of PUSH_BACKOFF_MS) {
      server.clock.advance(wait - 1);
      await world.sweep();
      expect(phone.pushes().length).toBeLessThan(PUSH_ATTEMPTS);
      server.clock.advance(1);
      await world.sweep();
    }
    expect(phone.pushes()).toHaveLength(PUSH_ATTEMPTS);
    expect(laptop.pushes()).toHaveLength(1);
    expect(await countRows(server.store, 'push_outbox')).toBe(0);
    server.clock.advance(24 * 60 * 60_000);
    await world.sweep();
    expect(phone.pushes()).toHaveLength(PUSH_ATTEMPTS);

    // One line per failure for the operator, naming the push service but not the device's endpoint.
    expect(server.logged).toHaveLength(PUSH_ATTEMPTS);
    expect(server.logged.at(-1)).toBe(`[push] ${endpoint.origin}: 500 from the push service, try ${PUSH_ATTEMPTS} of ${PUSH_ATTEMPTS}; giving up (the inbox has it)`);
    expect(server.logged.join('\n')).not.toContain(phone.subscription.endpoint);
    // The device stays subscribed, and the inbox has the notification.
    expect(await countRows(server.store, 'push_subscriptions')).toBe(2);
    expect(await inbox(buyer)).toHaveLength(1);
  });

  it('a push service that cannot be reached is tried again later; the listing was published at once', async () => {
    const phone = endpoint.device();
    await subscribe(server, buyer, phone);
    // The endpoint stops answering: nothing listens on its port any more.
    await endpoint.close();
    await world.publishAndSend('Desk lamp');
    expect(await inbox(buyer)).toHaveLength(1);
    expect(await query(server.store, 'SELECT attempts, due_at AS "dueAt" FROM push_outbox')).toEqual([{ attempts: 1, dueAt: T0 + PUSH_BACKOFF_MS[0] }]);
    expect(server.logged).toEqual([expect.stringMatching(/^\[push\] https:\/\/127\.0\.0\.1:\d+: .+, try 1 of 4; trying again in 30 s$/)]);
  });
});

describe('quiet hours', () => {
  /** 23:00 in Seoul, inside the default quiet hours (22:00–08:00). */
  const LATE = Date.UTC(2026, 2, 1, 14, 0);
  /** 08:00 in Seoul the next morning, when they end. */
  const MORNING = Date.UTC(2026, 2, 1, 23, 0);

  it('hold the push until they end, but never the inbox', async () => {
    const phone = endpoint.device();
    await subscribe(server, buyer, phone);
    server.clock.set(LATE);
    await world.publishAndSend('Desk lamp');
    expect(await inbox(buyer)).toHaveLength(1);
    expect(phone.pushes()).toEqual([]);

    server.clock.set(MORNING - 1);
    await world.sweep();
    expect(phone.pushes()).toEqual([]);
    server.clock.set(MORNING);
    await world.sweep();
    expect(phone.payloads().map((p) => p.title)).toEqual(['Desk lamp']);
  });

  it('follow the person’s own hours and time zone, and hold nothing when turned off', async () => {
    const phone = endpoint.device();
    await subscribe(server, buyer, phone);
    // 09:00 UTC is 10:00 in Paris (in March, before summer time): inside 09:30–10:30 there.
    const quietHours = { enabled: true, start: '09:30', end: '10:30', timeZone: 'Europe/Paris' };
    expect((await pushApi(server.app, 'PUT', '/settings', buyer.cookie, { quietHours })).status).toBe(200);
    await world.publishAndSend('Desk lamp');
    expect(phone.pushes()).toEqual([]);
    expect(await query(server.store, 'SELECT due_at AS "dueAt" FROM push_outbox')).toEqual([{ dueAt: T0 + 30 * 60_000 }]);

    // Turned off, what they held goes at once.
    expect((await pushApi(server.app, 'PUT', '/settings', buyer.cookie, { quietHours: { ...quietHours, enabled: false } })).status).toBe(200);
    await server.pushes.idle();
    expect(phone.payloads().map((p) => p.title)).toEqual(['Desk lamp']);
    server.clock.set(LATE);
    await world.publishAndSend('Floor lamp');
    expect(phone.payloads().map((p) => p.title)).toEqual(['Desk lamp', 'Floor lamp']);
  });

  it('a notification read on another device before they end is not pushed at all', async () => {
    const phone = endpoint.device();
    await subscribe(server, buyer, phone);
    server.clock.set(LATE);
    await world.publishAndSend('Desk lamp');
    const [told] = await inbox(buyer);
    expect(await act(server, buyer, 'notification.read', { ids: [told.id] })).toMatchObject({ status: 'applied' });
    server.clock.set(MORNING);
    await world.sweep();
    expect(phone.pushes()).toEqual([]);
    expect(await countRows(server.store, 'push_outbox')).toBe(0);
  });
});
