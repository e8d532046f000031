// Comments and replies on board posts, on SQLite, and the query pull pages over.
import type { BoardComment } from '@dongne/shared';
import type { BoardCommentChangeRow, BoardCommentFacts, NewBoardComment } from '../contract/board.js';
import { mergeChanges, SELECT_COMMENTS, toBoardComment, toCommentChange, type BoardCommentRow } from '../board-row.js';
import type { Db } from './database.js';

export function createBoardCommentsStore(db: Db) {
  // The post's place and author are copied from the post, so pull finds the comment where it finds the post.
  const insert = db.prepare(`
    INSERT INTO board_comments (id, post_id, parent_id, author_id, neighbourhood_id, post_author_id, text, created_at, change_seq)
    SELECT @id, p.id, @parentId, @authorId, p.neighbourhood_id, p.author_id, @text, @createdAt, @changeSeq FROM board_posts p WHERE p.id = @postId
    ON CONFLICT (id) DO NOTHING`);
  const factsOf = db.prepare(`
    SELECT post_id AS postId, parent_id AS parentId, author_id AS authorId, deleted_at AS deletedAt, under_review AS underReview
    FROM board_comments WHERE id = ?`);
  const byId = db.prepare(`${SELECT_COMMENTS} WHERE c.id = ?`);
  const update = db.prepare('UPDATE board_comments SET text = @text, edited_at = @at, change_seq = @changeSeq WHERE id = @id');
  const markDeleted = db.prepare("UPDATE board_comments SET text = '', deleted_at = @at, change_seq = @changeSeq WHERE id = @id");
  const markUnderReview = db.prepare('UPDATE board_comments SET under_review = 1, change_seq = @changeSeq WHERE id = @id');
  const idsOnPost = db.prepare('SELECT id FROM board_comments WHERE post_id = ? ORDER BY created_at, id').pluck();
  const renumber = db.prepare('UPDATE board_comments SET change_seq = @changeSeq WHERE id = @id');
  const liveIdsByAuthor = db.prepare('SELECT id FROM board_comments WHERE author_id = ? AND deleted_at IS NULL ORDER BY id').pluck();
  const placeChanges = db.prepare(`${SELECT_COMMENTS} WHERE c.neighbourhood_id = ? AND c.change_seq > ? ORDER BY c.change_seq LIMIT ?`);
  const postAuthorChanges = db.prepare(`${SELECT_COMMENTS} WHERE c.post_author_id = ? AND c.change_seq > ? ORDER BY c.change_seq LIMIT ?`);
  const latestChangeIn = db
    .prepare(`SELECT coalesce(max((SELECT change_seq FROM board_comments WHERE neighbourhood_id = p.value ORDER BY change_seq DESC LIMIT 1)), 0)
              FROM json_each(?) p`)
    .pluck();

  return {
    insert: (comment: NewBoardComment) => insert.run(comment).changes === 1,
    factsOf(id: string): BoardCommentFacts | undefined {
      const row = factsOf.get(id) as { postId: string; parentId: string | null; authorId: string; deletedAt: number | null; underReview: number } | undefined;
      return row && { postId: row.postId, parentId: row.parentId, authorId: row.authorId, deleted: row.deletedAt !== null, underReview: row.underReview === 1 };
    },
    byId(id: string, viewerId: string | undefined): BoardComment | undefined {
      const row = byId.get(id) as BoardCommentRow | undefined;
      return row && toBoardComment(row, viewerId);
    },
    update(id: string, text: string, at: number, changeSeq: number) {
      update.run({ id, text, at, changeSeq });
    },
    markDeleted(id: string, at: number, changeSeq: number) {
      markDeleted.run({ id, at, changeSeq });
    },
    markUnderReview(id: string, changeSeq: number) {
      markUnderReview.run({ id, changeSeq });
    },
    idsOnPost: (postId: string) => idsOnPost.all(postId) as string[],
    renumber(id: string, changeSeq: number) {
      renumber.run({ id, changeSeq });
    },
    liveIdsByAuthor: (authorId: string) => liveIdsByAuthor.all(authorId) as string[],
    /** As posts are paged (board-posts-store.ts): one index range per place, one over the viewer's own posts, merged. */
    changesSinceIn(places: string[], viewerId: string | undefined, cursor: number, limit: number): BoardCommentChangeRow[] {
      const batches = places.map((place) => placeChanges.all(place, cursor, limit) as BoardCommentRow[]);
      if (viewerId) batches.push(postAuthorChanges.all(viewerId, cursor, limit) as BoardCommentRow[]);
      return mergeChanges(batches, limit).map((row) => toCommentChange(row, viewerId));
    },
    latestChangeIn: (places: string[]) => latestChangeIn.get(JSON.stringify(places)) as number,
  };
}
