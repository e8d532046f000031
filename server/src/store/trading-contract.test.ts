// The trading repositories of the store contract (conversations, messages, trades, reviews, blocks,
// reports), tested the same way on every engine: what each answers, in which order, who may pull a
// conversation, and the duplicates each refuses.
import { conversationId, conversationStart, type ChatMessage } from '@dongne/shared';
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestStore, type OpenedTestStore } from '../testing/test-store.js';
import { DuplicateError } from './contract/duplicate-error.js';
import type { Store } from './contract/store.js';
import type { ConversationRecord, NewReport, NewReview } from './contract/trading.js';

const HOME = 'kr-3102353';
const THUMB = 'b'.repeat(64);

let opened: OpenedTestStore;
let store: Store;
/** Listings by name: `lamp` and `desk` are the seller's, `bike` the buyer's. */
const listingIds: Record<'lamp' | 'desk' | 'bike', string> = { lamp: '', desk: '', bike: '' };
let nextChange = 0;

beforeEach(async () => {
  opened = await openTestStore();
  store = opened.store;
  for (const [id, nickname] of [
    ['seller', 'Seller'],
    ['buyer', 'Buyer'],
    ['buyer2', 'Second buyer'],
    ['stranger', 'Stranger'],
  ]) {
    await store.actors.insert({ id, nickname, createdAt: 1 });
  }
  nextChange = 0;
  const add = async (sellerId: string, title: string, extra: { acceptsOffers?: boolean; photos?: { full: string; thumb: string }[] } = {}) => {
    const id = randomUUID();
    await store.listings.insert({
      id,
      sellerId,
      title,
      description: '',
      priceKrw: 15_000,
      category: 'household',
      neighbourhood: 'Sunae 1-dong 수내1동',
      neighbourhoodId: HOME,
      createdAt: 1,
      changeSeq: ++nextChange,
      ...extra,
    });
    return id;
  };
  listingIds.lamp = await add('seller', 'Lamp', { acceptsOffers: true, photos: [{ full: 'a'.repeat(64), thumb: THUMB }] });
  listingIds.desk = await add('seller', 'Desk');
  listingIds.bike = await add('buyer', 'Bike');
});
afterEach(() => opened.close());

/** A conversation as the services keep it; the seller is the listing's. */
function conversation(listingId: string, buyerId: string, sellerId = 'seller', overrides: Partial<ConversationRecord> = {}): ConversationRecord {
  return {
    listingId,
    buyerId,
    sellerId,
    ...conversationStart(100),
    ...overrides,
  };
}

function message(listingId: string, buyerId: string, senderId: string, n: number, overrides: Partial<ChatMessage> = {}): ChatMessage {
  return {
    id: randomUUID(),
    conversationId: conversationId(listingId, buyerId),
    listingId,
    buyerId,
    senderId,
    kind: 'text',
    text: `message ${n}`,
    priceKrw: null,
    appointment: null,
    refId: null,
    n,
    createdAt: 1000 + n,
    ...overrides,
  };
}

describe('conversations', () => {
  it('keep what was saved, JSON and flags included', async () => {
    const saved = conversation(listingIds.lamp, 'buyer', 'seller', {
      lastN: 3,
      buyerReadN: 3,
      sellerReadN: 2,
      sellerUnread: 1,
      lastMessage: { senderId: 'buyer', kind: 'offer', text: '', priceKrw: 12_000, at: 130 },
      offer: { id: randomUUID(), priceKrw: 12_000, status: 'pending' },
      appointment: { id: randomUUID(), at: 5_000, place: 'Sunae station exit 3', lat: 37.378, lng: 127.114, proposedBy: 'buyer', confirmed: false },
      trade: 'reserved',
      buyerReviewed: true,
      updatedAt: 130,
    });
    await store.conversations.save(saved, 10);
    expect(await store.conversations.get(listingIds.lamp, 'buyer')).toEqual(saved);
    expect(await store.conversations.get(listingIds.lamp, 'buyer2')).toBeUndefined();
    expect(await store.conversations.get(listingIds.desk, 'buyer')).toBeUndefined();
  });

  it('replace every column on a second save, and keep the conversation’s messages', async () => {
    const first = conversation(listingIds.lamp, 'buyer', 'seller', {
      lastN: 1,
      lastMessage: { senderId: 'buyer', kind: 'text', text: 'Still there?', priceKrw: null, at: 110 },
      offer: { id: 'offer-1', priceKrw: 10_000, status: 'pending' },
      trade: 'reserved',
      sellerReviewed: true,
    });
    await store.conversations.save(first, 10);
    const kept = message(listingIds.lamp, 'buyer', 'buyer', 1);
    await store.messages.insert(kept, 'seller', 11);

    const second = conversation(listingIds.lamp, 'buyer', 'seller', {
      lastN: 2,
      buyerReadN: 2,
      sellerReadN: 1,
      buyerUnread: 0,
      sellerUnread: 1,
      lastMessage: null,
      offer: null,
      appointment: { id: 'appt-1', at: 9_000, place: 'Park', lat: null, lng: null, proposedBy: 'seller', confirmed: true },
      trade: null,
      buyerReviewed: true,
      sellerReviewed: false,
      createdAt: 100,
      updatedAt: 200,
    });
    await store.conversations.save(second, 12);
    expect(await store.conversations.get(listingIds.lamp, 'buyer')).toEqual(second);
    expect(await store.messages.byId(kept.id)).toEqual(kept);
    // Replaced, not added: still one conversation, pulled at its new change number only.
    expect(await store.conversations.ofListing(listingIds.lamp)).toHaveLength(1);
    expect((await store.conversations.changesFor('buyer', 0, 10)).map((c) => c.changeSeq)).toEqual([12]);
  });

  it('list every conversation about a listing, by buyer, and none about another', async () => {
    await store.conversations.save(conversation(listingIds.lamp, 'buyer2'), 10);
    await store.conversations.save(conversation(listingIds.desk, 'stranger'), 11);
    await store.conversations.save(conversation(listingIds.lamp, 'buyer'), 12);
    expect((await store.conversations.ofListing(listingIds.lamp)).map((c) => c.buyerId)).toEqual(['buyer', 'buyer2']);
    expect(await store.conversations.ofListing(listingIds.bike)).toEqual([]);
  });

  it('reach only their two participants, with the listing and both people as they are now', async () => {
    await store.conversations.save(conversation(listingIds.lamp, 'buyer', 'seller', { lastN: 1 }), 10);
    await store.actors.setMannerTemperature('seller', 41.2);
    await store.listings.setStatus(listingIds.lamp, 'reserved', 150, 11);

    const [forSeller] = await store.conversations.changesFor('seller', 0, 10);
    expect(forSeller).toEqual({
      changeSeq: 10,
      row: {
        ...conversation(listingIds.lamp, 'buyer', 'seller', { lastN: 1 }),
        id: conversationId(listingIds.lamp, 'buyer'),
        buyer: { id: 'buyer', nickname: 'Buyer', mannerTemperature: 36.5 },
        seller: { id: 'seller', nickname: 'Seller', mannerTemperature: 41.2 },
        listing: { title: 'Lamp', priceKrw: 15_000, status: 'reserved', acceptsOffers: true, thumb: THUMB, deleted: false },
      },
    });
    expect(await store.conversations.changesFor('buyer', 0, 10)).toEqual([forSeller]);
    expect(await store.conversations.changesFor('stranger', 0, 10)).toEqual([]);
    expect(await store.conversations.changesFor('buyer2', 0, 10)).toEqual([]);
  });

  it('show a deleted listing without photos as deleted, with no thumbnail', async () => {
    await store.conversations.save(conversation(listingIds.desk, 'buyer'), 10);
    await store.listings.markDeleted(listingIds.desk, 150, 11);
    const [pulled] = await store.conversations.changesFor('buyer', 0, 10);
    expect(pulled.row.listing).toMatchObject({ title: 'Desk', acceptsOffers: false, thumb: null, deleted: true });
  });

  it('page a participant’s conversations by change number across the buyer and seller sides', async () => {
    // The buyer buys on the seller's listings and sells the bike: both sides interleave.
    await store.conversations.save(conversation(listingIds.lamp, 'buyer'), 20);
    await store.conversations.save(conversation(listingIds.bike, 'seller', 'buyer'), 21);
    await store.conversations.save(conversation(listingIds.bike, 'stranger', 'buyer'), 22);
    await store.conversations.save(conversation(listingIds.desk, 'buyer'), 23);
    await store.conversations.save(conversation(listingIds.bike, 'buyer2', 'buyer'), 24);
    await store.conversations.save(conversation(listingIds.lamp, 'buyer2'), 25);

    const seqs = async (actorId: string, cursor: number, limit: number) => (await store.conversations.changesFor(actorId, cursor, limit)).map((c) => c.changeSeq);
    expect(await seqs('buyer', 0, 100)).toEqual([20, 21, 22, 23, 24]);
    expect(await seqs('buyer', 0, 3)).toEqual([20, 21, 22]);
    expect(await seqs('buyer', 22, 3)).toEqual([23, 24]);
    expect(await seqs('buyer', 24, 3)).toEqual([]);
    expect(await seqs('seller', 0, 100)).toEqual([20, 21, 23, 25]);
    expect(await seqs('stranger', 0, 100)).toEqual([22]);
    const [asSeller] = await store.conversations.changesFor('buyer', 20, 1);
    expect(asSeller.row).toMatchObject({ buyerId: 'seller', sellerId: 'buyer', buyer: { nickname: 'Seller' }, seller: { nickname: 'Buyer' } });
  });
});

describe('messages', () => {
  beforeEach(async () => {
    await store.conversations.save(conversation(listingIds.lamp, 'buyer'), 10);
    await store.conversations.save(conversation(listingIds.lamp, 'buyer2'), 11);
  });

  it('keep a message as sent, offer and appointment included', async () => {
    const offer = message(listingIds.lamp, 'buyer', 'buyer', 1, { kind: 'offer', text: '', priceKrw: 12_000 });
    const appointment = message(listingIds.lamp, 'buyer', 'seller', 2, {
      kind: 'appointment',
      appointment: { at: 50_000, place: 'Sunae station exit 3', lat: 37.378, lng: 127.114 },
      refId: offer.id,
    });
    await store.messages.insert(offer, 'seller', 12);
    await store.messages.insert(appointment, 'seller', 13);
    expect(await store.messages.byId(offer.id)).toEqual(offer);
    expect(await store.messages.byId(appointment.id)).toEqual(appointment);
    expect(await store.messages.byId(randomUUID())).toBeUndefined();
  });

  it('refuse a taken id with a DuplicateError, and let the transaction go on', async () => {
    const first = message(listingIds.lamp, 'buyer', 'buyer', 1);
    await store.messages.insert(first, 'seller', 12);
    const again = { ...message(listingIds.lamp, 'buyer2', 'buyer2', 1), id: first.id };
    await store.transaction(async (tx) => {
      const refused = tx.messages.insert(again, 'seller', 13);
      await expect(refused).rejects.toBeInstanceOf(DuplicateError);
      await expect(refused).rejects.toMatchObject({ what: 'message' });
      // A service that catches the refusal can still write in the same transaction.
      await tx.messages.insert(message(listingIds.lamp, 'buyer2', 'buyer2', 1), 'seller', 14);
    });
    expect(await store.messages.byId(first.id)).toEqual(first);
    expect(await store.messages.changesFor('buyer2', 0, 10)).toHaveLength(1);
  });

  it('refuse a number the conversation already has', async () => {
    await store.messages.insert(message(listingIds.lamp, 'buyer', 'buyer', 1), 'seller', 12);
    await expect(store.messages.insert(message(listingIds.lamp, 'buyer', 'seller', 1), 'seller', 13)).rejects.toBeInstanceOf(DuplicateError);
    // Another conversation numbers its messages from 1 too.
    await store.messages.insert(message(listingIds.lamp, 'buyer2', 'buyer2', 1), 'seller', 14);
  });

  it('count the messages after a number that the other side sent', async () => {
    const senders = ['buyer', 'seller', 'buyer', 'buyer', 'seller'];
    for (const [i, sender] of senders.entries()) await store.messages.insert(message(listingIds.lamp, 'buyer', sender, i + 1), 'seller', 20 + i);
    await store.messages.insert(message(listingIds.lamp, 'buyer2', 'buyer2', 1), 'seller', 30);
    expect(await store.messages.unreadAfter(listingIds.lamp, 'buyer', 'seller', 0)).toBe(3);
    expect(await store.messages.unreadAfter(listingIds.lamp, 'buyer', 'seller', 3)).toBe(1);
    expect(await store.messages.unreadAfter(listingIds.lamp, 'buyer', 'buyer', 1)).toBe(2);
    expect(await store.messages.unreadAfter(listingIds.lamp, 'buyer', 'buyer', 5)).toBe(0);
  });

  it('reach only the participants of their conversation, by change number across both sides', async () => {
    // The buyer also sells the bike to the seller.
    await store.conversations.save(conversation(listingIds.bike, 'seller', 'buyer'), 12);
    const toSeller = message(listingIds.lamp, 'buyer', 'buyer', 1);
    const toOther = message(listingIds.lamp, 'buyer2', 'buyer2', 1);
    const aboutBike = message(listingIds.bike, 'seller', 'seller', 1);
    const reply = message(listingIds.lamp, 'buyer', 'seller', 2);
    await store.messages.insert(toSeller, 'seller', 20);
    await store.messages.insert(toOther, 'seller', 21);
    await store.messages.insert(aboutBike, 'buyer', 22);
    await store.messages.insert(reply, 'seller', 23);

    const pulled = async (actorId: string, cursor: number, limit: number) => await store.messages.changesFor(actorId, cursor, limit);
    expect(await pulled('buyer', 0, 10)).toEqual([
      { changeSeq: 20, row: toSeller },
      { changeSeq: 22, row: aboutBike },
      { changeSeq: 23, row: reply },
    ]);
    expect((await pulled('seller', 0, 10)).map((m) => m.changeSeq)).toEqual([20, 21, 22, 23]);
    expect((await pulled('seller', 0, 2)).map((m) => m.changeSeq)).toEqual([20, 21]);
    expect((await pulled('seller', 21, 2)).map((m) => m.changeSeq)).toEqual([22, 23]);
    expect(await pulled('buyer2', 0, 10)).toEqual([{ changeSeq: 21, row: toOther }]);
    expect(await pulled('stranger', 0, 10)).toEqual([]);
  });
});

describe('trades', () => {
  it('record a sale once; recording it again changes nothing', async () => {
    const trade = { listingId: listingIds.lamp, buyerId: 'buyer', sellerId: 'seller', completedAt: 500 };
    await store.trades.record(trade);
    await store.trades.record({ ...trade, completedAt: 900 });
    expect(await store.trades.get(listingIds.lamp, 'buyer')).toEqual(trade);
    expect(await store.trades.get(listingIds.lamp, 'buyer2')).toBeUndefined();
    expect(await store.trades.countFor('seller')).toBe(1);
  });

  it('count the trades a person completed as seller and as buyer', async () => {
    await store.trades.record({ listingId: listingIds.lamp, buyerId: 'buyer', sellerId: 'seller', completedAt: 500 });
    await store.trades.record({ listingId: listingIds.desk, buyerId: 'buyer2', sellerId: 'seller', completedAt: 600 });
    await store.trades.record({ listingId: listingIds.bike, buyerId: 'seller', sellerId: 'buyer', completedAt: 700 });
    expect(await store.trades.countFor('seller')).toBe(3);
    expect(await store.trades.countFor('buyer')).toBe(2);
    expect(await store.trades.countFor('buyer2')).toBe(1);
    expect(await store.trades.countFor('stranger')).toBe(0);
  });
});

describe('reviews', () => {
  const review = (overrides: Partial<NewReview> = {}): NewReview => ({
    id: randomUUID(),
    listingId: listingIds.lamp,
    reviewerId: 'buyer',
    revieweeId: 'seller',
    good: ['kind'],
    bad: [],
    text: '',
    createdAt: 1000,
    ...overrides,
  });

  it('keep a review, and know who has reviewed which trade', async () => {
    await store.reviews.insert(review());
    expect(await store.reviews.exists(listingIds.lamp, 'buyer', 'seller')).toBe(true);
    expect(await store.reviews.exists(listingIds.lamp, 'seller', 'buyer')).toBe(false);
    expect(await store.reviews.exists(listingIds.desk, 'buyer', 'seller')).toBe(false);
    // The same listing sold again, to someone else, is another trade.
    expect(await store.reviews.exists(listingIds.lamp, 'buyer', 'buyer2')).toBe(false);
  });

  it('refuse a taken id, and a second review of the same trade by the same person', async () => {
    const first = review();
    await store.reviews.insert(first);
    const takenId = store.reviews.insert(review({ id: first.id, listingId: listingIds.desk }));
    await expect(takenId).rejects.toBeInstanceOf(DuplicateError);
    await expect(takenId).rejects.toMatchObject({ what: 'review' });
    await expect(store.reviews.insert(review({ good: ['on_time'], createdAt: 2000 }))).rejects.toBeInstanceOf(DuplicateError);
    // The other side reviews the same trade once too.
    await store.reviews.insert(review({ reviewerId: 'seller', revieweeId: 'buyer' }));
    expect(await store.reviews.receivedSince('seller', 0)).toEqual([{ reviewerId: 'buyer', good: ['kind'], bad: [], createdAt: 1000 }]);
  });

  it('give the manners a person received since a time, newest first', async () => {
    await store.reviews.insert(review({ good: ['kind', 'on_time'], createdAt: 1000 }));
    await store.reviews.insert(review({ listingId: listingIds.desk, reviewerId: 'buyer2', good: [], bad: ['late', 'rude'], createdAt: 3000 }));
    await store.reviews.insert(review({ listingId: listingIds.lamp, reviewerId: 'stranger', good: ['quick_reply'], createdAt: 2000 }));
    await store.reviews.insert(review({ listingId: listingIds.bike, reviewerId: 'seller', revieweeId: 'buyer', createdAt: 2500 }));
    expect(await store.reviews.receivedSince('seller', 0)).toEqual([
      { reviewerId: 'buyer2', good: [], bad: ['late', 'rude'], createdAt: 3000 },
      { reviewerId: 'stranger', good: ['quick_reply'], bad: [], createdAt: 2000 },
      { reviewerId: 'buyer', good: ['kind', 'on_time'], bad: [], createdAt: 1000 },
    ]);
    expect((await store.reviews.receivedSince('seller', 2000)).map((r) => r.createdAt)).toEqual([3000, 2000]);
    expect(await store.reviews.receivedSince('stranger', 0)).toEqual([]);
  });

  it('count each good manner chosen, most often first, ties by code', async () => {
    await store.reviews.insert(review({ good: ['on_time', 'kind', 'quick_reply'] }));
    await store.reviews.insert(review({ listingId: listingIds.desk, good: ['on_time', 'kind'] }));
    await store.reviews.insert(review({ reviewerId: 'buyer2', good: ['on_time', 'fair_price'], bad: ['late'] }));
    await store.reviews.insert(review({ reviewerId: 'stranger', good: [] }));
    await store.reviews.insert(review({ listingId: listingIds.bike, reviewerId: 'seller', revieweeId: 'buyer', good: ['as_described'] }));
    expect(await store.reviews.goodMannerCounts('seller')).toEqual([
      { code: 'on_time', count: 3 },
      { code: 'kind', count: 2 },
      { code: 'fair_price', count: 1 },
      { code: 'quick_reply', count: 1 },
    ]);
    expect(await store.reviews.goodMannerCounts('stranger')).toEqual([]);
  });

  it('praise: texts of reviews that chose no bad manner, newest first, with their authors', async () => {
    const [older, newer, sameTimeA, sameTimeB] = ['01', '02', '03', '04'].map((n) => `00000000-0000-4000-8000-0000000000${n}`);
    await store.reviews.insert(review({ id: older, text: 'Lovely lamp', createdAt: 1000 }));
    await store.reviews.insert(review({ id: newer, listingId: listingIds.desk, text: 'Fast and kind', createdAt: 3000 }));
    await store.reviews.insert(review({ reviewerId: 'buyer2', text: 'Came late', bad: ['late'], createdAt: 4000 }));
    await store.reviews.insert(review({ reviewerId: 'stranger', text: '', createdAt: 5000 }));
    await store.reviews.insert(review({ id: sameTimeB, listingId: listingIds.desk, reviewerId: 'stranger', text: 'Second at two', createdAt: 2000 }));
    await store.reviews.insert(review({ id: sameTimeA, listingId: listingIds.desk, reviewerId: 'buyer2', text: 'First at two', createdAt: 2000 }));
    await store.reviews.insert(review({ listingId: listingIds.bike, reviewerId: 'seller', revieweeId: 'buyer', text: 'Not about the seller', createdAt: 6000 }));
    expect(await store.reviews.praise('seller', 10)).toEqual([
      { id: newer, text: 'Fast and kind', at: 3000, authorNickname: 'Buyer' },
      { id: sameTimeA, text: 'First at two', at: 2000, authorNickname: 'Second buyer' },
      { id: sameTimeB, text: 'Second at two', at: 2000, authorNickname: 'Stranger' },
      { id: older, text: 'Lovely lamp', at: 1000, authorNickname: 'Buyer' },
    ]);
    expect((await store.reviews.praise('seller', 2)).map((p) => p.text)).toEqual(['Fast and kind', 'First at two']);
    expect(await store.reviews.praise('stranger', 10)).toEqual([]);
  });
});

describe('blocks', () => {
  it('say whether blocking or unblocking changed anything', async () => {
    expect(await store.blocks.set('buyer', 'seller', true, 100)).toBe(true);
    expect(await store.blocks.set('buyer', 'seller', true, 200)).toBe(false);
    expect(await store.blocks.isBlocking('buyer', 'seller')).toBe(true);
    // Blocking is one way.
    expect(await store.blocks.isBlocking('seller', 'buyer')).toBe(false);
    expect(await store.blocks.set('buyer', 'seller', false, 300)).toBe(true);
    expect(await store.blocks.set('buyer', 'seller', false, 400)).toBe(false);
    expect(await store.blocks.isBlocking('buyer', 'seller')).toBe(false);
  });

  it('list whom a person blocked, most recent first, and who blocked them', async () => {
    await store.blocks.set('buyer', 'stranger', true, 100);
    await store.blocks.set('buyer', 'seller', true, 300);
    await store.blocks.set('buyer', 'buyer2', true, 300);
    await store.blocks.set('stranger', 'seller', true, 200);
    await store.blocks.set('buyer2', 'seller', true, 50);
    expect(await store.blocks.blockedBy('buyer')).toEqual(['buyer2', 'seller', 'stranger']);
    expect(await store.blocks.blockedBy('seller')).toEqual([]);
    expect(await store.blocks.blockersOf('seller')).toEqual(['buyer', 'buyer2', 'stranger']);
    expect(await store.blocks.blockersOf('buyer')).toEqual([]);
    await store.blocks.set('buyer', 'seller', false, 400);
    expect(await store.blocks.blockedBy('buyer')).toEqual(['buyer2', 'stranger']);
    expect(await store.blocks.blockersOf('seller')).toEqual(['buyer2', 'stranger']);
  });
});

describe('reports', () => {
  const report = (overrides: Partial<NewReport> = {}): NewReport => ({
    id: randomUUID(),
    reporterId: 'buyer',
    target: 'actor',
    targetId: 'stranger',
    reason: 'scam',
    text: '',
    createdAt: 1000,
    ...overrides,
  });

  it('refuse a taken id with a DuplicateError', async () => {
    const first = report();
    await store.reports.insert(first);
    const again = store.reports.insert(report({ id: first.id, reporterId: 'seller' }));
    await expect(again).rejects.toBeInstanceOf(DuplicateError);
    await expect(again).rejects.toMatchObject({ what: 'report' });
    expect(await store.reports.reportersOf('actor', 'stranger')).toHaveLength(1);
  });

  it('count the different people who reported a target', async () => {
    await store.reports.insert(report());
    await store.reports.insert(report({ reason: 'abusive', createdAt: 2000 }));
    await store.reports.insert(report({ reporterId: 'seller' }));
    await store.reports.insert(report({ reporterId: 'buyer2', target: 'listing', targetId: listingIds.lamp }));
    // A listing whose id happens to equal a person's is another target.
    await store.reports.insert(report({ reporterId: 'buyer2', target: 'listing', targetId: 'stranger' }));
    expect(await store.reports.reportersOf('actor', 'stranger')).toHaveLength(2);
    expect(await store.reports.reportersOf('listing', listingIds.lamp)).toHaveLength(1);
    expect(await store.reports.reportersOf('listing', 'stranger')).toHaveLength(1);
    expect(await store.reports.reportersOf('actor', 'seller')).toHaveLength(0);
  });
});
