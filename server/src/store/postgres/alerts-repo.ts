// Keyword alerts and notifications on PostgreSQL.
import { NOTIFICATION_TOLD_ONCE } from '@dongne/shared';
import type { KeywordsRepo, NotificationsRepo } from '../contract/alerts.js';
import { notificationParams, toNotification, type NotificationDbRow } from '../alert-row.js';
import { changed, row, rows, type Queryable } from './queryable.js';

export function createKeywordsRepo(db: Queryable): KeywordsRepo {
  return {
    async of(actorId) {
      // In byte order, as SQLite sorts text, whatever the database's collation.
      return (await rows<{ keyword: string }>(db, 'SELECT keyword FROM keywords WHERE actor_id = $1 ORDER BY keyword COLLATE "C"', [actorId])).map(
        (r) => r.keyword,
      );
    },
    async add(actorId, keyword, key, at) {
      return (
        (await changed(db, 'INSERT INTO keywords (actor_id, keyword, match_key, created_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING', [actorId, keyword, key, at])) === 1
      );
    },
    async remove(actorId, keyword) {
      return (await changed(db, 'DELETE FROM keywords WHERE actor_id = $1 AND keyword = $2', [actorId, keyword])) === 1;
    },
    async removeAllOf(actorId) {
      await changed(db, 'DELETE FROM keywords WHERE actor_id = $1', [actorId]);
    },
    async filedUnder(keys, places) {
      return rows<{ actorId: string; keyword: string }>(
        db,
        `SELECT DISTINCT k.actor_id AS "actorId", k.keyword FROM keywords k
         JOIN actor_neighbourhoods a ON a.actor_id = k.actor_id
         WHERE k.match_key = ANY($1::text[]) AND a.neighbourhood_id = ANY($2::text[])`,
        [keys, places],
      );
    },
  };
}

const INSERT_NOTIFICATION = `INSERT INTO notifications (id, actor_id, kind, subject_id, title, keyword, event, by_actor_id, actor_name, snippet, amount_krw, at, message_kind, created_at, read_at, change_seq)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, NULL, $15)`;

export function createNotificationsRepo(db: Queryable): NotificationsRepo {
  return {
    async insert(n, changeSeq) {
      const params = Object.values(notificationParams(n, changeSeq));
      if (NOTIFICATION_TOLD_ONCE.includes(n.kind)) {
        return (await row<{ id: string }>(db, `${INSERT_NOTIFICATION} ON CONFLICT DO NOTHING RETURNING id`, params))?.id;
      }
      // A repeat takes the newer words and time and is unread again, under a new change number so
      // every device pulls it again; it keeps its id, which devices hold it by.
      const refreshed = await row<{ id: string }>(
        db,
        `${INSERT_NOTIFICATION} ON CONFLICT (actor_id, kind, subject_id) DO UPDATE SET
           title = excluded.title, keyword = excluded.keyword, event = excluded.event, by_actor_id = excluded.by_actor_id,
           actor_name = excluded.actor_name, snippet = excluded.snippet, amount_krw = excluded.amount_krw, at = excluded.at,
           message_kind = excluded.message_kind, created_at = excluded.created_at, read_at = NULL, change_seq = excluded.change_seq
         RETURNING id`,
        params,
      );
      return refreshed!.id;
    },
    async byId(actorId, id) {
      const found = await row<NotificationDbRow>(db, 'SELECT * FROM notifications WHERE id = $1 AND actor_id = $2', [id, actorId]);
      return found && toNotification(found);
    },
    async markRead(actorId, id, at, changeSeq) {
      return (
        (await changed(db, 'UPDATE notifications SET read_at = $1, change_seq = $2 WHERE id = $3 AND actor_id = $4 AND read_at IS NULL', [at, changeSeq, id, actorId])) === 1
      );
    },
    async markReadAbout(actorId, kind, subjectId, at, changeSeq) {
      return (
        (await changed(
          db,
          'UPDATE notifications SET read_at = $1, change_seq = $2 WHERE actor_id = $3 AND kind = $4 AND subject_id = $5 AND read_at IS NULL',
          [at, changeSeq, actorId, kind, subjectId],
        )) === 1
      );
    },
    async removeAllOf(actorId) {
      await changed(db, 'DELETE FROM notifications WHERE actor_id = $1', [actorId]);
    },
    async changesFor(actorId, cursor, limit) {
      const found = await rows<NotificationDbRow>(db, 'SELECT * FROM notifications WHERE actor_id = $1 AND change_seq > $2 ORDER BY change_seq LIMIT $3', [actorId, cursor, limit]);
      return found.map((row) => ({ changeSeq: row.change_seq, row: toNotification(row) }));
    },
  };
}
