// The neighbourhood board's mutations: posts (only where their author is verified), comments with
// one level of replies, and 공감. Ids are the device's, so a post resent after a lost answer is taken
// once; only authors edit or delete, and a deleted post is gone for good. Who may take part in a
// post is board-rules.ts's to say; who is told of it, board-notices.ts's.
import { neighbourhoodLabel } from '@dongne/shared';
import type { Handlers } from './mutation-context.js';
import {
  commentNotFound,
  notBlockedOrReject,
  ownCommentOrReject,
  ownPostOrReject,
  postToJoinOrReject,
  resendComments,
  seenAround,
  visiblePostOrReject,
} from './board-rules.js';
import { tellOfComment, tellOfReaction } from './board-notices.js';
import { photosOrReject, placeOrReject, verifiedHereOrReject } from './mutation-guards.js';
import { MutationRejected } from './service-error.js';

type BoardHandlers = Pick<Handlers, 'board.post' | 'board.update' | 'board.delete' | 'board.comment' | 'board.update_comment' | 'board.delete_comment' | 'board.react'>;

// An id someone else used (or one of the person's own posts since deleted) is never taken again: one
// neutral answer, which says nothing about what holds it.
const idTaken = () => new MutationRejected('board.id_taken', 'This id is already in use. Write it again.');

export const boardHandlers: BoardHandlers = {
  async 'board.post'(ctx, args) {
    const { tx, actor, now, caps } = ctx;
    const existing = await tx.boardPosts.factsOf(args.id);
    if (existing) {
      // The author's own post sent again (an outbox rebuilt after a lost answer): already taken.
      if (existing.authorId === actor.id && !existing.deleted) return;
      throw idTaken();
    }
    if ((await tx.creationCounts.inLastDay(actor.id, 'post', now)) >= caps.posts) {
      throw new MutationRejected(
        'board.daily_limit',
        `You can write ${caps.posts} posts a day, and you have today. Your post is kept on this device: post it again tomorrow.`,
      );
    }
    const place = await placeOrReject(tx, args.neighbourhoodId);
    await photosOrReject(tx, args.photos);
    await verifiedHereOrReject(ctx, place, 'Posting', 'post again');
    const inserted = await tx.boardPosts.insert({
      id: args.id,
      authorId: actor.id,
      neighbourhoodId: place.id,
      neighbourhood: neighbourhoodLabel(place),
      topic: args.topic,
      text: args.text,
      photos: args.photos,
      createdAt: now,
      changeSeq: await tx.sync.nextChangeSeq(),
    });
    if (!inserted) throw idTaken();
    await tx.creationCounts.add(actor.id, 'post', now);
    ctx.areaChanged(place.id);
  },

  async 'board.update'(ctx, { id, ...content }) {
    const { tx, actor, now } = ctx;
    const post = await ownPostOrReject(tx, actor, id, 'edit');
    await photosOrReject(tx, content.photos);
    await tx.boardPosts.update(id, content, now, await tx.sync.nextChangeSeq());
    seenAround(ctx, post);
  },

  async 'board.delete'(ctx, args) {
    const { tx, actor, now } = ctx;
    const post = await ownPostOrReject(tx, actor, args.id, 'delete');
    await tx.boardPosts.markDeleted(args.id, now, await tx.sync.nextChangeSeq());
    await resendComments(tx, args.id);
    seenAround(ctx, post);
  },

  async 'board.comment'(ctx, args) {
    const { tx, actor, now, caps } = ctx;
    // Checked and written under the change counter: a delete committing between the two would
    // leave a comment (and a notification) on a deleted post.
    await tx.sync.holdChanges();
    const existing = await tx.boardComments.factsOf(args.id);
    if (existing) {
      if (existing.authorId === actor.id && existing.postId === args.postId && !existing.deleted) return;
      throw idTaken();
    }
    const post = await postToJoinOrReject(tx, actor, args.postId);
    let parentAuthorId: string | null = null;
    if (args.parentId !== undefined) {
      const parent = await tx.boardComments.factsOf(args.parentId);
      // A deleted comment keeps its replies' place, but takes no new ones; one under review is not there to answer.
      if (!parent || parent.deleted || parent.underReview) throw commentNotFound();
      if (parent.postId !== args.postId) throw new MutationRejected('board.parent_other_post', 'That comment is under another post.');
      if (parent.parentId !== null) throw new MutationRejected('board.reply_to_reply', 'A reply cannot be replied to: answer the comment it replies to.');
      await notBlockedOrReject(tx, actor.id, parent.authorId);
      parentAuthorId = parent.authorId;
    }
    if ((await tx.creationCounts.inLastDay(actor.id, 'comment', now)) >= caps.comments) {
      throw new MutationRejected(
        'board.comment_daily_limit',
        `You can write ${caps.comments} comments a day, and you have today. Your comment is kept on this device: send it again tomorrow.`,
      );
    }
    const inserted = await tx.boardComments.insert({
      id: args.id,
      postId: args.postId,
      parentId: args.parentId ?? null,
      authorId: actor.id,
      text: args.text,
      createdAt: now,
      changeSeq: await tx.sync.nextChangeSeq(),
    });
    if (!inserted) throw idTaken();
    await tx.creationCounts.add(actor.id, 'comment', now);
    await tx.boardPosts.recountComments(args.postId, await tx.sync.nextChangeSeq());
    await tellOfComment(ctx, { ...post, id: args.postId }, { text: args.text, parentAuthorId });
    seenAround(ctx, post);
  },

  async 'board.update_comment'(ctx, args) {
    const { tx, actor, now } = ctx;
    const comment = await ownCommentOrReject(tx, actor, args.id, 'edit');
    const post = await visiblePostOrReject(tx, actor, comment.postId);
    await tx.boardComments.update(args.id, args.text, now, await tx.sync.nextChangeSeq());
    seenAround(ctx, post);
  },

  async 'board.delete_comment'(ctx, args) {
    const { tx, actor, now } = ctx;
    // Unlike an edit, taking one's words back needs no post to show them under: it may be gone or hidden.
    const comment = await ownCommentOrReject(tx, actor, args.id, 'delete');
    await tx.boardComments.markDeleted(args.id, now, await tx.sync.nextChangeSeq());
    const post = await tx.boardPosts.factsOf(comment.postId);
    if (post && !post.deleted) {
      await tx.boardPosts.recountComments(comment.postId, await tx.sync.nextChangeSeq());
      seenAround(ctx, post);
    }
  },

  async 'board.react'(ctx, args) {
    const { tx, actor, now } = ctx;
    if (!args.reacted) {
      // Taking 공감 back is never refused (a block since, a post hidden since): the device's state holds.
      if (!(await tx.boardPosts.setReacted(actor.id, args.postId, false, now))) return;
      const post = await tx.boardPosts.factsOf(args.postId);
      if (post && !post.deleted) {
        await tx.boardPosts.recountReactions(args.postId, await tx.sync.nextChangeSeq());
        seenAround(ctx, post);
      }
      return;
    }
    // Checked and written under the change counter: a delete committing between the two would
    // leave a 공감 (and a notification) on a deleted post.
    await tx.sync.holdChanges();
    const post = await postToJoinOrReject(tx, actor, args.postId);
    // The count moves (and the post goes to devices again) only if the reaction did.
    if (!(await tx.boardPosts.setReacted(actor.id, args.postId, true, now))) return;
    await tx.boardPosts.recountReactions(args.postId, await tx.sync.nextChangeSeq());
    if (await tx.boardPosts.firstReactionNotice(actor.id, args.postId)) await tellOfReaction(ctx, { ...post, id: args.postId });
    seenAround(ctx, post);
  },
};
