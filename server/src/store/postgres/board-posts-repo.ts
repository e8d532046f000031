// Board posts and their reactions (공감) on PostgreSQL: the same answers as the SQLite engine's
// board posts store.
import type { BoardPostsRepo } from '../contract/board.js';
import { SELECT_POSTS, toBoardPost, toPostChange, type BoardPostRow } from '../board-row.js';
import { changed, row, rows, type Queryable } from './queryable.js';

const likePattern = (word: string) => `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export function createBoardPostsRepo(db: Queryable): BoardPostsRepo {
  return {
    async insert(post) {
      return (
        (await changed(
          db,
          `INSERT INTO board_posts (id, author_id, neighbourhood_id, neighbourhood, topic, text, photos, created_at, updated_at, change_seq)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8, $9) ON CONFLICT (id) DO NOTHING`,
          [post.id, post.authorId, post.neighbourhoodId, post.neighbourhood, post.topic, post.text, JSON.stringify(post.photos), post.createdAt, post.changeSeq],
        )) === 1
      );
    },
    async factsOf(id) {
      const r = await row<{ author_id: string; neighbourhood_id: string; text: string; deleted_at: number | null; under_review: boolean }>(
        db,
        'SELECT author_id, neighbourhood_id, text, deleted_at, under_review FROM board_posts WHERE id = $1',
        [id],
      );
      return r && { authorId: r.author_id, neighbourhoodId: r.neighbourhood_id, text: r.text, deleted: r.deleted_at !== null, underReview: r.under_review };
    },
    async byId(id) {
      const r = await row<BoardPostRow>(db, `${SELECT_POSTS} WHERE p.id = $1`, [id]);
      return r && toBoardPost(r);
    },
    async update(id, content, at, changeSeq) {
      await db.query('UPDATE board_posts SET topic = $2, text = $3, photos = $4, edited_at = $5, updated_at = $5, change_seq = $6 WHERE id = $1', [
        id,
        content.topic,
        content.text,
        JSON.stringify(content.photos),
        at,
        changeSeq,
      ]);
    },
    async markDeleted(id, at, changeSeq) {
      await db.query('UPDATE board_posts SET deleted_at = $2, updated_at = $2, change_seq = $3 WHERE id = $1', [id, at, changeSeq]);
    },
    async markUnderReview(id, at, changeSeq) {
      await db.query('UPDATE board_posts SET under_review = true, updated_at = $2, change_seq = $3 WHERE id = $1', [id, at, changeSeq]);
    },
    async setReacted(actorId, postId, reacted, at) {
      return reacted
        ? (await changed(db, 'INSERT INTO board_reactions (actor_id, post_id, created_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [actorId, postId, at])) > 0
        : (await changed(db, 'DELETE FROM board_reactions WHERE actor_id = $1 AND post_id = $2', [actorId, postId])) > 0;
    },
    async recountReactions(postId, changeSeq) {
      await db.query('UPDATE board_posts SET reaction_count = (SELECT count(*) FROM board_reactions WHERE post_id = $1), change_seq = $2 WHERE id = $1', [
        postId,
        changeSeq,
      ]);
    },
    async recountComments(postId, changeSeq) {
      await db.query(
        'UPDATE board_posts SET comment_count = (SELECT count(*) FROM board_comments WHERE post_id = $1 AND deleted_at IS NULL), change_seq = $2 WHERE id = $1',
        [postId, changeSeq],
      );
    },
    async reactedBy(actorId, places, limit) {
      const found = await rows<{ post_id: string }>(
        db,
        `SELECT r.post_id FROM board_reactions r JOIN board_posts p ON p.id = r.post_id
         WHERE r.actor_id = $1 AND p.deleted_at IS NULL
           AND (p.author_id = $1 OR (NOT p.under_review AND p.neighbourhood_id = ANY($2::text[])))
         ORDER BY r.created_at DESC, r.post_id LIMIT $3`,
        [actorId, places, limit],
      );
      return found.map((r) => r.post_id);
    },
    async firstReactionNotice(actorId, postId) {
      const added = await db.query('INSERT INTO board_reaction_notices (post_id, actor_id) VALUES ($1, $2) ON CONFLICT DO NOTHING', [postId, actorId]);
      return (added.rowCount ?? 0) > 0;
    },
    async forgetReactionNotices(actorId) {
      await db.query('DELETE FROM board_reaction_notices WHERE actor_id = $1', [actorId]);
    },
    async allReactedBy(actorId) {
      return (await rows<{ post_id: string }>(db, 'SELECT post_id FROM board_reactions WHERE actor_id = $1 ORDER BY post_id', [actorId])).map((r) => r.post_id);
    },
    async liveIdsByAuthor(authorId) {
      return (await rows<{ id: string }>(db, 'SELECT id FROM board_posts WHERE author_id = $1 AND deleted_at IS NULL ORDER BY id', [authorId])).map((r) => r.id);
    },
    async changesSinceIn(places, viewerId, cursor, limit) {
      // One index range scan per place (and one for the author), each stopping after `limit` rows, merged.
      const found = await rows<BoardPostRow>(
        db,
        `SELECT p.*, a.nickname AS author_name FROM (
           SELECT page.* FROM unnest($1::text[]) AS place(id)
           CROSS JOIN LATERAL (SELECT * FROM board_posts WHERE neighbourhood_id = place.id AND change_seq > $3 ORDER BY change_seq LIMIT $4) page
           UNION
           SELECT * FROM (SELECT * FROM board_posts WHERE author_id = $2 AND change_seq > $3 ORDER BY change_seq LIMIT $4) own
         ) p JOIN actors a ON a.id = p.author_id
         ORDER BY p.change_seq LIMIT $4`,
        [places, viewerId ?? null, cursor, limit],
      );
      return found.map((r) => toPostChange(r, viewerId));
    },
    async latestChangeIn(places) {
      const r = await row<{ n: number }>(
        db,
        `SELECT coalesce(max((SELECT change_seq FROM board_posts WHERE neighbourhood_id = p.id ORDER BY change_seq DESC LIMIT 1)), 0) AS n
         FROM unnest($1::text[]) AS p(id)`,
        [places],
      );
      return Number(r!.n);
    },
    async search(words, places, topic, limit) {
      const values: unknown[] = [places, limit];
      const param = (value: unknown) => `$${values.push(value)}`;
      const where = ['p.deleted_at IS NULL', 'NOT p.under_review', 'p.neighbourhood_id = ANY($1::text[])'];
      // lower(text) is what the trigram index is over; LIKE through it finds words inside words.
      for (const word of words) where.push(`lower(p.text) LIKE ${param(likePattern(word))}`);
      if (topic) where.push(`p.topic = ${param(topic)}`);
      const found = await rows<BoardPostRow>(db, `${SELECT_POSTS} WHERE ${where.join(' AND ')} ORDER BY p.created_at DESC, p.id DESC LIMIT $2`, values);
      return found.map(toBoardPost);
    },
  };
}
