// Reviewing the other side of a completed trade (거래 후기): manners from the fixed list and an
// optional word for them, once per side. Written offline like any change; the conversation marks my
// side as reviewed at once.
import { conversationId, describeIssues, reviewCreateArgs, type ReviewCreateArgs } from '@dongne/shared';
import type { DongneDb } from '../db/db.js';
import { enqueue, notifyLocalMutation } from '../sync/outbox.js';

export type ReviewResult = { ok: true; id: string } | { ok: false; message: string };

/**
 * Sends a review of `review.revieweeId` for the trade on `review.listingId`, whose buyer is `buyerId`
 * (the reviewee or me). Refused here, with the reason, if the server would refuse its content.
 */
export async function sendReview(db: DongneDb, review: Omit<ReviewCreateArgs, 'id'>, buyerId: string): Promise<ReviewResult> {
  const text = review.text?.trim();
  const checked = reviewCreateArgs.safeParse({ ...review, id: crypto.randomUUID(), text: text || undefined });
  if (!checked.success) return { ok: false, message: describeIssues(checked.error)[0]?.message ?? 'This review cannot be sent.' };
  const args = checked.data;
  // Filed under the conversation, where the chat shows the trade's steps and what waits to sync.
  await db.transaction('rw', db.replicaTables, () => enqueue(db, 'review.create', args, conversationId(args.listingId, buyerId)));
  notifyLocalMutation();
  return { ok: true, id: args.id };
}
