// The sync protocol on the wire: push of outbox mutations, and paged pull of changes.
import { z } from 'zod/mini';
import { idSchema } from './id.js';
import { listingRowSchema } from './listing.js';
import type { RangeLevel } from './geo/range.js';
import { chatMessageSchema, conversationSchema } from './trading/chat.js';
import { isKnownNotificationKind, notificationSchema } from './notification.js';
import { boardCommentRowSchema, boardPostRowSchema } from './board.js';
import { businessRowSchema, campaignRowSchema } from './business.js';
import { businessPostRowSchema, businessReviewRowSchema } from './business-profile.js';

export const SYNC_LIMITS = {
  /** Mutations per push request; the client sends its outbox in batches of this size. */
  pushBatchMax: 100,
  pullPageDefault: 500,
  pullPageMax: 1000,
  /** Request bodies above this are refused before they are parsed. */
  bodyMaxBytes: 1024 * 1024,
} as const;

/** Where the user was when they acted; checked by the server when the mutation syncs. */
export const fixSchema = z.object({
  lat: z.number().check(z.gte(-90), z.lte(90)),
  lng: z.number().check(z.gte(-180), z.lte(180)),
  accuracy: z.number().check(z.gte(0)),
  takenAt: z.int(),
});
export type Fix = z.infer<typeof fixSchema>;

/** A mutation as it travels; `args` is checked against the registry once the name is known. */
export const mutationSchema = z.object({
  mutationId: z.uuid(),
  seq: z.int().check(z.gte(1), z.lte(Number.MAX_SAFE_INTEGER)),
  name: z.string().check(z.minLength(1), z.maxLength(64)),
  args: z.unknown(),
  createdAt: z.int(),
  fix: z.optional(fixSchema),
});
export type Mutation = z.infer<typeof mutationSchema>;

/**
 * A device's mutations in seq order. Seqs the server has processed are answered again from its
 * record; the new ones must continue exactly where the device left off (lastSeq + 1, + 2, …), or
 * the whole batch is refused with 409 sync.seq_gap and the seq to resume from (expectedSeq).
 */
export const pushRequestSchema = z.object({
  clientId: z.uuid(),
  mutations: z.array(mutationSchema).check(z.minLength(1), z.maxLength(SYNC_LIMITS.pushBatchMax)),
});
export type PushRequest = z.infer<typeof pushRequestSchema>;

export const changeSchema = z.union([
  z.object({ op: z.literal('upsert'), entity: z.literal('listing'), row: listingRowSchema }),
  z.object({ op: z.literal('delete'), entity: z.literal('listing'), id: z.string() }),
  /** One of the person's drafts: its merged Yjs document, base64. */
  z.object({ op: z.literal('upsert'), entity: z.literal('draft'), id: z.string(), state: z.string(), updatedAt: z.int() }),
  z.object({ op: z.literal('delete'), entity: z.literal('draft'), id: z.string() }),
  /** A conversation the person is in, as it stands now; its participants alone receive it. */
  z.object({ op: z.literal('upsert'), entity: z.literal('conversation'), row: conversationSchema }),
  z.object({ op: z.literal('upsert'), entity: z.literal('message'), row: chatMessageSchema }),
  /** Something the person is told about (a keyword alert); theirs alone. */
  z.object({ op: z.literal('upsert'), entity: z.literal('notification'), row: notificationSchema }),
  /** A board post in the area (or the person's own, wherever it is); deleted, hidden by reports, or its author blocked: delete. */
  z.object({ op: z.literal('upsert'), entity: z.literal('post'), row: boardPostRowSchema }),
  z.object({ op: z.literal('delete'), entity: z.literal('post'), id: z.string() }),
  /** A comment on a post the device has; a comment deleted by its author stays as a row marked deleted. */
  z.object({ op: z.literal('upsert'), entity: z.literal('comment'), row: boardCommentRowSchema }),
  z.object({ op: z.literal('delete'), entity: z.literal('comment'), id: z.string() }),
  /** A business in the area (or the person's own). */
  z.object({ op: z.literal('upsert'), entity: z.literal('business'), row: businessRowSchema }),
  z.object({ op: z.literal('delete'), entity: z.literal('business'), id: z.string() }),
  /** A campaign whose target covers the area (or one of the person's own businesses'); ended or out of reach: delete. */
  z.object({ op: z.literal('upsert'), entity: z.literal('campaign'), row: campaignRowSchema }),
  z.object({ op: z.literal('delete'), entity: z.literal('campaign'), id: z.string() }),
  /** A business's news or coupon: to its area, its followers and its owner; deleted: delete. */
  z.object({ op: z.literal('upsert'), entity: z.literal('business_post'), row: businessPostRowSchema }),
  z.object({ op: z.literal('delete'), entity: z.literal('business_post'), id: z.string() }),
  /** A review of a business in the area (or the person's own review, or of their own business). */
  z.object({ op: z.literal('upsert'), entity: z.literal('business_review'), row: businessReviewRowSchema }),
  z.object({ op: z.literal('delete'), entity: z.literal('business_review'), id: z.string() }),
]);
export type Change = z.infer<typeof changeSchema>;

/** Every kind of thing a change can be about, as this version knows them (the compiler keeps it whole). */
const KNOWN_CHANGE_ENTITIES: Record<Change['entity'], true> = {
  listing: true,
  draft: true,
  conversation: true,
  message: true,
  notification: true,
  post: true,
  comment: true,
  business: true,
  campaign: true,
  business_post: true,
  business_review: true,
};

/** Whether this version of the app knows changes about `entity`. */
export function isKnownChangeEntity(entity: unknown): boolean {
  return typeof entity === 'string' && Object.hasOwn(KNOWN_CHANGE_ENTITIES, entity);
}

/**
 * Whether this version of the app knows a change (as received, unchecked): its entity, and for a
 * notification its kind, which a newer server may add to. One it does not know is left out of a
 * pulled page rather than refusing the page.
 */
export function isKnownChange(change: unknown): boolean {
  if (!change || typeof change !== 'object') return true;
  const { entity, row } = change as { entity?: unknown; row?: { kind?: unknown } };
  if (!isKnownChangeEntity(entity)) return false;
  return entity !== 'notification' || !row || typeof row !== 'object' || isKnownNotificationKind(row.kind);
}

export const mutationResultSchema = z.discriminatedUnion('status', [
  z.object({ mutationId: z.uuid(), seq: z.int(), status: z.literal('applied') }),
  z.object({
    mutationId: z.uuid(),
    seq: z.int(),
    status: z.literal('rejected'),
    code: z.string(),
    message: z.string(),
    /**
     * For a refused change to an existing listing: the listing as the server holds it now (or its
     * tombstone), so the device puts it back without pulling its whole area again.
     */
    current: z.optional(changeSchema),
  }),
]);
export type MutationResult = z.infer<typeof mutationResultSchema>;

export const pushResponseSchema = z.object({
  results: z.array(mutationResultSchema),
  lastSeq: z.int().check(z.gte(0)),
});
export type PushResponse = z.infer<typeof pushResponseSchema>;

export const pullQuerySchema = z.object({
  clientId: z.optional(z.uuid('clientId must be a uuid')),
  cursor: z._default(
    z.pipe(
      z.string().check(z.regex(/^\d{1,15}$/, 'cursor must be a non-negative whole number')),
      z.transform(Number),
    ),
    0,
  ),
  neighbourhood: z.optional(idSchema),
  range: z.optional(
    z.pipe(z.string().check(z.regex(/^[1-4]$/, 'range must be a level from 1 to 4')), z.transform((v) => Number(v) as RangeLevel)),
  ),
  limit: z.optional(
    z.pipe(
      z.string().check(z.regex(/^\d{1,4}$/, 'limit must be a whole number')),
      z.pipe(z.transform(Number), z.int().check(z.gte(1), z.lte(SYNC_LIMITS.pullPageMax, `limit is at most ${SYNC_LIMITS.pullPageMax}`))),
    ),
  ),
});


/** What the server knows about the person: shown on their profile, and used by the publish flow. */
export const profileSchema = z.object({
  actorId: z.string(),
  nickname: z.string(),
  verificationCount: z.int(),
  lastVerifiedAt: z.nullable(z.int()),
  neighbourhoods: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      active: z.boolean(),
      /** When the reading that verifies the person here now was taken; null if none does. */
      verifiedAt: z.nullable(z.int()),
    }),
  ),
});
export type Profile = z.infer<typeof profileSchema>;

export const pullResponseSchema = z.object({
  changes: z.array(changeSchema),
  /** Pass back as `cursor` on the next pull. */
  cursor: z.int().check(z.gte(0)),
  hasMore: z.boolean(),
  /** Highest seq the server has processed for this client; 0 if it has none. */
  lastSeq: z.int().check(z.gte(0)),
  /** The area this page covers: the requested one, or the server's default for visitors. */
  scope: z.object({ neighbourhoodId: z.string(), range: z.int() }),
  /** The signed-in person's profile; null for a visitor. */
  profile: z.nullable(profileSchema),
  /** Listings on the signed-in person's watchlist (♥), most recent first; empty for a visitor. */
  likedIds: z.array(z.string()),
  /** People the signed-in person has blocked; empty for a visitor. */
  blockedIds: z.array(z.string()),
  /**
   * Sellers whose listings this person's feed and search leave out: those they blocked and those
   * who blocked them. Empty for a visitor.
   */
  hiddenSellerIds: z.array(z.string()),
  /** The signed-in person's keyword alerts, in alphabetical order; empty for a visitor. */
  // A server from before keyword alerts sends none: the device keeps working with an empty list.
  keywords: z._default(z.array(z.string()), []),
  /** Board posts the person has reacted to (공감), most recent first, at most LIKED_IDS_MAX; empty for a visitor. */
  reactedPostIds: z._default(z.array(z.string()), []),
  /** Businesses the person follows (단골), most recent first, at most LIKED_IDS_MAX; empty for a visitor. */
  followedBusinessIds: z._default(z.array(z.string()), []),
});
export type PullResponse = z.infer<typeof pullResponseSchema>;

/** How many watchlist entries travel with each pull. */
export const LIKED_IDS_MAX = 500;

export const viewCountsSchema = z.object({ viewCount: z.int(), likeCount: z.int() });

