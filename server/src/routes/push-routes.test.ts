// /api/push through app.request() with a real store (either engine): a person's push settings and
// quiet hours, one subscription per device and ten devices at most, bad input refused with a code
// and nothing changed, and nobody else reading or changing what is yours.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { apiErrorSchema, DEFAULT_QUIET_HOURS, PUSH_LIMITS, pushSettingsSchema, type PushSettings } from '@dongne/shared';
import { createTestServer, dumpTables, signIn, TEST_VAPID, type TestServer } from '../testing/harness.js';
import { startPushEndpoint, type PushEndpoint } from '../testing/push-endpoint.js';
import { pushApi, pushPerson, subscribe, type PushPerson } from '../testing/push-people.js';
import { query } from '../testing/test-store.js';

let endpoint: PushEndpoint;
let server: TestServer;
let jieun: PushPerson;

beforeEach(async () => {
  endpoint = await startPushEndpoint();
  server = await createTestServer({ pushAgent: endpoint.agent });
  jieun = await pushPerson(server);
});
afterEach(async () => {
  expect(server.logged).toEqual([]);
  await server.close();
  await endpoint.close();
});

async function settingsOf(who: PushPerson, clientId = who.phone.clientId): Promise<PushSettings> {
  const response = await pushApi(server.app, 'GET', `/settings?clientId=${encodeURIComponent(clientId)}`, who.cookie);
  expect(response.status).toBe(200);
  return pushSettingsSchema.parse(await response.json());
}
const subscribedClients = async () => (await query(server.store, 'SELECT client_id AS "clientId" FROM push_subscriptions ORDER BY client_id')).map((row) => row.clientId);
const SEOUL_EVENINGS = { enabled: true, start: '21:00', end: '07:30', timeZone: 'Asia/Seoul' };

describe('push settings', () => {
  it('start as the default quiet hours, with the key to subscribe with, the device not subscribed', async () => {
    expect(await settingsOf(jieun)).toEqual({ quietHours: DEFAULT_QUIET_HOURS, publicKey: TEST_VAPID.publicKey, subscribed: false });
  });

  it('keep the quiet hours the person sets, and answer with the settings', async () => {
    await subscribe(server, jieun, endpoint.device());
    const put = await pushApi(server.app, 'PUT', '/settings', jieun.cookie, { quietHours: SEOUL_EVENINGS });
    expect(put.status).toBe(200);
    // Without a clientId, `subscribed` answers for the browser asking (the session it subscribed through).
    expect(await put.json()).toEqual({ quietHours: SEOUL_EVENINGS, publicKey: TEST_VAPID.publicKey, subscribed: true });
    expect((await settingsOf(jieun)).quietHours).toEqual(SEOUL_EVENINGS);
    const off = { ...SEOUL_EVENINGS, enabled: false, timeZone: 'America/New_York' };
    const again = await pushApi(server.app, 'PUT', `/settings?clientId=${randomUUID()}`, jieun.cookie, { quietHours: off });
    expect(await again.json()).toMatchObject({ quietHours: off, subscribed: false });
  });
});

describe('a device’s subscription', () => {
  it('is made, answered as subscribed for that device alone, and removed; removing it again is no error', async () => {
    const settings = await subscribe(server, jieun, endpoint.device(), { locale: 'ko' });
    expect(settings).toEqual({ quietHours: DEFAULT_QUIET_HOURS, publicKey: TEST_VAPID.publicKey, subscribed: true });
    expect((await settingsOf(jieun)).subscribed).toBe(true);
    expect((await settingsOf(jieun, randomUUID())).subscribed).toBe(false);

    for (let i = 0; i < 2; i++) {
      const removed = await pushApi(server.app, 'DELETE', '/subscription', jieun.cookie, { clientId: jieun.phone.clientId });
      expect(removed.status).toBe(200);
      expect(await removed.json()).toMatchObject({ subscribed: false });
    }
    expect(await subscribedClients()).toEqual([]);
  });

  it('is one per device: subscribing again replaces its keys and language, and is tied to the session that did it', async () => {
    await subscribe(server, jieun, endpoint.device(), { locale: 'ko' });
    const renewed = endpoint.device();
    server.clock.advance(1000);
    const laterSession = await signIn(server.app, jieun);
    await subscribe(server, { ...jieun, cookie: laterSession }, renewed, { locale: 'en' });
    const sessionId = (await query(server.store, 'SELECT id FROM sessions ORDER BY created_at DESC LIMIT 1'))[0].id;
    expect(await query(server.store, 'SELECT endpoint, p256dh, auth, locale, session_id AS "sessionId" FROM push_subscriptions')).toEqual([
      { endpoint: renewed.subscription.endpoint, ...renewed.subscription.keys, locale: 'en', sessionId },
    ]);
  });

  it('moves with its endpoint: the browser subscribing under a new clientId, or for another person, takes it along', async () => {
    const browser = endpoint.device();
    await subscribe(server, jieun, browser);
    // Site data cleared: the same browser subscription comes back under a new clientId.
    const fresh = randomUUID();
    await subscribe(server, jieun, browser, { clientId: fresh });
    expect(await subscribedClients()).toEqual([fresh]);
    // Someone else signs in on that browser later: it is theirs now.
    const minho = await pushPerson(server);
    await subscribe(server, minho, browser);
    expect(await query(server.store, 'SELECT actor_id AS "actorId" FROM push_subscriptions')).toEqual([{ actorId: minho.actorId }]);
  });

  it(`keeps ${PUSH_LIMITS.devicesPerPerson} devices at most: a new one replaces the least recently subscribed, never refused`, async () => {
    const clients = Array.from({ length: PUSH_LIMITS.devicesPerPerson + 1 }, () => randomUUID());
    for (const clientId of clients.slice(0, PUSH_LIMITS.devicesPerPerson)) {
      await subscribe(server, jieun, endpoint.device(), { clientId });
      server.clock.advance(1000);
    }
    // The first device subscribes again (the app does on start), so the second is now the oldest.
    await subscribe(server, jieun, endpoint.device(), { clientId: clients[0] });
    server.clock.advance(1000);
    const settings = await subscribe(server, jieun, endpoint.device(), { clientId: clients.at(-1) });
    expect(settings.subscribed).toBe(true);
    expect(await subscribedClients()).toEqual(clients.filter((_, i) => i !== 1).sort());
  });
});

describe('bad input', () => {
  const longEndpoint = `https://push.example/${'a'.repeat(PUSH_LIMITS.endpointMax)}`;
  const good = () => ({ clientId: randomUUID(), subscription: endpoint.device().subscription, locale: 'en' });
  const withSubscription = (change: Record<string, unknown>, keys: Record<string, unknown> = {}) => {
    const body = good();
    return { ...body, subscription: { ...body.subscription, ...change, keys: { ...body.subscription.keys, ...keys } } };
  };
  type Case = [name: string, method: 'GET' | 'PUT' | 'DELETE', path: string, body: unknown, status: number, code: string];
  const cases = (): Case[] => [
    ['settings without a clientId', 'GET', '/settings', undefined, 400, 'request.invalid'],
    ['settings for an empty clientId', 'GET', '/settings?clientId=', undefined, 400, 'request.invalid'],
    ['settings for a clientId too long', 'GET', `/settings?clientId=${'x'.repeat(101)}`, undefined, 400, 'request.invalid'],
    ['quiet hours not as JSON', 'PUT', '/settings', 'quietHours=off', 415, 'request.not_json'],
    ['quiet hours, malformed JSON', 'PUT', '/settings', '{"quietHours":', 400, 'request.malformed_json'],
    ['no quiet hours', 'PUT', '/settings', {}, 400, 'request.invalid'],
    ['quiet hours from 24:00', 'PUT', '/settings', { quietHours: { ...SEOUL_EVENINGS, start: '24:00' } }, 400, 'request.invalid'],
    ['quiet hours to 7:30', 'PUT', '/settings', { quietHours: { ...SEOUL_EVENINGS, end: '7:30' } }, 400, 'request.invalid'],
    ['quiet hours enabled "yes"', 'PUT', '/settings', { quietHours: { ...SEOUL_EVENINGS, enabled: 'yes' } }, 400, 'request.invalid'],
    ['quiet hours in no time zone', 'PUT', '/settings', { quietHours: { ...SEOUL_EVENINGS, timeZone: '' } }, 400, 'request.invalid'],
    ['quiet hours in an unknown time zone', 'PUT', '/settings', { quietHours: { ...SEOUL_EVENINGS, timeZone: 'Mars/Olympus_Mons' } }, 400, 'request.invalid'],
    ['a subscription not as JSON', 'PUT', '/subscription', 'endpoint=https://push.example', 415, 'request.not_json'],
    ['a subscription as an array', 'PUT', '/subscription', [good()], 400, 'request.invalid'],
    ['a subscription without a clientId', 'PUT', '/subscription', { ...good(), clientId: '' }, 400, 'request.invalid'],
    ['a subscription to an http endpoint', 'PUT', '/subscription', withSubscription({ endpoint: 'http://push.example/x' }), 400, 'request.invalid'],
    ['a subscription to no URL', 'PUT', '/subscription', withSubscription({ endpoint: 'push service' }), 400, 'request.invalid'],
    ['a subscription to an endpoint too long', 'PUT', '/subscription', withSubscription({ endpoint: longEndpoint }), 400, 'request.invalid'],
    ['a subscription with a short key', 'PUT', '/subscription', withSubscription({}, { p256dh: 'BAAA' }), 400, 'request.invalid'],
    ['a subscription with a padded auth secret', 'PUT', '/subscription', withSubscription({}, { auth: 'AAAAAAAAAAAAAAAAAAAAAA==' }), 400, 'request.invalid'],
    ['a subscription without keys', 'PUT', '/subscription', { ...good(), subscription: { endpoint: 'https://push.example/x' } }, 400, 'request.invalid'],
    ['a subscription in French', 'PUT', '/subscription', { ...good(), locale: 'fr' }, 400, 'request.invalid'],
    ['an unsubscription without a body', 'DELETE', '/subscription', undefined, 415, 'request.not_json'],
    ['an unsubscription without a clientId', 'DELETE', '/subscription', {}, 400, 'request.invalid'],
    ['an unsubscription of a number', 'DELETE', '/subscription', { clientId: 7 }, 400, 'request.invalid'],
  ];

  it('is refused on every route with a 4xx and a code, and changes nothing', async () => {
    await subscribe(server, jieun, endpoint.device());
    const before = await dumpTables(server.store);
    for (const [name, method, path, body, status, code] of cases()) {
      const raw = typeof body === 'string';
      const response = raw
        ? await server.app.request(`/api/push${path}`, { method, headers: { cookie: jieun.cookie, 'content-type': body.startsWith('{') ? 'application/json' : 'text/plain' }, body })
        : await pushApi(server.app, method, path, jieun.cookie, body);
      const text = await response.text();
      expect(response.status, `${name}: ${text}`).toBe(status);
      expect(apiErrorSchema.parse(JSON.parse(text)).error.code, name).toBe(code);
    }
    expect(await dumpTables(server.store)).toEqual(before);
  });

  it('names the field of an unknown time zone', async () => {
    const response = await pushApi(server.app, 'PUT', '/settings', jieun.cookie, { quietHours: { ...SEOUL_EVENINGS, timeZone: 'Asia/Atlantis' } });
    expect((await response.json()) as unknown).toMatchObject({ error: { code: 'request.invalid', issues: [{ path: 'quietHours.timeZone' }] } });
  });
});

describe('whose it is', () => {
  it('asks for someone signed in on every route', async () => {
    const before = await dumpTables(server.store);
    const requests: [method: 'GET' | 'PUT' | 'DELETE', path: string, body: unknown][] = [
      ['GET', `/settings?clientId=${jieun.phone.clientId}`, undefined],
      ['PUT', '/settings', { quietHours: SEOUL_EVENINGS }],
      ['PUT', '/subscription', { clientId: randomUUID(), subscription: endpoint.device().subscription, locale: 'en' }],
      ['DELETE', '/subscription', { clientId: jieun.phone.clientId }],
    ];
    for (const [method, path, body] of requests) {
      const response = await pushApi(server.app, method, path, undefined, body);
      expect(response.status, `${method} ${path}`).toBe(401);
      expect(apiErrorSchema.parse(await response.json()).error.code).toBe('auth.required');
    }
    expect(await dumpTables(server.store)).toEqual(before);
  });

  it('another person can neither read nor change your settings, nor remove your device', async () => {
    await subscribe(server, jieun, endpoint.device());
    expect((await pushApi(server.app, 'PUT', '/settings', jieun.cookie, { quietHours: SEOUL_EVENINGS })).status).toBe(200);
    const minho = await pushPerson(server);

    // Naming her device tells him nothing of it, and he sees his own quiet hours, not hers.
    expect(await settingsOf(minho, jieun.phone.clientId)).toMatchObject({ quietHours: DEFAULT_QUIET_HOURS, subscribed: false });
    const off = { ...SEOUL_EVENINGS, enabled: false };
    expect((await pushApi(server.app, 'PUT', '/settings', minho.cookie, { quietHours: off })).status).toBe(200);
    expect((await pushApi(server.app, 'DELETE', '/subscription', minho.cookie, { clientId: jieun.phone.clientId })).status).toBe(200);

    expect(await settingsOf(jieun)).toMatchObject({ quietHours: SEOUL_EVENINGS, subscribed: true });
    expect(await settingsOf(minho)).toMatchObject({ quietHours: off, subscribed: false });
    expect(await subscribedClients()).toEqual([jieun.phone.clientId]);
  });
});
