// Board rows as both engines read them (a post joined with its author's nickname; a comment joined
// with its author's and its post's state), and the post, comment and change each stands for as one
// person may see it. Only booleans differ between the engines (0/1 on SQLite, true/false on PostgreSQL).
import type { BoardComment, BoardPost, BoardTopic, ListingPhoto } from '@dongne/shared';
import { isPostVisibleTo, type BoardCommentChangeRow, type BoardPostChangeRow } from './contract/board.js';

export interface BoardPostRow {
  id: string;
  author_id: string;
  author_name: string;
  neighbourhood_id: string;
  neighbourhood: string;
  topic: string;
  text: string;
  photos: string;
  comment_count: number;
  reaction_count: number;
  under_review: boolean | number;
  created_at: number;
  updated_at: number;
  edited_at: number | null;
  deleted_at: number | null;
  change_seq: number;
}

export interface BoardCommentRow {
  id: string;
  post_id: string;
  parent_id: string | null;
  author_id: string;
  author_name: string;
  post_author_id: string;
  text: string;
  under_review: boolean | number;
  created_at: number;
  edited_at: number | null;
  deleted_at: number | null;
  change_seq: number;
  post_deleted_at: number | null;
  post_under_review: boolean | number;
}

export const SELECT_POSTS = 'SELECT p.*, a.nickname AS author_name FROM board_posts p JOIN actors a ON a.id = p.author_id';
export const SELECT_COMMENTS = `SELECT c.*, a.nickname AS author_name, p.deleted_at AS post_deleted_at, p.under_review AS post_under_review
  FROM board_comments c JOIN actors a ON a.id = c.author_id JOIN board_posts p ON p.id = c.post_id`;

export function toBoardPost(row: BoardPostRow): BoardPost {
  return {
    id: row.id,
    authorId: row.author_id,
    authorName: row.author_name,
    neighbourhoodId: row.neighbourhood_id,
    neighbourhood: row.neighbourhood,
    topic: row.topic as BoardTopic,
    text: row.text,
    photos: JSON.parse(row.photos) as ListingPhoto[],
    commentCount: row.comment_count,
    reactionCount: row.reaction_count,
    underReview: Boolean(row.under_review),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    editedAt: row.edited_at,
  };
}

const postFactsOf = (row: BoardPostRow) => ({ authorId: row.author_id, deleted: row.deleted_at !== null, underReview: Boolean(row.under_review) });

/** What `viewerId` may see of a post: a deleted one, or someone else's under review, is a tombstone. */
export function toPostChange(row: BoardPostRow, viewerId: string | undefined): BoardPostChangeRow {
  return isPostVisibleTo(postFactsOf(row), viewerId)
    ? { changeSeq: row.change_seq, deleted: false, post: toBoardPost(row) }
    : { changeSeq: row.change_seq, deleted: true, id: row.id };
}

/** The comment as `viewerId` may read it: one under review keeps its words for its author alone. */
export function toBoardComment(row: BoardCommentRow, viewerId: string | undefined): BoardComment {
  const underReview = Boolean(row.under_review);
  const deleted = row.deleted_at !== null;
  return {
    id: row.id,
    postId: row.post_id,
    parentId: row.parent_id,
    authorId: row.author_id,
    authorName: row.author_name,
    text: deleted || (underReview && row.author_id !== viewerId) ? '' : row.text,
    deleted,
    underReview,
    createdAt: row.created_at,
    editedAt: row.edited_at,
  };
}

/** A comment on a post `viewerId` may not see is a tombstone: it leaves with its post. */
export function toCommentChange(row: BoardCommentRow, viewerId: string | undefined): BoardCommentChangeRow {
  const post = { authorId: row.post_author_id, deleted: row.post_deleted_at !== null, underReview: Boolean(row.post_under_review) };
  return isPostVisibleTo(post, viewerId)
    ? { changeSeq: row.change_seq, deleted: false, comment: toBoardComment(row, viewerId) }
    : { changeSeq: row.change_seq, deleted: true, id: row.id };
}

/** A place's rows merged with the viewer's own, each once, oldest change first, at most `limit`. */
export function mergeChanges<R extends { id: string; change_seq: number }>(batches: R[][], limit: number): R[] {
  const byId = new Map<string, R>();
  for (const batch of batches) for (const row of batch) byId.set(row.id, row);
  return [...byId.values()].sort((a, b) => a.change_seq - b.change_seq).slice(0, limit);
}
