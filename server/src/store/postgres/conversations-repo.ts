// Conversations on PostgreSQL: one row per listing and buyer, replaced whole on every change.
import type { ConversationChangeRow, ConversationsRepo } from '../contract/trading.js';
import {
  CONVERSATION_COLUMN_NAMES,
  CONVERSATION_JOINED_COLUMNS,
  CONVERSATION_JOINS,
  conversationColumns,
  toConversation,
  toConversationRecord,
  type ConversationDbRow,
  type ConversationJoinedRow,
} from '../conversation-row.js';
import { row, rows, type Queryable } from './queryable.js';

const SAVE = `
  INSERT INTO conversations (${CONVERSATION_COLUMN_NAMES.join(', ')})
  VALUES (${CONVERSATION_COLUMN_NAMES.map((_, i) => `$${i + 1}`).join(', ')})
  ON CONFLICT (listing_id, buyer_id) DO UPDATE SET
    ${CONVERSATION_COLUMN_NAMES.filter((name) => name !== 'listing_id' && name !== 'buyer_id')
      .map((name) => `${name} = excluded.${name}`)
      .join(', ')}`;

// One index range per side (buyer, seller), each at most a page long, merged as firstByChange
// merges them on SQLite (buyer side first among equal change numbers). One statement, so one
// snapshot even outside a transaction: two would let a pull skip a change committed in between.
const changedAs = (side: 'buyer_id' | 'seller_id', order: number) => `
  (SELECT ${CONVERSATION_JOINED_COLUMNS}, ${order} AS side FROM conversations c ${CONVERSATION_JOINS}
   WHERE c.${side} = $1 AND c.change_seq > $2 ORDER BY c.change_seq LIMIT $3)`;
const CHANGES_FOR = `
  SELECT * FROM (${changedAs('buyer_id', 0)} UNION ALL ${changedAs('seller_id', 1)}) page
  ORDER BY change_seq, side LIMIT $3`;

export function createConversationsRepo(db: Queryable): ConversationsRepo {
  return {
    async get(listingId, buyerId) {
      const r = await row<ConversationDbRow>(db, 'SELECT * FROM conversations WHERE listing_id = $1 AND buyer_id = $2', [listingId, buyerId]);
      return r && toConversationRecord(r);
    },
    async save(record, changeSeq) {
      await db.query(SAVE, [...conversationColumns(record, changeSeq)]);
    },
    async ofListing(listingId) {
      // Byte order, as SQLite sorts text, whatever the database's collation.
      return (await rows<ConversationDbRow>(db, 'SELECT * FROM conversations WHERE listing_id = $1 ORDER BY buyer_id COLLATE "C"', [listingId])).map(
        toConversationRecord,
      );
    },
    async changesFor(actorId, cursor, limit): Promise<ConversationChangeRow[]> {
      const found = await rows<ConversationJoinedRow>(db, CHANGES_FOR, [actorId, cursor, limit]);
      return found.map((r) => ({ changeSeq: r.change_seq, row: toConversation(r) }));
    },
  };
}
