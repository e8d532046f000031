// Reports (신고) of a board post or comment: who wrote what is reported, and the rule that hides it.
// Once BOARD_LIMITS.hideAfterReports different verified neighbours have reported a post or comment, it is
// under review: a post leaves everyone's devices but its author's, a comment's words do. Its author
// cannot report it, so never counts; a neighbour reporting it again counts once.
import { BOARD_LIMITS, isVerificationCurrent } from '@dongne/shared';
import type { Tx } from '../store/contract/store.js';
import type { MutationContext } from './mutation-context.js';
import { isPostVisibleTo } from '../store/contract/board.js';
import { postToJoinOrReject, resendComments, seenAround } from './board-rules.js';
import { MutationRejected } from './service-error.js';

const noSuch = (what: string) => new MutationRejected('report.unknown_target', `There is no such ${what} to report.`);

/**
 * Who wrote the post or comment `targetId`, if the reporter may report it: it is there for them, and
 * the post is one they may take part in (a block does not stop a report), so only neighbours count.
 */
export async function boardAuthorOrReject(ctx: MutationContext, target: 'post' | 'comment', targetId: string): Promise<string> {
  const { tx, actor } = ctx;
  const comment = target === 'comment' ? await tx.boardComments.factsOf(targetId) : undefined;
  if (target === 'comment' && (!comment || comment.deleted)) throw noSuch('comment');
  const postId = comment ? comment.postId : targetId;
  const post = await tx.boardPosts.factsOf(postId);
  if (!post || !isPostVisibleTo(post, actor.id)) throw noSuch(target);
  const authorId = comment ? comment.authorId : post.authorId;
  // Their own post or comment is refused by the caller; on their own post, anyone's comment may be reported.
  if (authorId !== actor.id && post.authorId !== actor.id) await postToJoinOrReject(tx, actor, postId, { evenIfBlocked: true });
  return authorId;
}

/**
 * How many of the reporters have verified where they live within the last 30 days: holding a
 * neighbourhood is only a choice anyone can make, and five accounts made for the purpose must not
 * be able to hide a neighbour's post. Their reports are kept for moderation all the same.
 */
async function verifiedReporters(tx: Tx, reporterIds: string[], now: number): Promise<number> {
  let verified = 0;
  for (const id of reporterIds) if (isVerificationCurrent((await tx.verifications.summary(id)).lastVerifiedAt, now)) verified++;
  return verified;
}

/** After a report is stored: hides the post or comment once enough different neighbours reported it. */
export async function hideIfReportedEnough(ctx: MutationContext, target: 'post' | 'comment', targetId: string): Promise<void> {
  const { tx, now } = ctx;
  // Two last reports arriving together must not each count the other out: the second counts once
  // the first has committed.
  await tx.sync.holdChanges();
  if ((await verifiedReporters(tx, await tx.reports.reportersOf(target, targetId), now)) < BOARD_LIMITS.hideAfterReports) return;
  if (target === 'post') {
    const post = (await tx.boardPosts.factsOf(targetId))!;
    if (post.underReview) return;
    await tx.boardPosts.markUnderReview(targetId, now, await tx.sync.nextChangeSeq());
    await resendComments(tx, targetId);
    seenAround(ctx, post);
    return;
  }
  const comment = (await tx.boardComments.factsOf(targetId))!;
  if (comment.underReview) return;
  await tx.boardComments.markUnderReview(targetId, await tx.sync.nextChangeSeq());
  const post = await tx.boardPosts.factsOf(comment.postId);
  if (post) seenAround(ctx, post);
}
