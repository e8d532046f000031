// Whose devices a push reaches: never the seller's, nor a blocked person's; no device whose session
// ended (signed out, signed out from another device, run out, the account deleted); and each row
// once however many dispatchers share the database (several instances on one PostgreSQL). Either engine.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { countRows, signIn, T0, TEST_VAPID, type TestServer } from '../testing/harness.js';
import type { PushEndpoint } from '../testing/push-endpoint.js';
import { act, listener, openPushWorld, pushApi, subscribe, type PushPerson, type PushWorld } from '../testing/push-people.js';
import { HOME } from '../testing/fixes.js';
import { PostgresStore } from '../store/postgres/postgres-store.js';
import type { Store } from '../store/contract/store.js';
import { SESSION_LIFETIME_MS } from '../services/session-service.js';
import { createPushDispatcher } from './push-dispatcher.js';
import { queuePush } from './push-queue.js';
import { createWebPushSender } from './web-push-sender.js';

let world: PushWorld;
let endpoint: PushEndpoint;
let server: TestServer;
let seller: PushPerson;
let buyer: PushPerson;
beforeEach(async () => {
  world = await openPushWorld();
  ({ endpoint, server, seller, buyer } = world);
});
afterEach(() => world.close());

const post = (path: string, cookie: string) => server.app.request(path, { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: '{}' });

describe('who is pushed to', () => {
  it('never the seller of the listing, nor people blocked by or blocking the seller', async () => {
    await act(server, seller, 'neighbourhood.set', { held: [HOME], active: HOME });
    await act(server, seller, 'keyword.add', { keyword: 'lamp' });
    const blocked = await listener(server, 'lamp');
    const blocking = await listener(server, 'lamp');
    await act(server, seller, 'block.set', { actorId: blocked.actorId, blocked: true });
    await act(server, blocking, 'block.set', { actorId: seller.actorId, blocked: true });
    const devices = { seller: endpoint.device(), blocked: endpoint.device(), blocking: endpoint.device(), buyer: endpoint.device() };
    await subscribe(server, seller, devices.seller);
    await subscribe(server, blocked, devices.blocked);
    await subscribe(server, blocking, devices.blocking);
    await subscribe(server, buyer, devices.buyer);

    await world.publishAndSend('Desk lamp');
    expect(devices.buyer.payloads().map((p) => p.title)).toEqual(['Desk lamp']);
    expect(endpoint.received).toHaveLength(1);
  });

  it('no device that signed out, nor one signed out from another device; the device that stayed still hears', async () => {
    const phone = endpoint.device();
    const laptop = endpoint.device();
    const tablet = endpoint.device();
    await subscribe(server, buyer, phone);
    const laptopCookie = await signIn(server.app, buyer);
    const tabletCookie = await signIn(server.app, buyer);
    await subscribe(server, { ...buyer, cookie: laptopCookie }, laptop, { clientId: randomUUID() });
    await subscribe(server, { ...buyer, cookie: tabletCookie }, tablet, { clientId: randomUUID() });

    expect((await post('/api/auth/signout', tabletCookie)).status).toBeLessThan(300);
    expect((await post('/api/account/sessions/end-others', laptopCookie)).status).toBe(200);
    expect(await countRows(server.store, 'push_subscriptions')).toBe(1);
    await world.publishAndSend('Desk lamp');
    expect(laptop.payloads().map((p) => p.title)).toEqual(['Desk lamp']);
    expect(endpoint.received).toHaveLength(1);
  });

  it('no device whose session ran out, even before the expired session is swept away', async () => {
    const phone = endpoint.device();
    await subscribe(server, buyer, phone);
    // The seller keeps using the app (their session extends, and expired sessions are swept then)…
    server.clock.set(T0 + SESSION_LIFETIME_MS - 30 * 60_000);
    await world.publishAndSend('Desk lamp');
    expect(phone.pushes()).toHaveLength(1);
    // …while the buyer's runs out: within the hour, before the next sweep, it is still there.
    server.clock.set(T0 + SESSION_LIFETIME_MS + 60_000);
    await world.publishAndSend('Floor lamp');
    expect(phone.pushes()).toHaveLength(1);
    expect(await countRows(server.store, 'push_outbox')).toBe(0);
    // Swept at last, the subscription goes with it.
    server.clock.advance(2 * 60 * 60_000);
    await world.publishAndSend('Table lamp');
    expect(await countRows(server.store, 'push_subscriptions')).toBe(0);
    expect(phone.pushes()).toHaveLength(1);
  });

  it('nobody, once the account is deleted: its devices, quiet hours and held pushes go with it', async () => {
    await subscribe(server, buyer, endpoint.device());
    const quietHours = { enabled: true, start: '17:00', end: '19:00', timeZone: 'Asia/Seoul' };
    expect((await pushApi(server.app, 'PUT', '/settings', buyer.cookie, { quietHours })).status).toBe(200);
    await world.publishAndSend('Desk lamp');
    expect(await countRows(server.store, 'push_outbox')).toBe(1);

    const deleted = await server.app.request('/api/account', { method: 'DELETE', headers: { cookie: buyer.cookie } });
    expect(deleted.status).toBe(204);
    for (const table of ['push_subscriptions', 'push_quiet_hours', 'push_outbox']) expect(await countRows(server.store, table), table).toBe(0);
    server.clock.advance(24 * 60 * 60_000);
    await world.sweep();
    expect(endpoint.received).toEqual([]);
  });
});

describe('several dispatchers on one database', () => {
  it('send each row once between them', async () => {
    const phone = endpoint.device();
    const laptop = endpoint.device();
    await subscribe(server, buyer, phone);
    await subscribe(server, buyer, laptop, { clientId: randomUUID() });
    const queued = 50;
    await server.store.transaction(async (tx) => {
      for (let i = 0; i < queued; i++) {
        const notification = { id: randomUUID(), actorId: buyer.actorId, kind: 'keyword' as const, subjectId: randomUUID(), title: `Lamp ${i}`, keyword: 'lamp', createdAt: T0 };
        await tx.notifications.insert(notification, await tx.sync.nextChangeSeq());
        expect(await queuePush(tx, notification, T0)).toBe('due');
      }
    });

    // Another instance has a pool of its own on the same PostgreSQL database; SQLite has one process.
    const others: Store[] = server.url ? [0, 1].map(() => new PostgresStore(new pg.Pool({ connectionString: server.url, max: 4 }))) : [server.store, server.store];
    const dispatchers = [
      server.pushes,
      ...others.map((store) => createPushDispatcher({ store, clock: server.clock, sender: createWebPushSender(TEST_VAPID, { agent: endpoint.agent }), log: (line) => server.logged.push(line) })),
    ];
    try {
      for (const dispatcher of dispatchers) dispatcher.poke();
      await Promise.all(dispatchers.map((dispatcher) => dispatcher.idle()));
    } finally {
      if (server.url) await Promise.all(others.map((store) => store.close()));
    }

    for (const device of [phone, laptop]) {
      const sent = device.payloads().map((p) => p.notificationId);
      expect(sent).toHaveLength(queued);
      expect(new Set(sent).size).toBe(queued);
    }
    expect(await countRows(server.store, 'push_outbox')).toBe(0);
    expect(server.logged).toEqual([]);
  });
});
