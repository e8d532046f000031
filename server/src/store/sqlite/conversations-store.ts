// Conversations on SQLite: one row per listing and buyer, replaced whole on every change.
import type { ConversationChangeRow, ConversationRecord } from '../contract/trading.js';
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
import { firstByChange } from '../merge-by-change.js';
import type { Db } from './database.js';

/** better-sqlite3 binds numbers, not booleans. */
const bindable = (value: unknown) => (typeof value === 'boolean' ? Number(value) : value);

export function createConversationsStore(db: Db) {
  const get = db.prepare('SELECT * FROM conversations WHERE listing_id = ? AND buyer_id = ?');
  const save = db.prepare(`
    INSERT OR REPLACE INTO conversations (${CONVERSATION_COLUMN_NAMES.join(', ')})
    VALUES (${CONVERSATION_COLUMN_NAMES.map(() => '?').join(', ')})`);
  const ofListing = db.prepare('SELECT * FROM conversations WHERE listing_id = ? ORDER BY buyer_id');
  const changedAs = (side: 'buyer_id' | 'seller_id') =>
    db.prepare(`SELECT ${CONVERSATION_JOINED_COLUMNS} FROM conversations c ${CONVERSATION_JOINS}
      WHERE c.${side} = ? AND c.change_seq > ? ORDER BY c.change_seq LIMIT ?`);
  const asBuyer = changedAs('buyer_id');
  const asSeller = changedAs('seller_id');
  const changes = (rows: unknown[]): ConversationChangeRow[] =>
    (rows as ConversationJoinedRow[]).map((row) => ({ changeSeq: row.change_seq, row: toConversation(row) }));

  return {
    get(listingId: string, buyerId: string): ConversationRecord | undefined {
      const row = get.get(listingId, buyerId) as ConversationDbRow | undefined;
      return row && toConversationRecord(row);
    },
    save(record: ConversationRecord, changeSeq: number) {
      save.run(...conversationColumns(record, changeSeq).map(bindable));
    },
    ofListing: (listingId: string) => (ofListing.all(listingId) as ConversationDbRow[]).map(toConversationRecord),
    changesFor(actorId: string, cursor: number, limit: number): ConversationChangeRow[] {
      return firstByChange(changes(asBuyer.all(actorId, cursor, limit)), changes(asSeller.all(actorId, cursor, limit)), limit);
    },
  };
}
