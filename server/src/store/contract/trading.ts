// Trading: conversations about a listing and their messages, completed trades, reviews, blocks and
// reports. A conversation is one listing and one buyer; its two participants alone ever read it.
import type { ChatMessage, Conversation, REPORT_TARGETS } from '@dongne/shared';

/** What the store keeps per conversation; pull joins the listing and the two people onto it. */
export type ConversationRecord = Omit<Conversation, 'id' | 'buyer' | 'seller' | 'listing'>;

export interface ConversationChangeRow {
  changeSeq: number;
  row: Conversation;
}

export interface MessageChangeRow {
  changeSeq: number;
  row: ChatMessage;
}

export interface ConversationsRepo {
  get(listingId: string, buyerId: string): Promise<ConversationRecord | undefined>;
  /** Inserts the conversation or replaces what is kept of it, as change number `changeSeq`. */
  save(record: ConversationRecord, changeSeq: number): Promise<void>;
  /** Every conversation about the listing. */
  ofListing(listingId: string): Promise<ConversationRecord[]>;
  /** Conversations `actorId` takes part in changed after `cursor`, as they stand now, oldest change first. */
  changesFor(actorId: string, cursor: number, limit: number): Promise<ConversationChangeRow[]>;
}

export interface MessagesRepo {
  /** The message with this id, whoever's (ids are never reused). */
  byId(id: string): Promise<ChatMessage | undefined>;
  /** Throws DuplicateError when the id is taken. `sellerId` lets the seller's pull find it. */
  insert(message: ChatMessage, sellerId: string, changeSeq: number): Promise<void>;
  /** Messages in the conversation numbered above `afterN` that someone other than `readerId` sent. */
  unreadAfter(listingId: string, buyerId: string, readerId: string, afterN: number): Promise<number>;
  /** Messages in conversations `actorId` takes part in, added after `cursor`, oldest first. */
  changesFor(actorId: string, cursor: number, limit: number): Promise<MessageChangeRow[]>;
}

export interface TradeRow {
  listingId: string;
  buyerId: string;
  sellerId: string;
  completedAt: number;
}

export interface TradesRepo {
  /** Records a completed sale; recording the same one again changes nothing. */
  record(trade: TradeRow): Promise<void>;
  get(listingId: string, buyerId: string): Promise<TradeRow | undefined>;
  /** Trades completed with `actorId` as seller or buyer. */
  countFor(actorId: string): Promise<number>;
}

export interface NewReview {
  id: string;
  listingId: string;
  reviewerId: string;
  revieweeId: string;
  good: string[];
  bad: string[];
  text: string;
  createdAt: number;
}

export interface ReviewsRepo {
  /** Throws DuplicateError when the id is taken or the reviewer already reviewed this trade. */
  insert(review: NewReview): Promise<void>;
  /** Whether `reviewerId` has reviewed `revieweeId` for a trade of this listing. */
  exists(listingId: string, reviewerId: string, revieweeId: string): Promise<boolean>;
  /** The manners `revieweeId` received since `since`, and from whom, newest first. */
  receivedSince(revieweeId: string, since: number): Promise<{ reviewerId: string; good: string[]; bad: string[]; createdAt: number }[]>;
  /** How often each good manner was chosen for `revieweeId`, most often first. */
  goodMannerCounts(revieweeId: string): Promise<{ code: string; count: number }[]>;
  /** Texts of reviews of `revieweeId` that chose no bad manner, newest first. */
  praise(revieweeId: string, limit: number): Promise<{ id: string; text: string; at: number; authorNickname: string }[]>;
}

export interface BlocksRepo {
  /** Blocks or unblocks; true when that changed anything. */
  set(blockerId: string, blockedId: string, blocked: boolean, at: number): Promise<boolean>;
  isBlocking(blockerId: string, blockedId: string): Promise<boolean>;
  /** Whom `actorId` has blocked, most recent first. */
  blockedBy(actorId: string): Promise<string[]>;
  /** Who has blocked `actorId`. */
  blockersOf(actorId: string): Promise<string[]>;
}

/** Who or what a report is about: a person, a listing, a board post or a comment on one. */
export type ReportTarget = (typeof REPORT_TARGETS)[number];

export interface NewReport {
  id: string;
  reporterId: string;
  target: ReportTarget;
  targetId: string;
  reason: string;
  text: string;
  createdAt: number;
}

export interface ReportsRepo {
  /** Throws DuplicateError when the id is taken. */
  insert(report: NewReport): Promise<void>;
  /** The different people who have reported the target, in id order: for moderation, and what hides a post or comment. */
  reportersOf(target: ReportTarget, targetId: string): Promise<string[]>;
}

export interface TradingRepos {
  conversations: ConversationsRepo;
  messages: MessagesRepo;
  trades: TradesRepo;
  reviews: ReviewsRepo;
  blocks: BlocksRepo;
  reports: ReportsRepo;
}
