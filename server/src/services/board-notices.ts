// What the board tells people (알림): a comment on their post, a reply to their comment, 공감 on
// their post. Nobody is told of what they did themselves, and one event tells each person once.
import { boardExcerpt, NOTIFICATION_LIMITS } from '@dongne/shared';
import type { BoardPostFacts } from '../store/contract/board.js';
import type { MutationContext } from './mutation-context.js';
import { notify } from './notify.js';

/** Who acted and where, as every board notification says it: the post's first words, the actor. */
function about(ctx: MutationContext, post: { id: string; text: string }) {
  return { subjectId: post.id, title: boardExcerpt(post.text), keyword: null, byActorId: ctx.actor.id, actorName: ctx.actor.nickname };
}

/**
 * A new comment or reply: the parent comment's author hears of a reply (board_reply), the post's
 * author of anything said under their post (board_comment) unless the reply already told them.
 */
export async function tellOfComment(
  ctx: MutationContext,
  post: BoardPostFacts & { id: string },
  comment: { text: string; parentAuthorId: string | null },
): Promise<void> {
  const snippet = boardExcerpt(comment.text, NOTIFICATION_LIMITS.snippetMax);
  const told = new Set([ctx.actor.id]);
  if (comment.parentAuthorId !== null && !told.has(comment.parentAuthorId)) {
    await notify(ctx, { ...about(ctx, post), actorId: comment.parentAuthorId, kind: 'board_reply', snippet });
    told.add(comment.parentAuthorId);
  }
  if (!told.has(post.authorId)) await notify(ctx, { ...about(ctx, post), actorId: post.authorId, kind: 'board_comment', snippet });
}

/** 공감 from someone else on a post. */
export async function tellOfReaction(ctx: MutationContext, post: BoardPostFacts & { id: string }): Promise<void> {
  if (post.authorId === ctx.actor.id) return;
  await notify(ctx, { ...about(ctx, post), actorId: post.authorId, kind: 'board_reaction', snippet: null });
}
