// What a mutation handler is given: the push's transaction, who acted and when, and how to say
// whom the change concerns (the live channel pokes their devices after commit) and whether a Web
// Push is due (the push dispatcher is poked after commit).
import type { Mutation, MutationArgs, MutationName } from '@dongne/shared';
import { BLOCK_LIMITS, BOARD_LIMITS, CHAT_LIMITS, DRAFT_LIMITS, LISTING_LIMITS, REPORT_LIMITS } from '@dongne/shared';
import type { Tx } from '../store/contract/store.js';
import type { Actor } from './session-service.js';

/** How much one account may do in 24 hours; an operator may raise them (see settings.ts). */
export interface DailyCaps {
  listings: number;
  drafts: number;
  /** Messages sent, offers and appointments included; not the lines a trade step writes. */
  messages: number;
  /** Conversations started as a buyer. */
  conversations: number;
  reports: number;
  /** New blocks: unblocking is not counted. */
  blocks: number;
  /** Board posts. */
  posts: number;
  /** Board comments and replies. */
  comments: number;
}

export const DEFAULT_DAILY_CAPS: DailyCaps = {
  listings: LISTING_LIMITS.perDay,
  drafts: DRAFT_LIMITS.newPerDay,
  messages: CHAT_LIMITS.messagesPerDay,
  conversations: CHAT_LIMITS.conversationsPerDay,
  reports: REPORT_LIMITS.perDay,
  blocks: BLOCK_LIMITS.perDay,
  posts: BOARD_LIMITS.postsPerDay,
  comments: BOARD_LIMITS.commentsPerDay,
};

export interface MutationContext {
  caps: DailyCaps;
  /** The push's transaction: every read and write of a handler goes through it. */
  tx: Tx;
  actor: Actor;
  now: number;
  mutation: Mutation;
  /** The device the push came from (its clientId): ad clicks are capped per device. */
  clientId: string;
  /** Tells devices following the area that something they can see changed there (a live poke). */
  areaChanged(neighbourhoodId: string): void;
  /** Tells another person's devices that something of theirs changed (a message to them, say). */
  accountChanged(actorId: string): void;
  /** Says a Web Push was queued, due now: the push dispatcher is poked once the transaction commits. */
  pushDue(): void;
}

export type Handlers = { [N in MutationName]: (ctx: MutationContext, args: MutationArgs<N>) => Promise<void> };
