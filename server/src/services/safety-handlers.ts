// Block (차단) and report (신고). A block changes what both people see (each other's listings leave
// their feeds), so both are poked; a report is stored for moderation, and enough of them hide a
// board post or comment (board-reports.ts).
// Each has a daily cap per account: new blocks, and reports.
import type { Handlers, MutationContext } from './mutation-context.js';
import type { ReportTarget } from '../store/contract/trading.js';
import { boardAuthorOrReject, hideIfReportedEnough } from './board-reports.js';
import { DuplicateError } from '../store/contract/duplicate-error.js';
import { MutationRejected } from './service-error.js';

type SafetyHandlers = Pick<Handlers, 'block.set' | 'report.create'>;

export const safetyHandlers: SafetyHandlers = {
  async 'block.set'(ctx, args) {
    const { tx, actor, now, caps } = ctx;
    if (args.actorId === actor.id) throw new MutationRejected('block.self', 'You cannot block yourself.');
    if (!(await tx.actors.byId(args.actorId))) throw new MutationRejected('block.unknown', 'There is no such neighbour.');
    // Only a new block counts: unblocking, or blocking someone already blocked, is never refused.
    const newBlock = args.blocked && !(await tx.blocks.isBlocking(actor.id, args.actorId));
    if (newBlock && (await tx.creationCounts.inLastDay(actor.id, 'block', now)) >= caps.blocks) {
      throw new MutationRejected(
        'block.daily_limit',
        `You can block ${caps.blocks} people a day, and you have today. Your earlier blocks all hold; block this person again tomorrow.`,
      );
    }
    if (await tx.blocks.set(actor.id, args.actorId, args.blocked, now)) ctx.accountChanged(args.actorId);
    if (newBlock) await tx.creationCounts.add(actor.id, 'block', now);
  },

  async 'report.create'(ctx, args) {
    const { tx, actor, now, caps } = ctx;
    const ownerId = await ownerOrReject(ctx, args.target, args.targetId);
    if (ownerId === actor.id) throw new MutationRejected('report.self', 'You cannot report yourself, or what you listed or wrote.');
    if ((await tx.creationCounts.inLastDay(actor.id, 'report', now)) >= caps.reports) {
      throw new MutationRejected(
        'report.daily_limit',
        `You can send ${caps.reports} reports a day, and you have today. This report was not sent: report it again tomorrow, and block the person meanwhile if they trouble you.`,
      );
    }
    try {
      await tx.reports.insert({ id: args.id, reporterId: actor.id, target: args.target, targetId: args.targetId, reason: args.reason, text: args.text ?? '', createdAt: now });
    } catch (error) {
      if (error instanceof DuplicateError) throw new MutationRejected('report.id_taken', 'This report id is already in use. Send the report again.');
      throw error;
    }
    await tx.creationCounts.add(actor.id, 'report', now);
    if (args.target === 'post' || args.target === 'comment') await hideIfReportedEnough(ctx, args.target, args.targetId);
  },
};

/** Who the reported person is, or who listed or wrote what is reported; refused if there is no such target. */
async function ownerOrReject(ctx: MutationContext, target: ReportTarget, targetId: string): Promise<string> {
  switch (target) {
    case 'actor':
      if (!(await ctx.tx.actors.byId(targetId))) throw new MutationRejected('report.unknown_target', 'There is no such neighbour to report.');
      return targetId;
    case 'listing': {
      const listing = await ctx.tx.listings.ownerOf(targetId);
      if (!listing) throw new MutationRejected('report.unknown_target', 'There is no such listing to report.');
      return listing.sellerId;
    }
    case 'post':
    case 'comment':
      return boardAuthorOrReject(ctx, target, targetId);
  }
}
