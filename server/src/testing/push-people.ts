// People for the Web Push tests: signed up, each with a phone (its sync clientId), able to act
// through sync push and to subscribe a test push device through the API; and the world most push
// tests start from, a seller and a buyer on a server that pushes to a local endpoint. Tests only.
import { expect } from 'vitest';
import type { MutationResult, PushLocale, PushSettings } from '@dongne/shared';
import { createTestServer, device, mutation, newSession, push, type Requester, type SignedUp, type TestServer } from './harness.js';
import { startPushEndpoint, type PushEndpoint, type TestPushDevice } from './push-endpoint.js';
import { HOME } from './fixes.js';

export interface PushPerson extends SignedUp {
  phone: ReturnType<typeof device>;
}

export async function pushPerson(server: TestServer): Promise<PushPerson> {
  return { ...(await newSession(server.app)), phone: device() };
}

/** One mutation from the person's phone; answers its result. */
export async function act(server: TestServer, who: PushPerson, name: string, args: unknown): Promise<MutationResult> {
  return (await push(server.app, who.cookie, who.phone.clientId, [mutation(who.phone.nextSeq(), name, args)])).results[0];
}

/** Someone at HOME who keeps the keyword: a new listing holding it is theirs to hear of. */
export async function listener(server: TestServer, keyword: string): Promise<PushPerson> {
  const who = await pushPerson(server);
  expect(await act(server, who, 'neighbourhood.set', { held: [HOME], active: HOME })).toMatchObject({ status: 'applied' });
  expect(await act(server, who, 'keyword.add', { keyword })).toMatchObject({ status: 'applied' });
  return who;
}

/** A JSON request to the push API, as the app's client sends it. */
export function pushApi(app: Requester, method: 'GET' | 'PUT' | 'DELETE', path: string, cookie: string | undefined, body?: unknown) {
  return app.request(`/api/push${path}`, {
    method,
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(cookie ? { cookie } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

/** Subscribes the push device for the person's phone (another clientId when given); answers the settings. */
export async function subscribe(
  server: TestServer,
  who: Pick<PushPerson, 'cookie'> & { phone: { clientId: string } },
  pushDevice: TestPushDevice,
  { clientId = who.phone.clientId, locale = 'en' }: { clientId?: string; locale?: PushLocale } = {},
): Promise<PushSettings> {
  const response = await pushApi(server.app, 'PUT', '/subscription', who.cookie, { clientId, subscription: pushDevice.subscription, locale });
  const text = await response.text();
  expect(response.status, text).toBe(200);
  return JSON.parse(text) as PushSettings;
}

/** Publishes a listing from the person's phone at HOME; answers its id. */
export async function publish(server: TestServer, who: PushPerson, title: string): Promise<string> {
  const create = server.createListing(who.phone.nextSeq(), { title });
  expect((await push(server.app, who.cookie, who.phone.clientId, [create])).results[0]).toMatchObject({ status: 'applied' });
  return (create.args as { id: string }).id;
}

/** A test server whose pushes go to a push endpoint of the test's own, a seller, and a buyer who keeps the keyword `lamp`. */
export interface PushWorld {
  endpoint: PushEndpoint;
  server: TestServer;
  seller: PushPerson;
  buyer: PushPerson;
  /** The seller publishes; answers once the dispatcher has tried whatever that made due. */
  publishAndSend(title: string): Promise<string>;
  /** Sends what is due at the clock's time now, as the dispatcher's sweep does. */
  sweep(): Promise<void>;
  close(): Promise<void>;
}

/** For beforeEach; close() it in afterEach. */
export async function openPushWorld(): Promise<PushWorld> {
  const endpoint = await startPushEndpoint();
  const server = await createTestServer({ pushAgent: endpoint.agent });
  const seller = await pushPerson(server);
  const buyer = await listener(server, 'lamp');
  return {
    endpoint,
    server,
    seller,
    buyer,
    async publishAndSend(title) {
      const id = await publish(server, seller, title);
      await server.pushes.idle();
      return id;
    },
    async sweep() {
      server.pushes.poke();
      await server.pushes.idle();
    },
    async close() {
      await server.close();
      await endpoint.close();
    },
  };
}
