// Reviews on PostgreSQL. Bad manners are read only as part of the temperature, never one by one.
// Manner codes are JSON text, as on SQLite, and unpacked with PostgreSQL's JSON functions.
import type { ReviewsRepo } from '../contract/trading.js';
import { row, rows, type Queryable } from './queryable.js';
import { insertRefusingDuplicates } from './refusing-duplicates.js';

export function createReviewsRepo(db: Queryable): ReviewsRepo {
  return {
    async insert(review) {
      // A taken id, or this reviewer's second review of the trade: both refused.
      await insertRefusingDuplicates(
        db,
        'review',
        `INSERT INTO reviews (id, listing_id, reviewer_id, reviewee_id, good, bad, text, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         ON CONFLICT DO NOTHING`,
        [review.id, review.listingId, review.reviewerId, review.revieweeId, JSON.stringify(review.good), JSON.stringify(review.bad), review.text, review.createdAt],
      );
    },
    async exists(listingId, reviewerId, revieweeId) {
      return (await row<{ found: boolean }>(db, 'SELECT EXISTS (SELECT 1 FROM reviews WHERE listing_id = $1 AND reviewer_id = $2 AND reviewee_id = $3) AS found', [listingId, reviewerId, revieweeId]))!
        .found;
    },
    async receivedSince(revieweeId, since) {
      const found = await rows<{ reviewerId: string; good: string; bad: string; createdAt: number }>(
        db,
        'SELECT reviewer_id AS "reviewerId", good, bad, created_at AS "createdAt" FROM reviews WHERE reviewee_id = $1 AND created_at >= $2 ORDER BY created_at DESC, id COLLATE "C"',
        [revieweeId, since],
      );
      return found.map((r) => ({ reviewerId: r.reviewerId, good: JSON.parse(r.good) as string[], bad: JSON.parse(r.bad) as string[], createdAt: r.createdAt }));
    },
    goodMannerCounts: (revieweeId) =>
      // Ties in byte order, as SQLite sorts text, whatever the database's collation.
      rows<{ code: string; count: number }>(
        db,
        `SELECT m.code, count(*)::int AS count FROM reviews r CROSS JOIN LATERAL json_array_elements_text(r.good::json) AS m(code)
         WHERE r.reviewee_id = $1 GROUP BY m.code ORDER BY count DESC, m.code COLLATE "C"`,
        [revieweeId],
      ),
    praise: (revieweeId, limit) =>
      rows<{ id: string; text: string; at: number; authorNickname: string }>(
        db,
        `SELECT r.id, r.text, r.created_at AS at, a.nickname AS "authorNickname" FROM reviews r JOIN actors a ON a.id = r.reviewer_id
         WHERE r.reviewee_id = $1 AND r.bad = '[]' AND r.text <> '' ORDER BY r.created_at DESC, r.id COLLATE "C" LIMIT $2`,
        [revieweeId, limit],
      ),
  };
}
