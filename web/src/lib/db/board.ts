// The board's reads, each served by an index of the replica: the area's posts newest first (by
// topic), one post with its comments in thread order, and the person's drafts.
import Dexie from 'dexie';
import { matchesBoardSearch, type BoardTopic } from '@dongne/shared';
import type { BoardDraft, DongneDb, LocalComment, LocalPost } from './db.js';
import { currentOwner, getMeta } from './meta.js';
import { hiddenSellerIds } from './queries.js';
import { currentScope, placesIn } from './scope.js';

const newestFirst = (a: LocalPost, b: LocalPost) => b.createdAt - a.createdAt || (a.id < b.id ? 1 : -1);

/**
 * Whether a post belongs on this person's board: not deleted here, not hidden by reports (its
 * author still sees their own, marked), not by someone hidden from them (blocked either way).
 */
function shownTo(me: string, hidden: ReadonlySet<string>, topic?: BoardTopic) {
  return (post: LocalPost) =>
    !post.deletedHere && (!post.underReview || post.authorId === me) && !hidden.has(post.authorId) && (!topic || post.topic === topic);
}

/** The first `limit` posts of the person's area, newest first, of one topic or all. */
export async function boardPage(db: DongneDb, limit: number, topic?: BoardTopic): Promise<LocalPost[]> {
  const [hidden, current, me] = await Promise.all([hiddenSellerIds(db), currentScope(db), currentOwner(db)]);
  const shown = shownTo(me, hidden, topic);
  let places = current && (await placesIn(db, current.scope));
  if (!places && current?.chosen && current.scope.range === 1) places = [current.scope.neighbourhoodId];
  if (!places) return db.posts.orderBy('createdAt').reverse().filter(shown).limit(limit).toArray();
  const perPlace = await Promise.all(
    places.map((place) =>
      db.posts
        .where('[neighbourhoodId+createdAt]')
        .between([place, Dexie.minKey], [place, Dexie.maxKey])
        .reverse()
        .filter(shown)
        .limit(limit)
        .toArray(),
    ),
  );
  // The person's own new post shows at once even if it is written for another of their places.
  const mine = me ? await db.posts.where('authorId').equals(me).filter((p) => !!p.local && shown(p)).toArray() : [];
  const byId = new Map([...perPlace.flat(), ...mine].map((p) => [p.id, p]));
  return [...byId.values()].sort(newestFirst).slice(0, limit);
}

/** Posts of the area whose text holds every word, newest first: the board's search, offline. */
export async function searchBoard(db: DongneDb, words: string[], topic?: BoardTopic, limit = 50): Promise<LocalPost[]> {
  const [hidden, me, current] = await Promise.all([hiddenSellerIds(db), currentOwner(db), currentScope(db)]);
  const shown = shownTo(me, hidden, topic);
  const places = current && (await placesIn(db, current.scope));
  const candidates = places
    ? (await Promise.all(places.map((place) => db.posts.where('[neighbourhoodId+createdAt]').between([place, Dexie.minKey], [place, Dexie.maxKey]).toArray()))).flat()
    : await db.posts.toArray();
  return candidates
    .filter((post) => shown(post) && matchesBoardSearch(post, words, topic))
    .sort(newestFirst)
    .slice(0, limit);
}

export interface Thread {
  comment: LocalComment;
  replies: LocalComment[];
}

/** A post's comments, oldest first, each with its replies under it. */
export async function threadsOf(db: DongneDb, postId: string): Promise<Thread[]> {
  const [hidden, me] = await Promise.all([hiddenSellerIds(db), currentOwner(db)]);
  const all = await db.comments.where('[postId+createdAt]').between([postId, Dexie.minKey], [postId, Dexie.maxKey]).toArray();
  const visible = all.filter((c) => !hidden.has(c.authorId) || c.authorId === me);
  const threads = new Map<string, Thread>();
  for (const comment of visible) if (!comment.parentId) threads.set(comment.id, { comment, replies: [] });
  for (const reply of visible) if (reply.parentId) threads.get(reply.parentId)?.replies.push(reply);
  // A comment deleted (here or on the server) leaves only if nothing replies to it.
  return [...threads.values()].filter((t) => !isGone(t.comment) || t.replies.some((r) => !isGone(r))).map((t) => ({ ...t, replies: t.replies.filter((r) => !isGone(r)) }));
}

/** Deleted, by its author here or on the server. */
export const isGone = (comment: LocalComment) => comment.deleted || !!comment.deletedHere;

/** Comments shown under the post, counting replies, as the post's count would once all is synced (refused ones never will be). */
export function commentTotal(threads: Thread[]): number {
  const counts = (c: LocalComment) => !isGone(c) && !c.failed;
  return threads.reduce((n, t) => n + (counts(t.comment) ? 1 : 0) + t.replies.filter(counts).length, 0);
}

/** Whether the person reacted, and the count with their waiting change taken into account. */
export async function reactionOf(db: DongneDb, post: Pick<LocalPost, 'id' | 'reactionCount'>): Promise<{ reacted: boolean; count: number }> {
  const [mine, server] = await Promise.all([getMeta(db, 'reactedPostIds'), getMeta(db, 'serverReactedPostIds')]);
  const reacted = (mine ?? []).includes(post.id);
  const before = (server ?? []).includes(post.id);
  return { reacted, count: Math.max(0, post.reactionCount + (reacted === before ? 0 : reacted ? 1 : -1)) };
}

/** The person's drafts, newest first: those being written and those the server refused. */
export async function boardDraftsOf(db: DongneDb): Promise<BoardDraft[]> {
  const owner = await currentOwner(db);
  return (await db.boardDrafts.orderBy('updatedAt').reverse().toArray()).filter((d) => d.ownerId === owner);
}

/** Whether a post or comment waits to reach the server (queued here, not yet answered). */
export async function waitingIds(db: DongneDb): Promise<ReadonlySet<string>> {
  const owner = await currentOwner(db);
  return new Set((await db.outbox.where('ownerId').equals(owner).toArray()).map((e) => e.entityId));
}
