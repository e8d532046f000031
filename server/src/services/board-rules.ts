// The checks board mutations share — that a post or comment is there for this person, theirs to
// change, within their reach and not across a block — and what a post leaving devices takes with it.
//
// Who may take part in a post (comment on it, react to it, report it): its author, or anyone
// holding a neighbourhood whose widest range (the farthest a pull may reach) covers the post's
// neighbourhood: everyone whose pull could show it, and nobody who could only have found its id.
import { RANGE_LEVELS } from '@dongne/shared';
import { isPostVisibleTo, type BoardCommentFacts, type BoardPostFacts } from '../store/contract/board.js';
import type { Tx } from '../store/contract/store.js';
import { blockedEitherWay } from './conversation-rules.js';
import type { MutationContext } from './mutation-context.js';
import { MutationRejected } from './service-error.js';
import type { Actor } from './session-service.js';

const WIDEST_RANGE = RANGE_LEVELS[RANGE_LEVELS.length - 1].level;

export const postNotFound = () => new MutationRejected('board.post_not_found', 'That post no longer exists.');
export const commentNotFound = () => new MutationRejected('board.comment_not_found', 'That comment no longer exists.');
const notAuthor = (what: string, action: string) => new MutationRejected('board.not_author', `Only the person who wrote this ${what} can ${action} it.`);

/** The post, if `actor` may see it; one they may not (deleted, someone else's under review) is answered as missing. */
export async function visiblePostOrReject(tx: Tx, actor: Actor, id: string): Promise<BoardPostFacts> {
  const post = await tx.boardPosts.factsOf(id);
  if (!post || !isPostVisibleTo(post, actor.id)) throw postNotFound();
  return post;
}

/** The post, if it is there and `actor` wrote it. */
export async function ownPostOrReject(tx: Tx, actor: Actor, id: string, action: string): Promise<BoardPostFacts> {
  const post = await visiblePostOrReject(tx, actor, id);
  if (post.authorId !== actor.id) throw notAuthor('post', action);
  return post;
}

/** The comment, if it is there (not deleted) and `actor` wrote it. */
export async function ownCommentOrReject(tx: Tx, actor: Actor, id: string, action: string): Promise<BoardCommentFacts> {
  const comment = await tx.boardComments.factsOf(id);
  if (!comment || comment.deleted) throw commentNotFound();
  if (comment.authorId !== actor.id) throw notAuthor('comment', action);
  return comment;
}

/**
 * The post, if `actor` may take part in it (see the header): there, not hidden by reports, in
 * their reach, and — unless `evenIfBlocked` (a report) — its author not blocked either way.
 */
export async function postToJoinOrReject(tx: Tx, actor: Actor, id: string, { evenIfBlocked = false } = {}): Promise<BoardPostFacts> {
  const post = await visiblePostOrReject(tx, actor, id);
  if (post.underReview) {
    throw new MutationRejected('board.under_review', 'Neighbours reported this post, so it is hidden until it is reviewed; nobody can comment on it or react to it meanwhile.');
  }
  if (post.authorId === actor.id) return post;
  if (!(await isWithinReach(tx, actor.id, post.neighbourhoodId))) {
    throw new MutationRejected('board.out_of_area', 'This post is from a neighbourhood outside your area. Only neighbours can take part in it.');
  }
  if (!evenIfBlocked) await notBlockedOrReject(tx, actor.id, post.authorId);
  return post;
}

export async function notBlockedOrReject(tx: Tx, actorId: string, otherId: string): Promise<void> {
  if (otherId !== actorId && (await blockedEitherWay(tx, actorId, otherId))) {
    throw new MutationRejected('board.blocked', 'You cannot take part here: one of you has blocked the other.');
  }
}

async function isWithinReach(tx: Tx, actorId: string, neighbourhoodId: string): Promise<boolean> {
  for (const { neighbourhoodId: held } of await tx.actorNeighbourhoods.held(actorId)) {
    if ((await tx.neighbourhoods.neighbourIds(held, WIDEST_RANGE)).includes(neighbourhoodId)) return true;
  }
  return false;
}

/**
 * A post deleted or hidden leaves devices with its comments: each takes a new change number, so the
 * pull tells whoever held them to drop them (and its author, who keeps a hidden post, keeps them).
 */
export async function resendComments(tx: Tx, postId: string): Promise<void> {
  for (const id of await tx.boardComments.idsOnPost(postId)) await tx.boardComments.renumber(id, await tx.sync.nextChangeSeq());
}

/** A change to a post tells the devices following its area, and its author's (their own post may be outside their area). */
export function seenAround(ctx: MutationContext, post: BoardPostFacts): void {
  ctx.areaChanged(post.neighbourhoodId);
  if (post.authorId !== ctx.actor.id) ctx.accountChanged(post.authorId);
}
