// What a person does in a conversation: each action is its optimistic change and its outbox entry,
// recorded in one transaction (so the chat shows it at once, offline too), then a nudge to sync.
import { conversationId, type MutationArgs } from '@dongne/shared';
import type { DongneDb } from '../db/db.js';
import { currentOwner, getMeta } from '../db/meta.js';
import { applyLocally } from '../sync/local-apply.js';
import { enqueue, notifyLocalMutation, unsentTail } from '../sync/outbox.js';

/** A conversation is named by its listing and its buyer; every step in it carries both. */
export interface ConversationRef {
  listingId: string;
  buyerId: string;
}

type StepName = 'chat.send' | 'chat.offer' | 'chat.answer_offer' | 'chat.propose_appointment' | 'chat.confirm_appointment' | 'trade.reserve' | 'trade.complete';

/** One step in a conversation: queued under the conversation, so its screen finds what waits. */
async function conversationStep<N extends StepName>(db: DongneDb, name: N, args: MutationArgs<N>): Promise<void> {
  await db.transaction('rw', db.replicaTables, () => enqueue(db, name, args, conversationId(args.listingId, args.buyerId)));
  notifyLocalMutation();
}

/** Sends a text message; returns its id. The buyer sends with their own id, the seller with the buyer's. */
export async function sendMessage(db: DongneDb, ref: ConversationRef, text: string): Promise<string> {
  const id = crypto.randomUUID();
  await conversationStep(db, 'chat.send', { id, ...ref, text });
  return id;
}

/** The buyer proposes a price (가격 제안). */
export async function proposeOffer(db: DongneDb, ref: ConversationRef, priceKrw: number): Promise<void> {
  await conversationStep(db, 'chat.offer', { id: crypto.randomUUID(), ...ref, priceKrw });
}

/** The seller accepts or declines the pending offer. */
export async function answerOffer(db: DongneDb, ref: ConversationRef, offerId: string, accept: boolean): Promise<void> {
  await conversationStep(db, 'chat.answer_offer', { id: crypto.randomUUID(), ...ref, offerId, accept });
}

/** Either side proposes when and where to meet (거래 약속); it replaces any earlier proposal. */
export async function proposeAppointment(
  db: DongneDb,
  ref: ConversationRef,
  appointment: { at: number; place: string; lat?: number | null; lng?: number | null },
): Promise<void> {
  const { at, place, lat = null, lng = null } = appointment;
  await conversationStep(db, 'chat.propose_appointment', { id: crypto.randomUUID(), ...ref, at, place, lat, lng });
}

/** The other person (not the proposer) agrees to the current appointment. */
export async function confirmAppointment(db: DongneDb, ref: ConversationRef, appointmentId: string): Promise<void> {
  await conversationStep(db, 'chat.confirm_appointment', { id: crypto.randomUUID(), ...ref, appointmentId });
}

/** The seller reserves the listing for this buyer (예약중). */
export async function reserveFor(db: DongneDb, ref: ConversationRef): Promise<void> {
  await conversationStep(db, 'trade.reserve', { ...ref });
}

/** The seller marks the listing sold to this buyer (거래완료); both may then review each other. */
export async function completeTradeWith(db: DongneDb, ref: ConversationRef): Promise<void> {
  await conversationStep(db, 'trade.complete', { ...ref });
}

/**
 * Marks the conversation read up to message `upTo`. A read not sent yet grows to cover this one
 * instead of queueing another: opening a chat many times offline sends one read. Returns whether
 * anything changed (nothing does if it was read that far already).
 */
export async function markRead(db: DongneDb, ref: ConversationRef, upTo: number): Promise<boolean> {
  if (upTo < 1) return false;
  const id = conversationId(ref.listingId, ref.buyerId);
  const queued = await db.transaction('rw', db.replicaTables, async () => {
    const conversation = await db.conversations.get(id);
    if (!conversation) return false;
    const me = await currentOwner(db);
    const readN = conversation.buyerId === me ? conversation.buyerReadN : conversation.sellerReadN;
    if (upTo <= readN) return false;
    const tail = await unsentTail(db, me, id);
    if (tail?.name === 'chat.read') {
      const args = { ...(tail.args as MutationArgs<'chat.read'>), upTo };
      await db.outbox.update(tail.seq, { args });
      await applyLocally(db, 'chat.read', args, Date.now());
      return true;
    }
    await enqueue(db, 'chat.read', { ...ref, upTo }, id);
    return true;
  });
  if (queued) notifyLocalMutation();
  return queued;
}

/** Sends a refused message again, as a new message with the same text (the refused one goes). */
export async function retryMessage(db: DongneDb, messageId: string): Promise<void> {
  await db.transaction('rw', db.replicaTables, async () => {
    const message = await db.messages.get(messageId);
    if (!message?.failed) return;
    await db.messages.delete(messageId);
    const args = { id: crypto.randomUUID(), listingId: message.listingId, buyerId: message.buyerId, text: message.text };
    await enqueue(db, 'chat.send', args, message.conversationId);
  });
  notifyLocalMutation();
}

/** Drops a refused message; a conversation that was never more than it goes too. */
export async function discardMessage(db: DongneDb, messageId: string): Promise<void> {
  await db.transaction('rw', [db.conversations, db.messages], async () => {
    const message = await db.messages.get(messageId);
    if (!message?.failed) return;
    await db.messages.delete(messageId);
    const conversation = await db.conversations.get(message.conversationId);
    const left = await db.messages.where('conversationId').equals(message.conversationId).count();
    if (conversation && !conversation.base && left === 0) await db.conversations.delete(conversation.id);
  });
}

/** Closes the notice of a refused step. */
export async function dismissRefusal(db: DongneDb): Promise<void> {
  await db.meta.delete('chatRefusal');
}

/** Closes an appointment reminder for good (it comes back for a new appointment). */
export async function dismissReminder(db: DongneDb, appointmentId: string): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    const dismissed = (await getMeta(db, 'dismissedReminders')) ?? [];
    if (dismissed.includes(appointmentId)) return;
    // Only the last few matter: a reminder is for an appointment within the hour.
    await db.meta.put({ key: 'dismissedReminders', value: [...dismissed, appointmentId].slice(-50) });
  });
}
