// The chat screens' reads: the Chats tab from the conversations table alone, a conversation's
// messages in order, what each tick says, and the appointments due for a reminder.
import { describe, expect, it } from 'vitest';
import { CHAT_LIMITS, conversationId } from '@dongne/shared';
import { BUYER, SELLER, serverConversation, serverMessage } from '../chat/test-chats.js';
import { signedIn } from './account.js';
import {
  conversationsAbout,
  conversationsNewestFirst,
  deliveryState,
  messagesOf,
  newestFromOther,
  parseConversationId,
  totalUnread,
  upcomingAppointments,
} from './chats.js';
import type { DongneDb, LocalMessage } from './db.js';
import { useFreshDb } from './test-db.js';

let db: DongneDb;
useFreshDb((fresh) => (db = fresh));

const listingId = crypto.randomUUID();
const asBuyer = () => signedIn(db, { actorId: BUYER.id, nickname: BUYER.nickname, joinedAt: 1 });

describe('conversation ids', () => {
  it('name the listing and the buyer, whatever the buyer id holds', () => {
    expect(parseConversationId(conversationId(listingId, 'actor:with:colons'))).toEqual({ listingId, buyerId: 'actor:with:colons' });
    expect(parseConversationId('no-buyer')).toBeUndefined();
    expect(parseConversationId(`${listingId}:`)).toBeUndefined();
    expect(parseConversationId(':buyer')).toBeUndefined();
  });
});

describe('the Chats tab', () => {
  it('lists my conversations with the latest activity first, and adds up what I have not read', async () => {
    await asBuyer();
    const other = crypto.randomUUID();
    await db.conversations.bulkPut([
      serverConversation(listingId, { updatedAt: 5_000, buyerUnread: 2 }),
      serverConversation(other, { updatedAt: 9_000, buyerUnread: 1, sellerUnread: 7 }),
    ]);
    expect((await conversationsNewestFirst(db)).map((c) => c.listingId)).toEqual([other, listingId]);
    expect(await totalUnread(db)).toBe(3);
  });

  it('stays quick with 200 conversations and 10,000 messages cached', async () => {
    await asBuyer();
    const conversations = Array.from({ length: 200 }, (_, i) => serverConversation(crypto.randomUUID(), { updatedAt: 1_000 + i, buyerUnread: i % 3 }));
    await db.conversations.bulkPut(conversations);
    await db.messages.bulkPut(conversations.flatMap((c) => Array.from({ length: 50 }, (_, n) => serverMessage(c, n + 1))));

    const started = performance.now();
    const list = await conversationsNewestFirst(db);
    const unread = await totalUnread(db);
    const elapsed = performance.now() - started;
    expect(list).toHaveLength(200);
    expect(list[0].updatedAt).toBe(1_199);
    expect(unread).toBe(conversations.reduce((sum, c) => sum + c.buyerUnread, 0));
    // Reading the messages too would take many times this in fake-indexeddb.
    expect(elapsed).toBeLessThan(1_000);
  });

  it('gives a seller the conversations about one listing', async () => {
    await signedIn(db, { actorId: SELLER.id, nickname: SELLER.nickname, joinedAt: 1 });
    await db.conversations.bulkPut([
      serverConversation(listingId, { buyerId: 'a', updatedAt: 1 }),
      serverConversation(listingId, { buyerId: 'b', updatedAt: 2 }),
      serverConversation(crypto.randomUUID(), { buyerId: 'c' }),
    ]);
    expect((await conversationsAbout(db, listingId)).map((c) => c.buyerId)).toEqual(['b', 'a']);
  });
});

describe('a conversation’s messages', () => {
  const conversation = serverConversation(listingId, { sellerReadN: 2 });
  const mine = (n: number, extra: Partial<LocalMessage> = {}): LocalMessage => serverMessage(conversation, n, { senderId: BUYER.id, ...extra });

  it('come in the server’s order, then those not numbered yet as they were written', async () => {
    await db.messages.bulkPut([mine(0, { text: 'b', createdAt: 9 }), mine(2), mine(0, { text: 'a', createdAt: 5 }), mine(1), serverMessage(serverConversation(crypto.randomUUID()), 1)]);
    expect((await messagesOf(db, conversation.id)).map((m) => m.text)).toEqual(['message 1', 'message 2', 'a', 'b']);
  });

  it('say whether mine is on its way, sent, read by the other side, or refused', () => {
    expect(deliveryState(mine(0), conversation, BUYER.id)).toBe('sending');
    expect(deliveryState(mine(2), conversation, BUYER.id)).toBe('read');
    expect(deliveryState(mine(3), conversation, BUYER.id)).toBe('sent');
    expect(deliveryState(mine(0, { failed: { code: 'chat.blocked', message: 'No', at: 1 } }), conversation, BUYER.id)).toBe('failed');
    // The seller's own messages are read by the buyer's pointer.
    expect(deliveryState(serverMessage(conversation, 1), { ...conversation, buyerReadN: 1 }, SELLER.id)).toBe('read');
  });

  it('are read up to the newest the other person sent', () => {
    expect(newestFromOther([mine(1), serverMessage(conversation, 2), mine(3), mine(0)], BUYER.id)).toBe(2);
    expect(newestFromOther([mine(1)], BUYER.id)).toBe(0);
  });
});

describe('appointment reminders', () => {
  it('are for my confirmed appointments starting within the hour, soonest first', async () => {
    await asBuyer();
    const now = 1_000_000_000;
    const appointment = (at: number, confirmed = true) => ({ id: crypto.randomUUID(), at, place: 'Exit 3', lat: null, lng: null, proposedBy: SELLER.id, confirmed });
    const soon = serverConversation(crypto.randomUUID(), { appointment: appointment(now + 30 * 60_000) });
    const sooner = serverConversation(crypto.randomUUID(), { appointment: appointment(now + 5 * 60_000) });
    await db.conversations.bulkPut([
      soon,
      sooner,
      serverConversation(crypto.randomUUID(), { appointment: appointment(now + CHAT_LIMITS.reminderBeforeMs + 60_000) }),
      serverConversation(crypto.randomUUID(), { appointment: appointment(now + 10 * 60_000, false) }),
      serverConversation(crypto.randomUUID(), { appointment: appointment(now - 60_000) }),
      serverConversation(crypto.randomUUID(), { buyerId: 'someone-else', sellerId: 'another', appointment: appointment(now + 60_000) }),
    ]);
    expect((await upcomingAppointments(db, now)).map((r) => r.conversation.id)).toEqual([sooner.id, soon.id]);
  });
});
