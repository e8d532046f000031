// Comments and replies on board posts, on PostgreSQL: the same answers as the SQLite engine's
// board comments store.
import type { BoardCommentsRepo } from '../contract/board.js';
import { SELECT_COMMENTS, toBoardComment, toCommentChange, type BoardCommentRow } from '../board-row.js';
import { changed, row, rows, type Queryable } from './queryable.js';

export function createBoardCommentsRepo(db: Queryable): BoardCommentsRepo {
  return {
    async insert(comment) {
      // The post's place and author are copied from the post, so pull finds the comment where it finds the post.
      return (
        (await changed(
          db,
          `INSERT INTO board_comments (id, post_id, parent_id, author_id, neighbourhood_id, post_author_id, text, created_at, change_seq)
           SELECT $1, p.id, $3, $4, p.neighbourhood_id, p.author_id, $5, $6, $7 FROM board_posts p WHERE p.id = $2
           ON CONFLICT (id) DO NOTHING`,
          [comment.id, comment.postId, comment.parentId, comment.authorId, comment.text, comment.createdAt, comment.changeSeq],
        )) === 1
      );
    },
    async factsOf(id) {
      const r = await row<{ post_id: string; parent_id: string | null; author_id: string; deleted_at: number | null; under_review: boolean }>(
        db,
        'SELECT post_id, parent_id, author_id, deleted_at, under_review FROM board_comments WHERE id = $1',
        [id],
      );
      return r && { postId: r.post_id, parentId: r.parent_id, authorId: r.author_id, deleted: r.deleted_at !== null, underReview: r.under_review };
    },
    async byId(id, viewerId) {
      const r = await row<BoardCommentRow>(db, `${SELECT_COMMENTS} WHERE c.id = $1`, [id]);
      return r && toBoardComment(r, viewerId);
    },
    async update(id, text, at, changeSeq) {
      await db.query('UPDATE board_comments SET text = $2, edited_at = $3, change_seq = $4 WHERE id = $1', [id, text, at, changeSeq]);
    },
    async markDeleted(id, at, changeSeq) {
      await db.query("UPDATE board_comments SET text = '', deleted_at = $2, change_seq = $3 WHERE id = $1", [id, at, changeSeq]);
    },
    async markUnderReview(id, changeSeq) {
      await db.query('UPDATE board_comments SET under_review = true, change_seq = $2 WHERE id = $1', [id, changeSeq]);
    },
    async idsOnPost(postId) {
      return (await rows<{ id: string }>(db, 'SELECT id FROM board_comments WHERE post_id = $1 ORDER BY created_at, id', [postId])).map((r) => r.id);
    },
    async renumber(id, changeSeq) {
      await db.query('UPDATE board_comments SET change_seq = $2 WHERE id = $1', [id, changeSeq]);
    },
    async liveIdsByAuthor(authorId) {
      return (await rows<{ id: string }>(db, 'SELECT id FROM board_comments WHERE author_id = $1 AND deleted_at IS NULL ORDER BY id', [authorId])).map((r) => r.id);
    },
    async changesSinceIn(places, viewerId, cursor, limit) {
      // As posts are paged: one index range per place, one over the viewer's own posts, merged.
      const found = await rows<BoardCommentRow>(
        db,
        `SELECT c.*, a.nickname AS author_name, p.deleted_at AS post_deleted_at, p.under_review AS post_under_review FROM (
           SELECT page.* FROM unnest($1::text[]) AS place(id)
           CROSS JOIN LATERAL (SELECT * FROM board_comments WHERE neighbourhood_id = place.id AND change_seq > $3 ORDER BY change_seq LIMIT $4) page
           UNION
           SELECT * FROM (SELECT * FROM board_comments WHERE post_author_id = $2 AND change_seq > $3 ORDER BY change_seq LIMIT $4) own
         ) c JOIN actors a ON a.id = c.author_id JOIN board_posts p ON p.id = c.post_id
         ORDER BY c.change_seq LIMIT $4`,
        [places, viewerId ?? null, cursor, limit],
      );
      return found.map((r) => toCommentChange(r, viewerId));
    },
    async latestChangeIn(places) {
      const r = await row<{ n: number }>(
        db,
        `SELECT coalesce(max((SELECT change_seq FROM board_comments WHERE neighbourhood_id = p.id ORDER BY change_seq DESC LIMIT 1)), 0) AS n
         FROM unnest($1::text[]) AS p(id)`,
        [places],
      );
      return Number(r!.n);
    },
  };
}
