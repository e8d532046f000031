// Keyword alerts and notifications on SQLite.
import { NOTIFICATION_TOLD_ONCE, type NotificationKind } from '@dongne/shared';
import type { NewNotification } from '../contract/alerts.js';
import { notificationParams, toNotification, type NotificationDbRow } from '../alert-row.js';
import type { Db } from './database.js';

export function createKeywordsStore(db: Db) {
  const of = db.prepare('SELECT keyword FROM keywords WHERE actor_id = ? ORDER BY keyword').pluck();
  const add = db.prepare('INSERT INTO keywords (actor_id, keyword, match_key, created_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING');
  const remove = db.prepare('DELETE FROM keywords WHERE actor_id = ? AND keyword = ?');
  const removeAllOf = db.prepare('DELETE FROM keywords WHERE actor_id = ?');
  // The keys and places travel as JSON arrays: a listing's text holds a few hundred keys. CROSS
  // JOIN keeps SQLite from starting at the places, which would read every person who holds one.
  const filedUnder = db.prepare(`
    SELECT DISTINCT k.actor_id AS actorId, k.keyword FROM keywords k
    CROSS JOIN actor_neighbourhoods a ON a.actor_id = k.actor_id
    WHERE k.match_key IN (SELECT value FROM json_each(?)) AND a.neighbourhood_id IN (SELECT value FROM json_each(?))`);
  return {
    of: (actorId: string) => of.all(actorId) as string[],
    add: (actorId: string, keyword: string, key: string, at: number) => add.run(actorId, keyword, key, at).changes === 1,
    remove: (actorId: string, keyword: string) => remove.run(actorId, keyword).changes === 1,
    removeAllOf: (actorId: string) => void removeAllOf.run(actorId),
    filedUnder: (keys: string[], places: string[]) => filedUnder.all(JSON.stringify(keys), JSON.stringify(places)) as { actorId: string; keyword: string }[],
  };
}

export function createNotificationsStore(db: Db) {
  const columns = `INSERT INTO notifications (id, actor_id, kind, subject_id, title, keyword, event, by_actor_id, actor_name, snippet, amount_krw, at, message_kind, created_at, read_at, change_seq)
    VALUES (@id, @actorId, @kind, @subjectId, @title, @keyword, @event, @byActorId, @actorName, @snippet, @amountKrw, @at, @messageKind, @createdAt, NULL, @changeSeq)`;
  const insertOnce = db.prepare(`${columns} ON CONFLICT DO NOTHING RETURNING id`).pluck();
  // A repeat takes the newer words and time and is unread again, under a new change number so
  // every device pulls it again; it keeps its id, which devices hold it by.
  const insertOrRefresh = db
    .prepare(
      `${columns} ON CONFLICT (actor_id, kind, subject_id) DO UPDATE SET
         title = excluded.title, keyword = excluded.keyword, event = excluded.event, by_actor_id = excluded.by_actor_id,
         actor_name = excluded.actor_name, snippet = excluded.snippet, amount_krw = excluded.amount_krw, at = excluded.at,
         message_kind = excluded.message_kind, created_at = excluded.created_at, read_at = NULL, change_seq = excluded.change_seq
       RETURNING id`,
    )
    .pluck();
  const byId = db.prepare('SELECT * FROM notifications WHERE id = ? AND actor_id = ?');
  const markRead = db.prepare('UPDATE notifications SET read_at = ?, change_seq = ? WHERE id = ? AND actor_id = ? AND read_at IS NULL');
  const markReadAbout = db.prepare('UPDATE notifications SET read_at = ?, change_seq = ? WHERE actor_id = ? AND kind = ? AND subject_id = ? AND read_at IS NULL');
  const changesFor = db.prepare('SELECT * FROM notifications WHERE actor_id = ? AND change_seq > ? ORDER BY change_seq LIMIT ?');
  const removeAllOf = db.prepare('DELETE FROM notifications WHERE actor_id = ?');
  return {
    insert(n: NewNotification, changeSeq: number) {
      const statement = NOTIFICATION_TOLD_ONCE.includes(n.kind) ? insertOnce : insertOrRefresh;
      return statement.get(notificationParams(n, changeSeq)) as string | undefined;
    },
    byId(actorId: string, id: string) {
      const row = byId.get(id, actorId) as NotificationDbRow | undefined;
      return row && toNotification(row);
    },
    markRead: (actorId: string, id: string, at: number, changeSeq: number) => markRead.run(at, changeSeq, id, actorId).changes === 1,
    markReadAbout: (actorId: string, kind: NotificationKind, subjectId: string, at: number, changeSeq: number) =>
      markReadAbout.run(at, changeSeq, actorId, kind, subjectId).changes === 1,
    removeAllOf: (actorId: string) => void removeAllOf.run(actorId),
    changesFor: (actorId: string, cursor: number, limit: number) =>
      (changesFor.all(actorId, cursor, limit) as NotificationDbRow[]).map((row) => ({ changeSeq: row.change_seq, row: toNotification(row) })),
  };
}
