// What a trade tells the people in it, through push and pull as devices see it (either engine): the
// other side's chat message, offer, answer and appointment, one line per conversation that the next
// refreshes; reading the chat reads them; nothing for one's own action, for a stranger or across a
// block; after a sale a request to each side to review the other, once; and the push of a message.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { conversationId, notificationPath, type Notification } from '@dongne/shared';
import { createTestServer, pull, T0, type TestServer } from '../testing/harness.js';
import { startPushEndpoint, type PushEndpoint } from '../testing/push-endpoint.js';
import { subscribe } from '../testing/push-people.js';
import { query } from '../testing/test-store.js';
import { people, say, type Person } from '../testing/trading.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

let endpoint: PushEndpoint;
let server: TestServer;
let tools: ReturnType<typeof people>;
let seller: Person;
/** Verified at home: may start conversations. */
let buyer: Person;
let chair: string;
let chat: string;

beforeEach(async () => {
  endpoint = await startPushEndpoint();
  server = await createTestServer({ pushAgent: endpoint.agent });
  tools = people(server);
  seller = await tools.person();
  buyer = await tools.person({ verified: true });
  chair = await tools.publish(seller, { title: '원목 의자', priceKrw: 30_000, acceptsOffers: true });
  chat = conversationId(chair, buyer.actorId);
});
afterEach(async () => {
  expect(server.logged).toEqual([]);
  await server.close();
  await endpoint.close();
});

/** The person's inbox as their devices hold it after pulling everything, oldest change first. */
const inbox = async (who: Person): Promise<Notification[]> => [...(await who.view()).notifications.values()];

/** The fields a notification of the trade leaves empty unless it says otherwise. */
const NOTHING_ELSE = { keyword: null, event: null, snippet: null, amountKrw: null, at: null, messageKind: null, readAt: null };

describe('a chat message', () => {
  it('reaches the other side’s inbox with who sent it, the listing and its first words, opening the chat; never the sender’s', async () => {
    expect(await buyer.act('chat.send', say(chair, buyer.actorId, 'Is it still available?'))).toMatchObject({ status: 'applied' });
    const [told] = await inbox(seller);
    expect(told).toEqual({
      ...NOTHING_ELSE,
      id: told.id,
      kind: 'message',
      subjectId: chat,
      title: '원목 의자',
      actorId: buyer.actorId,
      actorName: buyer.nickname,
      snippet: 'Is it still available?',
      messageKind: 'text',
      createdAt: T0,
    });
    expect(notificationPath(told)).toBe(`/chats/${encodeURIComponent(chat)}`);
    expect(await inbox(buyer)).toEqual([]);

    expect(await seller.act('chat.send', say(chair, buyer.actorId, '네 있어요'))).toMatchObject({ status: 'applied' });
    expect(await inbox(buyer)).toMatchObject([{ kind: 'message', subjectId: chat, actorId: seller.actorId, actorName: seller.nickname, snippet: '네 있어요' }]);
    // The seller's own answer did not touch what they were told.
    expect(await inbox(seller)).toEqual([told]);
  });

  it('keeps the first 80 characters, on one line, never half an emoji', async () => {
    const text = `안녕하세요!\n\n  ${'🪑'.repeat(50)} ${'가'.repeat(100)}`;
    await buyer.act('chat.send', say(chair, buyer.actorId, text));
    const [told] = await inbox(seller);
    expect(told.snippet).toBe(`안녕하세요! ${'🪑'.repeat(50)} ${'가'.repeat(22)}`);
    expect([...told.snippet!]).toHaveLength(80);
  });

  it('is one line per conversation: the next message refreshes it — its words and time, unread again, pulled again', async () => {
    await buyer.act('chat.send', say(chair, buyer.actorId, 'Is it still available?'));
    const [first] = await inbox(seller);
    expect(await seller.act('notification.read', { ids: [first.id] })).toMatchObject({ status: 'applied' });
    const { cursor } = await pull(server.app, seller.cookie, { limit: 1000 });

    server.clock.advance(MINUTE);
    await buyer.act('chat.send', say(chair, buyer.actorId, 'Could I come by at 7?'));
    const page = await pull(server.app, seller.cookie, { cursor, limit: 1000 });
    const refreshed = page.changes.flatMap((c) => (c.entity === 'notification' ? [c.row] : []));
    expect(refreshed).toEqual([{ ...first, snippet: 'Could I come by at 7?', createdAt: T0 + MINUTE, readAt: null }]);
    expect(await inbox(seller)).toHaveLength(1);
    // Another conversation is another line.
    const second = await tools.person({ verified: true });
    await second.act('chat.send', say(chair, second.actorId, 'Me too!'));
    expect((await inbox(seller)).map((n) => [n.subjectId, n.snippet])).toEqual([
      [chat, 'Could I come by at 7?'],
      [conversationId(chair, second.actorId), 'Me too!'],
    ]);
  });

  it('is read once the conversation is read to the end, on every device', async () => {
    await buyer.act('chat.send', say(chair, buyer.actorId, 'Is it still available?'));
    await buyer.act('chat.offer', { id: randomUUID(), listingId: chair, buyerId: buyer.actorId, priceKrw: 25_000 });
    await seller.act('chat.read', { listingId: chair, buyerId: buyer.actorId, upTo: 1 });
    expect((await inbox(seller)).map((n) => [n.kind, n.readAt])).toEqual([
      ['message', null],
      ['offer', null],
    ]);
    await seller.act('chat.read', { listingId: chair, buyerId: buyer.actorId, upTo: 2 });
    expect((await inbox(seller)).map((n) => [n.kind, n.readAt])).toEqual([
      ['message', T0],
      ['offer', T0],
    ]);
  });
});

describe('offers and appointments', () => {
  it('an offer tells the seller its price; the answer tells the buyer, accepted or declined', async () => {
    const offer = { id: randomUUID(), listingId: chair, buyerId: buyer.actorId, priceKrw: 25_000 };
    expect(await buyer.act('chat.offer', offer)).toMatchObject({ status: 'applied' });
    expect(await inbox(seller)).toMatchObject([{ ...NOTHING_ELSE, kind: 'offer', subjectId: chat, title: '원목 의자', actorId: buyer.actorId, amountKrw: 25_000 }]);
    expect(await seller.act('chat.answer_offer', { id: randomUUID(), listingId: chair, buyerId: buyer.actorId, offerId: offer.id, accept: false })).toMatchObject({
      status: 'applied',
    });
    expect(await inbox(buyer)).toMatchObject([{ ...NOTHING_ELSE, kind: 'message', subjectId: chat, actorId: seller.actorId, messageKind: 'offer_declined', amountKrw: 25_000 }]);

    // A better offer refreshes the seller's line; its acceptance the buyer's.
    const better = { ...offer, id: randomUUID(), priceKrw: 28_000 };
    await buyer.act('chat.offer', better);
    await seller.act('chat.answer_offer', { id: randomUUID(), listingId: chair, buyerId: buyer.actorId, offerId: better.id, accept: true });
    expect((await inbox(seller)).map((n) => [n.kind, n.amountKrw])).toEqual([['offer', 28_000]]);
    expect((await inbox(buyer)).map((n) => [n.kind, n.messageKind, n.amountKrw])).toEqual([['message', 'offer_accepted', 28_000]]);
  });

  it('an appointment proposed tells the other side when and where; confirmed, the one who proposed it', async () => {
    await buyer.act('chat.send', say(chair, buyer.actorId, 'Is it still available?'));
    const at = T0 + 3 * HOUR;
    const proposal = { id: randomUUID(), listingId: chair, buyerId: buyer.actorId, at, place: '수내역 3번 출구' };
    expect(await seller.act('chat.propose_appointment', proposal)).toMatchObject({ status: 'applied' });
    expect(await inbox(buyer)).toMatchObject([{ ...NOTHING_ELSE, kind: 'message', actorId: seller.actorId, messageKind: 'appointment', at, snippet: '수내역 3번 출구' }]);
    expect(await buyer.act('chat.confirm_appointment', { id: randomUUID(), listingId: chair, buyerId: buyer.actorId, appointmentId: proposal.id })).toMatchObject({
      status: 'applied',
    });
    expect(await inbox(seller)).toMatchObject([{ kind: 'message', actorId: buyer.actorId, messageKind: 'appointment_confirmed', at, snippet: '수내역 3번 출구' }]);
  });
});

describe('nobody else', () => {
  it('nothing across a block: the chat refuses, and neither is told', async () => {
    await buyer.act('chat.send', say(chair, buyer.actorId, 'Is it still available?'));
    const before = await inbox(seller);
    expect(await seller.act('block.set', { actorId: buyer.actorId, blocked: true })).toMatchObject({ status: 'applied' });
    expect(await buyer.act('chat.send', say(chair, buyer.actorId, 'Hello?'))).toMatchObject({ status: 'rejected', code: 'chat.blocked' });
    expect(await inbox(seller)).toEqual(before);
    expect(await inbox(buyer)).toEqual([]);
  });

  it('reserving tells the buyer nothing of its own (the chat says it), and a stranger hears nothing', async () => {
    const stranger = await tools.person({ verified: true });
    await buyer.act('chat.send', say(chair, buyer.actorId, 'Is it still available?'));
    expect(await seller.act('trade.reserve', { listingId: chair, buyerId: buyer.actorId })).toMatchObject({ status: 'applied' });
    expect(await inbox(buyer)).toEqual([]);
    expect(await inbox(stranger)).toEqual([]);
  });
});

describe('after a sale', () => {
  const sell = () => seller.act('trade.complete', { listingId: chair, buyerId: buyer.actorId });
  const reviewRequests = async (who: Person) => (await inbox(who)).filter((n) => n.kind === 'review_request');

  beforeEach(async () => {
    await buyer.act('chat.send', say(chair, buyer.actorId, 'Is it still available?'));
  });

  it('asks the buyer and the seller each to review the other, opening the review of that trade; once', async () => {
    expect(await sell()).toMatchObject({ status: 'applied' });
    const [toBuyer] = await reviewRequests(buyer);
    expect(toBuyer).toEqual({ ...NOTHING_ELSE, id: toBuyer.id, kind: 'review_request', subjectId: chair, title: '원목 의자', actorId: seller.actorId, actorName: seller.nickname, createdAt: T0 });
    expect(notificationPath(toBuyer)).toBe(`/reviews/new?listing=${chair}&to=${encodeURIComponent(seller.actorId)}`);
    expect(await reviewRequests(seller)).toMatchObject([{ kind: 'review_request', subjectId: chair, actorId: buyer.actorId, actorName: buyer.nickname }]);

    // Put back on sale and sold to them again: asked once already.
    server.clock.advance(HOUR);
    expect(await seller.act('listing.set_status', { id: chair, status: 'selling' })).toMatchObject({ status: 'applied' });
    expect(await sell()).toMatchObject({ status: 'applied' });
    expect(await reviewRequests(buyer)).toEqual([toBuyer]);
    expect(await reviewRequests(seller)).toHaveLength(1);
  });

  it('does not ask someone who has reviewed the trade already (a sale from before the inbox asked)', async () => {
    await sell();
    expect(await buyer.act('review.create', { id: randomUUID(), listingId: chair, revieweeId: seller.actorId, good: ['kind'], bad: [] })).toMatchObject({ status: 'applied' });
    await query(server.store, "DELETE FROM notifications WHERE kind = 'review_request' RETURNING id");
    await seller.act('listing.set_status', { id: chair, status: 'selling' });
    await sell();
    expect(await reviewRequests(buyer)).toEqual([]);
    expect(await reviewRequests(seller)).toMatchObject([{ actorId: buyer.actorId }]);
  });
});

describe('the push of a chat message', () => {
  /** 23:00 in Seoul, inside the default quiet hours (22:00–08:00); 08:00 the next morning. */
  const LATE = Date.UTC(2026, 2, 1, 14, 0);
  const MORNING = Date.UTC(2026, 2, 1, 23, 0);
  const sellerPhone = () => ({ ...seller, phone: { clientId: seller.clientId } });

  it('carries who wrote, what and where it opens, in the device’s language', async () => {
    const phone = endpoint.device();
    await subscribe(server, sellerPhone(), phone, { locale: 'ko' });
    await buyer.act('chat.send', say(chair, buyer.actorId, 'Is it still available?'));
    await server.pushes.idle();
    const [told] = await inbox(seller);
    expect(phone.payloads()).toEqual([
      {
        notificationId: told.id,
        kind: 'message',
        subjectId: chat,
        title: '원목 의자',
        keyword: null,
        event: null,
        actorName: buyer.nickname,
        snippet: 'Is it still available?',
        amountKrw: null,
        at: null,
        messageKind: 'text',
        url: `/chats/${encodeURIComponent(chat)}`,
        locale: 'ko',
        createdAt: T0,
      },
    ]);
  });

  it('is pushed again for each refresh, but a conversation held by quiet hours is one push in the morning, of its newest words', async () => {
    const phone = endpoint.device();
    await subscribe(server, sellerPhone(), phone);
    await buyer.act('chat.send', say(chair, buyer.actorId, 'Is it still available?'));
    server.clock.advance(MINUTE);
    await buyer.act('chat.send', say(chair, buyer.actorId, 'Could I come by at 7?'));
    await server.pushes.idle();
    expect(phone.payloads().map((p) => p.snippet)).toEqual(['Is it still available?', 'Could I come by at 7?']);

    server.clock.set(LATE);
    for (const text of ['Sorry, it is late', 'Tomorrow then?', 'Good night']) await buyer.act('chat.send', say(chair, buyer.actorId, text));
    server.clock.set(MORNING);
    server.pushes.poke();
    await server.pushes.idle();
    expect(phone.payloads().map((p) => p.snippet)).toEqual(['Is it still available?', 'Could I come by at 7?', 'Good night']);
  });
});
