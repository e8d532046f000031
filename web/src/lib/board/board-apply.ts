// The board's side of sync: how each board mutation changes the replica before the server has seen
// it (run when the person acts, and again over each pull to rebase what waits), what a refusal puts
// back (never the person's words lost), and how pulled posts and comments land.
import { neighbourhoodLabel, type BoardComment, type BoardPost, type MutationArgs, type PullResponse } from '@dongne/shared';
import type { DongneDb, LocalComment, LocalPost } from '../db/db.js';
import { getMeta, setMeta, setMetaIfChanged } from '../db/meta.js';

type Refusal = { code: string; message: string };

async function whoAmI(db: DongneDb) {
  return { id: (await getMeta(db, 'actorId')) ?? '', name: (await getMeta(db, 'nickname')) ?? '' };
}

/** The server's row of a post or comment, kept the first time this device changes it. */
const baseOf = <T extends BoardPost | BoardComment>(row: T & { base?: T }): T => {
  if (row.base) return row.base;
  const { base: _base, deletedHere: _deleted, failed: _failed, ...server } = row as T & { base?: T; deletedHere?: boolean; failed?: unknown };
  return server as unknown as T;
};

export async function applyBoardPost(db: DongneDb, args: MutationArgs<'board.post'>, at: number): Promise<void> {
  const existing = await db.posts.get(args.id);
  // The server has it already (a pull brought it back): its row is the truth.
  if (existing && !existing.local) return;
  const place = await db.neighbourhoods.get(args.neighbourhoodId);
  const me = await whoAmI(db);
  await db.posts.put({
    id: args.id,
    authorId: me.id,
    authorName: me.name,
    neighbourhoodId: args.neighbourhoodId,
    neighbourhood: existing?.neighbourhood ?? (place ? neighbourhoodLabel(place) : ''),
    topic: args.topic,
    text: args.text,
    photos: args.photos,
    commentCount: existing?.commentCount ?? 0,
    reactionCount: existing?.reactionCount ?? 0,
    underReview: false,
    createdAt: existing?.createdAt ?? at,
    updatedAt: at,
    editedAt: null,
    local: true,
  });
}

export async function applyBoardUpdate(db: DongneDb, args: MutationArgs<'board.update'>, at: number): Promise<void> {
  const post = await db.posts.get(args.id);
  if (!post) return;
  await db.posts.put({ ...post, base: baseOf(post), topic: args.topic, text: args.text, photos: args.photos, editedAt: at, updatedAt: at });
}

export async function applyBoardDelete(db: DongneDb, args: MutationArgs<'board.delete'>): Promise<void> {
  const post = await db.posts.get(args.id);
  if (post) await db.posts.put({ ...post, base: baseOf(post), deletedHere: true });
}

export async function applyBoardComment(db: DongneDb, args: MutationArgs<'board.comment'>, at: number): Promise<void> {
  const existing = await db.comments.get(args.id);
  // Pulled already, or refused and kept with its reason: either way this row stands.
  if (existing && (!existing.local || existing.failed)) return;
  const me = await whoAmI(db);
  await db.comments.put({
    id: args.id,
    postId: args.postId,
    parentId: args.parentId ?? null,
    authorId: me.id,
    authorName: me.name,
    text: args.text,
    deleted: false,
    underReview: false,
    createdAt: existing?.createdAt ?? at,
    editedAt: null,
    local: true,
  });
}

export async function applyBoardUpdateComment(db: DongneDb, args: MutationArgs<'board.update_comment'>, at: number): Promise<void> {
  const comment = await db.comments.get(args.id);
  if (!comment || comment.failed) return;
  // One not on the server yet is simply rewritten: it has no server row to fall back to.
  if (comment.local) await db.comments.put({ ...comment, text: args.text });
  else await db.comments.put({ ...comment, base: baseOf(comment), text: args.text, editedAt: at });
}

export async function applyBoardDeleteComment(db: DongneDb, args: MutationArgs<'board.delete_comment'>): Promise<void> {
  const comment = await db.comments.get(args.id);
  if (comment) await db.comments.put({ ...comment, ...(!comment.local && { base: baseOf(comment) }), deletedHere: true });
}

/** Only the list of reacted posts changes; the count stays the server's and screens add the difference. */
export async function applyBoardReact(db: DongneDb, args: MutationArgs<'board.react'>): Promise<void> {
  const reacted = new Set((await getMeta(db, 'reactedPostIds')) ?? []);
  if (args.reacted) reacted.add(args.postId);
  else reacted.delete(args.postId);
  await setMeta(db, 'reactedPostIds', [...reacted]);
}

async function refused(db: DongneDb, action: 'board_post' | 'board_edit' | 'board_delete' | 'board_comment' | 'board_react', reason: Refusal) {
  await setMeta(db, 'actionRefusal', { action, code: reason.code, message: reason.message, at: Date.now() });
}

/**
 * A post the server would not publish goes back to a draft with why, so its words are never lost:
 * as the person last left them here (an edit made before it was sent is part of them).
 */
export async function rejectBoardPost(db: DongneDb, args: MutationArgs<'board.post'>, reason: Refusal, ownerId: string): Promise<void> {
  const here = await db.posts.get(args.id);
  const words = here?.local ? here : args;
  await db.posts.delete(args.id);
  const now = Date.now();
  await db.boardDrafts.put({
    id: args.id,
    ownerId,
    neighbourhoodId: args.neighbourhoodId,
    topic: words.topic,
    text: words.text,
    photos: words.photos,
    createdAt: now,
    updatedAt: now,
    rejection: { ...reason, at: now },
  });
  await refused(db, 'board_post', reason);
}

/** A refused edit or delete: the post as the server last had it. */
async function restorePost(db: DongneDb, id: string) {
  const post = await db.posts.get(id);
  if (post?.base) await db.posts.put(post.base);
}

export async function rejectBoardUpdate(db: DongneDb, args: MutationArgs<'board.update'>, reason: Refusal): Promise<void> {
  await restorePost(db, args.id);
  await refused(db, 'board_edit', reason);
}

export async function rejectBoardDelete(db: DongneDb, args: MutationArgs<'board.delete'>, reason: Refusal): Promise<void> {
  await restorePost(db, args.id);
  await refused(db, 'board_delete', reason);
}

/** A refused comment stays under the post with its words and the reason, for the person to copy or discard. */
export async function rejectBoardComment(db: DongneDb, args: MutationArgs<'board.comment'>, reason: Refusal): Promise<void> {
  const comment = await db.comments.get(args.id);
  if (comment) await db.comments.put({ ...comment, failed: { ...reason, at: Date.now() } });
}

/**
 * A refused edit or delete of a comment: the comment as the server last had it. One the server
 * never took (unsent, or refused itself) has nothing to go back to: it keeps its words and its own
 * refusal, or leaves if the person deleted it, and its edit's refusal ("no such comment") says nothing.
 */
async function restoreComment(db: DongneDb, id: string, reason: Refusal, action: 'board_edit' | 'board_delete') {
  const comment = await db.comments.get(id);
  // Gone from here already (let go, or its post left): nothing to put back or to say.
  if (!comment) return;
  if (comment.local || comment.failed) {
    if (comment.deletedHere) await db.comments.delete(id);
    return;
  }
  if (comment.base) await db.comments.put(comment.base);
  await refused(db, action, reason);
}

export async function rejectBoardUpdateComment(db: DongneDb, args: MutationArgs<'board.update_comment'>, reason: Refusal): Promise<void> {
  await restoreComment(db, args.id, reason, 'board_edit');
}

export async function rejectBoardDeleteComment(db: DongneDb, args: MutationArgs<'board.delete_comment'>, reason: Refusal): Promise<void> {
  await restoreComment(db, args.id, reason, 'board_delete');
}

export async function rejectBoardReact(db: DongneDb, args: MutationArgs<'board.react'>, reason: Refusal): Promise<void> {
  const serverReacted = ((await getMeta(db, 'serverReactedPostIds')) ?? []).includes(args.postId);
  const reacted = ((await getMeta(db, 'reactedPostIds')) ?? []).filter((id) => id !== args.postId);
  await setMeta(db, 'reactedPostIds', serverReacted ? [args.postId, ...reacted] : reacted);
  await refused(db, 'board_react', reason);
}

/** Writes a pulled page's posts and comments; a deleted post takes its comments with it. */
export async function applyPulledBoard(db: DongneDb, page: PullResponse): Promise<void> {
  const posts: LocalPost[] = [];
  const comments: LocalComment[] = [];
  const gonePosts: string[] = [];
  const goneComments: string[] = [];
  for (const change of page.changes) {
    if (change.entity === 'post') {
      if (change.op === 'upsert') posts.push(change.row);
      else gonePosts.push(change.id);
    } else if (change.entity === 'comment') {
      if (change.op === 'upsert') comments.push(change.row);
      else goneComments.push(change.id);
    }
  }
  if (posts.length) await db.posts.bulkPut(posts);
  if (comments.length) await db.comments.bulkPut(comments);
  if (goneComments.length) await db.comments.bulkDelete(goneComments);
  for (const id of gonePosts) {
    await db.posts.delete(id);
    await db.comments.where('[postId+createdAt]').between([id, -Infinity], [id, Infinity]).delete();
  }
  if (page.profile) {
    await setMetaIfChanged(db, 'reactedPostIds', page.reactedPostIds);
    await setMetaIfChanged(db, 'serverReactedPostIds', page.reactedPostIds);
  }
}
