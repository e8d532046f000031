// Chat about a listing (채팅): a conversation is one listing and one buyer; its participants are
// that buyer and the listing's seller, and nobody else ever receives it. Messages are numbered per
// conversation by the server (`n`), in the order it applied them; read receipts are the number each
// side has read up to.
import { z } from 'zod/mini';
import { LISTING_STATUSES } from '../listing-status.js';

export const CHAT_LIMITS = {
  textMax: 1000,
  placeMax: 100,
  /** An appointment is for the coming months, not years. */
  appointmentAheadMaxMs: 180 * 24 * 60 * 60 * 1000,
  /** The in-app reminder shows from this long before a confirmed appointment. */
  reminderBeforeMs: 60 * 60 * 1000,
  /** Conversations one account may start as a buyer in 24 hours. */
  conversationsPerDay: 50,
  /**
   * Messages one account may send in 24 hours: text, offers, answers, appointments and their
   * confirmations (not the lines a reservation or sale writes). Far past any neighbour's chatting.
   */
  messagesPerDay: 1000,
} as const;

/** The conversation's id: the listing and the buyer, which together name it. */
export function conversationId(listingId: string, buyerId: string): string {
  return `${listingId}:${buyerId}`;
}

/** What a message is: typed text, or a step of the trade that the chat shows in line. */
export const MESSAGE_KINDS = [
  'text',
  'offer',
  'offer_accepted',
  'offer_declined',
  'appointment',
  'appointment_confirmed',
  'reserved',
  'sold',
] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

export const appointmentPlaceSchema = z.object({
  at: z.int(),
  place: z.string(),
  lat: z.nullable(z.number()),
  lng: z.nullable(z.number()),
});

export const chatMessageSchema = z.object({
  id: z.uuid(),
  conversationId: z.string(),
  listingId: z.string(),
  buyerId: z.string(),
  senderId: z.string(),
  kind: z.enum(MESSAGE_KINDS),
  text: z.string(),
  /** An offer's price. */
  priceKrw: z.nullable(z.int()),
  /** A proposed appointment's time and place. */
  appointment: z.nullable(appointmentPlaceSchema),
  /** The offer or appointment an answer is about. */
  refId: z.nullable(z.string()),
  /** Its place in the conversation, from 1. */
  n: z.int(),
  createdAt: z.int(),
});
export type ChatMessage = z.infer<typeof chatMessageSchema>;

export const chatPersonSchema = z.object({
  id: z.string(),
  nickname: z.string(),
  mannerTemperature: z.number(),
});
export type ChatPerson = z.infer<typeof chatPersonSchema>;

export const OFFER_STATUSES = ['pending', 'accepted', 'declined'] as const;

export const conversationSchema = z.object({
  id: z.string(),
  listingId: z.string(),
  buyerId: z.string(),
  sellerId: z.string(),
  buyer: chatPersonSchema,
  seller: chatPersonSchema,
  /** The listing as it is now (it may be outside the device's area, so it travels here). */
  listing: z.object({
    title: z.string(),
    priceKrw: z.int(),
    status: z.enum(LISTING_STATUSES),
    acceptsOffers: z.boolean(),
    /** The first photo's thumbnail hash, if it has photos. */
    thumb: z.nullable(z.string()),
    deleted: z.boolean(),
  }),
  lastMessage: z.nullable(z.object({ senderId: z.string(), kind: z.enum(MESSAGE_KINDS), text: z.string(), priceKrw: z.nullable(z.int()), at: z.int() })),
  /** The number of the last message. */
  lastN: z.int(),
  /** Up to which message each side has read. */
  buyerReadN: z.int(),
  sellerReadN: z.int(),
  /** Messages from the other side each has not read yet. */
  buyerUnread: z.int(),
  sellerUnread: z.int(),
  /** The latest offer, if the buyer made one. */
  offer: z.nullable(z.object({ id: z.string(), priceKrw: z.int(), status: z.enum(OFFER_STATUSES) })),
  /** The latest appointment proposed, confirmed or not. */
  appointment: z.nullable(
    z.extend(appointmentPlaceSchema, { id: z.string(), proposedBy: z.string(), confirmed: z.boolean() }),
  ),
  /** The listing reserved for, or sold to, this buyer. */
  trade: z.nullable(z.enum(['reserved', 'sold'])),
  /** Whether each side has reviewed the other for this trade (not what they wrote). */
  buyerReviewed: z.boolean(),
  sellerReviewed: z.boolean(),
  createdAt: z.int(),
  updatedAt: z.int(),
});
export type Conversation = z.infer<typeof conversationSchema>;

/** What a conversation says about its own progress, apart from whose and about what. */
export type ConversationState = Omit<Conversation, 'id' | 'listingId' | 'buyerId' | 'sellerId' | 'buyer' | 'seller' | 'listing'>;

/** A conversation's state as it starts at `at`: nothing said, nothing read, nothing agreed. */
export function conversationStart(at: number): ConversationState {
  return {
    lastMessage: null,
    lastN: 0,
    buyerReadN: 0,
    sellerReadN: 0,
    buyerUnread: 0,
    sellerUnread: 0,
    offer: null,
    appointment: null,
    trade: null,
    buyerReviewed: false,
    sellerReviewed: false,
    createdAt: at,
    updatedAt: at,
  };
}

/** Who `me` is talking to in a conversation. */
export function otherParty(conversation: Pick<Conversation, 'buyer' | 'seller' | 'buyerId'>, me: string): ChatPerson {
  return conversation.buyerId === me ? conversation.seller : conversation.buyer;
}

/** Unread messages in the conversation for `me`. */
export function unreadFor(conversation: Pick<Conversation, 'buyerId' | 'buyerUnread' | 'sellerUnread'>, me: string): number {
  return conversation.buyerId === me ? conversation.buyerUnread : conversation.sellerUnread;
}
