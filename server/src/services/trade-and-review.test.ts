// Selling to a buyer from the chat, and reviewing each other after (거래 후기), through push, pull
// and the public profile on a real store (either engine): who may reserve and sell, what the
// neighbours and the two people see, who may review whom, and how reviews move the manner temperature.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { MANNER_TEMPERATURE, REVIEW_TEXT_MAX, type PublicProfile } from '@dongne/shared';
import { createTestServer, dumpTables, T0, type TestServer } from '../testing/harness.js';
import { TEST_ENGINE } from '../testing/test-store.js';
import { atTheSameMoment, conversationIn, messagesIn, people, say, type Person } from '../testing/trading.js';
import { BAD_STEP, GOOD_STEP } from './manner-temperature.js';

const MINUTE = 60_000;

let server: TestServer;
let seller: Person;
/** Two buyers who have both asked about the chair. */
let buyer: Person;
let secondBuyer: Person;
/** A verified neighbour who never asked about it. */
let neighbour: Person;
let chair: string;
let tools: ReturnType<typeof people>;

beforeEach(async () => {
  server = await createTestServer();
  tools = people(server);
  seller = await tools.person();
  buyer = await tools.person({ verified: true });
  secondBuyer = await tools.person({ verified: true });
  neighbour = await tools.person({ verified: true });
  chair = await tools.publish(seller, { title: '원목 의자', priceKrw: 30_000 });
  for (const who of [buyer, secondBuyer]) {
    expect(await who.act('chat.send', say(chair, who.actorId, 'Is it still available?'))).toMatchObject({ status: 'applied' });
  }
});
afterEach(() => server.close());

const reserve = (who: Person, to: Person, listingId = chair) => who.act('trade.reserve', { listingId, buyerId: to.actorId });
const sell = (who: Person, to: Person, listingId = chair) => who.act('trade.complete', { listingId, buyerId: to.actorId });

/** The rows a refused (or repeated) trade action must leave alone. */
async function tradeTables() {
  const { listings, conversations, messages, trades, reviews, actors, change_counter } = await dumpTables(server.store);
  return { listings, conversations, messages, trades, reviews, actors, change_counter };
}

describe('reserving and selling to a buyer', () => {
  it('lets only the seller reserve or sell (trade.not_seller)', async () => {
    const before = await tradeTables();
    expect(await reserve(buyer, buyer)).toMatchObject({ status: 'rejected', code: 'trade.not_seller' });
    expect(await sell(buyer, buyer)).toMatchObject({ status: 'rejected', code: 'trade.not_seller' });
    expect(await reserve(neighbour, buyer)).toMatchObject({ status: 'rejected', code: 'trade.not_seller' });
    expect(await sell(neighbour, secondBuyer)).toMatchObject({ status: 'rejected', code: 'trade.not_seller' });
    expect(await tradeTables()).toEqual(before);
  });

  it('reserves and sells only to someone who chatted about the listing (trade.no_conversation)', async () => {
    const before = await tradeTables();
    expect(await reserve(seller, neighbour)).toMatchObject({ status: 'rejected', code: 'trade.no_conversation' });
    expect(await sell(seller, neighbour)).toMatchObject({ status: 'rejected', code: 'trade.no_conversation' });
    expect(await tradeTables()).toEqual(before);
  });

  it('reserves the listing for a buyer: the neighbours see it reserved, and the conversation says for whom', async () => {
    expect(await reserve(seller, buyer)).toMatchObject({ status: 'applied' });

    expect((await neighbour.view()).listings.get(chair)).toMatchObject({ status: 'reserved' });
    const buyers = await buyer.view();
    expect(conversationIn(buyers, chair, buyer.actorId)).toMatchObject({ trade: 'reserved', listing: { status: 'reserved' }, buyerUnread: 1 });
    expect(messagesIn(buyers, chair, buyer.actorId).at(-1)).toMatchObject({ n: 2, kind: 'reserved', senderId: seller.actorId });
    // The other buyer sees the listing reserved, but not for them.
    expect(conversationIn(await secondBuyer.view(), chair, secondBuyer.actorId)).toMatchObject({ trade: null, listing: { status: 'reserved' } });

    // Reserving again for the same buyer (a second tap, another device) changes nothing.
    const before = await tradeTables();
    expect(await reserve(seller, buyer)).toMatchObject({ status: 'applied' });
    expect(await tradeTables()).toEqual(before);
  });

  it('moves the reservation when the seller reserves for another buyer', async () => {
    await reserve(seller, buyer);
    expect(await reserve(seller, secondBuyer)).toMatchObject({ status: 'applied' });
    const sellers = await seller.view();
    expect(conversationIn(sellers, chair, buyer.actorId)).toMatchObject({ trade: null });
    expect(conversationIn(sellers, chair, secondBuyer.actorId)).toMatchObject({ trade: 'reserved' });
    expect(conversationIn(await buyer.view(), chair, buyer.actorId)).toMatchObject({ trade: null });
    expect((await neighbour.view()).listings.get(chair)).toMatchObject({ status: 'reserved' });
  });

  it('completes the sale: sold to the neighbours, the trade recorded, a sold message in the chat, and no one else holding it', async () => {
    await reserve(seller, secondBuyer);
    server.clock.advance(MINUTE);
    expect(await sell(seller, buyer)).toMatchObject({ status: 'applied' });

    expect((await neighbour.view()).listings.get(chair)).toMatchObject({ status: 'sold' });
    expect(await server.store.trades.get(chair, buyer.actorId)).toEqual({ listingId: chair, buyerId: buyer.actorId, sellerId: seller.actorId, completedAt: T0 + MINUTE });
    expect(await server.store.trades.get(chair, secondBuyer.actorId)).toBeUndefined();
    const buyers = await buyer.view();
    expect(conversationIn(buyers, chair, buyer.actorId)).toMatchObject({ trade: 'sold', listing: { status: 'sold' }, lastMessage: { kind: 'sold' } });
    expect(messagesIn(buyers, chair, buyer.actorId).map((m) => m.kind)).toEqual(['text', 'sold']);
    expect(conversationIn(await secondBuyer.view(), chair, secondBuyer.actorId)).toMatchObject({ trade: null, listing: { status: 'sold' } });
  });

  it('answers completing the same sale again as applied, and changes nothing', async () => {
    await sell(seller, buyer);
    const before = await tradeTables();
    server.clock.advance(MINUTE);
    expect(await sell(seller, buyer)).toMatchObject({ status: 'applied' });
    expect(await tradeTables()).toEqual(before);
  });

  it('refuses selling or reserving for another buyer once sold (trade.already_sold)', async () => {
    await sell(seller, buyer);
    const before = await tradeTables();
    expect(await sell(seller, secondBuyer)).toMatchObject({ status: 'rejected', code: 'trade.already_sold' });
    expect(await reserve(seller, secondBuyer)).toMatchObject({ status: 'rejected', code: 'trade.already_sold' });
    expect(await reserve(seller, buyer)).toMatchObject({ status: 'rejected', code: 'trade.already_sold' });
    expect(await tradeTables()).toEqual(before);
  });

  it('lets a status set by hand clear the reservation or sale held in a chat, since it names no buyer', async () => {
    await reserve(seller, buyer);
    expect(await seller.act('listing.set_status', { id: chair, status: 'reserved' })).toMatchObject({ status: 'applied' });
    expect(conversationIn(await buyer.view(), chair, buyer.actorId)).toMatchObject({ trade: null, listing: { status: 'reserved' } });

    await sell(seller, secondBuyer);
    expect(await seller.act('listing.set_status', { id: chair, status: 'selling' })).toMatchObject({ status: 'applied' });
    expect(conversationIn(await secondBuyer.view(), chair, secondBuyer.actorId)).toMatchObject({ trade: null, listing: { status: 'selling' } });
    expect((await neighbour.view()).listings.get(chair)).toMatchObject({ status: 'selling' });
  });
});

describe('reviews (거래 후기)', () => {
  const review = (listingId: string, reviewee: Person, good: string[], bad: string[] = [], text?: string) => ({
    id: randomUUID(),
    listingId,
    revieweeId: reviewee.actorId,
    good,
    bad,
    ...(text === undefined ? {} : { text }),
  });
  const profileOf = async (who: Person) => (await (await server.app.request(`/api/profiles/${who.actorId}`)).json()) as PublicProfile;

  it('refuses reviewing yourself (review.self)', async () => {
    await sell(seller, buyer);
    expect(await seller.act('review.create', review(chair, seller, ['kind']))).toMatchObject({ status: 'rejected', code: 'review.self' });
    expect(await buyer.act('review.create', review(chair, buyer, ['kind']))).toMatchObject({ status: 'rejected', code: 'review.self' });
  });

  it('refuses a review between two people who did not complete this trade (review.no_trade)', async () => {
    // Chatting is not trading.
    expect(await buyer.act('review.create', review(chair, seller, ['kind']))).toMatchObject({ status: 'rejected', code: 'review.no_trade' });

    await sell(seller, buyer);
    const lamp = await tools.publish(seller, { title: 'Desk lamp' });
    await secondBuyer.act('chat.send', say(lamp, secondBuyer.actorId, 'Lamp please'));
    await sell(seller, secondBuyer, lamp);
    const before = await tradeTables();
    for (const [who, args, story] of [
      [neighbour, review(chair, seller, ['kind']), 'a third person reviewing the seller'],
      [neighbour, review(chair, buyer, ['kind']), 'a third person reviewing the buyer'],
      [secondBuyer, review(chair, seller, ['kind']), 'the buyer of another listing, naming this one'],
      [seller, review(chair, secondBuyer, ['kind']), 'the seller reviewing someone who only chatted'],
      [buyer, review(chair, secondBuyer, ['kind']), 'the buyer reviewing someone other than the seller'],
    ] as const) {
      expect(await who.act('review.create', args), story).toMatchObject({ status: 'rejected', code: 'review.no_trade' });
    }
    expect(await buyer.act('review.create', review(randomUUID(), seller, ['kind']))).toMatchObject({ code: 'listing.not_found' });
    expect(await tradeTables()).toEqual(before);
  });

  it('refuses reviewing someone who has blocked you (review.blocked); the one who blocked may still review', async () => {
    await sell(seller, buyer);
    await seller.act('block.set', { actorId: buyer.actorId, blocked: true });
    expect(await buyer.act('review.create', review(chair, seller, ['kind']))).toMatchObject({ status: 'rejected', code: 'review.blocked' });
    expect(await seller.act('review.create', review(chair, buyer, [], ['rude']))).toMatchObject({ status: 'applied' });
  });

  it('takes one review per side of a trade (review.already), and never under an id already used (review.id_taken)', async () => {
    await sell(seller, buyer);
    const first = review(chair, seller, ['kind']);
    expect(await buyer.act('review.create', first)).toMatchObject({ status: 'applied' });
    expect(await buyer.act('review.create', review(chair, seller, ['on_time']))).toMatchObject({ status: 'rejected', code: 'review.already' });
    expect(await seller.act('review.create', { ...review(chair, buyer, ['quick_reply']), id: first.id })).toMatchObject({
      status: 'rejected',
      code: 'review.id_taken',
    });
    expect(await seller.act('review.create', review(chair, buyer, ['quick_reply']))).toMatchObject({ status: 'applied' });
  });

  it('counts a listing sold again, after coming back on sale, as another trade the seller may review', async () => {
    await sell(seller, buyer);
    expect(await seller.act('review.create', review(chair, buyer, ['kind']))).toMatchObject({ status: 'applied' });
    expect(await seller.act('listing.set_status', { id: chair, status: 'selling' })).toMatchObject({ status: 'applied' });
    expect(await sell(seller, secondBuyer)).toMatchObject({ status: 'applied' });
    expect(await seller.act('review.create', review(chair, secondBuyer, ['on_time']))).toMatchObject({ status: 'applied' });
    expect(await seller.act('review.create', review(chair, secondBuyer, ['kind']))).toMatchObject({ status: 'rejected', code: 'review.already' });
    expect(await secondBuyer.act('review.create', review(chair, seller, ['as_described']))).toMatchObject({ status: 'applied' });
  });

  it('refuses reviews that do not say anything a review can (mutation.invalid_args)', async () => {
    await sell(seller, buyer);
    const before = await tradeTables();
    for (const [args, story] of [
      [review(chair, seller, []), 'no manner chosen'],
      [review(chair, seller, ['friendly']), 'a manner that is not on the list'],
      [review(chair, seller, [], ['kind']), 'a good manner given as a bad one'],
      [review(chair, seller, ['kind', 'kind']), 'a manner twice'],
      [review(chair, seller, ['kind'], [], 'x'.repeat(REVIEW_TEXT_MAX + 1)), 'a text over the limit'],
      [{ ...review(chair, seller, ['kind']), id: 'review-1' }, 'an id that is not a uuid'],
    ] as const) {
      expect(await buyer.act('review.create', args), story).toMatchObject({ status: 'rejected', code: 'mutation.invalid_args' });
    }
    expect(await tradeTables()).toEqual(before);
    expect(await buyer.act('review.create', review(chair, seller, ['kind'], [], 'x'.repeat(REVIEW_TEXT_MAX)))).toMatchObject({ status: 'applied' });
  });

  it('marks each side reviewed on the conversation, in both pulls, once each has written', async () => {
    await sell(seller, buyer);
    const flags = async (who: Person) => {
      const { buyerReviewed, sellerReviewed } = conversationIn(await who.view(), chair, buyer.actorId)!;
      return { buyerReviewed, sellerReviewed };
    };
    await buyer.act('review.create', review(chair, seller, ['kind'], [], 'Thank you!'));
    for (const who of [buyer, seller]) expect(await flags(who)).toEqual({ buyerReviewed: true, sellerReviewed: false });
    await seller.act('review.create', review(chair, buyer, ['on_time']));
    for (const who of [buyer, seller]) expect(await flags(who)).toEqual({ buyerReviewed: true, sellerReviewed: true });
  });

  it('warms the reviewee for good manners and cools them for bad, on their profile and beside their name in the chat', async () => {
    await sell(seller, buyer);
    // 36.5 + 2 good manners × GOOD_STEP (0.2).
    await buyer.act('review.create', review(chair, seller, ['kind', 'on_time']));
    expect(MANNER_TEMPERATURE.start + 2 * GOOD_STEP).toBeCloseTo(36.9);
    expect(await profileOf(seller)).toMatchObject({ mannerTemperature: 36.9, tradeCount: 1 });
    // 36.5 − 2 bad manners × BAD_STEP (0.6).
    await seller.act('review.create', review(chair, buyer, [], ['no_show', 'rude']));
    expect(MANNER_TEMPERATURE.start - 2 * BAD_STEP).toBeCloseTo(35.3);
    expect(await profileOf(buyer)).toMatchObject({ mannerTemperature: 35.3, tradeCount: 1 });

    for (const who of [buyer, seller]) {
      expect(conversationIn(await who.view(), chair, buyer.actorId)).toMatchObject({
        buyer: { mannerTemperature: 35.3 },
        seller: { mannerTemperature: 36.9 },
      });
    }
  });

  it("shows on the seller's profile their trades, the good manners most chosen, and praise with its author, never a review that chose a bad manner", async () => {
    const lamp = await tools.publish(seller, { title: 'Desk lamp' });
    const desk = await tools.publish(seller, { title: 'Desk' });
    await secondBuyer.act('chat.send', say(lamp, secondBuyer.actorId, 'Lamp please'));
    await neighbour.act('chat.send', say(desk, neighbour.actorId, 'Desk please'));
    await sell(seller, buyer, chair);
    await sell(seller, secondBuyer, lamp);
    await sell(seller, neighbour, desk);

    await buyer.act('review.create', review(chair, seller, ['kind', 'on_time'], [], 'Lovely chair, and right on time!'));
    server.clock.advance(MINUTE);
    await secondBuyer.act('review.create', review(lamp, seller, ['kind'], ['late'], 'Came 30 minutes late'));
    server.clock.advance(MINUTE);
    await neighbour.act('review.create', review(desk, seller, ['kind', 'as_described'], [], 'Exactly as described'));

    const profile = await profileOf(seller);
    expect(profile).toMatchObject({
      tradeCount: 3,
      // +0.4, +0.2 − 0.6, +0.4 (minutes old, so at full weight to one decimal).
      mannerTemperature: 36.9,
      topManners: [
        { code: 'kind', count: 3 },
        { code: 'as_described', count: 1 },
        { code: 'on_time', count: 1 },
      ],
      praise: [
        { id: expect.any(String), text: 'Exactly as described', at: T0 + 2 * MINUTE, authorNickname: neighbour.nickname },
        { id: expect.any(String), text: 'Lovely chair, and right on time!', at: T0, authorNickname: buyer.nickname },
      ],
    });
    // Nothing on the profile says who gave the bad evaluation, or what they wrote.
    const shown = JSON.stringify(profile);
    for (const secret of [secondBuyer.actorId, secondBuyer.nickname, 'Came 30 minutes late', 'late']) expect(shown).not.toContain(secret);
    // Each buyer has one trade to their name.
    for (const who of [buyer, secondBuyer, neighbour]) expect(await profileOf(who)).toMatchObject({ tradeCount: 1 });
  });

  it('answers 36.5 for someone new, with no trades, manners or praise', async () => {
    const newcomer = await tools.person();
    expect(await profileOf(newcomer)).toMatchObject({ mannerTemperature: 36.5, tradeCount: 0, topManners: [], praise: [] });
  });

  describe.runIf(TEST_ENGINE === 'postgres')('at the same moment as something else, on PostgreSQL', () => {
    it('keeps both a message and a review that cross each other: the message numbered, the review marked', async () => {
      await sell(seller, buyer);
      const [sent, reviewed] = await atTheSameMoment(
        server,
        () => seller.act('chat.send', say(chair, buyer.actorId, 'Enjoy the chair!')),
        () => buyer.act('review.create', review(chair, seller, ['kind'])),
      );
      expect([sent.status, reviewed.status]).toEqual(['applied', 'applied']);
      expect(conversationIn(await seller.view(), chair, buyer.actorId)).toMatchObject({ lastN: 3, buyerReviewed: true, lastMessage: { text: 'Enjoy the chair!' } });
      expect(await seller.act('chat.send', say(chair, buyer.actorId, 'Thanks for the review'))).toMatchObject({ status: 'applied' });
    });

    it('counts two reviews received at the same moment in the temperature shown beside the name', async () => {
      const lamp = await tools.publish(seller, { title: 'Desk lamp' });
      await secondBuyer.act('chat.send', say(lamp, secondBuyer.actorId, 'Lamp please'));
      await sell(seller, buyer, chair);
      await sell(seller, secondBuyer, lamp);
      const results = await atTheSameMoment(
        server,
        () => buyer.act('review.create', review(chair, seller, ['kind', 'on_time'])),
        () => secondBuyer.act('review.create', review(lamp, seller, ['kind', 'on_time'])),
      );
      expect(results.map((r) => r.status)).toEqual(['applied', 'applied']);
      // 36.5 + 4 × 0.2, on the profile and in the chat alike.
      expect(await profileOf(seller)).toMatchObject({ mannerTemperature: 37.3 });
      expect(conversationIn(await secondBuyer.view(), lamp, secondBuyer.actorId)).toMatchObject({ seller: { mannerTemperature: 37.3 } });
    });
  });

  it('lets nobody move their own temperature: not by selling to themselves, reviewing themselves, or reviewing twice', async () => {
    expect(await sell(seller, seller)).toMatchObject({ status: 'rejected', code: 'chat.own_listing' });
    await sell(seller, buyer);
    expect(await seller.act('review.create', review(chair, seller, ['kind', 'on_time', 'quick_reply']))).toMatchObject({ code: 'review.self' });
    expect(await profileOf(seller)).toMatchObject({ mannerTemperature: 36.5 });

    // The buyer's second go at the same trade is refused: one review's worth of warmth.
    await buyer.act('review.create', review(chair, seller, ['kind']));
    expect(await buyer.act('review.create', review(chair, seller, ['on_time']))).toMatchObject({ code: 'review.already' });
    expect(await profileOf(seller)).toMatchObject({ mannerTemperature: 36.7, topManners: [{ code: 'kind', count: 1 }] });
    expect(await profileOf(buyer)).toMatchObject({ mannerTemperature: 36.5 });
  });
});
