// A business's life after it opens: the profile's details and counts (kept on the business row),
// its posts, its followers (단골) and its reviews; what the business handlers and the pull ask.
import type { BusinessDetails, BusinessPost, BusinessPostKind, BusinessReview, ListingPhoto } from '@dongne/shared';
import type { BusinessChangeRow } from './ads.js';

export interface BusinessProfilesRepo {
  /** Replaces the details the owner keeps, as a change numbered `changeSeq`. */
  updateDetails(id: string, details: BusinessDetails, changeSeq: number): Promise<void>;
  /** Sets the follower count from the follows, as a change numbered `changeSeq`. */
  recountFollowers(id: string, changeSeq: number): Promise<void>;
  /** Sets the review count and star sum from the reviews not deleted, as a change numbered `changeSeq`. */
  recountReviews(id: string, changeSeq: number): Promise<void>;
  /** Changes after `cursor` to the businesses `ids` (those a person follows, wherever they are), oldest first, at most `limit`. */
  changesSinceOf(ids: string[], cursor: number, limit: number): Promise<BusinessChangeRow[]>;
}

export interface NewBusinessPost {
  id: string;
  businessId: string;
  ownerId: string;
  neighbourhoodId: string;
  kind: BusinessPostKind;
  title: string;
  text: string;
  photos: ListingPhoto[];
  validUntil: number | null;
  createdAt: number;
  changeSeq: number;
}

export interface BusinessPostFacts {
  businessId: string;
  ownerId: string;
  deleted: boolean;
}

export type BusinessPostChangeRow = { changeSeq: number; deleted: false; post: BusinessPost } | { changeSeq: number; deleted: true; id: string };

export interface BusinessPostsRepo {
  /** Inserts a post unless its id exists; false when it did. */
  insert(post: NewBusinessPost): Promise<boolean>;
  /** Undefined if no post ever had this id (deleted ones included). */
  factsOf(id: string): Promise<BusinessPostFacts | undefined>;
  markDeleted(id: string, at: number, changeSeq: number): Promise<void>;
  /** The business’s posts created after `since`, deleted ones too (a delete does not give a post back). */
  countSince(businessId: string, since: number): Promise<number>;
  /** The business's posts not deleted. */
  liveIdsOf(businessId: string): Promise<string[]>;
  /**
   * Changes after `cursor` to posts in any of `places`, of any of the `followed` businesses, or
   * owned by `viewerId`, oldest first, at most `limit`; a deleted one comes as a tombstone.
   */
  changesSinceIn(places: string[], followed: string[], viewerId: string | undefined, cursor: number, limit: number): Promise<BusinessPostChangeRow[]>;
  latestChangeIn(places: string[]): Promise<number>;
}

export interface BusinessFollowsRepo {
  /** Follows or stops following; true when that changed anything. */
  set(businessId: string, actorId: string, following: boolean, at: number): Promise<boolean>;
  /** Who follows the business, to be told of its posts. */
  followersOf(businessId: string): Promise<string[]>;
  /** The businesses `actorId` follows, most recently followed first, at most `limit`. */
  followedBy(actorId: string, limit: number): Promise<string[]>;
}

export interface NewBusinessReview {
  businessId: string;
  authorId: string;
  neighbourhoodId: string;
  stars: number;
  text: string;
  at: number;
  changeSeq: number;
}

export type BusinessReviewChangeRow = { changeSeq: number; deleted: false; review: BusinessReview } | { changeSeq: number; deleted: true; id: string };

export interface BusinessReviewsRepo {
  /** Writes the person's review of the business, replacing (and marking edited) one they wrote before. */
  put(review: NewBusinessReview): Promise<void>;
  /** The review as the pull carries it, deleted ones left out. */
  byId(businessId: string, authorId: string): Promise<BusinessReview | undefined>;
  markDeleted(businessId: string, authorId: string, at: number, changeSeq: number): Promise<void>;
  /** The businesses `authorId` has a review of that is not deleted. */
  reviewedBy(authorId: string): Promise<string[]>;
  /** Changes after `cursor` to reviews of businesses in any of `places`, or written by `viewerId`, oldest first, at most `limit`. */
  changesSinceIn(places: string[], viewerId: string | undefined, cursor: number, limit: number): Promise<BusinessReviewChangeRow[]>;
  latestChangeIn(places: string[]): Promise<number>;
}

export interface BusinessLifeRepos {
  businessProfiles: BusinessProfilesRepo;
  businessPosts: BusinessPostsRepo;
  businessFollows: BusinessFollowsRepo;
  businessReviews: BusinessReviewsRepo;
}
