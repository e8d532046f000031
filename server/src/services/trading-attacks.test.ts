// Trading as a hostile client would try it, through app.request on either engine: reading or writing
// someone else's conversation, moving a manner temperature unfairly, breaking exactly-once, and
// args that pass the schema but might break a handler.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import * as Y from 'yjs';
import { bytesToBase64, CONVERSATION_MUTATIONS, conversationId, REPORT_LIMITS, type MutationResult, type PublicProfile } from '@dongne/shared';
import { countRows, createTestServer, device, dumpTables, mutation, pull, pullAll, pullRequest, push, pushRequest, T0, type TestServer } from '../testing/harness.js';
import { TEST_ENGINE } from '../testing/test-store.js';
import { atTheSameMoment, conversationIn, messagesIn, people, say, viewOf, type Person } from '../testing/trading.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

let server: TestServer;
let tools: ReturnType<typeof people>;
let seller: Person;
/** Verified, and has asked about the chair; the seller answered. */
let buyer: Person;
/** Verified too, and has never spoken to either. */
let stranger: Person;
/** Takes offers. */
let chair: string;
const SECRET = 'meet me at 3, my flat is 101-1203';

beforeEach(async () => {
  server = await createTestServer();
  tools = people(server);
  seller = await tools.person();
  buyer = await tools.person({ verified: true });
  stranger = await tools.person({ verified: true });
  chair = await tools.publish(seller, { title: '원목 의자', priceKrw: 30_000, acceptsOffers: true });
  expect(await buyer.act('chat.send', say(chair, buyer.actorId, 'Is it still available?'))).toMatchObject({ status: 'applied' });
  expect(await seller.act('chat.send', say(chair, buyer.actorId, SECRET))).toMatchObject({ status: 'applied' });
});
afterEach(async () => {
  // Nothing here may end in an unexpected error (a 500 logs its stack).
  expect(server.logged.filter((line) => /error|stack|at .*\.ts/i.test(line))).toEqual([]);
  await server.close();
});

/** Every table a refused trading action must leave alone. */
async function tradingTables() {
  const { listings, conversations, messages, trades, reviews, blocks, reports, actors, change_counter } = await dumpTables(server.store);
  return { listings, conversations, messages, trades, reviews, blocks, reports, actors, change_counter };
}

const ref = (who: Person = buyer, listingId = chair) => ({ listingId, buyerId: who.actorId });
const review = (listingId: string, reviewee: Person, good: string[], bad: string[] = [], text?: string) => ({
  id: randomUUID(),
  listingId,
  revieweeId: reviewee.actorId,
  good,
  bad,
  ...(text === undefined ? {} : { text }),
});
const profileOf = async (who: Person) => (await (await server.app.request(`/api/profiles/${who.actorId}`)).json()) as PublicProfile;
const sell = (to: Person, listingId = chair) => seller.act('trade.complete', { listingId, buyerId: to.actorId });
/** One of each action inside conversation (listing, buyer), with fresh ids; answers and confirms name `about`. */
const everyConversationAction = (listingId: string, buyerId: string, about = randomUUID()) =>
  ({
    'chat.send': { id: randomUUID(), listingId, buyerId, text: 'let me in' },
    'chat.read': { listingId, buyerId, upTo: 99 },
    'chat.offer': { id: randomUUID(), listingId, buyerId, priceKrw: 1 },
    'chat.answer_offer': { id: randomUUID(), listingId, buyerId, offerId: about, accept: true },
    'chat.propose_appointment': { id: randomUUID(), listingId, buyerId, at: T0 + HOUR, place: 'Exit 3', lat: null, lng: null },
    'chat.confirm_appointment': { id: randomUUID(), listingId, buyerId, appointmentId: about },
    'trade.reserve': { listingId, buyerId },
    'trade.complete': { listingId, buyerId },
  }) satisfies Record<(typeof CONVERSATION_MUTATIONS)[number], unknown>;

/** Pushes a body exactly as written (numbers JSON cannot make from JS, say). */
const pushRaw = (who: Person, body: string) =>
  server.app.request('/api/sync/push', { method: 'POST', headers: { 'content-type': 'application/json', cookie: who.cookie }, body });

/** A result's refusal code, or 'applied'. */
const codeOf = (result: MutationResult) => (result.status === 'rejected' ? result.code : result.status);

const chatRowsIn = (text: string) => text.includes('"entity":"conversation"') || text.includes('"entity":"message"');

describe('reading someone else’s conversation', () => {
  it("gives a third person none of it, whatever cursor, page size or device id they pull with (the buyer's and the seller's included)", async () => {
    for (const clientId of [undefined, stranger.clientId, buyer.clientId, seller.clientId, randomUUID()]) {
      for (const cursor of [0, 1, 2, 3, 5, 10_000]) {
        for (const limit of [1, 2, 1000]) {
          const response = await pullRequest(server.app, stranger.cookie, { cursor, limit, clientId });
          expect(response.status).toBe(200);
          const text = await response.text();
          expect(chatRowsIn(text), `${clientId} ${cursor} ${limit}`).toBe(false);
          expect(text).not.toContain(SECRET);
          // Another person's device id tells nothing about that device either.
          const own = clientId === stranger.clientId ? 2 : 0;
          expect(JSON.parse(text)).toMatchObject({ lastSeq: own, blockedIds: [], hiddenSellerIds: [] });
        }
      }
    }
  });

  it("gives a visitor none of it: the area's snapshot, a live pull past it, or a pull naming the buyer's device", async () => {
    for (const query of [{}, { cursor: 0 }, { cursor: 1 }, { cursor: 0, clientId: buyer.clientId }, { cursor: 2, clientId: seller.clientId, limit: 1 }]) {
      for (const headers of [{}, { 'accept-encoding': 'identity' }] as Record<string, string>[]) {
        const params = new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)]));
        const response = await server.app.request(`/api/sync/pull?${params}`, { headers });
        expect(response.status).toBe(200);
        const text = await response.text();
        expect(chatRowsIn(text)).toBe(false);
        expect(text).not.toContain(SECRET);
      }
    }
  });

  it('gives it out neither through search nor through either person’s public profile', async () => {
    for (const q of ['flat', '101-1203', 'available']) {
      for (const cookie of [stranger.cookie, buyer.cookie, undefined]) {
        const response = await server.app.request(`/api/search?q=${encodeURIComponent(q)}`, { headers: cookie ? { cookie } : {} });
        expect(response.status).toBe(200);
        expect(await response.text()).not.toContain(SECRET);
      }
    }
    for (const who of [buyer, seller]) {
      const text = await (await server.app.request(`/api/profiles/${who.actorId}`, { headers: { cookie: stranger.cookie } })).text();
      expect(text).not.toContain(SECRET);
      expect(text).not.toContain(conversationId(chair, buyer.actorId));
    }
  });

  it("answers a third person's every action in the conversation with a refusal that quotes nothing of it and carries no `current`", async () => {
    for (const [name, args] of Object.entries(everyConversationAction(chair, buyer.actorId))) {
      const result = await stranger.act(name, args);
      expect(result.status, name).toBe('rejected');
      expect(result, name).not.toHaveProperty('current');
      const message = result.status === 'rejected' ? result.message : '';
      for (const secret of [SECRET, buyer.nickname, seller.nickname, 'Is it still available']) expect(message, name).not.toContain(secret);
    }
  });

  it("refuses a push on the buyer's device id (403) and changes nothing", async () => {
    const before = await tradingTables();
    const response = await pushRequest(server.app, stranger.cookie, {
      clientId: buyer.clientId,
      mutations: [mutation(99, 'chat.send', say(chair, buyer.actorId, 'as the buyer'))],
    });
    expect(response.status).toBe(403);
    expect(await tradingTables()).toEqual(before);
  });
});

describe('writing into someone else’s conversation', () => {
  it('refuses a third person every action in it (not a participant, not the seller) and keeps every table as it was', async () => {
    const offer = { id: randomUUID(), ...ref(), priceKrw: 20_000 };
    expect(await buyer.act('chat.offer', offer)).toMatchObject({ status: 'applied' });
    const before = await tradingTables();
    for (const [name, args] of Object.entries(everyConversationAction(chair, buyer.actorId, offer.id))) {
      expect(codeOf(await stranger.act(name, args)), name).toBe(name.startsWith('trade.') ? 'trade.not_seller' : 'chat.not_participant');
    }
    expect(await tradingTables()).toEqual(before);
  });

  it("refuses the buyer writing as the seller, as a third person, or into a conversation named by the seller's id", async () => {
    const before = await tradingTables();
    for (const buyerId of [seller.actorId, stranger.actorId]) {
      for (const [name, args] of Object.entries(everyConversationAction(chair, buyerId))) {
        const result = await buyer.act(name, args);
        expect(codeOf(result), `${name} as ${buyerId === seller.actorId ? 'seller' : 'stranger'}`).toBe(name.startsWith('trade.') ? 'trade.not_seller' : 'chat.not_participant');
      }
    }
    // The seller naming themselves as the buyer of their own listing.
    for (const [name, args] of Object.entries(everyConversationAction(chair, seller.actorId))) {
      expect(codeOf(await seller.act(name, args)), name).toBe('chat.own_listing');
    }
    expect(await tradingTables()).toEqual(before);
  });

  it('refuses ids that name nothing: odd characters, the longest an id may be, a colon that looks like a conversation id, a draft’s id, the chair’s id in capitals', async () => {
    const draftId = randomUUID();
    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => updates.push(u));
    doc.getText('title').insert(0, 'A draft');
    expect(await seller.act('draft.update', { id: draftId, update: bytesToBase64(Y.mergeUpdates(updates)) })).toMatchObject({ status: 'applied' });
    const before = await tradingTables();
    for (const buyerId of ['😀'.repeat(50), 'x'.repeat(100), `${buyer.actorId}:${chair}`, `${buyer.actorId} `, '../../etc', "' OR 1=1 --"]) {
      expect(codeOf(await stranger.act('chat.send', say(chair, buyerId, 'hi'))), buyerId).toBe('chat.not_participant');
      expect(codeOf(await seller.act('chat.send', say(chair, buyerId, 'hi'))), buyerId).toBe('chat.no_conversation');
    }
    for (const listingId of [draftId, chair.toUpperCase(), randomUUID()]) {
      expect(codeOf(await buyer.act('chat.send', say(listingId, buyer.actorId, 'hi'))), listingId).toBe('listing.not_found');
    }
    for (const buyerId of ['x'.repeat(101), '', 'a\u0000b', '\ud800']) {
      expect(codeOf(await buyer.act('chat.send', say(chair, buyerId, 'hi'))), JSON.stringify(buyerId)).toBe('mutation.invalid_args');
    }
    expect(await tradingTables()).toEqual(before);
  });

  it('lets nothing new start on a deleted or hidden listing, and takes no offer on a deleted one', async () => {
    const lamp = await tools.publish(seller, { title: 'Desk lamp', acceptsOffers: true });
    expect(await seller.act('listing.set_hidden', { id: lamp, hidden: true })).toMatchObject({ status: 'applied' });
    expect(codeOf(await stranger.act('chat.send', say(lamp, stranger.actorId, 'hi')))).toBe('listing.not_found');
    expect(codeOf(await stranger.act('chat.offer', { id: randomUUID(), ...ref(stranger, lamp), priceKrw: 1 }))).toBe('listing.not_found');

    expect(await seller.act('listing.delete', { id: chair })).toMatchObject({ status: 'applied' });
    expect(codeOf(await stranger.act('chat.send', say(chair, stranger.actorId, 'hi')))).toBe('listing.not_found');
    expect(codeOf(await buyer.act('chat.offer', { id: randomUUID(), ...ref(), priceKrw: 1 }))).toBe('listing.not_found');
    expect(codeOf(await seller.act('trade.reserve', ref()))).toBe('listing.not_found');
    expect(codeOf(await seller.act('trade.complete', ref()))).toBe('listing.not_found');
  });

  it('refuses an offer once the seller makes the price firm; an offer made before can still be answered', async () => {
    const early = { id: randomUUID(), ...ref(), priceKrw: 25_000 };
    expect(await buyer.act('chat.offer', early)).toMatchObject({ status: 'applied' });
    const listing = (await buyer.view()).listings.get(chair)!;
    const { id, title, description, priceKrw, category, meetingSpot, photos } = listing;
    expect(await seller.act('listing.update', { id, title, description, priceKrw, category, meetingSpot, photos, acceptsOffers: false })).toMatchObject({
      status: 'applied',
    });
    expect(codeOf(await buyer.act('chat.offer', { id: randomUUID(), ...ref(), priceKrw: 20_000 }))).toBe('chat.offers_closed');
    expect(await seller.act('chat.answer_offer', { id: randomUUID(), ...ref(), offerId: early.id, accept: true })).toMatchObject({ status: 'applied' });
  });

  it("refuses confirming an appointment by any id but the pending one's: an offer's, another conversation's appointment, a message's, a made-up one", async () => {
    const offer = { id: randomUUID(), ...ref(), priceKrw: 25_000 };
    await buyer.act('chat.offer', offer);
    await stranger.act('chat.send', say(chair, stranger.actorId, 'Is it still available?'));
    const elsewhere = { id: randomUUID(), ...ref(stranger), at: T0 + HOUR, place: 'Exit 1', lat: null, lng: null };
    expect(await seller.act('chat.propose_appointment', elsewhere)).toMatchObject({ status: 'applied' });
    const pending = { id: randomUUID(), ...ref(), at: T0 + HOUR, place: 'Exit 3', lat: null, lng: null };
    expect(await seller.act('chat.propose_appointment', pending)).toMatchObject({ status: 'applied' });
    const messageId = messagesIn(await buyer.view(), chair, buyer.actorId)[0].id;
    const before = await tradingTables();
    for (const appointmentId of [offer.id, elsewhere.id, messageId, randomUUID()]) {
      expect(codeOf(await buyer.act('chat.confirm_appointment', { id: randomUUID(), ...ref(), appointmentId }))).toBe('chat.appointment_not_pending');
    }
    // Nor can the stranger confirm the seller's proposal to the buyer by naming their own conversation.
    expect(codeOf(await stranger.act('chat.confirm_appointment', { id: randomUUID(), ...ref(stranger), appointmentId: pending.id }))).toBe(
      'chat.appointment_not_pending',
    );
    expect(await tradingTables()).toEqual(before);
    expect(await buyer.act('chat.confirm_appointment', { id: randomUUID(), ...ref(), appointmentId: pending.id })).toMatchObject({ status: 'applied' });
  });

  it('takes a read receipt past the end as the end, and refuses one that is not a whole number from 1 up', async () => {
    expect(await buyer.act('chat.read', { ...ref(), upTo: Number.MAX_SAFE_INTEGER })).toMatchObject({ status: 'applied' });
    expect(conversationIn(await seller.view(), chair, buyer.actorId)).toMatchObject({ lastN: 2, buyerReadN: 2, buyerUnread: 0 });
    const before = await tradingTables();
    for (const upTo of [0, -1, 1.5, Number.MAX_SAFE_INTEGER + 2, '2', null, -Number.MAX_VALUE]) {
      expect(codeOf(await buyer.act('chat.read', { ...ref(), upTo })), String(upTo)).toBe('mutation.invalid_args');
    }
    expect(await tradingTables()).toEqual(before);
  });

  it('refuses a reservation whose message id is taken as a whole: the listing is not left reserved', async () => {
    const takenId = messagesIn(await seller.view(), chair, buyer.actorId)[0].id;
    const before = await tradingTables();
    expect(await seller.act('trade.reserve', ref(), { mutationId: takenId })).toMatchObject({ status: 'rejected', code: 'chat.id_taken' });
    expect(await tradingTables()).toEqual(before);
  });
});

describe('moving a manner temperature', () => {
  it('takes no review without a completed trade: chatting, an accepted offer, a confirmed appointment and a reservation are not one', async () => {
    const offer = { id: randomUUID(), ...ref(), priceKrw: 25_000 };
    await buyer.act('chat.offer', offer);
    await seller.act('chat.answer_offer', { id: randomUUID(), ...ref(), offerId: offer.id, accept: true });
    const meet = { id: randomUUID(), ...ref(), at: T0 + HOUR, place: 'Exit 3', lat: null, lng: null };
    await seller.act('chat.propose_appointment', meet);
    await buyer.act('chat.confirm_appointment', { id: randomUUID(), ...ref(), appointmentId: meet.id });
    expect(await seller.act('trade.reserve', ref())).toMatchObject({ status: 'applied' });
    expect(codeOf(await buyer.act('review.create', review(chair, seller, ['kind'])))).toBe('review.no_trade');
    expect(codeOf(await seller.act('review.create', review(chair, buyer, [], ['no_show'])))).toBe('review.no_trade');
    expect(await profileOf(buyer)).toMatchObject({ mannerTemperature: 36.5 });
  });

  it('refuses selling to a second account that never chatted, or to oneself', async () => {
    const puppet = await tools.person({ verified: true });
    expect(codeOf(await sell(puppet))).toBe('trade.no_conversation');
    expect(codeOf(await sell(seller))).toBe('chat.own_listing');
    expect(codeOf(await puppet.act('review.create', review(chair, seller, ['kind'])))).toBe('review.no_trade');
  });

  it('counts one review per side whatever the ids, devices or batches: same batch, two batches, a second phone', async () => {
    expect(await sell(buyer)).toMatchObject({ status: 'applied' });
    const laptop = device();
    const twiceInOneBatch = await push(server.app, buyer.cookie, buyer.clientId, [
      mutation(buyer.nextSeq(), 'review.create', review(chair, seller, ['kind', 'on_time'])),
      mutation(buyer.nextSeq(), 'review.create', review(chair, seller, ['kind', 'on_time'])),
    ]);
    expect(twiceInOneBatch.results.map((r) => codeOf(r))).toEqual(['applied', 'review.already']);
    expect(codeOf(await buyer.act('review.create', review(chair, seller, ['quick_reply'])))).toBe('review.already');
    const fromLaptop = await push(server.app, buyer.cookie, laptop.clientId, [mutation(laptop.nextSeq(), 'review.create', review(chair, seller, ['fair_price']))]);
    expect(codeOf(fromLaptop.results[0])).toBe('review.already');
    expect(await profileOf(seller)).toMatchObject({ mannerTemperature: 36.9, topManners: [{ code: 'kind', count: 1 }, { code: 'on_time', count: 1 }] });
  });

  it('answers a review refused before the trade with that refusal when retried after it; sent anew, it counts once', async () => {
    const early = mutation(buyer.nextSeq(), 'review.create', review(chair, seller, ['kind']));
    expect(codeOf((await push(server.app, buyer.cookie, buyer.clientId, [early])).results[0])).toBe('review.no_trade');
    await sell(buyer);
    // A lost response: the device sends the same mutation again.
    expect(codeOf((await push(server.app, buyer.cookie, buyer.clientId, [early])).results[0])).toBe('review.no_trade');
    expect(await profileOf(seller)).toMatchObject({ mannerTemperature: 36.5 });
    // The same review, as a new mutation (same review id: nothing was kept of the refused one).
    expect(await buyer.act('review.create', early.args)).toMatchObject({ status: 'applied' });
    expect(await buyer.act('review.create', early.args)).toMatchObject({ code: 'review.already' });
    expect(await profileOf(seller)).toMatchObject({ mannerTemperature: 36.7 });
  });

  it('counts a listing sold to the same buyer twice (back on sale in between) as one trade: one review, one trade on the profile', async () => {
    await sell(buyer);
    expect(await buyer.act('review.create', review(chair, seller, ['kind']))).toMatchObject({ status: 'applied' });
    expect(await seller.act('listing.set_status', { id: chair, status: 'selling' })).toMatchObject({ status: 'applied' });
    expect(await sell(buyer)).toMatchObject({ status: 'applied' });
    expect(codeOf(await buyer.act('review.create', review(chair, seller, ['on_time'])))).toBe('review.already');
    expect(await profileOf(seller)).toMatchObject({ mannerTemperature: 36.7, tradeCount: 1 });
  });

  it('lets the reviewer who blocked still review, and refuses the one who was blocked', async () => {
    await sell(buyer);
    expect(await buyer.act('block.set', { actorId: seller.actorId, blocked: true })).toMatchObject({ status: 'applied' });
    expect(codeOf(await seller.act('review.create', review(chair, buyer, ['kind'])))).toBe('review.blocked');
    expect(await buyer.act('review.create', review(chair, seller, [], ['rude']))).toMatchObject({ status: 'applied' });
  });


  // Every trade with the same second account once counted in full: 50 listings a day, each "sold"
  // to a verified puppet reviewing all six good manners, was +60 °C a day.
  it("warms a seller once for a second account's reviews, however many listings they 'sold' it", async () => {
    const puppet = await tools.person({ verified: true });
    for (let i = 0; i < 3; i++) {
      const listing = await tools.publish(seller, { title: `Item ${i}` });
      await puppet.act('chat.send', say(listing, puppet.actorId, 'hi'));
      await sell(puppet, listing);
      expect(await puppet.act('review.create', review(listing, seller, ['kind', 'on_time', 'quick_reply', 'as_described', 'fair_price', 'easy_meeting']))).toMatchObject({
        status: 'applied',
      });
    }
    expect((await profileOf(seller)).mannerTemperature).toBeLessThanOrEqual(36.5 + 1.2);
  });

  describe.runIf(TEST_ENGINE === 'postgres')('races, on PostgreSQL', () => {
    beforeEach(async () => {
      await stranger.act('chat.send', say(chair, stranger.actorId, 'Me too?'));
    });

    it('sells to one buyer only when two sales cross', async () => {
      const results = await atTheSameMoment(
        server,
        () => sell(buyer),
        () => sell(stranger),
      );
      expect(results.map((r) => codeOf(r))).toEqual(['applied', 'trade.already_sold']);
      const view = await seller.view();
      expect(conversationIn(view, chair, buyer.actorId)).toMatchObject({ trade: 'sold' });
      expect(conversationIn(view, chair, stranger.actorId)).toMatchObject({ trade: null });
      expect(await tradingTables()).toMatchObject({ trades: [expect.objectContaining({ buyer_id: buyer.actorId })] });
    });

    it('leaves one holder when a reservation and a sale to another cross, and when a status set by hand crosses a sale', async () => {
      await atTheSameMoment(
        server,
        () => seller.act('trade.reserve', ref(stranger)),
        () => sell(buyer),
      );
      let view = await seller.view();
      expect(view.listings.get(chair)).toMatchObject({ status: 'sold' });
      expect([conversationIn(view, chair, buyer.actorId)!.trade, conversationIn(view, chair, stranger.actorId)!.trade]).toEqual(['sold', null]);

      await seller.act('listing.set_status', { id: chair, status: 'selling' });
      const laptop = device();
      await atTheSameMoment(
        server,
        () => sell(stranger),
        () => push(server.app, seller.cookie, laptop.clientId, [mutation(laptop.nextSeq(), 'listing.set_status', { id: chair, status: 'selling' })]),
      );
      view = await seller.view();
      expect(view.listings.get(chair)).toMatchObject({ status: 'selling' });
      expect([conversationIn(view, chair, buyer.actorId)!.trade, conversationIn(view, chair, stranger.actorId)!.trade]).toEqual([null, null]);
    });

    it('counts one of two reviews of the same trade sent at once from two devices', async () => {
      await sell(buyer);
      const laptop = device();
      const [phone, fromLaptop] = await atTheSameMoment(
        server,
        () => buyer.act('review.create', review(chair, seller, ['kind'])),
        () => push(server.app, buyer.cookie, laptop.clientId, [mutation(laptop.nextSeq(), 'review.create', review(chair, seller, ['on_time']))]),
      );
      expect([codeOf(phone), codeOf(fromLaptop.results[0])]).toEqual(['applied', 'review.already']);
      expect(await profileOf(seller)).toMatchObject({ mannerTemperature: 36.7 });
    });
  });
});

describe('each action exactly once', () => {
  it('keeps one message when the same chat.send reaches the server from two of the buyer’s devices', async () => {
    const laptop = device();
    const args = say(chair, buyer.actorId, 'once only');
    const same = mutation(buyer.nextSeq(), 'chat.send', args);
    expect((await push(server.app, buyer.cookie, buyer.clientId, [same])).results[0].status).toBe('applied');
    const before = await tradingTables();
    expect(codeOf((await push(server.app, buyer.cookie, laptop.clientId, [{ ...same, seq: laptop.nextSeq() }])).results[0])).toBe('chat.id_taken');
    // The same device, a confused outbox numbering it again.
    expect(codeOf((await push(server.app, buyer.cookie, buyer.clientId, [{ ...same, seq: buyer.nextSeq() }])).results[0])).toBe('chat.id_taken');
    const { change_counter: _, ...rest } = await tradingTables();
    const { change_counter: __, ...restBefore } = before;
    expect(rest).toEqual(restBefore);
    expect(messagesIn(await seller.view(), chair, buyer.actorId).filter((m) => m.text === 'once only')).toHaveLength(1);
  });

  it('refuses a message id already used in another conversation or as an offer, appointment or answer, leaving nothing half-made', async () => {
    await stranger.act('chat.send', say(chair, stranger.actorId, 'Me too?'));
    const offer = { id: randomUUID(), ...ref(), priceKrw: 25_000 };
    await buyer.act('chat.offer', offer);
    const before = await tradingTables();
    expect(codeOf(await stranger.act('chat.send', say(chair, stranger.actorId, 'hi', offer.id)))).toBe('chat.id_taken');
    expect(codeOf(await stranger.act('chat.offer', { id: offer.id, ...ref(stranger), priceKrw: 1 }))).toBe('chat.id_taken');
    expect(codeOf(await seller.act('chat.answer_offer', { id: offer.id, ...ref(), offerId: offer.id, accept: true }))).toBe('chat.id_taken');
    expect(codeOf(await seller.act('chat.propose_appointment', { id: offer.id, ...ref(stranger), at: T0 + HOUR, place: 'x', lat: null, lng: null }))).toBe(
      'chat.id_taken',
    );
    expect(await tradingTables()).toEqual(before);
    // The offer is still pending, and answerable under a fresh id.
    expect(await seller.act('chat.answer_offer', { id: randomUUID(), ...ref(), offerId: offer.id, accept: true })).toMatchObject({ status: 'applied' });
  });

  it('answers a message refused while blocked with that refusal on retry after the unblock; as a new mutation under the same id it applies once', async () => {
    await seller.act('block.set', { actorId: buyer.actorId, blocked: true });
    const refused = mutation(buyer.nextSeq(), 'chat.send', say(chair, buyer.actorId, 'please unblock me'));
    expect(codeOf((await push(server.app, buyer.cookie, buyer.clientId, [refused])).results[0])).toBe('chat.blocked');
    await seller.act('block.set', { actorId: buyer.actorId, blocked: false });
    expect(codeOf((await push(server.app, buyer.cookie, buyer.clientId, [refused])).results[0])).toBe('chat.blocked');
    expect(await buyer.act('chat.send', refused.args)).toMatchObject({ status: 'applied' });
    expect(await buyer.act('chat.send', refused.args)).toMatchObject({ code: 'chat.id_taken' });
    expect(messagesIn(await seller.view(), chair, buyer.actorId).map((m) => m.n)).toEqual([1, 2, 3]);
  });
});

describe('args that pass the schema but might break a handler', () => {
  it('refuses an appointment with a latitude and no longitude, or the other way round', async () => {
    const before = await tradingTables();
    for (const [lat, lng] of [
      [37.38, null],
      [null, 127.11],
    ]) {
      expect(codeOf(await seller.act('chat.propose_appointment', { id: randomUUID(), ...ref(), at: T0 + HOUR, place: 'Exit 3', lat, lng }))).toBe(
        'mutation.invalid_args',
      );
    }
    const partial = { id: randomUUID(), ...ref(), at: T0 + HOUR, place: 'Exit 3', lat: 37.38 };
    expect(codeOf(await seller.act('chat.propose_appointment', partial))).toBe('mutation.invalid_args');
    expect(await tradingTables()).toEqual(before);
    expect(await seller.act('chat.propose_appointment', { id: randomUUID(), ...ref(), at: T0 + HOUR, place: 'Exit 3', lat: 37.38, lng: 127.11 })).toMatchObject({
      status: 'applied',
    });
    expect(await seller.act('chat.propose_appointment', { id: randomUUID(), ...ref(), at: T0 + HOUR, place: 'Exit 3' })).toMatchObject({ status: 'applied' });
  });

  it('refuses numbers JSON can spell but JavaScript cannot hold (1e400 is Infinity) without an error', async () => {
    const before = await tradingTables();
    const ids = () => `"id":"${randomUUID()}","listingId":"${chair}","buyerId":"${buyer.actorId}"`;
    const bodies = [
      `{${ids()},"at":${T0 + HOUR},"place":"x","lat":1e400,"lng":1}`,
      `{${ids()},"at":1e400,"place":"x","lat":null,"lng":null}`,
      `{${ids()},"at":-1e400,"place":"x","lat":null,"lng":null}`,
    ].map((args) => ({ name: 'chat.propose_appointment', args }));
    bodies.push({ name: 'chat.offer', args: `{${ids()},"priceKrw":1e400}` });
    bodies.push({ name: 'chat.offer', args: `{${ids()},"priceKrw":-0}` });
    bodies.push({ name: 'chat.read', args: `{"listingId":"${chair}","buyerId":"${buyer.actorId}","upTo":1e400}` });
    for (const { name, args } of bodies) {
      const who = name === 'chat.propose_appointment' ? seller : buyer;
      // A device of its own, so the raw seq needs no bookkeeping.
      const body = `{"clientId":"${randomUUID()}","mutations":[{"mutationId":"${randomUUID()}","seq":1,"name":"${name}","args":${args},"createdAt":${T0}}]}`;
      const response = await pushRaw(who, body);
      expect(response.status, args).toBe(200);
      const [result] = ((await response.json()) as { results: MutationResult[] }).results;
      // -0 is a whole number of won, zero: an offer of nothing is allowed; the rest are refused.
      expect(codeOf(result), args).toBe(args.includes('-0}') ? 'applied' : 'mutation.invalid_args');
    }
    const { conversations: _c, messages: _m, change_counter: _n, ...rest } = await tradingTables();
    const { conversations: _bc, messages: _bm, change_counter: _bn, ...restBefore } = before;
    expect(rest).toEqual(restBefore);
  });

  it('refuses text that is nothing once control characters and spaces are taken out, and args of the wrong shape', async () => {
    const before = await tradingTables();
    for (const text of ['\u0000\u0001\u0002', '\u001b\u0007\u007f', ' \n\t \r ', '\u0085\u009f', '\ud800\udc00'.slice(0, 1)]) {
      expect(codeOf(await buyer.act('chat.send', say(chair, buyer.actorId, text))), JSON.stringify(text)).toBe('mutation.invalid_args');
    }
    for (const args of [null, [], 'chat', 42, { constructor: 'x' }, { ...say(chair, buyer.actorId, 'x'), id: { toString: 1 } }]) {
      expect(codeOf(await buyer.act('chat.send', args)), JSON.stringify(args)).toBe('mutation.invalid_args');
    }
    for (const name of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'chat.send\u0000']) {
      expect(codeOf(await buyer.act(name, say(chair, buyer.actorId, 'x'))), name).toBe('mutation.unknown');
    }
    expect(await tradingTables()).toEqual(before);
  });

  it('refuses reviews with repeated, unknown or a thousand manners', async () => {
    await sell(buyer);
    const before = await tradingTables();
    for (const [good, bad] of [
      [['kind', 'kind'], []],
      [Array(1000).fill('kind'), []],
      [['kind', 'toString'], []],
      [['__proto__'], []],
      [[], []],
      [['rude'], []],
      [[], ['kind']],
    ]) {
      expect(codeOf(await buyer.act('review.create', review(chair, seller, good, bad))), JSON.stringify(good).slice(0, 40)).toBe('mutation.invalid_args');
    }
    expect(await tradingTables()).toEqual(before);
  });

  it('answers a thousand reports from one account in ten pushes with no error, storing the day’s cap of them', async () => {
    const started = performance.now();
    const results: MutationResult[] = [];
    for (let batch = 0; batch < 10; batch++) {
      const mutations = Array.from({ length: 100 }, () =>
        mutation(buyer.nextSeq(), 'report.create', { id: randomUUID(), target: 'actor', targetId: seller.actorId, reason: 'spam', text: 'x'.repeat(500) }),
      );
      results.push(...(await push(server.app, buyer.cookie, buyer.clientId, mutations)).results);
    }
    expect(results.slice(0, REPORT_LIMITS.perDay).every((r) => r.status === 'applied')).toBe(true);
    expect(results.slice(REPORT_LIMITS.perDay).every((r) => r.status === 'rejected' && r.code === 'report.daily_limit')).toBe(true);
    expect(await countRows(server.store, 'reports')).toBe(REPORT_LIMITS.perDay);
    expect(await server.store.reports.reportersOf('actor', seller.actorId)).toHaveLength(1);
    expect(performance.now() - started).toBeLessThan(30_000);
  });
});

describe('what each side sees stays current', () => {
  /** The conversation as the buyer's device holds it after pulling from `cursor` on. */
  const pulledFrom = async (cursor: number) => {
    const view = viewOf((await pullAll(server.app, buyer.cookie, cursor)).pages);
    return conversationIn(view, chair, buyer.actorId);
  };

  it("sends the conversation again when its listing is edited, reserved for someone else, marked sold by hand or deleted, so the buyer's chat list shows it", async () => {
    let cursor = (await pullAll(server.app, buyer.cookie)).cursor;
    const listing = (await buyer.view()).listings.get(chair)!;
    const { id, title, description, category, meetingSpot, photos, acceptsOffers } = listing;
    expect(await seller.act('listing.update', { id, title: '원목 의자 (급처)', description, priceKrw: 20_000, category, meetingSpot, photos, acceptsOffers })).toMatchObject({
      status: 'applied',
    });
    expect(await pulledFrom(cursor)).toMatchObject({ listing: { title: '원목 의자 (급처)', priceKrw: 20_000 } });

    // Reserved for someone else, from that person's chat: this buyer's list says so too.
    expect(await stranger.act('chat.send', say(chair, stranger.actorId, 'Me too?'))).toMatchObject({ status: 'applied' });
    cursor = (await pullAll(server.app, buyer.cookie)).cursor;
    expect(await seller.act('trade.reserve', ref(stranger))).toMatchObject({ status: 'applied' });
    expect(await pulledFrom(cursor)).toMatchObject({ listing: { status: 'reserved' }, trade: null });

    cursor = (await pullAll(server.app, buyer.cookie)).cursor;
    expect(await seller.act('listing.set_status', { id: chair, status: 'sold' })).toMatchObject({ status: 'applied' });
    expect(await pulledFrom(cursor)).toMatchObject({ listing: { status: 'sold' } });

    cursor = (await pullAll(server.app, buyer.cookie)).cursor;
    expect(await seller.act('listing.delete', { id: chair })).toMatchObject({ status: 'applied' });
    expect(await pulledFrom(cursor)).toMatchObject({ listing: { deleted: true } });
  });

  it('lets either side mark the conversation read after a block, so its unread count can reach 0', async () => {
    // The seller's answer is unread for the buyer; the seller then blocks them.
    expect(conversationIn(await buyer.view(), chair, buyer.actorId)).toMatchObject({ buyerUnread: 1 });
    await buyer.act('chat.send', say(chair, buyer.actorId, 'Can you do 25,000?'));
    await buyer.act('chat.send', say(chair, buyer.actorId, 'Hello?'));
    await seller.act('block.set', { actorId: buyer.actorId, blocked: true });
    expect(conversationIn(await seller.view(), chair, buyer.actorId)).toMatchObject({ sellerUnread: 2 });
    expect(await seller.act('chat.read', { ...ref(), upTo: 4 })).toMatchObject({ status: 'applied' });
    expect(await buyer.act('chat.read', { ...ref(), upTo: 4 })).toMatchObject({ status: 'applied' });
    expect(conversationIn(await seller.view(), chair, buyer.actorId)).toMatchObject({ sellerUnread: 0, buyerUnread: 0 });
    // Reading is all: nothing can be said.
    expect(codeOf(await buyer.act('chat.send', say(chair, buyer.actorId, 'why?')))).toBe('chat.blocked');
  });


});

describe('pull pages where listings, conversations and messages share one limit', () => {
  it('brings every row exactly once and in change order at every page size, as buyer and as seller, and from every cursor', async () => {
    // The buyer sells too, the seller buys too: both sides of both people's index ranges interleave.
    const desk = await tools.publish(buyer, { title: 'Desk' });
    for (let i = 0; i < 4; i++) {
      await stranger.act('chat.send', say(desk, stranger.actorId, `desk ${i}`));
      await buyer.act('chat.send', say(chair, buyer.actorId, `chair ${i}`));
      await buyer.act('chat.send', say(desk, stranger.actorId, `reply ${i}`));
      await tools.publish(seller, { title: `Thing ${i}` });
      await seller.act('chat.read', { ...ref(), upTo: 99 });
    }
    for (const who of [buyer, seller, stranger]) {
      const whole = await pullAll(server.app, who.cookie, 0, 1000);
      expect(whole.pages).toHaveLength(1);
      const asText = (changes: typeof whole.changes) => changes.map((c) => JSON.stringify(c));
      for (const limit of [1, 2, 3, 5, 7]) {
        const paged = await pullAll(server.app, who.cookie, 0, limit);
        expect(asText(paged.changes), `limit ${limit}`).toEqual(asText(whole.changes));
        expect(paged.cursor).toBe(whole.cursor);
        const cursors = paged.pages.map((p) => p.cursor);
        expect([...cursors].sort((a, b) => a - b)).toEqual(cursors);
      }
      // From any cursor, what follows is the tail of the whole pull.
      const cursors = (await pullAll(server.app, who.cookie, 0, 1)).pages.map((p) => p.cursor);
      for (const cursor of cursors) {
        const tail = await pullAll(server.app, who.cookie, cursor, 4);
        const after = whole.changes.slice(cursors.indexOf(cursor) + 1);
        expect(asText(tail.changes), `from ${cursor}`).toEqual(asText(after));
      }
    }
  });
});
