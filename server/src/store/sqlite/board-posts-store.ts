// Board posts and their reactions (공감) on SQLite, and the queries pull and search page over.
import type { BoardPost, BoardPostContent, BoardTopic } from '@dongne/shared';
import type { BoardPostChangeRow, BoardPostFacts, NewBoardPost } from '../contract/board.js';
import { mergeChanges, SELECT_POSTS, toBoardPost, toPostChange, type BoardPostRow } from '../board-row.js';
import type { Db } from './database.js';
import { bigramsOf, isBigramWord } from './bigrams.js';

export function createBoardPostsStore(db: Db) {
  const insert = db.prepare(`
    INSERT INTO board_posts (id, author_id, neighbourhood_id, neighbourhood, topic, text, photos, created_at, updated_at, change_seq)
    VALUES (@id, @authorId, @neighbourhoodId, @neighbourhood, @topic, @text, @photos, @createdAt, @createdAt, @changeSeq)
    ON CONFLICT (id) DO NOTHING`);
  const factsOf = db.prepare(`
    SELECT author_id AS authorId, neighbourhood_id AS neighbourhoodId, text, deleted_at AS deletedAt, under_review AS underReview
    FROM board_posts WHERE id = ?`);
  const byId = db.prepare(`${SELECT_POSTS} WHERE p.id = ?`);
  const update = db.prepare(`
    UPDATE board_posts SET topic = @topic, text = @text, photos = @photos, edited_at = @at, updated_at = @at, change_seq = @changeSeq
    WHERE id = @id`);
  const markDeleted = db.prepare('UPDATE board_posts SET deleted_at = @at, updated_at = @at, change_seq = @changeSeq WHERE id = @id');
  const markUnderReview = db.prepare('UPDATE board_posts SET under_review = 1, updated_at = @at, change_seq = @changeSeq WHERE id = @id');
  const addReaction = db.prepare('INSERT INTO board_reactions (actor_id, post_id, created_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING');
  const removeReaction = db.prepare('DELETE FROM board_reactions WHERE actor_id = ? AND post_id = ?');
  const addReactionNotice = db.prepare('INSERT INTO board_reaction_notices (post_id, actor_id) VALUES (?, ?) ON CONFLICT DO NOTHING');
  const forgetReactionNotices = db.prepare('DELETE FROM board_reaction_notices WHERE actor_id = ?');
  const recountReactions = db.prepare(`
    UPDATE board_posts SET reaction_count = (SELECT count(*) FROM board_reactions WHERE post_id = @id), change_seq = @changeSeq
    WHERE id = @id`);
  const recountComments = db.prepare(`
    UPDATE board_posts SET comment_count = (SELECT count(*) FROM board_comments WHERE post_id = @id AND deleted_at IS NULL), change_seq = @changeSeq
    WHERE id = @id`);
  // Only posts the person pulls: in the area, or their own (under review too).
  const reactedBy = db
    .prepare(`
      SELECT r.post_id FROM board_reactions r JOIN board_posts p ON p.id = r.post_id
      WHERE r.actor_id = @actorId AND p.deleted_at IS NULL
        AND (p.author_id = @actorId OR (p.under_review = 0 AND p.neighbourhood_id IN (SELECT value FROM json_each(@places))))
      ORDER BY r.created_at DESC, r.post_id LIMIT @limit`)
    .pluck();
  const allReactedBy = db.prepare('SELECT post_id FROM board_reactions WHERE actor_id = ? ORDER BY post_id').pluck();
  const liveIdsByAuthor = db.prepare('SELECT id FROM board_posts WHERE author_id = ? AND deleted_at IS NULL ORDER BY id').pluck();
  const placeChanges = db.prepare(`${SELECT_POSTS} WHERE p.neighbourhood_id = ? AND p.change_seq > ? ORDER BY p.change_seq LIMIT ?`);
  const authorChanges = db.prepare(`${SELECT_POSTS} WHERE p.author_id = ? AND p.change_seq > ? ORDER BY p.change_seq LIMIT ?`);
  // One backward index lookup per place (board_posts_by_place_change), however many posts it has.
  const latestChangeIn = db
    .prepare(`SELECT coalesce(max((SELECT change_seq FROM board_posts WHERE neighbourhood_id = p.value ORDER BY change_seq DESC LIMIT 1)), 0)
              FROM json_each(?) p`)
    .pluck();

  // The pairs index is kept here, beside every write of a post's text (SQL cannot split text into pairs).
  const addBigramsFor = db.prepare('INSERT INTO board_posts_bigrams (rowid, grams) SELECT rowid, @grams FROM board_posts WHERE id = @id');
  const dropBigrams = db.prepare('DELETE FROM board_posts_bigrams WHERE rowid = (SELECT rowid FROM board_posts WHERE id = ?)');
  const searchStatements = new Map<string, ReturnType<Db['prepare']>>();

  return {
    insert(post: NewBoardPost): boolean {
      if (insert.run({ ...post, photos: JSON.stringify(post.photos) }).changes !== 1) return false;
      addBigramsFor.run({ id: post.id, grams: bigramsOf(post.text) });
      return true;
    },
    factsOf(id: string): BoardPostFacts | undefined {
      const row = factsOf.get(id) as { authorId: string; neighbourhoodId: string; text: string; deletedAt: number | null; underReview: number } | undefined;
      return row && { authorId: row.authorId, neighbourhoodId: row.neighbourhoodId, text: row.text, deleted: row.deletedAt !== null, underReview: row.underReview === 1 };
    },
    byId(id: string): BoardPost | undefined {
      const row = byId.get(id) as BoardPostRow | undefined;
      return row && toBoardPost(row);
    },
    update(id: string, content: BoardPostContent, at: number, changeSeq: number) {
      update.run({ id, topic: content.topic, text: content.text, photos: JSON.stringify(content.photos), at, changeSeq });
      dropBigrams.run(id);
      addBigramsFor.run({ id, grams: bigramsOf(content.text) });
    },
    markDeleted(id: string, at: number, changeSeq: number) {
      markDeleted.run({ id, at, changeSeq });
    },
    markUnderReview(id: string, at: number, changeSeq: number) {
      markUnderReview.run({ id, at, changeSeq });
    },
    setReacted: (actorId: string, postId: string, reacted: boolean, at: number) =>
      (reacted ? addReaction.run(actorId, postId, at) : removeReaction.run(actorId, postId)).changes > 0,
    firstReactionNotice: (actorId: string, postId: string) => addReactionNotice.run(postId, actorId).changes > 0,
    forgetReactionNotices(actorId: string) {
      forgetReactionNotices.run(actorId);
    },
    recountReactions(postId: string, changeSeq: number) {
      recountReactions.run({ id: postId, changeSeq });
    },
    recountComments(postId: string, changeSeq: number) {
      recountComments.run({ id: postId, changeSeq });
    },
    reactedBy: (actorId: string, places: string[], limit: number) => reactedBy.all({ actorId, places: JSON.stringify(places), limit }) as string[],
    allReactedBy: (actorId: string) => allReactedBy.all(actorId) as string[],
    liveIdsByAuthor: (authorId: string) => liveIdsByAuthor.all(authorId) as string[],
    /**
     * Changes after `cursor` to posts in any of `places` or by `viewerId`, oldest first: one index
     * range scan per place (and one for the author), each stopping after `limit` rows, merged.
     */
    changesSinceIn(places: string[], viewerId: string | undefined, cursor: number, limit: number): BoardPostChangeRow[] {
      const batches = places.map((place) => placeChanges.all(place, cursor, limit) as BoardPostRow[]);
      if (viewerId) batches.push(authorChanges.all(viewerId, cursor, limit) as BoardPostRow[]);
      return mergeChanges(batches, limit).map((row) => toPostChange(row, viewerId));
    },
    latestChangeIn: (places: string[]) => latestChangeIn.get(JSON.stringify(places)) as number,
    /**
     * As listings are searched (listings-store.ts): words of three or more characters through the
     * trigram index, two-letter words through the pairs index, anything shorter with LIKE.
     */
    search(words: string[], places: string[], topic: BoardTopic | undefined, limit: number): BoardPost[] {
      const long = words.filter((w) => [...w].length >= 3);
      const pairs = words.filter(isBigramWord);
      const short = words.filter((w) => [...w].length < 3 && !isBigramWord(w));
      const where = ['p.deleted_at IS NULL', 'p.under_review = 0', 'p.neighbourhood_id IN (SELECT value FROM json_each(@places))'];
      const params: Record<string, unknown> = { places: JSON.stringify(places), limit };
      if (long.length) {
        where.push('p.rowid IN (SELECT rowid FROM board_posts_fts WHERE board_posts_fts MATCH @match)');
        params.match = long.map((w) => `"${w.replace(/"/g, '""')}"`).join(' AND ');
      }
      if (pairs.length) {
        where.push('p.rowid IN (SELECT rowid FROM board_posts_bigrams WHERE board_posts_bigrams MATCH @pairs)');
        params.pairs = pairs.map((w) => `"${w}"`).join(' AND ');
      }
      short.forEach((w, i) => {
        where.push(`p.text LIKE @s${i} ESCAPE '\\'`);
        params[`s${i}`] = `%${w.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      });
      if (topic) (where.push('p.topic = @topic'), (params.topic = topic));
      const sql = `${SELECT_POSTS} WHERE ${where.join(' AND ')} ORDER BY p.created_at DESC, p.id DESC LIMIT @limit`;
      // One prepared statement per query shape, kept: the shapes are few.
      let statement = searchStatements.get(sql);
      if (!statement) searchStatements.set(sql, (statement = db.prepare(sql)));
      return (statement.all(params) as BoardPostRow[]).map(toBoardPost);
    },
  };
}
