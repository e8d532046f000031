// What the device does when the server refuses a trading step: a message keeps its text and says
// why; any other step is taken back (the conversation goes back to the server's row, the outbox is
// re-applied on top by the caller) and the refusal is recorded for the conversation screen to show.
import { conversationId, type Change, type ChatMessage, type ConversationMutation, type MutationArgs } from '@dongne/shared';
import type { DongneDb } from '../db/db.js';
import { getMeta, setMeta } from '../db/meta.js';
import { pendingTradeMessageId, reviewedConversation } from './chat-apply.js';

export type Refusal = { code: string; message: string; current?: Change };

/**
 * Puts the conversation back as the server holds it: the row that came with the refusal if the
 * server sent one, else the one last pulled. A conversation that exists here only (its first step
 * was refused) goes, unless a message kept in it still needs it.
 */
export async function restoreConversation(db: DongneDb, id: string, current?: Change): Promise<void> {
  if (current?.op === 'upsert' && current.entity === 'conversation' && current.row.id === id) {
    await db.conversations.put({ ...current.row, base: current.row });
    return;
  }
  const conversation = await db.conversations.get(id);
  if (!conversation) return;
  if (conversation.base) await db.conversations.put({ ...conversation.base, base: conversation.base });
  else if (conversation.lastN === 0 && (await db.messages.where('conversationId').equals(id).count()) === 0) await db.conversations.delete(id);
}

/** Drops the step's own message, if the server never numbered it. */
async function dropUnnumbered(db: DongneDb, messageId: string) {
  const message = await db.messages.get(messageId);
  if (message && message.n === 0) await db.messages.delete(messageId);
}

async function recordRefusal(db: DongneDb, id: string, { code, message }: Refusal) {
  await setMeta(db, 'chatRefusal', { conversationId: id, code, message, at: Date.now() });
}

type Reject<N extends ConversationMutation> = (db: DongneDb, args: MutationArgs<N>, reason: Refusal) => Promise<void>;

/** A refused step that added a message of its own (`id`): the message goes, the conversation comes back. */
function takeBack<N extends 'chat.offer' | 'chat.answer_offer' | 'chat.propose_appointment' | 'chat.confirm_appointment'>(): Reject<N> {
  return async (db, args, reason) => {
    const id = conversationId(args.listingId, args.buyerId);
    await dropUnnumbered(db, args.id);
    await restoreConversation(db, id, reason.current);
    await recordRefusal(db, id, reason);
  };
}

function takeBackTrade(kind: 'reserved' | 'sold'): Reject<'trade.reserve' | 'trade.complete'> {
  return async (db, args, reason) => {
    const id = conversationId(args.listingId, args.buyerId);
    await dropUnnumbered(db, pendingTradeMessageId(kind, id));
    // The other buyers' conversations about the listing lost their reservation here too.
    for (const other of await db.conversations.where('listingId').equals(args.listingId).primaryKeys()) await restoreConversation(db, other);
    await restoreConversation(db, id, reason.current);
    await recordRefusal(db, id, reason);
  };
}

export const chatReject: { [N in ConversationMutation]: Reject<N> } = {
  // Never lose what the person wrote: the message stays, marked with why, to retry or discard.
  async 'chat.send'(db, args, reason) {
    const id = conversationId(args.listingId, args.buyerId);
    const failed = { code: reason.code, message: reason.message, at: Date.now() };
    const existing = await db.messages.get(args.id);
    const message: ChatMessage = existing ?? {
      id: args.id,
      conversationId: id,
      listingId: args.listingId,
      buyerId: args.buyerId,
      senderId: (await getMeta(db, 'actorId')) ?? '',
      kind: 'text',
      text: args.text,
      priceKrw: null,
      appointment: null,
      refId: null,
      n: 0,
      createdAt: Date.now(),
    };
    await db.messages.put({ ...message, failed });
    await restoreConversation(db, id, reason.current);
  },
  // Reading is quiet: the pointer goes back to the server's, nothing to tell.
  async 'chat.read'(db, args, reason) {
    await restoreConversation(db, conversationId(args.listingId, args.buyerId), reason.current);
  },
  'chat.offer': takeBack(),
  'chat.answer_offer': takeBack(),
  'chat.propose_appointment': takeBack(),
  'chat.confirm_appointment': takeBack(),
  'trade.reserve': takeBackTrade('reserved'),
  'trade.complete': takeBackTrade('sold'),
};

/** A refused review: my side is not reviewed after all; the conversation screen says why. */
export async function rejectReview(db: DongneDb, args: MutationArgs<'review.create'>, reason: Refusal) {
  const found = await reviewedConversation(db, args);
  if (!found) return;
  await restoreConversation(db, found.trade.id, reason.current);
  await recordRefusal(db, found.trade.id, reason);
}

/** A refused block or unblock: the lists go back to what they were before it, and the app says why. */
export async function rejectBlock(db: DongneDb, args: MutationArgs<'block.set'>, reason: Refusal) {
  await setMeta(db, 'actionRefusal', { action: args.blocked ? 'block' : 'unblock', code: reason.code, message: reason.message, at: Date.now() });
  const undo = (ids: string[] | undefined) => {
    const rest = (ids ?? []).filter((id) => id !== args.actorId);
    return args.blocked ? rest : [...rest, args.actorId];
  };
  await setMeta(db, 'blockedIds', undo(await getMeta(db, 'blockedIds')));
  await setMeta(db, 'hiddenSellerIds', undo(await getMeta(db, 'hiddenSellerIds')));
}

/** A refused report: nothing here changed for it, but the person is told it was not sent, and why. */
export async function rejectReport(db: DongneDb, _args: MutationArgs<'report.create'>, reason: Refusal) {
  await setMeta(db, 'actionRefusal', { action: 'report', code: reason.code, message: reason.message, at: Date.now() });
}
