// Chat about a listing, through push and pull as real devices do it (either engine): who receives a
// conversation, how its messages are numbered and counted unread, that a retried push adds nothing,
// who may not get in, offers, appointments, blocks, reports, and the poke that tells the seller to pull.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { CHAT_LIMITS, conversationId, conversationSchema, chatMessageSchema, LIVE_POKE, type Listing } from '@dongne/shared';
import { createTestServer, device, dumpTables, mutation, pullAll, push, T0, type TestServer } from '../testing/harness.js';
import { HOME } from '../testing/fixes.js';
import { listenWithWebSockets, openLiveChannel, type ListeningServer } from '../testing/live-client.js';
import { TEST_ENGINE } from '../testing/test-store.js';
import { atTheSameMoment, conversationIn, messagesIn, people, say, type Person } from '../testing/trading.js';

const BUSAN = 'kr-haeundae-u';
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

let server: TestServer;
let seller: Person;
/** Holds Sunae-dong and verified there today, so can start conversations. */
let buyer: Person;
/** Verified too: what keeps them out is not verification. */
let stranger: Person;
let chair: string;
let thumb: string;

beforeEach(async () => {
  // No folding of pokes, so the live channel tests can count them.
  server = await createTestServer({ pokeGapMs: 0 });
  const { person, publish, photo } = people(server);
  seller = await person();
  buyer = await person({ verified: true });
  stranger = await person({ verified: true });
  const photos = [await photo(seller)];
  thumb = photos[0].thumb;
  chair = await publish(seller, { title: '원목 의자', priceKrw: 30_000, acceptsOffers: true, photos });
});
afterEach(() => server.close());

/** The rows a refused chat action must leave alone. */
async function chatTables() {
  const { conversations, messages, listings, change_counter } = await dumpTables(server.store);
  return { conversations, messages, listings, change_counter };
}

const texts = (messages: { text: string }[]) => messages.map((m) => m.text);

describe('a conversation between a buyer and a seller', () => {
  it("delivers the buyer's messages to the seller and back to the buyer, numbered in the order they were pushed", async () => {
    const first = say(chair, buyer.actorId, 'Is it still available?');
    expect(await buyer.act('chat.send', first)).toMatchObject({ status: 'applied' });
    server.clock.advance(MINUTE);
    expect(await buyer.act('chat.send', say(chair, buyer.actorId, 'Could I come by tonight?'))).toMatchObject({ status: 'applied' });
    expect(await buyer.act('chat.send', say(chair, buyer.actorId, '7pm at Sunae station exit 3?'))).toMatchObject({ status: 'applied' });

    const atSeller = messagesIn(await seller.view(), chair, buyer.actorId);
    expect(texts(atSeller)).toEqual(['Is it still available?', 'Could I come by tonight?', '7pm at Sunae station exit 3?']);
    expect(atSeller.map((m) => m.n)).toEqual([1, 2, 3]);
    expect(atSeller[0]).toEqual({
      id: first.id,
      conversationId: conversationId(chair, buyer.actorId),
      listingId: chair,
      buyerId: buyer.actorId,
      senderId: buyer.actorId,
      kind: 'text',
      text: 'Is it still available?',
      priceKrw: null,
      appointment: null,
      refId: null,
      n: 1,
      createdAt: T0,
    });
    expect(chatMessageSchema.parse(atSeller[1])).toEqual(atSeller[1]);
    expect(atSeller[1].createdAt).toBe(T0 + MINUTE);
    // The buyer's other devices get their own words back the same way.
    expect(messagesIn(await buyer.view(), chair, buyer.actorId)).toEqual(atSeller);

    // The seller answers in the same conversation, named by its buyer.
    expect(await seller.act('chat.send', say(chair, buyer.actorId, 'Yes, 7pm works.'))).toMatchObject({ status: 'applied' });
    const reply = messagesIn(await buyer.view(), chair, buyer.actorId)[3];
    expect(reply).toMatchObject({ n: 4, senderId: seller.actorId, buyerId: buyer.actorId, text: 'Yes, 7pm works.' });
  });

  it("keeps the conversation from everyone else: a third person's pull and a visitor's carry neither it nor its messages", async () => {
    await buyer.act('chat.send', say(chair, buyer.actorId, 'Is it still available?'));
    await seller.act('chat.send', say(chair, buyer.actorId, 'It is!'));

    const strangers = await stranger.view();
    expect(strangers.conversations.size).toBe(0);
    expect(strangers.messages).toEqual([]);
    const visitors = (await pullAll(server.app, undefined)).changes;
    expect(visitors.filter((c) => c.op === 'upsert' && (c.entity === 'conversation' || c.entity === 'message'))).toEqual([]);
    // Not because they see nothing: the listing itself reaches them both.
    const listingIds = (changes: typeof visitors) => changes.flatMap((c) => (c.op === 'upsert' && c.entity === 'listing' ? [c.row.id] : []));
    expect(listingIds(visitors)).toContain(chair);
    expect(listingIds((await pullAll(server.app, stranger.cookie)).changes)).toContain(chair);
  });

  it("carries the listing's title, price and thumbnail and both people's nicknames and temperatures on the conversation row", async () => {
    await buyer.act('chat.send', say(chair, buyer.actorId, 'Is it still available?'));
    const conversation = conversationIn(await seller.view(), chair, buyer.actorId)!;
    expect(conversationSchema.parse(conversation)).toEqual(conversation);
    expect(conversation).toEqual({
      id: conversationId(chair, buyer.actorId),
      listingId: chair,
      buyerId: buyer.actorId,
      sellerId: seller.actorId,
      buyer: { id: buyer.actorId, nickname: buyer.nickname, mannerTemperature: 36.5 },
      seller: { id: seller.actorId, nickname: seller.nickname, mannerTemperature: 36.5 },
      listing: { title: '원목 의자', priceKrw: 30_000, status: 'selling', acceptsOffers: true, thumb, deleted: false },
      lastMessage: { senderId: buyer.actorId, kind: 'text', text: 'Is it still available?', priceKrw: null, at: T0 },
      lastN: 1,
      buyerReadN: 1,
      sellerReadN: 0,
      buyerUnread: 0,
      sellerUnread: 1,
      offer: null,
      appointment: null,
      trade: null,
      buyerReviewed: false,
      sellerReviewed: false,
      createdAt: T0,
      updatedAt: T0,
    });
    expect(conversationIn(await buyer.view(), chair, buyer.actorId)).toEqual(conversation);
  });

  it('counts what the seller has not read, zeroes it when they read, never reads backwards, and stops at the last message', async () => {
    const unread = async () => conversationIn(await seller.view(), chair, buyer.actorId)!;
    for (const [i, text] of ['Hello', 'Still for sale?', 'I can pay cash'].entries()) {
      await buyer.act('chat.send', say(chair, buyer.actorId, text));
      expect(await unread()).toMatchObject({ sellerUnread: i + 1, sellerReadN: 0, buyerUnread: 0, buyerReadN: i + 1 });
    }

    expect(await seller.act('chat.read', { listingId: chair, buyerId: buyer.actorId, upTo: 2 })).toMatchObject({ status: 'applied' });
    expect(await unread()).toMatchObject({ sellerReadN: 2, sellerUnread: 1 });
    // The buyer sees how far the seller has read.
    expect(conversationIn(await buyer.view(), chair, buyer.actorId)).toMatchObject({ sellerReadN: 2 });

    // A device that lagged behind reports an older point: applied, and nothing moves back.
    const before = await chatTables();
    expect(await seller.act('chat.read', { listingId: chair, buyerId: buyer.actorId, upTo: 1 })).toMatchObject({ status: 'applied' });
    expect(await chatTables()).toEqual(before);

    // Past the last message is as far as the last message.
    expect(await seller.act('chat.read', { listingId: chair, buyerId: buyer.actorId, upTo: 99 })).toMatchObject({ status: 'applied' });
    expect(await unread()).toMatchObject({ lastN: 3, sellerReadN: 3, sellerUnread: 0 });

    // The seller's answer is the buyer's to read, and reading it clears it.
    await seller.act('chat.send', say(chair, buyer.actorId, 'Yes, come by'));
    expect(await unread()).toMatchObject({ lastN: 4, sellerReadN: 4, buyerUnread: 1, buyerReadN: 3 });
    await buyer.act('chat.read', { listingId: chair, buyerId: buyer.actorId, upTo: 4 });
    expect(await unread()).toMatchObject({ buyerUnread: 0, buyerReadN: 4 });
  });
});

describe('each message exactly once, in order', () => {
  it('answers a batch pushed twice (a lost response) the same, and adds nothing the second time', async () => {
    const batch = ['Hi!', 'Is the chair sturdy?', 'Could you hold it until Friday?'].map((text) =>
      mutation(buyer.nextSeq(), 'chat.send', say(chair, buyer.actorId, text)),
    );
    const lost = await push(server.app, buyer.cookie, buyer.clientId, batch);
    expect(lost.results.map((r) => r.status)).toEqual(['applied', 'applied', 'applied']);
    const tables = await dumpTables(server.store);

    server.clock.advance(MINUTE);
    expect(await push(server.app, buyer.cookie, buyer.clientId, batch)).toEqual(lost);
    expect(await dumpTables(server.store)).toEqual(tables);
    const atSeller = messagesIn(await seller.view(), chair, buyer.actorId);
    expect(texts(atSeller)).toEqual(['Hi!', 'Is the chair sturdy?', 'Could you hold it until Friday?']);
    expect(conversationIn(await seller.view(), chair, buyer.actorId)).toMatchObject({ lastN: 3, sellerUnread: 3 });
  });

  it('keeps five messages pushed together, and a later batch that retries the first two, as 1 to 5 with no repeats', async () => {
    const five = ['one', 'two', 'three', 'four', 'five'].map((text) => mutation(buyer.nextSeq(), 'chat.send', say(chair, buyer.actorId, text)));
    const applied = await push(server.app, buyer.cookie, buyer.clientId, five);
    expect(applied.lastSeq).toBe(five[4].seq);

    // The device heard back about none of them, sends the first two again, with a new one behind.
    const six = mutation(buyer.nextSeq(), 'chat.send', say(chair, buyer.actorId, 'six'));
    const retried = await push(server.app, buyer.cookie, buyer.clientId, [five[0], five[1], six]);
    expect(retried.results).toEqual([applied.results[0], applied.results[1], { mutationId: six.mutationId, seq: six.seq, status: 'applied' }]);

    for (const view of [await seller.view(), await buyer.view()]) {
      const messages = messagesIn(view, chair, buyer.actorId);
      expect(texts(messages)).toEqual(['one', 'two', 'three', 'four', 'five', 'six']);
      expect(messages.map((m) => m.n)).toEqual([1, 2, 3, 4, 5, 6]);
      expect(new Set(messages.map((m) => m.id)).size).toBe(6);
    }
  });

  it('reaches a fresh device paging in small pages, every message once and in order beside the listings', async () => {
    const said = Array.from({ length: 12 }, (_, i) => `message ${i + 1}`);
    await push(server.app, buyer.cookie, buyer.clientId, said.map((text) => mutation(buyer.nextSeq(), 'chat.send', say(chair, buyer.actorId, text))));
    await seller.act('chat.send', say(chair, buyer.actorId, 'ok!'));
    const { pages, changes } = await pullAll(server.app, seller.cookie, 0, 3);
    expect(pages.length).toBeGreaterThan(4);
    const messages = changes.flatMap((c) => (c.op === 'upsert' && c.entity === 'message' ? [c.row] : []));
    expect(texts(messages)).toEqual([...said, 'ok!']);
    expect(messages.map((m) => m.n)).toEqual(said.map((_, i) => i + 1).concat(13));
  });

  it('gives one numbering to the buyer writing from two devices in turn, and the seller answering between', async () => {
    const laptop = device();
    const fromLaptop = (text: string) => push(server.app, buyer.cookie, laptop.clientId, [mutation(laptop.nextSeq(), 'chat.send', say(chair, buyer.actorId, text))]);
    await buyer.act('chat.send', say(chair, buyer.actorId, 'phone 1'));
    await fromLaptop('laptop 1');
    await seller.act('chat.send', say(chair, buyer.actorId, 'seller 1'));
    await buyer.act('chat.send', say(chair, buyer.actorId, 'phone 2'));
    await fromLaptop('laptop 2');

    const messages = messagesIn(await seller.view(), chair, buyer.actorId);
    expect(messages.map((m) => [m.n, m.text])).toEqual([
      [1, 'phone 1'],
      [2, 'laptop 1'],
      [3, 'seller 1'],
      [4, 'phone 2'],
      [5, 'laptop 2'],
    ]);
    // Both buyer devices are in one conversation, not two.
    expect([...(await buyer.view()).conversations.keys()]).toEqual([conversationId(chair, buyer.actorId)]);
  });
});

// SQLite applies one push at a time; PostgreSQL applies pushes at once (on one instance or several),
// so two people acting in one conversation can cross each other there.
describe.runIf(TEST_ENGINE === 'postgres')('both sides acting at the same moment, on PostgreSQL', () => {
  it('applies a message and a read receipt that cross each other, both in full: nothing said goes missing, nothing read goes back', async () => {
    await buyer.act('chat.send', say(chair, buyer.actorId, 'Hello'));
    const [sent, read] = await atTheSameMoment(
      server,
      () => buyer.act('chat.send', say(chair, buyer.actorId, 'Still there?')),
      () => seller.act('chat.read', { listingId: chair, buyerId: buyer.actorId, upTo: 1 }),
    );
    expect([sent.status, read.status]).toEqual(['applied', 'applied']);
    expect(conversationIn(await seller.view(), chair, buyer.actorId)).toMatchObject({ lastN: 2, sellerReadN: 1, sellerUnread: 1, lastMessage: { text: 'Still there?' } });
    // And the conversation goes on from there.
    expect(await seller.act('chat.send', say(chair, buyer.actorId, 'Yes!'))).toMatchObject({ status: 'applied' });
    expect(messagesIn(await buyer.view(), chair, buyer.actorId).map((m) => [m.n, m.text])).toEqual([
      [1, 'Hello'],
      [2, 'Still there?'],
      [3, 'Yes!'],
    ]);
  });

  it('numbers two messages sent at the same moment one after the other, refusing neither', async () => {
    await buyer.act('chat.send', say(chair, buyer.actorId, 'Hello'));
    const [fromBuyer, fromSeller] = await atTheSameMoment(
      server,
      () => buyer.act('chat.send', say(chair, buyer.actorId, 'Is 7pm ok?')),
      () => seller.act('chat.send', say(chair, buyer.actorId, 'Hi there')),
    );
    expect([fromBuyer.status, fromSeller.status]).toEqual(['applied', 'applied']);
    expect(messagesIn(await seller.view(), chair, buyer.actorId).map((m) => [m.n, m.text])).toEqual([
      [1, 'Hello'],
      [2, 'Is 7pm ok?'],
      [3, 'Hi there'],
    ]);
  });

  it('starts one conversation when the buyer writes first from two devices at the same moment', async () => {
    const laptop = device();
    const [fromPhone, fromLaptop] = await atTheSameMoment(
      server,
      () => buyer.act('chat.send', say(chair, buyer.actorId, 'Hi from my phone')),
      () => push(server.app, buyer.cookie, laptop.clientId, [mutation(laptop.nextSeq(), 'chat.send', say(chair, buyer.actorId, 'Hi from my laptop'))]),
    );
    expect([fromPhone.status, fromLaptop.results[0].status]).toEqual(['applied', 'applied']);
    const sellers = await seller.view();
    expect(messagesIn(sellers, chair, buyer.actorId).map((m) => [m.n, m.text])).toEqual([
      [1, 'Hi from my phone'],
      [2, 'Hi from my laptop'],
    ]);
    expect(conversationIn(sellers, chair, buyer.actorId)).toMatchObject({ lastN: 2, sellerUnread: 2 });
  });
});

describe('someone else trying to get in', () => {
  it("refuses a third person writing as the buyer or marking the buyer's conversation read (chat.not_participant)", async () => {
    await buyer.act('chat.send', say(chair, buyer.actorId, 'Is it still available?'));
    const before = await chatTables();
    expect(await stranger.act('chat.send', say(chair, buyer.actorId, 'I am the buyer now'))).toMatchObject({
      status: 'rejected',
      code: 'chat.not_participant',
    });
    expect(await stranger.act('chat.read', { listingId: chair, buyerId: buyer.actorId, upTo: 1 })).toMatchObject({
      status: 'rejected',
      code: 'chat.not_participant',
    });
    expect(await chatTables()).toEqual(before);
  });

  it('gives a third person who writes about the same listing a conversation of their own, which the first buyer never sees', async () => {
    await buyer.act('chat.send', say(chair, buyer.actorId, 'Is it still available?'));
    expect(await stranger.act('chat.send', say(chair, stranger.actorId, 'Me too, is it available?'))).toMatchObject({ status: 'applied' });

    const sellers = await seller.view();
    expect([...sellers.conversations.keys()].sort()).toEqual([conversationId(chair, buyer.actorId), conversationId(chair, stranger.actorId)].sort());
    expect(messagesIn(sellers, chair, stranger.actorId)).toMatchObject([{ n: 1, text: 'Me too, is it available?' }]);
    const buyers = await buyer.view();
    expect([...buyers.conversations.keys()]).toEqual([conversationId(chair, buyer.actorId)]);
    expect(texts(buyers.messages)).toEqual(['Is it still available?']);
    const strangers = await stranger.view();
    expect([...strangers.conversations.keys()]).toEqual([conversationId(chair, stranger.actorId)]);
    expect(texts(strangers.messages)).toEqual(['Me too, is it available?']);
  });

  it('refuses a seller who writes first to someone who never asked (chat.no_conversation)', async () => {
    expect(await seller.act('chat.send', say(chair, buyer.actorId, 'Want my chair?'))).toMatchObject({ status: 'rejected', code: 'chat.no_conversation' });
    expect(await seller.act('chat.read', { listingId: chair, buyerId: buyer.actorId, upTo: 1 })).toMatchObject({ code: 'chat.no_conversation' });
    expect((await buyer.view()).conversations.size).toBe(0);
  });

  it('refuses a seller chatting about their own listing as its buyer (chat.own_listing)', async () => {
    expect(await seller.act('chat.send', say(chair, seller.actorId, 'Talking to myself'))).toMatchObject({ status: 'rejected', code: 'chat.own_listing' });
    expect((await seller.view()).conversations.size).toBe(0);
  });

  it('refuses a new conversation about a listing that does not exist or was deleted (listing.not_found); one already started goes on', async () => {
    expect(await buyer.act('chat.send', say(randomUUID(), buyer.actorId, 'Hello?'))).toMatchObject({ status: 'rejected', code: 'listing.not_found' });

    await buyer.act('chat.send', say(chair, buyer.actorId, 'Is it still available?'));
    expect(await seller.act('listing.delete', { id: chair })).toMatchObject({ status: 'applied' });
    expect(await stranger.act('chat.send', say(chair, stranger.actorId, 'Is it still available?'))).toMatchObject({
      status: 'rejected',
      code: 'listing.not_found',
    });
    // The buyer and seller can still finish what they were saying, and see that the listing went.
    expect(await seller.act('chat.send', say(chair, buyer.actorId, 'Sorry, I took it down'))).toMatchObject({ status: 'applied' });
    expect(conversationIn(await buyer.view(), chair, buyer.actorId)).toMatchObject({ lastN: 2, listing: { deleted: true } });
  });

  it('refuses a hidden listing a new conversation too (listing.not_found)', async () => {
    await seller.act('listing.set_hidden', { id: chair, hidden: true });
    expect(await buyer.act('chat.send', say(chair, buyer.actorId, 'Hello?'))).toMatchObject({ status: 'rejected', code: 'listing.not_found' });
  });

  it('asks someone with no current verification to verify before starting a conversation (location.verification_required)', async () => {
    const { person, publish } = people(server);
    const newcomer = await person();
    expect(await newcomer.act('chat.send', say(chair, newcomer.actorId, 'Hello?'))).toMatchObject({
      status: 'rejected',
      code: 'location.verification_required',
      message: 'Chatting with a seller needs a verified neighbourhood. Verify your neighbourhood while you are there, then send again.',
    });
    expect((await seller.view()).conversations.size).toBe(0);

    // A verification lasts 30 days: after that, the buyer can go on talking but not start anew.
    await buyer.act('chat.send', say(chair, buyer.actorId, 'Is it still available?'));
    const lamp = await publish(seller, { title: 'Desk lamp' });
    // Both open the app now and then (which keeps them signed in) until the verification is 31 days old.
    server.clock.advance(29 * DAY);
    await Promise.all([seller.view(), buyer.view()]);
    server.clock.advance(2 * DAY);
    expect(await buyer.act('chat.send', say(lamp, buyer.actorId, 'And the lamp?'))).toMatchObject({ code: 'location.verification_required' });
    expect(await buyer.act('chat.send', say(chair, buyer.actorId, 'Still thinking about the chair'))).toMatchObject({ status: 'applied' });
  });

  it('refuses a message id that is already used, whoever used it (chat.id_taken), and keeps nothing of the refused message', async () => {
    const first = say(chair, buyer.actorId, 'Is it still available?');
    await buyer.act('chat.send', first);
    const before = await chatTables();
    expect(await buyer.act('chat.send', say(chair, buyer.actorId, 'Another message', first.id))).toMatchObject({
      status: 'rejected',
      code: 'chat.id_taken',
    });
    // In a conversation of their own, which the refusal must not leave behind half-made.
    expect(await stranger.act('chat.send', say(chair, stranger.actorId, 'Hello', first.id))).toMatchObject({ status: 'rejected', code: 'chat.id_taken' });
    expect(await chatTables()).toEqual(before);
  });

  it('refuses bad arguments (mutation.invalid_args): an empty message, one too long, and ids that are not ids', async () => {
    const before = await chatTables();
    for (const args of [
      say(chair, buyer.actorId, ''),
      say(chair, buyer.actorId, '   \n  '),
      say(chair, buyer.actorId, 'x'.repeat(CHAT_LIMITS.textMax + 1)),
      say(chair, buyer.actorId, 'Hello', 'not-a-uuid'),
      say('chair', buyer.actorId, 'Hello'),
      say(chair, '', 'Hello'),
      { listingId: chair, buyerId: buyer.actorId, text: 'No id' },
    ]) {
      expect(await buyer.act('chat.send', args), JSON.stringify(args).slice(0, 80)).toMatchObject({ status: 'rejected', code: 'mutation.invalid_args' });
    }
    expect(await buyer.act('chat.read', { listingId: chair, buyerId: buyer.actorId, upTo: 0 })).toMatchObject({ code: 'mutation.invalid_args' });
    expect(await chatTables()).toEqual(before);
    // Exactly the limit is fine.
    expect(await buyer.act('chat.send', say(chair, buyer.actorId, 'x'.repeat(CHAT_LIMITS.textMax)))).toMatchObject({ status: 'applied' });
  });
});

describe('offers (가격 제안)', () => {
  const offer = (priceKrw: number, listingId = chair, id = randomUUID()) => ({ id, listingId, buyerId: buyer.actorId, priceKrw });
  const answer = (offerId: string, accept: boolean) => ({ id: randomUUID(), listingId: chair, buyerId: buyer.actorId, offerId, accept });

  it('lets the buyer offer a price and the seller accept it: the offer is accepted and an offer_accepted message follows', async () => {
    const made = offer(25_000);
    expect(await buyer.act('chat.offer', made)).toMatchObject({ status: 'applied' });
    expect(conversationIn(await seller.view(), chair, buyer.actorId)).toMatchObject({
      offer: { id: made.id, priceKrw: 25_000, status: 'pending' },
      lastMessage: { kind: 'offer', priceKrw: 25_000 },
      sellerUnread: 1,
    });

    const accept = answer(made.id, true);
    expect(await seller.act('chat.answer_offer', accept)).toMatchObject({ status: 'applied' });
    const view = await buyer.view();
    expect(conversationIn(view, chair, buyer.actorId)).toMatchObject({ offer: { id: made.id, priceKrw: 25_000, status: 'accepted' }, buyerUnread: 1 });
    expect(messagesIn(view, chair, buyer.actorId)).toMatchObject([
      { n: 1, id: made.id, kind: 'offer', senderId: buyer.actorId, priceKrw: 25_000, refId: null },
      { n: 2, id: accept.id, kind: 'offer_accepted', senderId: seller.actorId, priceKrw: 25_000, refId: made.id },
    ]);
  });

  it('lets the seller decline, and the buyer offer again', async () => {
    const low = offer(10_000);
    await buyer.act('chat.offer', low);
    expect(await seller.act('chat.answer_offer', answer(low.id, false))).toMatchObject({ status: 'applied' });
    expect(conversationIn(await buyer.view(), chair, buyer.actorId)).toMatchObject({ offer: { id: low.id, status: 'declined' }, lastMessage: { kind: 'offer_declined' } });
    const better = offer(20_000);
    expect(await buyer.act('chat.offer', better)).toMatchObject({ status: 'applied' });
    expect(conversationIn(await seller.view(), chair, buyer.actorId)).toMatchObject({ offer: { id: better.id, priceKrw: 20_000, status: 'pending' } });
  });

  it('takes offers from the buyer only (chat.not_buyer)', async () => {
    await buyer.act('chat.send', say(chair, buyer.actorId, 'Hi'));
    expect(await seller.act('chat.offer', offer(28_000))).toMatchObject({ status: 'rejected', code: 'chat.not_buyer' });
  });

  it('refuses an offer on a listing whose price is firm (chat.offers_closed)', async () => {
    const firm = await people(server).publish(seller, { title: 'Bookshelf', acceptsOffers: false });
    expect(await buyer.act('chat.offer', offer(5_000, firm))).toMatchObject({ status: 'rejected', code: 'chat.offers_closed' });
    // The refusal started nothing.
    expect(conversationIn(await seller.view(), firm, buyer.actorId)).toBeUndefined();
  });

  it('refuses an offer on a listing that is reserved or sold (chat.listing_not_selling)', async () => {
    await buyer.act('chat.send', say(chair, buyer.actorId, 'Hi'));
    for (const status of ['reserved', 'sold']) {
      await seller.act('listing.set_status', { id: chair, status });
      expect(await buyer.act('chat.offer', offer(20_000)), status).toMatchObject({ status: 'rejected', code: 'chat.listing_not_selling' });
    }
  });

  it('refuses answering an offer twice, or one the buyer has since replaced (chat.offer_not_pending)', async () => {
    const first = offer(20_000);
    const second = offer(22_000);
    await buyer.act('chat.offer', first);
    await buyer.act('chat.offer', second);
    expect(await seller.act('chat.answer_offer', answer(first.id, true))).toMatchObject({ status: 'rejected', code: 'chat.offer_not_pending' });
    expect(await seller.act('chat.answer_offer', answer(second.id, true))).toMatchObject({ status: 'applied' });
    expect(await seller.act('chat.answer_offer', answer(second.id, false))).toMatchObject({ status: 'rejected', code: 'chat.offer_not_pending' });
    expect(conversationIn(await buyer.view(), chair, buyer.actorId)).toMatchObject({ offer: { id: second.id, status: 'accepted' } });
  });

  it('refuses the buyer answering their own offer (chat.not_seller)', async () => {
    const made = offer(20_000);
    await buyer.act('chat.offer', made);
    expect(await buyer.act('chat.answer_offer', answer(made.id, true))).toMatchObject({ status: 'rejected', code: 'chat.not_seller' });
  });
});

describe('appointments (거래 약속)', () => {
  const propose = (at: number, place = 'Sunae station exit 3') => ({ id: randomUUID(), listingId: chair, buyerId: buyer.actorId, at, place, lat: null, lng: null });
  const confirm = (appointmentId: string) => ({ id: randomUUID(), listingId: chair, buyerId: buyer.actorId, appointmentId });
  const HOUR = 60 * MINUTE;

  beforeEach(async () => {
    await buyer.act('chat.send', say(chair, buyer.actorId, 'When can we meet?'));
  });

  it('refuses a time already past (chat.appointment_past) or more than 180 days ahead (chat.appointment_too_far)', async () => {
    const now = server.clock.now();
    expect(await seller.act('chat.propose_appointment', propose(now - HOUR))).toMatchObject({ status: 'rejected', code: 'chat.appointment_past' });
    expect(await seller.act('chat.propose_appointment', propose(now))).toMatchObject({ status: 'rejected', code: 'chat.appointment_past' });
    expect(await seller.act('chat.propose_appointment', propose(now + 180 * DAY + 1))).toMatchObject({ status: 'rejected', code: 'chat.appointment_too_far' });
    expect(await seller.act('chat.propose_appointment', propose(now + 180 * DAY))).toMatchObject({ status: 'applied' });
  });

  it('lets the other side confirm a proposal, which is pinned on the conversation; the proposer cannot confirm their own', async () => {
    const at = server.clock.now() + DAY;
    const proposal = { ...propose(at, 'Sunae station exit 3'), lat: 37.3784, lng: 127.1129 };
    expect(await seller.act('chat.propose_appointment', proposal)).toMatchObject({ status: 'applied' });
    expect(await seller.act('chat.confirm_appointment', confirm(proposal.id))).toMatchObject({ status: 'rejected', code: 'chat.appointment_own' });

    const yes = confirm(proposal.id);
    expect(await buyer.act('chat.confirm_appointment', yes)).toMatchObject({ status: 'applied' });
    const place = { at, place: 'Sunae station exit 3', lat: 37.3784, lng: 127.1129 };
    for (const view of [await seller.view(), await buyer.view()]) {
      expect(conversationIn(view, chair, buyer.actorId)!.appointment).toEqual({ ...place, id: proposal.id, proposedBy: seller.actorId, confirmed: true });
      expect(messagesIn(view, chair, buyer.actorId).slice(1)).toMatchObject([
        { kind: 'appointment', senderId: seller.actorId, text: 'Sunae station exit 3', appointment: place, refId: null },
        { id: yes.id, kind: 'appointment_confirmed', senderId: buyer.actorId, appointment: place, refId: proposal.id },
      ]);
    }
    // Confirmed once is confirmed.
    expect(await buyer.act('chat.confirm_appointment', confirm(proposal.id))).toMatchObject({ status: 'rejected', code: 'chat.appointment_not_pending' });
  });

  it('replaces a proposal with a newer one, after which the older can no longer be confirmed (chat.appointment_not_pending)', async () => {
    const saturday = propose(server.clock.now() + 2 * DAY, 'Sunae station exit 3');
    const sunday = propose(server.clock.now() + 3 * DAY, 'AK Plaza entrance');
    await seller.act('chat.propose_appointment', saturday);
    await buyer.act('chat.propose_appointment', sunday);
    expect(conversationIn(await seller.view(), chair, buyer.actorId)!.appointment).toMatchObject({ id: sunday.id, proposedBy: buyer.actorId, confirmed: false });
    expect(await buyer.act('chat.confirm_appointment', confirm(saturday.id))).toMatchObject({ status: 'rejected', code: 'chat.appointment_not_pending' });
    expect(await seller.act('chat.confirm_appointment', confirm(saturday.id))).toMatchObject({ status: 'rejected', code: 'chat.appointment_not_pending' });
    expect(await seller.act('chat.confirm_appointment', confirm(sunday.id))).toMatchObject({ status: 'applied' });
  });

  it('refuses confirming a time that has passed in the meantime (chat.appointment_past)', async () => {
    const soon = propose(server.clock.now() + HOUR);
    await seller.act('chat.propose_appointment', soon);
    server.clock.advance(2 * HOUR);
    expect(await buyer.act('chat.confirm_appointment', confirm(soon.id))).toMatchObject({ status: 'rejected', code: 'chat.appointment_past' });
  });
});

describe('blocks (차단)', () => {
  const block = (who: Person, blocked = true) => ({ actorId: who.actorId, blocked });

  beforeEach(async () => {
    await buyer.act('chat.send', say(chair, buyer.actorId, 'Is it still available?'));
  });

  for (const side of ['seller', 'buyer'] as const) {
    it(`stops messages both ways once the ${side} blocks the other (chat.blocked), until they unblock`, async () => {
      const [blocker, blocked] = side === 'seller' ? [seller, buyer] : [buyer, seller];
      expect(await blocker.act('block.set', block(blocked))).toMatchObject({ status: 'applied' });
      const before = await chatTables();
      for (const who of [buyer, seller]) {
        expect(await who.act('chat.send', say(chair, buyer.actorId, 'Hello?')), who === buyer ? 'buyer' : 'seller').toMatchObject({
          status: 'rejected',
          code: 'chat.blocked',
        });
      }
      expect(await chatTables()).toEqual(before);

      expect(await blocker.act('block.set', block(blocked, false))).toMatchObject({ status: 'applied' });
      expect(await buyer.act('chat.send', say(chair, buyer.actorId, 'Hello again'))).toMatchObject({ status: 'applied' });
      expect(await seller.act('chat.send', say(chair, buyer.actorId, 'Hi'))).toMatchObject({ status: 'applied' });
    });
  }

  it("tells each side's pull to hide the other's listings (hiddenSellerIds), and only the blocker whom they blocked (blockedIds)", async () => {
    await seller.act('block.set', block(buyer));
    expect((await seller.view()).last).toMatchObject({ blockedIds: [buyer.actorId], hiddenSellerIds: [buyer.actorId] });
    expect((await buyer.view()).last).toMatchObject({ blockedIds: [], hiddenSellerIds: [seller.actorId] });
    expect((await stranger.view()).last).toMatchObject({ blockedIds: [], hiddenSellerIds: [] });

    await seller.act('block.set', block(buyer, false));
    expect((await seller.view()).last).toMatchObject({ blockedIds: [], hiddenSellerIds: [] });
    expect((await buyer.view()).last).toMatchObject({ blockedIds: [], hiddenSellerIds: [] });
  });

  it("leaves each other's listings out of search, for both of them, and brings them back on unblocking", async () => {
    const desk = await people(server).publish(buyer, { title: '원목 책상' });
    const found = async (who: Person) => {
      const response = await server.app.request(`/api/search?q=${encodeURIComponent('원목')}`, { headers: { cookie: who.cookie } });
      expect(response.status).toBe(200);
      return ((await response.json()) as { listings: Listing[] }).listings.map((l) => l.id).sort();
    };
    const both = [chair, desk].sort();
    expect(await found(buyer)).toEqual(both);

    await buyer.act('block.set', block(seller));
    expect(await found(buyer)).toEqual([desk]);
    expect(await found(seller)).toEqual([chair]);
    expect(await found(stranger)).toEqual(both);

    await buyer.act('block.set', block(seller, false));
    expect(await found(buyer)).toEqual(both);
    expect(await found(seller)).toEqual(both);
  });

  it('refuses blocking yourself (block.self) or someone who does not exist (block.unknown)', async () => {
    expect(await buyer.act('block.set', { actorId: buyer.actorId, blocked: true })).toMatchObject({ status: 'rejected', code: 'block.self' });
    expect(await buyer.act('block.set', { actorId: 'nobody', blocked: true })).toMatchObject({ status: 'rejected', code: 'block.unknown' });
    expect((await buyer.view()).last).toMatchObject({ blockedIds: [], hiddenSellerIds: [] });
  });
});

describe('reports (신고)', () => {
  const report = (target: 'actor' | 'listing', targetId: string, reason = 'scam', id = randomUUID()) => ({ id, target, targetId, reason, text: 'Asked me to pay first' });

  it('stores reports of a person and of a listing, counting each reporter once', async () => {
    expect(await buyer.act('report.create', report('actor', seller.actorId))).toMatchObject({ status: 'applied' });
    expect(await buyer.act('report.create', report('actor', seller.actorId, 'abusive'))).toMatchObject({ status: 'applied' });
    expect(await stranger.act('report.create', report('actor', seller.actorId, 'no_show'))).toMatchObject({ status: 'applied' });
    expect(await buyer.act('report.create', report('listing', chair, 'prohibited_item'))).toMatchObject({ status: 'applied' });

    expect(await server.store.reports.reportersOf('actor', seller.actorId)).toHaveLength(2);
    expect(await server.store.reports.reportersOf('listing', chair)).toHaveLength(1);
    expect(await server.store.reports.reportersOf('actor', buyer.actorId)).toHaveLength(0);
  });

  it('refuses reporting yourself or your own listing (report.self), what is not there (report.unknown_target), and a reused id (report.id_taken)', async () => {
    expect(await seller.act('report.create', report('actor', seller.actorId))).toMatchObject({ status: 'rejected', code: 'report.self' });
    expect(await seller.act('report.create', report('listing', chair))).toMatchObject({ status: 'rejected', code: 'report.self' });
    expect(await buyer.act('report.create', report('actor', 'nobody'))).toMatchObject({ status: 'rejected', code: 'report.unknown_target' });
    expect(await buyer.act('report.create', report('listing', randomUUID()))).toMatchObject({ status: 'rejected', code: 'report.unknown_target' });

    const first = report('actor', seller.actorId);
    await buyer.act('report.create', first);
    expect(await stranger.act('report.create', report('listing', chair, 'spam', first.id))).toMatchObject({ status: 'rejected', code: 'report.id_taken' });
    expect(await server.store.reports.reportersOf('listing', chair)).toHaveLength(0);
  });
});

describe('the live channel', () => {
  let http: ListeningServer;
  beforeEach(async () => {
    http = await listenWithWebSockets(server.app);
  });
  afterEach(() => http.close());

  it("pokes the seller's device when the buyer writes, though it follows another area, and leaves a third person's device alone", async () => {
    // The seller is away in Busan; the stranger follows the very area the listing is in.
    const sellersPhone = await openLiveChannel(http.url, { query: { neighbourhood: BUSAN, range: '1', clientId: device().clientId }, cookie: seller.cookie });
    const strangersPhone = await openLiveChannel(http.url, { query: { neighbourhood: HOME, range: '1', clientId: device().clientId }, cookie: stranger.cookie });
    const buyersLaptop = await openLiveChannel(http.url, { query: { neighbourhood: HOME, range: '1', clientId: device().clientId }, cookie: buyer.cookie });

    expect(await buyer.act('chat.send', say(chair, buyer.actorId, 'Is it still available?'))).toMatchObject({ status: 'applied' });
    await sellersPhone.waitForMessages(1);
    expect(sellersPhone.messages).toEqual([LIVE_POKE]);
    // The buyer's other device hears of its own message too, and the stranger of nothing.
    await buyersLaptop.waitForMessages(1);
    await strangersPhone.settle();
    expect(strangersPhone.messages).toEqual([]);

    // The seller reading it pokes the buyer (the read receipt), not the stranger.
    await seller.act('chat.read', { listingId: chair, buyerId: buyer.actorId, upTo: 1 });
    await buyersLaptop.waitForMessages(2);
    await strangersPhone.settle();
    expect(strangersPhone.messages).toEqual([]);
    for (const channel of [sellersPhone, strangersPhone, buyersLaptop]) channel.close();
  });

  it('does not poke the other side for a refused message', async () => {
    await seller.act('block.set', { actorId: buyer.actorId, blocked: true });
    const sellersPhone = await openLiveChannel(http.url, { query: { neighbourhood: BUSAN, range: '1', clientId: device().clientId }, cookie: seller.cookie });
    expect(await buyer.act('chat.send', say(chair, buyer.actorId, 'Hello?'))).toMatchObject({ code: 'chat.blocked' });
    await sellersPhone.settle();
    expect(sellersPhone.messages).toEqual([]);
    sellersPhone.close();
  });
});
