// Chat messages on PostgreSQL, numbered per conversation; each participant pulls them by change number.
import type { MessageChangeRow, MessagesRepo } from '../contract/trading.js';
import { messageColumns, toMessage, type MessageDbRow } from '../conversation-row.js';
import { row, rows, type Queryable } from './queryable.js';
import { insertRefusingDuplicates } from './refusing-duplicates.js';

const INSERT = `
  INSERT INTO messages (id, listing_id, buyer_id, seller_id, sender_id, kind, text, price_krw, appointment, ref_id, n, created_at, change_seq)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
  ON CONFLICT DO NOTHING`;
// Both sides' index ranges in one statement (one snapshot), merged as conversations-repo.ts explains.
const CHANGES_FOR = `
  SELECT * FROM (
    (SELECT *, 0 AS side FROM messages WHERE buyer_id = $1 AND change_seq > $2 ORDER BY change_seq LIMIT $3)
    UNION ALL
    (SELECT *, 1 AS side FROM messages WHERE seller_id = $1 AND change_seq > $2 ORDER BY change_seq LIMIT $3)
  ) page
  ORDER BY change_seq, side LIMIT $3`;

export function createMessagesRepo(db: Queryable): MessagesRepo {
  return {
    async byId(id) {
      const r = await row<MessageDbRow>(db, 'SELECT * FROM messages WHERE id = $1', [id]);
      return r && toMessage(r);
    },
    async insert(message, sellerId, changeSeq) {
      // A taken id, or a number the conversation already has: both are duplicates, as on SQLite.
      await insertRefusingDuplicates(db, 'message', INSERT, [...messageColumns(message, sellerId, changeSeq)]);
    },
    async unreadAfter(listingId, buyerId, readerId, afterN) {
      return (await row<{ n: number }>(
        db,
        'SELECT count(*)::int AS n FROM messages WHERE listing_id = $1 AND buyer_id = $2 AND n > $3 AND sender_id <> $4',
        [listingId, buyerId, afterN, readerId],
      ))!.n;
    },
    async changesFor(actorId, cursor, limit): Promise<MessageChangeRow[]> {
      const found = await rows<MessageDbRow>(db, CHANGES_FOR, [actorId, cursor, limit]);
      return found.map((r) => ({ changeSeq: r.change_seq, row: toMessage(r) }));
    },
  };
}
