// The optimistic side of the trading mutations: how a message, an offer, an appointment or a trade
// step changes this device's conversations before the server has numbered it, mirroring what the
// server does. Run when the person acts and again over every pull (rebase), so each step checks
// whether the server's copy is already here rather than adding it twice.
import {
  conversationId,
  conversationStart,
  MANNER_TEMPERATURE,
  type ChatMessage,
  type ConversationMutation,
  type ListingStatus,
  type MessageKind,
  type MutationArgs,
  type MutationName,
} from '@dongne/shared';
import type { DongneDb, LocalConversation } from '../db/db.js';
import { getMeta, setMeta } from '../db/meta.js';
import { readConversationNotifications } from '../db/notifications.js';

type Apply<N extends MutationName> = (db: DongneDb, args: MutationArgs<N>, at: number) => Promise<void>;

/**
 * The local id of a reserve or sale step: trade mutations carry no message id (the server picks
 * it), so the step shows under this one until the pull brings the server's, which replaces it.
 */
export function pendingTradeMessageId(kind: 'reserved' | 'sold', conversation: string): string {
  return `pending-${kind}:${conversation}`;
}

const me = (db: DongneDb) => getMeta(db, 'actorId').then((id) => id ?? '');

/**
 * The conversation, or, for a buyer's first step in it, a new one built from what this device
 * knows of the listing: the server starts it the same way when the step arrives.
 */
async function conversationFor(db: DongneDb, listingId: string, buyerId: string, at: number, start: boolean): Promise<LocalConversation | undefined> {
  const id = conversationId(listingId, buyerId);
  const existing = await db.conversations.get(id);
  const actor = await me(db);
  if (existing || !start || buyerId !== actor) return existing;
  const listing = await db.listings.get(listingId);
  const sellerId = listing?.sellerId ?? '';
  const [buyerKnown, sellerKnown] = await db.people.bulkGet([actor, sellerId]);
  return {
    id,
    listingId,
    buyerId,
    sellerId,
    buyer: { id: actor, nickname: (await getMeta(db, 'nickname')) ?? '', mannerTemperature: buyerKnown?.mannerTemperature ?? MANNER_TEMPERATURE.start },
    seller: { id: sellerId, nickname: listing?.sellerName ?? 'Seller', mannerTemperature: sellerKnown?.mannerTemperature ?? MANNER_TEMPERATURE.start },
    listing: {
      title: listing?.title ?? 'Listing',
      priceKrw: listing?.priceKrw ?? 0,
      status: listing?.status ?? 'selling',
      acceptsOffers: listing?.acceptsOffers ?? false,
      thumb: listing?.photos[0]?.thumb ?? null,
      deleted: false,
    },
    ...conversationStart(at),
  };
}

type Step = Pick<ChatMessage, 'id' | 'kind'> & Partial<Pick<ChatMessage, 'text' | 'priceKrw' | 'appointment' | 'refId'>>;

/**
 * Puts the step's message, unnumbered, unless the server's numbered copy is already here: then the
 * pulled conversation counts it too, and the caller changes nothing (returns undefined).
 */
async function addMessage(db: DongneDb, listingId: string, buyerId: string, step: Step, at: number): Promise<ChatMessage | undefined> {
  const existing = await db.messages.get(step.id);
  if (existing && existing.n > 0) return undefined;
  const message: ChatMessage = {
    id: step.id,
    conversationId: conversationId(listingId, buyerId),
    listingId,
    buyerId,
    senderId: await me(db),
    kind: step.kind,
    text: step.text ?? '',
    priceKrw: step.priceKrw ?? null,
    appointment: step.appointment ?? null,
    refId: step.refId ?? null,
    n: 0,
    createdAt: existing?.createdAt ?? at,
  };
  await db.messages.put(message);
  return message;
}

/** The conversation with `message` as its latest activity. */
function withLast(conversation: LocalConversation, message: ChatMessage, at: number): LocalConversation {
  const { senderId, kind, text, priceKrw } = message;
  return { ...conversation, lastMessage: { senderId, kind, text, priceKrw, at }, updatedAt: Math.max(conversation.updatedAt, at) };
}

/** A step in an existing conversation (or a buyer's first): its message, then the change to the conversation. */
async function step(
  db: DongneDb,
  args: { listingId: string; buyerId: string },
  at: number,
  start: boolean,
  message: Step,
  change: (conversation: LocalConversation) => LocalConversation = (c) => c,
) {
  const conversation = await conversationFor(db, args.listingId, args.buyerId, at, start);
  const added = await addMessage(db, args.listingId, args.buyerId, message, at);
  if (added && conversation) await db.conversations.put(change(withLast(conversation, added, at)));
}

/** A reserve or a sale to one buyer: their conversation says so, and any other buyer's reservation ends. */
async function tradeStep(db: DongneDb, args: MutationArgs<'trade.reserve'>, at: number, kind: 'reserved' | 'sold') {
  const id = conversationId(args.listingId, args.buyerId);
  const conversation = await db.conversations.get(id);
  // Already so: the server changes nothing and says nothing either.
  if (!conversation || conversation.trade === kind) return;
  const status: ListingStatus = kind;
  for (const other of await db.conversations.where('listingId').equals(args.listingId).toArray()) {
    if (other.id === id) continue;
    await db.conversations.put({ ...other, listing: { ...other.listing, status }, trade: other.trade === 'reserved' ? null : other.trade });
  }
  const message = await addMessage(db, args.listingId, args.buyerId, { id: pendingTradeMessageId(kind, id), kind }, at);
  const updated = message ? withLast(conversation, message, at) : conversation;
  await db.conversations.put({ ...updated, trade: kind, listing: { ...updated.listing, status } });
  await db.listings.update(args.listingId, { status, updatedAt: at });
}

const answerKind = (accept: boolean): MessageKind => (accept ? 'offer_accepted' : 'offer_declined');

export const chatApply: { [N in ConversationMutation]: Apply<N> } = {
  async 'chat.send'(db, args, at) {
    await step(db, args, at, true, { id: args.id, kind: 'text', text: args.text });
  },

  // My pointer moves forward only; my unread becomes what the other person sent after it.
  async 'chat.read'(db, args, at) {
    const conversation = await db.conversations.get(conversationId(args.listingId, args.buyerId));
    if (!conversation) return;
    if (args.upTo >= conversation.lastN) await readConversationNotifications(db, conversation.id, at);
    const actor = await me(db);
    const side = conversation.buyerId === actor ? 'buyer' : 'seller';
    const readN = Math.max(conversation[`${side}ReadN`], args.upTo);
    const unread = await db.messages
      .where('[conversationId+n]')
      .between([conversation.id, readN + 1], [conversation.id, Infinity])
      .filter((m) => m.senderId !== actor)
      .count();
    await db.conversations.put({ ...conversation, [`${side}ReadN`]: readN, [`${side}Unread`]: unread });
  },

  async 'chat.offer'(db, args, at) {
    await step(db, args, at, true, { id: args.id, kind: 'offer', priceKrw: args.priceKrw }, (c) => ({
      ...c,
      offer: { id: args.id, priceKrw: args.priceKrw, status: 'pending' },
    }));
  },

  async 'chat.answer_offer'(db, args, at) {
    const offer = (await db.conversations.get(conversationId(args.listingId, args.buyerId)))?.offer;
    await step(db, args, at, false, { id: args.id, kind: answerKind(args.accept), refId: args.offerId, priceKrw: offer?.priceKrw ?? null }, (c) =>
      c.offer?.id === args.offerId && c.offer.status === 'pending' ? { ...c, offer: { ...c.offer, status: args.accept ? 'accepted' : 'declined' } } : c,
    );
  },

  // Either side may propose, once the conversation exists; a new proposal replaces the one before,
  // confirmed or not.
  async 'chat.propose_appointment'(db, args, at) {
    const place = { at: args.at, place: args.place, lat: args.lat, lng: args.lng };
    const proposedBy = await me(db);
    await step(db, args, at, false, { id: args.id, kind: 'appointment', text: args.place, appointment: place }, (c) => ({
      ...c,
      appointment: { ...place, id: args.id, proposedBy, confirmed: false },
    }));
  },

  async 'chat.confirm_appointment'(db, args, at) {
    const current = (await db.conversations.get(conversationId(args.listingId, args.buyerId)))?.appointment;
    const appointment = current?.id === args.appointmentId ? { at: current.at, place: current.place, lat: current.lat, lng: current.lng } : null;
    await step(db, args, at, false, { id: args.id, kind: 'appointment_confirmed', text: appointment?.place ?? '', refId: args.appointmentId, appointment }, (c) =>
      c.appointment?.id === args.appointmentId ? { ...c, appointment: { ...c.appointment, confirmed: true } } : c,
    );
  },

  async 'trade.reserve'(db, args, at) {
    await tradeStep(db, args, at, 'reserved');
  },

  async 'trade.complete'(db, args, at) {
    await tradeStep(db, args, at, 'sold');
  },
};

/** The conversation a review is about: the one about the listing between me and the reviewee. */
export async function reviewedConversation(db: DongneDb, args: Pick<MutationArgs<'review.create'>, 'listingId' | 'revieweeId'>) {
  const actor = await me(db);
  const conversations = await db.conversations.where('listingId').equals(args.listingId).toArray();
  const trade = conversations.find(
    (c) => (c.sellerId === actor && c.buyerId === args.revieweeId) || (c.buyerId === actor && c.sellerId === args.revieweeId),
  );
  return trade && { trade, actor };
}

/** A review marks my side of that trade's conversation reviewed. */
export async function applyReview(db: DongneDb, args: MutationArgs<'review.create'>) {
  const found = await reviewedConversation(db, args);
  if (!found) return;
  const { trade, actor } = found;
  await db.conversations.put(trade.buyerId === actor ? { ...trade, buyerReviewed: true } : { ...trade, sellerReviewed: true });
}

/** Blocking hides the person's listings from me at once; unblocking shows them again (the next pull says if they blocked me). */
export async function applyBlock(db: DongneDb, args: MutationArgs<'block.set'>) {
  const toggle = (ids: string[] | undefined) => {
    const rest = (ids ?? []).filter((id) => id !== args.actorId);
    return args.blocked ? [...rest, args.actorId] : rest;
  };
  await setMeta(db, 'blockedIds', toggle(await getMeta(db, 'blockedIds')));
  await setMeta(db, 'hiddenSellerIds', toggle(await getMeta(db, 'hiddenSellerIds')));
}
