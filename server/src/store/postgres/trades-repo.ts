// Completed trades on PostgreSQL: what reviews and the profile's trade count rest on.
import type { TradeRow, TradesRepo } from '../contract/trading.js';
import { row, type Queryable } from './queryable.js';

export function createTradesRepo(db: Queryable): TradesRepo {
  return {
    async record(trade) {
      await db.query(
        `INSERT INTO trades (listing_id, buyer_id, seller_id, completed_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (listing_id, buyer_id) DO NOTHING`,
        [trade.listingId, trade.buyerId, trade.sellerId, trade.completedAt],
      );
    },
    get: (listingId, buyerId) =>
      row<TradeRow>(
        db,
        `SELECT listing_id AS "listingId", buyer_id AS "buyerId", seller_id AS "sellerId", completed_at AS "completedAt"
         FROM trades WHERE listing_id = $1 AND buyer_id = $2`,
        [listingId, buyerId],
      ),
    async countFor(actorId) {
      return (await row<{ n: number }>(
        db,
        'SELECT ((SELECT count(*) FROM trades WHERE seller_id = $1) + (SELECT count(*) FROM trades WHERE buyer_id = $1))::int AS n',
        [actorId],
      ))!.n;
    },
  };
}
