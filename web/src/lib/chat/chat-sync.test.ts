// Chat on this device: each step shows at once (offline too), the server's numbered copies replace
// the local ones without duplicates however the pull and the outbox interleave, and a refused step
// keeps the person's words and says why.
import { describe, expect, it } from 'vitest';
import { conversationId, type MutationResult } from '@dongne/shared';
import { signedIn, signOutLocally } from '../db/account.js';
import { conversationsNewestFirst, messagesOf, totalUnread } from '../db/chats.js';
import type { DongneDb, OutboxEntry } from '../db/db.js';
import { getMeta, setMeta } from '../db/meta.js';
import { serverListing, useFreshDb } from '../db/test-db.js';
import { settleResults } from '../sync/local-settle.js';
import { enqueue, numberForWire } from '../sync/outbox.js';
import {
  answerOffer,
  completeTradeWith,
  confirmAppointment,
  discardMessage,
  markRead,
  proposeAppointment,
  proposeOffer,
  reserveFor,
  retryMessage,
  sendMessage,
} from './chat-actions.js';
import { BUYER, pullPage, pullWith, SELLER, serverConversation, serverMessage, upsertConversation, upsertMessage } from './test-chats.js';

let db: DongneDb;
useFreshDb((fresh) => (db = fresh));

const HOUR = 3_600_000;
const listing = serverListing({ sellerId: SELLER.id, sellerName: SELLER.nickname, title: 'Rice cooker', acceptsOffers: true, meetingSpot: 'Sunae station exit 3' });
const ref = { listingId: listing.id, buyerId: BUYER.id };
const cid = conversationId(listing.id, BUYER.id);

async function asBuyer() {
  await signedIn(db, { actorId: BUYER.id, nickname: BUYER.nickname, joinedAt: 1 });
  await db.listings.put(listing);
}

async function asSeller() {
  await signedIn(db, { actorId: SELLER.id, nickname: SELLER.nickname, joinedAt: 1 });
  await db.listings.put(listing);
}

/** The server's answer to everything in the outbox: each entry numbered and sent, then settled by `answer`. */
async function pushAnswered(answer: (entry: OutboxEntry) => { status: 'applied' } | { status: 'rejected'; code: string; message: string }) {
  const batch = await numberForWire(db, await db.outbox.orderBy('seq').toArray(), 'phone');
  const results = batch.map((entry) => ({ mutationId: entry.mutationId, seq: entry.wire!.seq, ...answer(entry) })) as MutationResult[];
  await settleResults(db, batch, results);
}

const texts = async () => (await messagesOf(db, cid)).map((m) => [m.text || m.kind, m.n]);
const outboxNames = async () => (await db.outbox.orderBy('seq').toArray()).map((e) => e.name);

describe('writing to a seller', () => {
  it('starts the conversation on this device with the first message, before any connection', async () => {
    await asBuyer();
    await sendMessage(db, ref, 'Is it still available?');

    const [conversation] = await conversationsNewestFirst(db);
    expect(conversation).toMatchObject({
      id: cid,
      buyer: { id: BUYER.id, nickname: BUYER.nickname, mannerTemperature: 36.5 },
      seller: { id: SELLER.id, nickname: SELLER.nickname, mannerTemperature: 36.5 },
      listing: { title: 'Rice cooker', priceKrw: listing.priceKrw, acceptsOffers: true, status: 'selling' },
      lastMessage: { senderId: BUYER.id, kind: 'text', text: 'Is it still available?' },
    });
    // Nothing from the server yet to fall back to.
    expect(conversation.base).toBeUndefined();
    expect(await texts()).toEqual([['Is it still available?', 0]]);
    const [entry] = await db.outbox.toArray();
    expect(entry).toMatchObject({ name: 'chat.send', entityId: cid, args: { listingId: listing.id, buyerId: BUYER.id, text: 'Is it still available?' } });
  });

  it('takes the seller’s temperature from what the device knows of them', async () => {
    await asBuyer();
    await db.people.put({ ...SELLER, updatedAt: 1 });
    await sendMessage(db, ref, 'Hello');
    expect((await db.conversations.get(cid))?.seller.mannerTemperature).toBe(41.2);
  });

  it('shows the server’s numbered copy in place of the one written here: one message, not two', async () => {
    await asBuyer();
    const id = await sendMessage(db, ref, 'Hello');
    await pushAnswered(() => ({ status: 'applied' }));
    const row = serverConversation(listing.id, { lastN: 1, lastMessage: { senderId: BUYER.id, kind: 'text', text: 'Hello', priceKrw: null, at: 2_000 }, updatedAt: 2_000 });
    await pullWith(db, pullPage([upsertConversation(row), upsertMessage(serverMessage(ref, 1, { id, senderId: BUYER.id, text: 'Hello' }))]));

    expect(await texts()).toEqual([['Hello', 1]]);
    expect(await db.conversations.get(cid)).toMatchObject({ ...row, base: row });
  });

  it('does not add a message twice when its answer was lost and the pull brings it first', async () => {
    await asBuyer();
    const id = await sendMessage(db, ref, 'Hello');
    await sendMessage(db, ref, 'Still there?');
    // The server applied the first; its answer never arrived, so both wait in the outbox.
    const row = serverConversation(listing.id, { lastN: 1, updatedAt: 2_000 });
    await pullWith(db, pullPage([upsertConversation(row), upsertMessage(serverMessage(ref, 1, { id, senderId: BUYER.id, text: 'Hello' }))]));

    expect(await texts()).toEqual([
      ['Hello', 1],
      ['Still there?', 0],
    ]);
    expect(await db.messages.count()).toBe(2);
    // The unconfirmed one is applied over the pulled row again.
    expect((await db.conversations.get(cid))?.lastMessage?.text).toBe('Still there?');
    expect(await outboxNames()).toEqual(['chat.send', 'chat.send']);
  });

  it('orders messages by the server’s numbers, then the unnumbered ones as written', async () => {
    await asBuyer();
    await db.conversations.put(serverConversation(listing.id));
    await sendMessage(db, ref, 'mine, later');
    await pullWith(db, pullPage([upsertMessage(serverMessage(ref, 2)), upsertMessage(serverMessage(ref, 1))]));
    expect(await texts()).toEqual([
      ['message 1', 1],
      ['message 2', 2],
      ['mine, later', 0],
    ]);
  });
});

describe('a refused message', () => {
  it('is kept with the reason, and the conversation goes back to the server’s', async () => {
    await asBuyer();
    const row = serverConversation(listing.id, { lastN: 1, lastMessage: { senderId: SELLER.id, kind: 'text', text: 'Hi', priceKrw: null, at: 1_500 } });
    await pullWith(db, pullPage([upsertConversation(row)]));
    const id = await sendMessage(db, ref, 'My number is 010-1234-5678');
    await pushAnswered(() => ({ status: 'rejected', code: 'chat.blocked', message: 'You cannot message this neighbour.' }));

    const message = await db.messages.get(id);
    expect(message).toMatchObject({ text: 'My number is 010-1234-5678', n: 0, failed: { code: 'chat.blocked', message: 'You cannot message this neighbour.' } });
    expect(await db.outbox.count()).toBe(0);
    expect((await db.conversations.get(cid))?.lastMessage?.text).toBe('Hi');
  });

  it('keeps a first message refused, with its conversation, until the person discards it', async () => {
    await asBuyer();
    const id = await sendMessage(db, ref, 'Hello');
    await pushAnswered(() => ({ status: 'rejected', code: 'location.verification_required', message: 'Verify your neighbourhood first.' }));
    expect(await db.conversations.get(cid)).toBeDefined();
    expect((await db.messages.get(id))?.failed?.code).toBe('location.verification_required');

    await discardMessage(db, id);
    expect(await db.messages.count()).toBe(0);
    expect(await db.conversations.count()).toBe(0);
  });

  it('goes again as a new message on Retry, with the same words', async () => {
    await asBuyer();
    const id = await sendMessage(db, ref, 'Hello');
    await pushAnswered(() => ({ status: 'rejected', code: 'chat.blocked', message: 'No.' }));
    await retryMessage(db, id);

    const messages = await messagesOf(db, cid);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ text: 'Hello', n: 0 });
    expect(messages[0].id).not.toBe(id);
    expect(messages[0].failed).toBeUndefined();
    expect((await db.outbox.toArray()).map((e) => e.args)).toEqual([{ id: messages[0].id, ...ref, text: 'Hello' }]);
  });
});

describe('reading', () => {
  it('moves my pointer and clears my unread count; the other side’s receipts come from theirs', async () => {
    await asBuyer();
    const row = serverConversation(listing.id, { lastN: 3, buyerUnread: 2, sellerReadN: 1 });
    await pullWith(db, pullPage([upsertConversation(row), ...[1, 2, 3].map((n) => upsertMessage(serverMessage(ref, n, n === 1 ? { senderId: BUYER.id } : {})))]));
    expect(await totalUnread(db)).toBe(2);

    expect(await markRead(db, ref, 3)).toBe(true);
    expect(await db.conversations.get(cid)).toMatchObject({ buyerReadN: 3, buyerUnread: 0 });
    expect(await totalUnread(db)).toBe(0);
    // Read that far already: nothing more to send.
    expect(await markRead(db, ref, 2)).toBe(false);
    expect(await outboxNames()).toEqual(['chat.read']);
  });

  it('reads what the inbox said of the conversation once it is read to the end, at once (the bell’s count falls offline too)', async () => {
    await asBuyer();
    const told = (kind: 'message' | 'offer' | 'keyword', subjectId: string) => ({
      op: 'upsert' as const,
      entity: 'notification' as const,
      row: { id: `${kind}-${subjectId}`, kind, subjectId, title: 'Rice cooker', keyword: null, event: null, actorId: SELLER.id, actorName: SELLER.nickname, snippet: 'hi', amountKrw: null, at: null, messageKind: null, createdAt: 1_000, readAt: null },
    });
    const row = serverConversation(listing.id, { lastN: 3, buyerUnread: 2 });
    await pullWith(db, pullPage([upsertConversation(row), told('message', cid), told('offer', cid), told('message', 'another-chat'), told('keyword', cid)]));
    const unread = async () => (await db.notifications.filter((n) => n.readAt === null).toArray()).map((n) => n.id).sort();

    await markRead(db, ref, 2);
    expect(await unread()).toEqual([`keyword-${cid}`, 'message-another-chat', `message-${cid}`, `offer-${cid}`].sort());
    await markRead(db, ref, 3);
    expect(await unread()).toEqual([`keyword-${cid}`, 'message-another-chat'].sort());
  });

  it('sends one read for many openings before it goes out, and a new one once it has', async () => {
    await asBuyer();
    await pullWith(db, pullPage([upsertConversation(serverConversation(listing.id, { lastN: 3, buyerUnread: 3 }))]));
    await markRead(db, ref, 1);
    await markRead(db, ref, 3);
    expect((await db.outbox.toArray()).map((e) => e.args)).toEqual([{ ...ref, upTo: 3 }]);

    await numberForWire(db, await db.outbox.toArray(), 'phone');
    await db.conversations.update(cid, { lastN: 4 });
    await markRead(db, ref, 4);
    expect((await db.outbox.orderBy('seq').toArray()).map((e) => e.args)).toEqual([
      { ...ref, upTo: 3 },
      { ...ref, upTo: 4 },
    ]);
  });

  it('still counts what arrived after the point read while the read waits to be sent', async () => {
    await asBuyer();
    await pullWith(db, pullPage([upsertConversation(serverConversation(listing.id, { lastN: 1, buyerUnread: 1 })), upsertMessage(serverMessage(ref, 1))]));
    await markRead(db, ref, 1);
    // A new message arrives before the read was sent: the server still counts 2 unread.
    await pullWith(db, pullPage([upsertConversation(serverConversation(listing.id, { lastN: 2, buyerUnread: 2 })), upsertMessage(serverMessage(ref, 2))]));
    expect(await db.conversations.get(cid)).toMatchObject({ buyerReadN: 1, buyerUnread: 1 });
  });
});

describe('offers', () => {
  it('shows the buyer’s offer as pending and the seller’s answer on it', async () => {
    await asBuyer();
    await proposeOffer(db, ref, 25000);
    const offer = (await db.conversations.get(cid))?.offer;
    expect(offer).toMatchObject({ priceKrw: 25000, status: 'pending' });
    expect((await messagesOf(db, cid)).map((m) => [m.kind, m.priceKrw])).toEqual([['offer', 25000]]);

    await db.delete();
    await db.open();
    await asSeller();
    await db.conversations.put(serverConversation(listing.id, { offer: { id: offer!.id, priceKrw: 25000, status: 'pending' } }));
    await answerOffer(db, ref, offer!.id, true);
    expect((await db.conversations.get(cid))?.offer?.status).toBe('accepted');
    const answer = (await messagesOf(db, cid)).at(-1);
    expect(answer).toMatchObject({ kind: 'offer_accepted', refId: offer!.id, senderId: SELLER.id, priceKrw: 25000 });
  });

  it('takes a refused offer back and says why, keeping the conversation as the server has it', async () => {
    await asBuyer();
    const row = serverConversation(listing.id, { lastN: 2 });
    await pullWith(db, pullPage([upsertConversation(row)]));
    await proposeOffer(db, ref, 1000);
    await pushAnswered(() => ({ status: 'rejected', code: 'chat.offers_closed', message: 'This seller does not take offers.' }));

    expect((await db.conversations.get(cid))?.offer).toBeNull();
    expect(await db.messages.count()).toBe(0);
    expect(await getMeta(db, 'chatRefusal')).toMatchObject({ conversationId: cid, code: 'chat.offers_closed', message: 'This seller does not take offers.' });
  });

  it('keeps what still waits on top of a conversation put back after a refusal', async () => {
    await asBuyer();
    await pullWith(db, pullPage([upsertConversation(serverConversation(listing.id, { lastN: 1 }))]));
    await proposeOffer(db, ref, 1000);
    const batch = await numberForWire(db, await db.outbox.toArray(), 'phone');
    // Written while the offer was on its way: still waiting when the refusal comes.
    await sendMessage(db, ref, 'Or is 1,000 too low?');
    await settleResults(db, batch, [{ mutationId: batch[0].mutationId, seq: batch[0].wire!.seq, status: 'rejected', code: 'chat.offers_closed', message: 'No offers.' }]);
    expect((await db.conversations.get(cid))?.lastMessage?.text).toBe('Or is 1,000 too low?');
    expect(await texts()).toEqual([['Or is 1,000 too low?', 0]]);
  });
});

describe('appointments', () => {
  it('is proposed by one side and confirmed by the other', async () => {
    await asSeller();
    const at = Date.now() + 2 * HOUR;
    await db.conversations.put(serverConversation(listing.id, { lastN: 1 }));
    await proposeAppointment(db, ref, { at, place: 'Sunae station exit 3' });
    const appointment = (await db.conversations.get(cid))?.appointment;
    expect(appointment).toMatchObject({ at, place: 'Sunae station exit 3', proposedBy: SELLER.id, confirmed: false, lat: null, lng: null });
    expect((await messagesOf(db, cid)).at(-1)).toMatchObject({ kind: 'appointment', appointment: { at, place: 'Sunae station exit 3' } });

    await signedIn(db, { actorId: BUYER.id, nickname: BUYER.nickname, joinedAt: 1 });
    await db.outbox.clear();
    await db.conversations.put(serverConversation(listing.id, { lastN: 2, appointment: appointment! }));
    await confirmAppointment(db, ref, appointment!.id);
    expect((await db.conversations.get(cid))?.appointment?.confirmed).toBe(true);
    expect((await messagesOf(db, cid)).at(-1)).toMatchObject({ kind: 'appointment_confirmed', refId: appointment!.id });
  });
});

describe('reserving and selling', () => {
  it('reserves for one buyer, ending another buyer’s reservation, and marks the listing', async () => {
    await asSeller();
    const other = serverConversation(listing.id, { buyerId: 'buyer-other', trade: 'reserved', listing: { ...serverConversation(listing.id).listing, status: 'reserved' } });
    await db.conversations.bulkPut([serverConversation(listing.id, { lastN: 1 }), other]);
    await reserveFor(db, ref);

    expect(await db.conversations.get(cid)).toMatchObject({ trade: 'reserved', listing: { status: 'reserved' }, lastMessage: { kind: 'reserved' } });
    expect(await db.conversations.get(other.id)).toMatchObject({ trade: null, listing: { status: 'reserved' } });
    expect((await db.listings.get(listing.id))?.status).toBe('reserved');
    expect((await messagesOf(db, cid)).map((m) => m.kind)).toEqual(['reserved']);
  });

  it('replaces the step shown while on its way with the server’s, once pulled', async () => {
    await asSeller();
    await db.conversations.put(serverConversation(listing.id, { lastN: 1 }));
    await completeTradeWith(db, ref);
    await pushAnswered(() => ({ status: 'applied' }));
    const row = serverConversation(listing.id, { lastN: 2, trade: 'sold' });
    await pullWith(db, pullPage([upsertConversation(row), upsertMessage(serverMessage(ref, 2, { kind: 'sold', text: '', senderId: SELLER.id }))], { profile: null }));
    expect((await messagesOf(db, cid)).map((m) => [m.kind, m.n])).toEqual([['sold', 2]]);
  });

  it('puts every buyer’s conversation back when a reservation is refused', async () => {
    await asSeller();
    const other = serverConversation(listing.id, { buyerId: 'buyer-other', trade: 'reserved' });
    await pullWith(db, pullPage([upsertConversation(serverConversation(listing.id)), upsertConversation(other)], { profile: null }));
    await reserveFor(db, ref);
    await pushAnswered(() => ({ status: 'rejected', code: 'chat.not_participant', message: 'No conversation.' }));
    expect((await db.conversations.get(other.id))?.trade).toBe('reserved');
    expect((await db.conversations.get(cid))?.trade).toBeNull();
    expect(await db.messages.count()).toBe(0);
  });
});

describe('reviews, blocks and reports', () => {
  it('marks my side of the trade reviewed', async () => {
    await asBuyer();
    await pullWith(db, pullPage([upsertConversation(serverConversation(listing.id, { lastN: 4, trade: 'sold' }))]));
    await db.transaction('rw', db.replicaTables, () => enqueue(db, 'review.create', { id: crypto.randomUUID(), listingId: listing.id, revieweeId: SELLER.id, good: ['kind'], bad: [] }, listing.id));
    expect(await db.conversations.get(cid)).toMatchObject({ buyerReviewed: true, sellerReviewed: false });

    await pushAnswered(() => ({ status: 'rejected', code: 'review.duplicate', message: 'You reviewed this trade already.' }));
    expect((await db.conversations.get(cid))?.buyerReviewed).toBe(false);
    expect((await getMeta(db, 'chatRefusal'))?.conversationId).toBe(cid);
  });

  it('hides a blocked neighbour at once, and takes the server’s lists on the next pull', async () => {
    await asBuyer();
    await db.transaction('rw', db.replicaTables, () => enqueue(db, 'block.set', { actorId: SELLER.id, blocked: true }, SELLER.id));
    expect(await getMeta(db, 'blockedIds')).toEqual([SELLER.id]);
    expect(await getMeta(db, 'hiddenSellerIds')).toEqual([SELLER.id]);

    // Still unsent, so it stays on top of what the server says.
    await pullWith(db, pullPage([], { blockedIds: [], hiddenSellerIds: ['someone-who-blocked-me'] }));
    expect(await getMeta(db, 'blockedIds')).toEqual([SELLER.id]);
    expect(await getMeta(db, 'hiddenSellerIds')).toEqual(['someone-who-blocked-me', SELLER.id]);

    await pushAnswered(() => ({ status: 'rejected', code: 'block.daily_limit', message: 'Block this person again tomorrow.' }));
    expect(await getMeta(db, 'blockedIds')).toEqual([]);
    expect(await getMeta(db, 'hiddenSellerIds')).toEqual(['someone-who-blocked-me']);
    expect(await getMeta(db, 'actionRefusal')).toMatchObject({ action: 'block', code: 'block.daily_limit', message: 'Block this person again tomorrow.' });
  });

  it('changes nothing here for a report, and says why if the server refuses it', async () => {
    await asBuyer();
    await db.transaction('rw', db.replicaTables, () => enqueue(db, 'report.create', { id: crypto.randomUUID(), target: 'actor', targetId: SELLER.id, reason: 'scam' }, SELLER.id));
    expect(await outboxNames()).toEqual(['report.create']);
    expect(await getMeta(db, 'actionRefusal')).toBeUndefined();

    await pushAnswered(() => ({ status: 'rejected', code: 'report.daily_limit', message: 'Report it again tomorrow.' }));
    expect(await outboxNames()).toEqual([]);
    expect(await getMeta(db, 'actionRefusal')).toMatchObject({ action: 'report', code: 'report.daily_limit' });
  });
});

describe('pulled conversations', () => {
  it('remember the people in them, for the screens that show their temperature', async () => {
    await asBuyer();
    await pullWith(db, pullPage([upsertConversation(serverConversation(listing.id))]));
    expect(await db.people.get(SELLER.id)).toMatchObject({ nickname: 'jun', mannerTemperature: 41.2 });
    expect(await db.people.get(BUYER.id)).toMatchObject({ nickname: 'minji', mannerTemperature: 36.5 });
  });

  it('leave the device with the person who signs out', async () => {
    await asBuyer();
    await pullWith(db, pullPage([upsertConversation(serverConversation(listing.id)), upsertMessage(serverMessage(ref, 1))]));
    await setMeta(db, 'blockedIds', ['x']);
    await signOutLocally(db, { toldServer: true });
    expect(await db.conversations.count()).toBe(0);
    expect(await db.messages.count()).toBe(0);
    expect(await getMeta(db, 'blockedIds')).toBeUndefined();
  });

  it('of another account never show, nor count in the badge', async () => {
    await asBuyer();
    await db.conversations.put(serverConversation(listing.id, { buyerId: 'someone-else', sellerId: 'another-seller', buyerUnread: 4 }));
    expect(await conversationsNewestFirst(db)).toEqual([]);
    expect(await totalUnread(db)).toBe(0);
  });
});
