// What deleting an account does to the board: the person's posts are deleted as their own delete
// would (their comments leave with them), their comments elsewhere become deleted rows (replies keep
// their place), and their 공감 goes; every post whose counts moved is sent again.
import type { Tx } from '../store/contract/store.js';
import { resendComments } from './board-rules.js';

export async function removeFromBoard(tx: Tx, actorId: string, now: number): Promise<void> {
  for (const id of await tx.boardPosts.liveIdsByAuthor(actorId)) {
    await tx.boardPosts.markDeleted(id, now, await tx.sync.nextChangeSeq());
    await resendComments(tx, id);
  }
  const commentedOn = new Set<string>();
  for (const id of await tx.boardComments.liveIdsByAuthor(actorId)) {
    const { postId } = (await tx.boardComments.factsOf(id))!;
    await tx.boardComments.markDeleted(id, now, await tx.sync.nextChangeSeq());
    commentedOn.add(postId);
  }
  const reactedTo = await tx.boardPosts.allReactedBy(actorId);
  for (const postId of reactedTo) await tx.boardPosts.setReacted(actorId, postId, false, now);
  await tx.boardPosts.forgetReactionNotices(actorId);
  const live = async (postId: string) => (await tx.boardPosts.factsOf(postId))?.deleted === false;
  for (const postId of commentedOn) if (await live(postId)) await tx.boardPosts.recountComments(postId, await tx.sync.nextChangeSeq());
  for (const postId of reactedTo) if (await live(postId)) await tx.boardPosts.recountReactions(postId, await tx.sync.nextChangeSeq());
}
