// Reviews on SQLite. Bad manners are read only as part of the temperature, never one by one.
import type { NewReview } from '../contract/trading.js';
import type { Db } from './database.js';
import { refusingDuplicates } from './refusing-duplicates.js';

export function createReviewsStore(db: Db) {
  const insert = db.prepare(`
    INSERT INTO reviews (id, listing_id, reviewer_id, reviewee_id, good, bad, text, created_at)
    VALUES (@id, @listingId, @reviewerId, @revieweeId, @good, @bad, @text, @createdAt)`);
  const exists = db.prepare('SELECT 1 FROM reviews WHERE listing_id = ? AND reviewer_id = ? AND reviewee_id = ?').pluck();
  const receivedSince = db.prepare('SELECT reviewer_id AS reviewerId, good, bad, created_at AS createdAt FROM reviews WHERE reviewee_id = ? AND created_at >= ? ORDER BY created_at DESC, id');
  const goodCounts = db.prepare(`
    SELECT m.value AS code, count(*) AS count FROM reviews r, json_each(r.good) m
    WHERE r.reviewee_id = ? GROUP BY m.value ORDER BY count DESC, code`);
  const praise = db.prepare(`
    SELECT r.id, r.text, r.created_at AS at, a.nickname AS authorNickname FROM reviews r JOIN actors a ON a.id = r.reviewer_id
    WHERE r.reviewee_id = ? AND r.bad = '[]' AND r.text <> '' ORDER BY r.created_at DESC, r.id LIMIT ?`);
  return {
    insert(review: NewReview) {
      refusingDuplicates('review', () => insert.run({ ...review, good: JSON.stringify(review.good), bad: JSON.stringify(review.bad) }), { primaryKey: true });
    },
    exists: (listingId: string, reviewerId: string, revieweeId: string) => exists.get(listingId, reviewerId, revieweeId) !== undefined,
    receivedSince(revieweeId: string, since: number) {
      return (receivedSince.all(revieweeId, since) as { reviewerId: string; good: string; bad: string; createdAt: number }[]).map((r) => ({
        reviewerId: r.reviewerId,
        good: JSON.parse(r.good) as string[],
        bad: JSON.parse(r.bad) as string[],
        createdAt: r.createdAt,
      }));
    },
    goodMannerCounts: (revieweeId: string) => goodCounts.all(revieweeId) as { code: string; count: number }[],
    praise: (revieweeId: string, limit: number) => praise.all(revieweeId, limit) as { id: string; text: string; at: number; authorNickname: string }[],
  };
}
