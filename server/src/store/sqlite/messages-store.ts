// Chat messages on SQLite, numbered per conversation; each participant pulls them by change number.
import type { ChatMessage } from '@dongne/shared';
import type { MessageChangeRow } from '../contract/trading.js';
import { messageColumns, toMessage, type MessageDbRow } from '../conversation-row.js';
import { firstByChange } from '../merge-by-change.js';
import type { Db } from './database.js';
import { refusingDuplicates } from './refusing-duplicates.js';

export function createMessagesStore(db: Db) {
  const byId = db.prepare('SELECT * FROM messages WHERE id = ?');
  const insert = db.prepare(`
    INSERT INTO messages (id, listing_id, buyer_id, seller_id, sender_id, kind, text, price_krw, appointment, ref_id, n, created_at, change_seq)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const unreadAfter = db.prepare('SELECT count(*) FROM messages WHERE listing_id = ? AND buyer_id = ? AND n > ? AND sender_id <> ?').pluck();
  const asBuyer = db.prepare('SELECT * FROM messages WHERE buyer_id = ? AND change_seq > ? ORDER BY change_seq LIMIT ?');
  const asSeller = db.prepare('SELECT * FROM messages WHERE seller_id = ? AND change_seq > ? ORDER BY change_seq LIMIT ?');
  const changes = (rows: unknown[]): MessageChangeRow[] => (rows as MessageDbRow[]).map((row) => ({ changeSeq: row.change_seq, row: toMessage(row) }));

  return {
    byId(id: string): ChatMessage | undefined {
      const row = byId.get(id) as MessageDbRow | undefined;
      return row && toMessage(row);
    },
    insert(message: ChatMessage, sellerId: string, changeSeq: number) {
      refusingDuplicates('message', () => insert.run(...messageColumns(message, sellerId, changeSeq)), { primaryKey: true });
    },
    unreadAfter: (listingId: string, buyerId: string, readerId: string, afterN: number) => unreadAfter.get(listingId, buyerId, afterN, readerId) as number,
    changesFor(actorId: string, cursor: number, limit: number): MessageChangeRow[] {
      return firstByChange(changes(asBuyer.all(actorId, cursor, limit)), changes(asSeller.all(actorId, cursor, limit)), limit);
    },
  };
}
