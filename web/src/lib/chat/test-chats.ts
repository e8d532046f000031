// Test helpers (tests only): conversations and messages as a pull delivers them, and a pull answered
// by a page the test writes, so the chat's data layer is tested through the sync engine's own pull.
import { conversationId, conversationStart, type ChatMessage, type Conversation, type PullResponse } from '@dongne/shared';
import type { DongneDb } from '../db/db.js';
import type { EngineDeps } from '../sync/sync-engine.js';
import { pull } from '../sync/sync-engine.js';
import * as pulledDrafts from '../drafts/pulled-drafts.js';
import * as ownWork from '../sync/own-work.js';

export const BUYER = { id: 'buyer-minji', nickname: 'minji', mannerTemperature: 36.5 };
export const SELLER = { id: 'seller-jun', nickname: 'jun', mannerTemperature: 41.2 };

/** A conversation row as the server sends it; a test overrides what it is about. */
export function serverConversation(listingId: string, overrides: Partial<Conversation> = {}): Conversation {
  const buyerId = overrides.buyerId ?? BUYER.id;
  return {
    id: conversationId(listingId, buyerId),
    listingId,
    buyerId,
    sellerId: SELLER.id,
    buyer: { ...BUYER, id: buyerId },
    seller: SELLER,
    listing: { title: 'Rice cooker', priceKrw: 30000, status: 'selling', acceptsOffers: true, thumb: null, deleted: false },
    ...conversationStart(1_000),
    ...overrides,
  };
}

/** A numbered message as the server sends it. */
export function serverMessage(conversation: Pick<Conversation, 'listingId' | 'buyerId'>, n: number, overrides: Partial<ChatMessage> = {}): ChatMessage {
  return {
    id: crypto.randomUUID(),
    conversationId: conversationId(conversation.listingId, conversation.buyerId),
    listingId: conversation.listingId,
    buyerId: conversation.buyerId,
    senderId: SELLER.id,
    kind: 'text',
    text: `message ${n}`,
    priceKrw: null,
    appointment: null,
    refId: null,
    n,
    createdAt: 1_000 + n,
    ...overrides,
  };
}

/** One pull page carrying `changes`, as the server answers a signed-in person. */
export function pullPage(changes: PullResponse['changes'], extra: Partial<PullResponse> = {}): PullResponse {
  return {
    changes,
    cursor: 10,
    hasMore: false,
    lastSeq: 0,
    scope: { neighbourhoodId: 'kr-bundang-sunae', range: 2 },
    profile: { actorId: BUYER.id, nickname: BUYER.nickname, verificationCount: 1, lastVerifiedAt: 1, neighbourhoods: [] },
    likedIds: [],
    blockedIds: [],
    hiddenSellerIds: [],
    keywords: [],
    reactedPostIds: [],
    followedBusinessIds: [],
    ...extra,
  };
}

/** Runs the sync engine's pull against a server that answers with `page`. */
export async function pullWith(db: DongneDb, page: PullResponse): Promise<void> {
  const deps: EngineDeps = {
    db,
    fetch: async () => new Response(JSON.stringify(page), { status: 200, headers: { 'content-type': 'application/json' } }),
    draftMerger: async () => pulledDrafts,
    ownWork: async () => ownWork,
  };
  await pull(deps);
}

export const upsertConversation = (row: Conversation) => ({ op: 'upsert' as const, entity: 'conversation' as const, row });
export const upsertMessage = (row: ChatMessage) => ({ op: 'upsert' as const, entity: 'message' as const, row });
