// The rules every action inside a conversation shares: who may take part (the listing's seller and
// the buyer who started it, nobody else), blocks, and how a message enters the conversation
// (within the sender's daily caps, numbered after the last, counted unread for the other side, and
// the other side poked and told: trade-notifications.ts).
import { conversationId, conversationStart, type ChatMessage, type MessageKind } from '@dongne/shared';
import type { ListingOwnership } from '../store/contract/listings.js';
import type { ConversationRecord } from '../store/contract/trading.js';
import { DuplicateError } from '../store/contract/duplicate-error.js';
import type { Tx } from '../store/contract/store.js';
import { listingNotFound } from './listing-guards.js';
import { tellOfMessage } from './trade-notifications.js';
import type { MutationContext } from './mutation-context.js';
import { MutationRejected } from './service-error.js';
import { verification } from './verification-service.js';

export interface Conversing {
  listingId: string;
  listing: ListingOwnership;
  /** Undefined until the buyer's first message starts it. */
  conversation: ConversationRecord | undefined;
  role: 'buyer' | 'seller';
  /** The other participant. */
  otherId: string;
}

const notParticipant = () => new MutationRejected('chat.not_participant', 'This conversation is between a listing’s seller and one buyer; you are neither.');

/** Whether either person has blocked the other. */
export async function blockedEitherWay(tx: Pick<Tx, 'blocks'>, a: string, b: string): Promise<boolean> {
  return (await tx.blocks.isBlocking(a, b)) || (await tx.blocks.isBlocking(b, a));
}

/**
 * The conversation (listing, buyer) as `ctx.actor` may act in it, or the refusal that says why not.
 * `start` lets the buyer begin a conversation that does not exist yet; nobody else can.
 * `evenIfBlocked` lets a participant act despite a block (reading what was said before it).
 */
export async function conversationOrReject(
  ctx: MutationContext,
  listingId: string,
  buyerId: string,
  { start = false, evenIfBlocked = false }: { start?: boolean; evenIfBlocked?: boolean } = {},
): Promise<Conversing> {
  const { tx, actor } = ctx;
  // A conversation is read, then saved whole (numbered after its last message, unread counts
  // moved): another action in it must not commit in between, or one of the two is lost — a
  // read receipt that put lastN back would leave every later message refused as a duplicate.
  await tx.sync.holdChanges();
  const listing = await tx.listings.ownerOf(listingId);
  if (!listing) throw listingNotFound();
  const role = actor.id === buyerId ? 'buyer' : actor.id === listing.sellerId ? 'seller' : undefined;
  if (!role) throw notParticipant();
  if (buyerId === listing.sellerId) throw new MutationRejected('chat.own_listing', 'You cannot start a conversation about your own listing.');
  const otherId = role === 'buyer' ? listing.sellerId : buyerId;
  const conversation = await tx.conversations.get(listingId, buyerId);
  if (!conversation) {
    if (role !== 'buyer' || !start) throw new MutationRejected('chat.no_conversation', 'Nobody has started this conversation yet.');
    // A deleted listing, or someone's hidden one, cannot start anything new.
    if (listing.deleted || listing.hidden) throw listingNotFound();
  }
  if (!evenIfBlocked && (await blockedEitherWay(tx, actor.id, otherId))) {
    throw new MutationRejected('chat.blocked', 'You cannot message this person: one of you has blocked the other.');
  }
  if (!conversation && !(await hasAnyCurrentVerification(tx, actor.id, ctx.now))) {
    throw new MutationRejected(
      'location.verification_required',
      'Chatting with a seller needs a verified neighbourhood. Verify your neighbourhood while you are there, then send again.',
    );
  }
  return { listingId, listing, conversation, role, otherId };
}

async function hasAnyCurrentVerification(tx: Tx, actorId: string, now: number): Promise<boolean> {
  for (const { neighbourhoodId } of await tx.actorNeighbourhoods.held(actorId)) {
    if (await verification.hasCurrentVerification(tx, actorId, neighbourhoodId, now)) return true;
  }
  return false;
}

/** A conversation as it starts: nothing said, nothing read. */
export function newConversation(listingId: string, buyerId: string, sellerId: string, at: number): ConversationRecord {
  return {
    listingId,
    buyerId,
    sellerId,
    ...conversationStart(at),
  };
}

/**
 * The lines a trade step writes (reserved, sold): they follow the seller's status change rather than
 * anything typed, and the daily caps leave them out.
 */
const TRADE_STEP_KINDS: readonly MessageKind[] = ['reserved', 'sold'];

/** Refuses a message past the sender's daily caps: messages sent, then conversations started. */
async function refuseOverDailyCaps({ tx, actor, now, caps }: MutationContext, kind: MessageKind, starts: boolean): Promise<void> {
  // A refused text stays on the device with Retry (web/src/lib/chat/chat-settle.ts); an offer or an
  // answer is taken back there, to make again.
  const again = kind === 'text' ? 'Your message is kept on this device: send it again tomorrow.' : 'Try again tomorrow.';
  if ((await tx.creationCounts.inLastDay(actor.id, 'message', now)) >= caps.messages) {
    throw new MutationRejected('chat.daily_limit', `You can send ${caps.messages} messages a day, and you have today. ${again}`);
  }
  if (starts && (await tx.creationCounts.inLastDay(actor.id, 'conversation', now)) >= caps.conversations) {
    throw new MutationRejected(
      'chat.conversation_daily_limit',
      `You can start ${caps.conversations} conversations a day, and you have today. ${again} Conversations you have already started carry on as usual.`,
    );
  }
}

export interface NewMessage {
  id: string;
  kind: MessageKind;
  text?: string;
  priceKrw?: number | null;
  appointment?: ChatMessage['appointment'];
  refId?: string | null;
}

/**
 * Adds a message from `ctx.actor` as the conversation's next (starting the conversation if it is
 * the first), saves the conversation with `change` applied too, and pokes the other side. Answers
 * the conversation as saved. Every message but a trade step's counts in the sender's daily caps.
 */
export async function postMessage(
  ctx: MutationContext,
  { listingId, listing, conversation, role, otherId }: Conversing,
  message: NewMessage,
  change: (conversation: ConversationRecord) => ConversationRecord = (c) => c,
): Promise<ConversationRecord> {
  const { tx, actor, now } = ctx;
  const counted = !TRADE_STEP_KINDS.includes(message.kind);
  if (counted) await refuseOverDailyCaps(ctx, message.kind, !conversation);
  const buyerId = role === 'buyer' ? actor.id : otherId;
  const before = conversation ?? newConversation(listingId, buyerId, listing.sellerId, now);
  const n = before.lastN + 1;
  const row: ChatMessage = {
    id: message.id,
    conversationId: conversationId(listingId, buyerId),
    listingId,
    buyerId,
    senderId: actor.id,
    kind: message.kind,
    text: message.text ?? '',
    priceKrw: message.priceKrw ?? null,
    appointment: message.appointment ?? null,
    refId: message.refId ?? null,
    n,
    createdAt: now,
  };
  // The conversation first: the message refers to it.
  const after = change({
    ...before,
    lastN: n,
    lastMessage: { senderId: actor.id, kind: row.kind, text: row.text, priceKrw: row.priceKrw, at: now },
    // The sender has seen what they answer; the other side has one more to read.
    ...(role === 'buyer' ? { buyerReadN: n, buyerUnread: 0, sellerUnread: before.sellerUnread + 1 } : { sellerReadN: n, sellerUnread: 0, buyerUnread: before.buyerUnread + 1 }),
    updatedAt: now,
  });
  await tx.conversations.save(after, await tx.sync.nextChangeSeq());
  try {
    await tx.messages.insert(row, listing.sellerId, await tx.sync.nextChangeSeq());
  } catch (error) {
    if (error instanceof DuplicateError) throw new MutationRejected('chat.id_taken', 'This message id is already in use. Send the message again.');
    throw error;
  }
  if (counted) {
    await tx.creationCounts.add(actor.id, 'message', now);
    if (!conversation) await tx.creationCounts.add(actor.id, 'conversation', now);
    // A trade step's line (reserved, sold) is the seller's own doing, told in the chat alone; the
    // sale asks both sides for a review instead (trade-handlers.ts).
    await tellOfMessage(ctx, { listingId, buyerId, title: listing.title, otherId }, row);
  }
  ctx.accountChanged(otherId);
  return after;
}

/** Saves a change to the conversation that adds no message (a read receipt), poking the other side. */
export async function saveConversation(ctx: MutationContext, conversation: ConversationRecord, otherId: string): Promise<void> {
  await ctx.tx.conversations.save({ ...conversation }, await ctx.tx.sync.nextChangeSeq());
  ctx.accountChanged(otherId);
}

/** Refuses unless `ctx.actor` is the conversation's `role`. */
export function mustBe(conversing: Conversing, role: 'buyer' | 'seller', action: string): void {
  if (conversing.role !== role) throw new MutationRejected(`chat.not_${role}`, `Only the ${role} can ${action}.`);
}
