// Completed trades on SQLite: what reviews and the profile's trade count rest on.
import type { TradeRow } from '../contract/trading.js';
import type { Db } from './database.js';

export function createTradesStore(db: Db) {
  const record = db.prepare(`
    INSERT INTO trades (listing_id, buyer_id, seller_id, completed_at) VALUES (@listingId, @buyerId, @sellerId, @completedAt)
    ON CONFLICT (listing_id, buyer_id) DO NOTHING`);
  const get = db.prepare(
    'SELECT listing_id AS listingId, buyer_id AS buyerId, seller_id AS sellerId, completed_at AS completedAt FROM trades WHERE listing_id = ? AND buyer_id = ?',
  );
  const countFor = db.prepare('SELECT (SELECT count(*) FROM trades WHERE seller_id = ?) + (SELECT count(*) FROM trades WHERE buyer_id = ?)').pluck();
  return {
    record(trade: TradeRow) {
      record.run(trade);
    },
    get: (listingId: string, buyerId: string) => get.get(listingId, buyerId) as TradeRow | undefined,
    countFor: (actorId: string) => countFor.get(actorId, actorId) as number,
  };
}
