// A business's details and counts, posts, followers and reviews on SQLite, and the queries the
// pull pages over (one index range scan per place, per followed business and for the viewer, merged).
import type { BusinessDetails } from '@dongne/shared';
import type { BusinessPostFacts, NewBusinessPost, NewBusinessReview } from '../contract/business-life.js';
import { mergeChanges } from '../board-row.js';
import {
  SELECT_BUSINESS_POSTS,
  SELECT_BUSINESS_REVIEWS,
  toBusinessPostChange,
  toBusinessReview,
  toBusinessReviewChange,
  type BusinessPostRow,
  type BusinessReviewRow,
} from '../business-life-row.js';
import { toBusinessChange, type BusinessRow } from '../ad-row.js';
import type { Db } from './database.js';

const latestIn = (db: Db, table: string) =>
  db
    .prepare(`SELECT coalesce(max((SELECT change_seq FROM ${table} WHERE neighbourhood_id = p.value ORDER BY change_seq DESC LIMIT 1)), 0)
              FROM json_each(?) p`)
    .pluck();

export function createBusinessProfilesStore(db: Db) {
  const updateDetails = db.prepare(`
    UPDATE businesses SET address = @address, hours = @hours, phone = @phone, description = @description, photos = @photos, change_seq = @changeSeq
    WHERE id = @id`);
  const recountFollowers = db.prepare(`
    UPDATE businesses SET follower_count = (SELECT count(*) FROM business_follows WHERE business_id = @id), change_seq = @changeSeq WHERE id = @id`);
  const recountReviews = db.prepare(`
    UPDATE businesses SET
      review_count = (SELECT count(*) FROM business_reviews WHERE business_id = @id AND deleted_at IS NULL),
      star_sum = (SELECT coalesce(sum(stars), 0) FROM business_reviews WHERE business_id = @id AND deleted_at IS NULL),
      change_seq = @changeSeq
    WHERE id = @id`);
  const changeOf = db.prepare('SELECT * FROM businesses WHERE id = ? AND change_seq > ?');
  return {
    updateDetails(id: string, details: BusinessDetails, changeSeq: number) {
      updateDetails.run({ ...details, photos: JSON.stringify(details.photos), id, changeSeq });
    },
    recountFollowers(id: string, changeSeq: number) {
      recountFollowers.run({ id, changeSeq });
    },
    recountReviews(id: string, changeSeq: number) {
      recountReviews.run({ id, changeSeq });
    },
    /** One primary-key look-up per business. */
    changesSinceOf(ids: string[], cursor: number, limit: number) {
      const found = ids.flatMap((id) => (changeOf.all(id, cursor) as BusinessRow[]));
      return found.sort((a, b) => a.change_seq - b.change_seq).slice(0, limit).map(toBusinessChange);
    },
  };
}

export function createBusinessPostsStore(db: Db) {
  const insert = db.prepare(`
    INSERT INTO business_posts (id, business_id, owner_id, neighbourhood_id, kind, title, text, photos, valid_until, created_at, change_seq)
    VALUES (@id, @businessId, @ownerId, @neighbourhoodId, @kind, @title, @text, @photos, @validUntil, @createdAt, @changeSeq)
    ON CONFLICT (id) DO NOTHING`);
  const factsOf = db.prepare('SELECT business_id, owner_id, deleted_at FROM business_posts WHERE id = ?');
  const markDeleted = db.prepare('UPDATE business_posts SET deleted_at = ?, change_seq = ? WHERE id = ?');
  const countSince = db.prepare('SELECT count(*) FROM business_posts WHERE business_id = ? AND created_at > ?').pluck();
  const liveIdsOf = db.prepare('SELECT id FROM business_posts WHERE business_id = ? AND deleted_at IS NULL ORDER BY id').pluck();
  const placeChanges = db.prepare(`${SELECT_BUSINESS_POSTS} WHERE p.neighbourhood_id = ? AND p.change_seq > ? ORDER BY p.change_seq LIMIT ?`);
  const businessChanges = db.prepare(`${SELECT_BUSINESS_POSTS} WHERE p.business_id = ? AND p.change_seq > ? ORDER BY p.change_seq LIMIT ?`);
  const ownerChanges = db.prepare(`${SELECT_BUSINESS_POSTS} WHERE p.owner_id = ? AND p.change_seq > ? ORDER BY p.change_seq LIMIT ?`);
  const latestChangeIn = latestIn(db, 'business_posts');
  return {
    insert: (post: NewBusinessPost) => insert.run({ ...post, photos: JSON.stringify(post.photos) }).changes === 1,
    factsOf(id: string): BusinessPostFacts | undefined {
      const row = factsOf.get(id) as { business_id: string; owner_id: string; deleted_at: number | null } | undefined;
      return row && { businessId: row.business_id, ownerId: row.owner_id, deleted: row.deleted_at !== null };
    },
    markDeleted(id: string, at: number, changeSeq: number) {
      markDeleted.run(at, changeSeq, id);
    },
    countSince: (businessId: string, since: number) => countSince.get(businessId, since) as number,
    liveIdsOf: (businessId: string) => liveIdsOf.all(businessId) as string[],
    changesSinceIn(places: string[], followed: string[], viewerId: string | undefined, cursor: number, limit: number) {
      const batches = places.map((place) => placeChanges.all(place, cursor, limit) as BusinessPostRow[]);
      for (const id of followed) batches.push(businessChanges.all(id, cursor, limit) as BusinessPostRow[]);
      if (viewerId) batches.push(ownerChanges.all(viewerId, cursor, limit) as BusinessPostRow[]);
      return mergeChanges(batches, limit).map(toBusinessPostChange);
    },
    latestChangeIn: (places: string[]) => latestChangeIn.get(JSON.stringify(places)) as number,
  };
}

export function createBusinessFollowsStore(db: Db) {
  const add = db.prepare('INSERT INTO business_follows (business_id, actor_id, created_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING');
  const remove = db.prepare('DELETE FROM business_follows WHERE business_id = ? AND actor_id = ?');
  const followersOf = db.prepare('SELECT actor_id FROM business_follows WHERE business_id = ? ORDER BY actor_id').pluck();
  const followedBy = db.prepare('SELECT business_id FROM business_follows WHERE actor_id = ? ORDER BY created_at DESC, business_id LIMIT ?').pluck();
  return {
    set: (businessId: string, actorId: string, following: boolean, at: number) =>
      (following ? add.run(businessId, actorId, at) : remove.run(businessId, actorId)).changes === 1,
    followersOf: (businessId: string) => followersOf.all(businessId) as string[],
    followedBy: (actorId: string, limit: number) => followedBy.all(actorId, limit) as string[],
  };
}

export function createBusinessReviewsStore(db: Db) {
  // A second review replaces the first: the same row, new words, marked edited.
  const put = db.prepare(`
    INSERT INTO business_reviews (business_id, author_id, neighbourhood_id, stars, text, created_at, change_seq)
    VALUES (@businessId, @authorId, @neighbourhoodId, @stars, @text, @at, @changeSeq)
    ON CONFLICT (business_id, author_id) DO UPDATE SET stars = excluded.stars, text = excluded.text, edited_at = excluded.created_at,
      deleted_at = NULL, change_seq = excluded.change_seq`);
  const byId = db.prepare(`${SELECT_BUSINESS_REVIEWS} WHERE r.business_id = ? AND r.author_id = ? AND r.deleted_at IS NULL`);
  const markDeleted = db.prepare('UPDATE business_reviews SET deleted_at = ?, change_seq = ? WHERE business_id = ? AND author_id = ?');
  const reviewedBy = db.prepare('SELECT business_id FROM business_reviews WHERE author_id = ? AND deleted_at IS NULL ORDER BY business_id').pluck();
  const placeChanges = db.prepare(`${SELECT_BUSINESS_REVIEWS} WHERE r.neighbourhood_id = ? AND r.change_seq > ? ORDER BY r.change_seq LIMIT ?`);
  const authorChanges = db.prepare(`${SELECT_BUSINESS_REVIEWS} WHERE r.author_id = ? AND r.change_seq > ? ORDER BY r.change_seq LIMIT ?`);
  const latestChangeIn = latestIn(db, 'business_reviews');
  const withId = (row: BusinessReviewRow) => ({ ...row, id: `${row.business_id}:${row.author_id}` });
  return {
    put(review: NewBusinessReview) {
      put.run(review);
    },
    byId(businessId: string, authorId: string) {
      const row = byId.get(businessId, authorId) as BusinessReviewRow | undefined;
      return row && toBusinessReview(row);
    },
    markDeleted(businessId: string, authorId: string, at: number, changeSeq: number) {
      markDeleted.run(at, changeSeq, businessId, authorId);
    },
    reviewedBy: (authorId: string) => reviewedBy.all(authorId) as string[],
    changesSinceIn(places: string[], viewerId: string | undefined, cursor: number, limit: number) {
      const batches = places.map((place) => (placeChanges.all(place, cursor, limit) as BusinessReviewRow[]).map(withId));
      if (viewerId) batches.push((authorChanges.all(viewerId, cursor, limit) as BusinessReviewRow[]).map(withId));
      return mergeChanges(batches, limit).map(toBusinessReviewChange);
    },
    latestChangeIn: (places: string[]) => latestChangeIn.get(JSON.stringify(places)) as number,
  };
}
