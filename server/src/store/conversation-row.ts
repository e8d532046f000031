// Conversation and message rows as both engines read them, and what they stand for. The columns
// are the same on both; booleans are 0/1 on SQLite and true/false on PostgreSQL, JSON is text on both.
import { conversationId, type ChatMessage, type Conversation, type ListingPhoto } from '@dongne/shared';
import type { ConversationRecord } from './contract/trading.js';

export interface ConversationDbRow {
  listing_id: string;
  buyer_id: string;
  seller_id: string;
  last_n: number;
  buyer_read_n: number;
  seller_read_n: number;
  buyer_unread: number;
  seller_unread: number;
  last_message: string | null;
  offer: string | null;
  appointment: string | null;
  trade: 'reserved' | 'sold' | null;
  buyer_reviewed: boolean | number;
  seller_reviewed: boolean | number;
  created_at: number;
  updated_at: number;
  change_seq: number;
}

/** A conversation row with its listing and people joined, as `changesFor` selects it. */
export interface ConversationJoinedRow extends ConversationDbRow {
  buyer_nickname: string;
  buyer_temperature: number;
  seller_nickname: string;
  seller_temperature: number;
  title: string;
  price_krw: number;
  status: Conversation['listing']['status'];
  accepts_offers: boolean | number;
  photos: string;
  deleted_at: number | null;
}

export interface MessageDbRow {
  id: string;
  listing_id: string;
  buyer_id: string;
  sender_id: string;
  kind: ChatMessage['kind'];
  text: string;
  price_krw: number | null;
  appointment: string | null;
  ref_id: string | null;
  n: number;
  created_at: number;
  change_seq: number;
}

/** The joins a participant's conversation rows need; `c` is conversations. */
export const CONVERSATION_JOINS = `
  JOIN listings l ON l.id = c.listing_id
  JOIN actors b ON b.id = c.buyer_id
  JOIN actors s ON s.id = c.seller_id`;
export const CONVERSATION_JOINED_COLUMNS = `c.*, b.nickname AS buyer_nickname, b.manner_temperature AS buyer_temperature,
  s.nickname AS seller_nickname, s.manner_temperature AS seller_temperature,
  l.title, l.price_krw, l.status, l.accepts_offers, l.photos, l.deleted_at`;

const json = <T>(text: string | null): T | null => (text === null ? null : (JSON.parse(text) as T));

export function toConversationRecord(row: ConversationDbRow): ConversationRecord {
  return {
    listingId: row.listing_id,
    buyerId: row.buyer_id,
    sellerId: row.seller_id,
    lastN: row.last_n,
    buyerReadN: row.buyer_read_n,
    sellerReadN: row.seller_read_n,
    buyerUnread: row.buyer_unread,
    sellerUnread: row.seller_unread,
    lastMessage: json(row.last_message),
    offer: json(row.offer),
    appointment: json(row.appointment),
    trade: row.trade,
    buyerReviewed: Boolean(row.buyer_reviewed),
    sellerReviewed: Boolean(row.seller_reviewed),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** The record's columns, in the order both engines' upserts name them. */
export function conversationColumns(record: ConversationRecord, changeSeq: number) {
  return [
    record.listingId,
    record.buyerId,
    record.sellerId,
    record.lastN,
    record.buyerReadN,
    record.sellerReadN,
    record.buyerUnread,
    record.sellerUnread,
    record.lastMessage && JSON.stringify(record.lastMessage),
    record.offer && JSON.stringify(record.offer),
    record.appointment && JSON.stringify(record.appointment),
    record.trade,
    record.buyerReviewed,
    record.sellerReviewed,
    record.createdAt,
    record.updatedAt,
    changeSeq,
  ] as const;
}

export const CONVERSATION_COLUMN_NAMES = [
  'listing_id',
  'buyer_id',
  'seller_id',
  'last_n',
  'buyer_read_n',
  'seller_read_n',
  'buyer_unread',
  'seller_unread',
  'last_message',
  'offer',
  'appointment',
  'trade',
  'buyer_reviewed',
  'seller_reviewed',
  'created_at',
  'updated_at',
  'change_seq',
] as const;

export function toConversation(row: ConversationJoinedRow): Conversation {
  const photos = JSON.parse(row.photos) as ListingPhoto[];
  return {
    ...toConversationRecord(row),
    id: conversationId(row.listing_id, row.buyer_id),
    buyer: { id: row.buyer_id, nickname: row.buyer_nickname, mannerTemperature: Number(row.buyer_temperature) },
    seller: { id: row.seller_id, nickname: row.seller_nickname, mannerTemperature: Number(row.seller_temperature) },
    listing: {
      title: row.title,
      priceKrw: Number(row.price_krw),
      status: row.status,
      acceptsOffers: Boolean(row.accepts_offers),
      thumb: photos[0]?.thumb ?? null,
      deleted: row.deleted_at !== null,
    },
  };
}

export function toMessage(row: MessageDbRow): ChatMessage {
  return {
    id: row.id,
    conversationId: conversationId(row.listing_id, row.buyer_id),
    listingId: row.listing_id,
    buyerId: row.buyer_id,
    senderId: row.sender_id,
    kind: row.kind,
    text: row.text,
    priceKrw: row.price_krw === null ? null : Number(row.price_krw),
    appointment: json(row.appointment),
    refId: row.ref_id,
    n: Number(row.n),
    createdAt: Number(row.created_at),
  };
}

/** A message's columns, in the order both engines' inserts name them. */
export function messageColumns(message: ChatMessage, sellerId: string, changeSeq: number) {
  return [
    message.id,
    message.listingId,
    message.buyerId,
    sellerId,
    message.senderId,
    message.kind,
    message.text,
    message.priceKrw,
    message.appointment && JSON.stringify(message.appointment),
    message.refId,
    message.n,
    message.createdAt,
    changeSeq,
  ] as const;
}
