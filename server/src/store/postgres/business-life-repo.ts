// A business's details and counts, posts, followers and reviews on PostgreSQL: the same answers as
// the SQLite engine's business-life store.
import type { BusinessFollowsRepo, BusinessPostsRepo, BusinessProfilesRepo, BusinessReviewsRepo } from '../contract/business-life.js';
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
import { changed, row, rows, type Queryable } from './queryable.js';

async function latestIn(db: Queryable, table: string, places: string[]): Promise<number> {
  const r = await row<{ n: number }>(
    db,
    `SELECT coalesce(max((SELECT change_seq FROM ${table} WHERE neighbourhood_id = p.id ORDER BY change_seq DESC LIMIT 1)), 0) AS n
     FROM unnest($1::text[]) AS p(id)`,
    [places],
  );
  return Number(r!.n);
}

export function createBusinessProfilesRepo(db: Queryable): BusinessProfilesRepo {
  return {
    async updateDetails(id, d, changeSeq) {
      await db.query('UPDATE businesses SET address = $2, hours = $3, phone = $4, description = $5, photos = $6, change_seq = $7 WHERE id = $1', [
        id,
        d.address,
        d.hours,
        d.phone,
        d.description,
        JSON.stringify(d.photos),
        changeSeq,
      ]);
    },
    async recountFollowers(id, changeSeq) {
      await db.query('UPDATE businesses SET follower_count = (SELECT count(*) FROM business_follows WHERE business_id = $1), change_seq = $2 WHERE id = $1', [id, changeSeq]);
    },
    async recountReviews(id, changeSeq) {
      await db.query(
        `UPDATE businesses SET
           review_count = (SELECT count(*) FROM business_reviews WHERE business_id = $1 AND deleted_at IS NULL),
           star_sum = (SELECT coalesce(sum(stars), 0) FROM business_reviews WHERE business_id = $1 AND deleted_at IS NULL),
           change_seq = $2
         WHERE id = $1`,
        [id, changeSeq],
      );
    },
    async changesSinceOf(ids, cursor, limit) {
      const found = await rows<BusinessRow>(db, 'SELECT * FROM businesses WHERE id = ANY($1::text[]) AND change_seq > $2 ORDER BY change_seq LIMIT $3', [ids, cursor, limit]);
      return found.map(toBusinessChange);
    },
  };
}

export function createBusinessPostsRepo(db: Queryable): BusinessPostsRepo {
  return {
    async insert(p) {
      return (
        (await changed(
          db,
          `INSERT INTO business_posts (id, business_id, owner_id, neighbourhood_id, kind, title, text, photos, valid_until, created_at, change_seq)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) ON CONFLICT (id) DO NOTHING`,
          [p.id, p.businessId, p.ownerId, p.neighbourhoodId, p.kind, p.title, p.text, JSON.stringify(p.photos), p.validUntil, p.createdAt, p.changeSeq],
        )) === 1
      );
    },
    async factsOf(id) {
      const r = await row<{ business_id: string; owner_id: string; deleted_at: number | null }>(
        db,
        'SELECT business_id, owner_id, deleted_at FROM business_posts WHERE id = $1',
        [id],
      );
      return r && { businessId: r.business_id, ownerId: r.owner_id, deleted: r.deleted_at !== null };
    },
    async markDeleted(id, at, changeSeq) {
      await db.query('UPDATE business_posts SET deleted_at = $2, change_seq = $3 WHERE id = $1', [id, at, changeSeq]);
    },
    async countSince(businessId, since) {
      const r = await row<{ n: number }>(db, 'SELECT count(*)::int AS n FROM business_posts WHERE business_id = $1 AND created_at > $2', [businessId, since]);
      return Number(r!.n);
    },
    async liveIdsOf(businessId) {
      return (await rows<{ id: string }>(db, 'SELECT id FROM business_posts WHERE business_id = $1 AND deleted_at IS NULL ORDER BY id', [businessId])).map((r) => r.id);
    },
    async changesSinceIn(places, followed, viewerId, cursor, limit) {
      // One index range scan per place, per followed business and for the owner, each stopping after `limit` rows, merged.
      const found = await rows<BusinessPostRow>(
        db,
        `SELECT * FROM (
           SELECT page.* FROM unnest($1::text[]) AS place(id)
           CROSS JOIN LATERAL (${SELECT_BUSINESS_POSTS} WHERE p.neighbourhood_id = place.id AND p.change_seq > $4 ORDER BY p.change_seq LIMIT $5) page
           UNION
           SELECT page.* FROM unnest($2::text[]) AS followed(id)
           CROSS JOIN LATERAL (${SELECT_BUSINESS_POSTS} WHERE p.business_id = followed.id AND p.change_seq > $4 ORDER BY p.change_seq LIMIT $5) page
           UNION
           SELECT * FROM (${SELECT_BUSINESS_POSTS} WHERE p.owner_id = $3 AND p.change_seq > $4 ORDER BY p.change_seq LIMIT $5) own
         ) b ORDER BY change_seq LIMIT $5`,
        [places, followed, viewerId ?? null, cursor, limit],
      );
      return found.map(toBusinessPostChange);
    },
    latestChangeIn: (places) => latestIn(db, 'business_posts', places),
  };
}

export function createBusinessFollowsRepo(db: Queryable): BusinessFollowsRepo {
  return {
    async set(businessId, actorId, following, at) {
      const n = following
        ? await changed(db, 'INSERT INTO business_follows (business_id, actor_id, created_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [businessId, actorId, at])
        : await changed(db, 'DELETE FROM business_follows WHERE business_id = $1 AND actor_id = $2', [businessId, actorId]);
      return n === 1;
    },
    async followersOf(businessId) {
      return (await rows<{ actor_id: string }>(db, 'SELECT actor_id FROM business_follows WHERE business_id = $1 ORDER BY actor_id', [businessId])).map((r) => r.actor_id);
    },
    async followedBy(actorId, limit) {
      return (
        await rows<{ business_id: string }>(db, 'SELECT business_id FROM business_follows WHERE actor_id = $1 ORDER BY created_at DESC, business_id LIMIT $2', [actorId, limit])
      ).map((r) => r.business_id);
    },
  };
}

export function createBusinessReviewsRepo(db: Queryable): BusinessReviewsRepo {
  return {
    async put(r) {
      // A second review replaces the first: the same row, new words, marked edited.
      await db.query(
        `INSERT INTO business_reviews (business_id, author_id, neighbourhood_id, stars, text, created_at, change_seq)
         VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (business_id, author_id) DO UPDATE SET stars = excluded.stars, text = excluded.text, edited_at = excluded.created_at,
           deleted_at = NULL, change_seq = excluded.change_seq`,
        [r.businessId, r.authorId, r.neighbourhoodId, r.stars, r.text, r.at, r.changeSeq],
      );
    },
    async byId(businessId, authorId) {
      const r = await row<BusinessReviewRow>(db, `${SELECT_BUSINESS_REVIEWS} WHERE r.business_id = $1 AND r.author_id = $2 AND r.deleted_at IS NULL`, [businessId, authorId]);
      return r && toBusinessReview(r);
    },
    async markDeleted(businessId, authorId, at, changeSeq) {
      await db.query('UPDATE business_reviews SET deleted_at = $3, change_seq = $4 WHERE business_id = $1 AND author_id = $2', [businessId, authorId, at, changeSeq]);
    },
    async reviewedBy(authorId) {
      return (await rows<{ business_id: string }>(db, 'SELECT business_id FROM business_reviews WHERE author_id = $1 AND deleted_at IS NULL ORDER BY business_id', [authorId])).map(
        (r) => r.business_id,
      );
    },
    async changesSinceIn(places, viewerId, cursor, limit) {
      const found = await rows<BusinessReviewRow>(
        db,
        `SELECT * FROM (
           SELECT page.* FROM unnest($1::text[]) AS place(id)
           CROSS JOIN LATERAL (${SELECT_BUSINESS_REVIEWS} WHERE r.neighbourhood_id = place.id AND r.change_seq > $3 ORDER BY r.change_seq LIMIT $4) page
           UNION
           SELECT * FROM (${SELECT_BUSINESS_REVIEWS} WHERE r.author_id = $2 AND r.change_seq > $3 ORDER BY r.change_seq LIMIT $4) own
         ) b ORDER BY change_seq LIMIT $4`,
        [places, viewerId ?? null, cursor, limit],
      );
      return found.map(toBusinessReviewChange);
    },
    latestChangeIn: (places) => latestIn(db, 'business_reviews', places),
  };
}
