// Appointment reminders (거래 약속 알림) on a moved clock, either engine: both people are reminded an
// hour before a confirmed appointment, once, if it still stands; a newer appointment replaces the
// reminder; a late sweep reminds before the time but never after; the reminder's push; and several
// sweepers on one database (several instances) making each reminder exactly once between them.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { CHAT_LIMITS, conversationId, conversationStart, type Notification } from '@dongne/shared';
import { changeCounter, countRows, createTestServer, T0, type TestServer } from '../testing/harness.js';
import { createLocalChangeBus } from '../live/change-bus.js';
import { startPushEndpoint, type PushEndpoint } from '../testing/push-endpoint.js';
import { subscribe } from '../testing/push-people.js';
import { people, say, type Person } from '../testing/trading.js';
import { PostgresStore } from '../store/postgres/postgres-store.js';
import type { Store } from '../store/contract/store.js';
import { createReminderSweeper } from './reminder-sweeper.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const BEFORE = CHAT_LIMITS.reminderBeforeMs;
const PLACE = '수내역 3번 출구';

let endpoint: PushEndpoint;
let server: TestServer;
let tools: ReturnType<typeof people>;
let seller: Person;
let buyer: Person;
let chair: string;
let chat: string;

beforeEach(async () => {
  endpoint = await startPushEndpoint();
  server = await createTestServer({ pushAgent: endpoint.agent });
  tools = people(server);
  seller = await tools.person();
  buyer = await tools.person({ verified: true });
  chair = await tools.publish(seller, { title: '원목 의자', priceKrw: 30_000 });
  chat = conversationId(chair, buyer.actorId);
  expect(await buyer.act('chat.send', say(chair, buyer.actorId, 'Is it still available?'))).toMatchObject({ status: 'applied' });
});
afterEach(async () => {
  expect(server.logged).toEqual([]);
  await server.close();
  await endpoint.close();
});

/** The seller proposes a time and place, the buyer confirms it now; answers the appointment's id. */
async function agree(at: number, place = PLACE): Promise<string> {
  const id = randomUUID();
  expect(await seller.act('chat.propose_appointment', { id, listingId: chair, buyerId: buyer.actorId, at, place })).toMatchObject({ status: 'applied' });
  expect(await buyer.act('chat.confirm_appointment', { id: randomUUID(), listingId: chair, buyerId: buyer.actorId, appointmentId: id })).toMatchObject({ status: 'applied' });
  return id;
}

/** Makes what is due at the clock's time now, as the sweep every instance runs does. */
async function sweepAt(now: number) {
  server.clock.set(now);
  server.reminders.poke();
  await server.reminders.idle();
}

const reminders = async (who: Person): Promise<Notification[]> => [...(await who.view()).notifications.values()].filter((n) => n.kind === 'appointment');

describe('an appointment’s reminder', () => {
  it('reminds both an hour before, once, naming the other, when and where, opening the chat', async () => {
    const at = T0 + 3 * HOUR;
    await agree(at);
    await sweepAt(T0);
    await sweepAt(at - BEFORE - 1);
    expect(await reminders(buyer)).toEqual([]);

    await sweepAt(at - BEFORE);
    const [toBuyer] = await reminders(buyer);
    expect(toBuyer).toEqual({
      id: toBuyer.id,
      kind: 'appointment',
      subjectId: chat,
      title: '원목 의자',
      keyword: null,
      event: null,
      actorId: seller.actorId,
      actorName: seller.nickname,
      snippet: PLACE,
      amountKrw: null,
      at,
      messageKind: null,
      createdAt: at - BEFORE,
      readAt: null,
    });
    expect(await reminders(seller)).toMatchObject([{ subjectId: chat, actorId: buyer.actorId, actorName: buyer.nickname, at, snippet: PLACE }]);

    await sweepAt(at - 10 * MINUTE);
    expect(await reminders(buyer)).toEqual([toBuyer]);
    expect(await countRows(server.store, 'appointment_reminders')).toBe(0);
  });

  it('comes late from a sweep that was late (the server was down), but never once the time has come', async () => {
    const at = T0 + 3 * HOUR;
    await agree(at);
    await sweepAt(at - 10 * MINUTE);
    expect(await reminders(buyer)).toMatchObject([{ at, createdAt: at - 10 * MINUTE }]);

    await agree(T0 + 5 * HOUR);
    await sweepAt(T0 + 5 * HOUR);
    expect((await reminders(buyer)).map((n) => n.at)).toEqual([at]);
    expect(await countRows(server.store, 'appointment_reminders')).toBe(0);
  });

  it('follows the newest confirmed appointment; one proposed since and not confirmed calls it off', async () => {
    await agree(T0 + 3 * HOUR);
    const later = T0 + 5 * HOUR;
    await agree(later, '정자역');
    await sweepAt(T0 + 3 * HOUR - BEFORE);
    expect(await reminders(buyer)).toEqual([]);
    await sweepAt(later - BEFORE);
    expect((await reminders(buyer)).map((n) => [n.at, n.snippet])).toEqual([[later, '정자역']]);

    const next = T0 + 8 * HOUR;
    await agree(next);
    expect(await seller.act('chat.propose_appointment', { id: randomUUID(), listingId: chair, buyerId: buyer.actorId, at: next + HOUR, place: PLACE })).toMatchObject({
      status: 'applied',
    });
    await sweepAt(next - BEFORE);
    // Still the one before: the one it would have refreshed.
    expect((await reminders(buyer)).map((n) => n.at)).toEqual([later]);
  });

  it('is not kept for an appointment confirmed inside the hour: the confirmation itself told the other side', async () => {
    await agree(T0 + 30 * MINUTE);
    expect(await countRows(server.store, 'appointment_reminders')).toBe(0);
  });

  it.each([
    ['the seller blocked the buyer', () => seller.act('block.set', { actorId: buyer.actorId, blocked: true })],
    ['the buyer blocked the seller', () => buyer.act('block.set', { actorId: seller.actorId, blocked: true })],
    ['the listing was deleted', () => seller.act('listing.delete', { id: chair })],
  ])('reminds nobody once %s', async (_, since) => {
    const at = T0 + 3 * HOUR;
    await agree(at);
    expect(await since()).toMatchObject({ status: 'applied' });
    await sweepAt(at - BEFORE);
    expect(await reminders(buyer)).toEqual([]);
    expect(await reminders(seller)).toEqual([]);
  });

  it('reminds nobody once the listing was sold to someone else', async () => {
    const other = await tools.person({ verified: true });
    await other.act('chat.send', say(chair, other.actorId, 'I can come now'));
    const at = T0 + 3 * HOUR;
    await agree(at);
    expect(await seller.act('trade.complete', { listingId: chair, buyerId: other.actorId })).toMatchObject({ status: 'applied' });
    await sweepAt(at - BEFORE);
    expect(await reminders(buyer)).toEqual([]);
  });

  it('goes with the account of either of them when it is deleted', async () => {
    await agree(T0 + 3 * HOUR);
    expect((await server.app.request('/api/account', { method: 'DELETE', headers: { cookie: buyer.cookie } })).status).toBe(204);
    expect(await countRows(server.store, 'appointment_reminders')).toBe(0);
  });

  it('is pushed to their subscribed device, opening the chat', async () => {
    const phone = endpoint.device();
    await subscribe(server, { ...buyer, phone: { clientId: buyer.clientId } }, phone, { locale: 'ko' });
    const at = T0 + 3 * HOUR;
    await agree(at);
    await server.pushes.idle();
    const before = phone.payloads().length;
    await sweepAt(at - BEFORE);
    await server.pushes.idle();
    expect(phone.payloads().slice(before)).toMatchObject([{ kind: 'appointment', subjectId: chat, actorName: seller.nickname, snippet: PLACE, at, url: `/chats/${encodeURIComponent(chat)}`, locale: 'ko' }]);
  });
});

describe('several sweepers on one database', () => {
  it('make each reminder exactly once between them', async () => {
    const at = T0 + 3 * HOUR;
    // More than one sweep's batch, each its own conversation with a confirmed appointment.
    const buyers = Array.from({ length: 70 }, (_, i) => ({ id: `buyer-${i}`, nickname: `이웃${i}` }));
    await server.store.transaction(async (tx) => {
      for (const { id, nickname } of buyers) {
        await tx.actors.insert({ id, nickname, createdAt: T0 });
        const appointment = { id: randomUUID(), at, place: PLACE, lat: null, lng: null, proposedBy: seller.actorId, confirmed: true };
        await tx.conversations.save({ listingId: chair, buyerId: id, sellerId: seller.actorId, ...conversationStart(T0), appointment }, await tx.sync.nextChangeSeq());
        await tx.appointmentReminders.set({ listingId: chair, buyerId: id, appointmentId: appointment.id, at, dueAt: at - BEFORE });
      }
    });
    const counter = await changeCounter(server.store);

    // Another instance has a pool of its own on the same PostgreSQL database; SQLite has one process.
    const others: Store[] = server.url ? [0, 1].map(() => new PostgresStore(new pg.Pool({ connectionString: server.url, max: 4 }))) : [server.store, server.store];
    const sweepers = [
      server.reminders,
      ...others.map((store) => createReminderSweeper({ store, clock: server.clock, changes: createLocalChangeBus(), pushes: { poke() {} }, log: (line) => server.logged.push(line) })),
    ];
    server.clock.set(at - BEFORE);
    try {
      for (const sweeper of sweepers) sweeper.poke();
      await Promise.all(sweepers.map((sweeper) => sweeper.idle()));
    } finally {
      if (server.url) await Promise.all(others.map((store) => store.close()));
    }

    // Two notifications a reminder (the buyer's, the seller's), each taking one change number: a
    // reminder made twice would have refreshed its rows under more.
    expect(await changeCounter(server.store)).toBe(counter + 2 * buyers.length);
    expect(await countRows(server.store, 'notifications')).toBe(2 * buyers.length + 1);
    expect(await countRows(server.store, 'appointment_reminders')).toBe(0);
  });
});
