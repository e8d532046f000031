// Block (차단) and report (신고). A block changes what both people see (each other's listings leave
// their feeds), so both are poked; a report is stored for moderation and changes nothing visible.
import type { Handlers } from './mutation-context.js';
import { DuplicateError } from '../store/contract/duplicate-error.js';
import { MutationRejected } from './service-error.js';

type SafetyHandlers = Pick<Handlers, 'block.set' | 'report.create'>;

export const safetyHandlers: SafetyHandlers = {
  async 'block.set'(ctx, args) {
    const { tx, actor, now } = ctx;
    if (args.actorId === actor.id) throw new MutationRejected('block.self', 'You cannot block yourself.');
    if (!(await tx.actors.byId(args.actorId))) throw new MutationRejected('block.unknown', 'There is no such neighbour.');
    if (await tx.blocks.set(actor.id, args.actorId, args.blocked, now)) ctx.accountChanged(args.actorId);
  },

  async 'report.create'(ctx, args) {
    const { tx, actor, now } = ctx;
    const target = args.target === 'actor' ? await tx.actors.byId(args.targetId) : await tx.listings.ownerOf(args.targetId);
    if (!target) throw new MutationRejected('report.unknown_target', `There is no such ${args.target === 'actor' ? 'neighbour' : 'listing'} to report.`);
    const own = args.target === 'actor' ? args.targetId === actor.id : (target as { sellerId: string }).sellerId === actor.id;
    if (own) throw new MutationRejected('report.self', 'You cannot report yourself or your own listing.');
    try {
      await tx.reports.insert({ id: args.id, reporterId: actor.id, target: args.target, targetId: args.targetId, reason: args.reason, text: args.text ?? '', createdAt: now });
    } catch (error) {
      if (error instanceof DuplicateError) throw new MutationRejected('report.id_taken', 'This report id is already in use. Send the report again.');
      throw error;
    }
  },
};
