// The reads the chat screens wait on. The Chats tab and its badge read the conversations table
// alone, so they cost the same however many messages the device holds; one conversation's messages
// come from the [conversationId+n] index. Rows are read whole and filtered here: a Dexie filter()
// walks a cursor, one IndexedDB event per row, where toArray() alone is one getAll. Dexie promise
// chains, not `async`: see meta.ts.
import Dexie from 'dexie';
import { CHAT_LIMITS, unreadFor } from '@dongne/shared';
import type { DongneDb, LocalConversation, LocalMessage } from './db.js';
import { currentOwner } from './meta.js';

/** The listing and buyer a conversation id names (a listing id is a uuid, so the first ':' splits). */
export function parseConversationId(id: string): { listingId: string; buyerId: string } | undefined {
  const split = id.indexOf(':');
  if (split <= 0 || split === id.length - 1) return undefined;
  return { listingId: id.slice(0, split), buyerId: id.slice(split + 1) };
}

/** Whether `me` is one of the conversation's two people: rows of another account never show. */
export const isParticipant = (conversation: Pick<LocalConversation, 'buyerId' | 'sellerId'>, me: string) =>
  !!me && (conversation.buyerId === me || conversation.sellerId === me);

/** The person's conversations, the one with the latest activity first. */
export function conversationsNewestFirst(db: DongneDb): Promise<LocalConversation[]> {
  return currentOwner(db).then((me) =>
    db.conversations
      .orderBy('updatedAt')
      .reverse()
      .toArray()
      .then((rows) => rows.filter((c) => isParticipant(c, me))),
  );
}

/** Messages waiting for the person across all their conversations: the Chats tab's badge. */
export function totalUnread(db: DongneDb): Promise<number> {
  return currentOwner(db).then((me) =>
    db.conversations.toArray().then((rows) => rows.reduce((sum, c) => sum + (isParticipant(c, me) ? unreadFor(c, me) : 0), 0)),
  );
}

/** The conversations about one listing (its seller's view of who asked), newest first. */
export function conversationsAbout(db: DongneDb, listingId: string): Promise<LocalConversation[]> {
  return currentOwner(db).then((me) =>
    db.conversations
      .where('listingId')
      .equals(listingId)
      .toArray()
      .then((rows) => rows.filter((c) => isParticipant(c, me)).sort((a, b) => b.updatedAt - a.updatedAt)),
  );
}

/**
 * Conversation order: numbered messages by their number, then those the server has not numbered
 * yet, in the order they were written here.
 */
export function inConversationOrder(a: LocalMessage, b: LocalMessage): number {
  if (a.n > 0 && b.n > 0) return a.n - b.n;
  if (a.n > 0) return -1;
  if (b.n > 0) return 1;
  return a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1);
}

/** One conversation's messages, in conversation order. */
export function messagesOf(db: DongneDb, conversationId: string): Promise<LocalMessage[]> {
  return db.messages
    .where('[conversationId+n]')
    .between([conversationId, Dexie.minKey], [conversationId, Dexie.maxKey])
    .toArray()
    .then((rows) => rows.sort(inConversationOrder));
}

/** The number of the newest message the other person sent (0 if none): what opening the chat reads up to. */
export function newestFromOther(messages: readonly LocalMessage[], me: string): number {
  let newest = 0;
  for (const m of messages) if (m.senderId !== me && m.n > newest) newest = m.n;
  return newest;
}

export type DeliveryState = 'sending' | 'sent' | 'read' | 'failed';

/** What my own message's tick says: refused, waiting to be numbered by the server, or read by the other side. */
export function deliveryState(message: LocalMessage, conversation: LocalConversation | undefined, me: string): DeliveryState {
  if (message.failed) return 'failed';
  if (message.n === 0) return 'sending';
  const otherReadN = !conversation ? 0 : conversation.buyerId === me ? conversation.sellerReadN : conversation.buyerReadN;
  return otherReadN >= message.n ? 'read' : 'sent';
}

/** A confirmed appointment of mine starting within the reminder window, with whom and where. */
export interface Reminder {
  conversation: LocalConversation;
  appointmentId: string;
  at: number;
  place: string;
}

/** Confirmed appointments of mine that start within the reminder window and have not started yet, soonest first. */
export function upcomingAppointments(db: DongneDb, now: number): Promise<Reminder[]> {
  return currentOwner(db).then((me) =>
    db.conversations.toArray().then((rows) =>
      rows
        .filter((c) => isParticipant(c, me) && !!c.appointment?.confirmed && c.appointment.at > now && c.appointment.at - now <= CHAT_LIMITS.reminderBeforeMs)
        .map((conversation) => ({ conversation, appointmentId: conversation.appointment!.id, at: conversation.appointment!.at, place: conversation.appointment!.place }))
        .sort((a, b) => a.at - b.at),
    ),
  );
}
