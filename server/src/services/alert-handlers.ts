// Keyword alerts (키워드 알림) and the inbox: saving and forgetting keywords (at most 30 each),
// telling people of a new listing that matches one, and marking what they were told as read.
import { KEYWORD_LIMITS, keywordKey } from '@dongne/shared';
import type { Handlers, MutationContext } from './mutation-context.js';
import { keywordMatchesFor, type NewListingForAlerts } from './keyword-alerts.js';
import { MutationRejected } from './service-error.js';
import { notify } from './notify.js';

type AlertHandlers = Pick<Handlers, 'keyword.add' | 'keyword.remove' | 'notification.read'>;

export const alertHandlers: AlertHandlers = {
  async 'keyword.add'({ tx, actor, now }, args) {
    const kept = await tx.keywords.of(actor.id);
    if (kept.includes(args.keyword)) return;
    if (kept.length >= KEYWORD_LIMITS.perPerson) {
      throw new MutationRejected('keyword.limit', `You can keep ${KEYWORD_LIMITS.perPerson} keywords. Remove one to add "${args.keyword}".`);
    }
    await tx.keywords.add(actor.id, args.keyword, keywordKey(args.keyword), now);
  },

  async 'keyword.remove'({ tx, actor }, args) {
    await tx.keywords.remove(actor.id, args.keyword);
  },

  async 'notification.read'({ tx, actor, now }, args) {
    // Another person's id, or one read already, is passed over: nothing to say about it.
    for (const id of new Set(args.ids)) await tx.notifications.markRead(actor.id, id, now, await tx.sync.nextChangeSeq());
  },
};

/** Tells everyone whose keyword the new listing matches (see keyword-alerts.ts): their inbox, and a push to their devices. */
export async function notifyKeywordMatches(ctx: MutationContext, listing: NewListingForAlerts): Promise<void> {
  for (const { actorId, keyword } of await keywordMatchesFor(ctx.tx, listing)) {
    await notify(ctx, { actorId, kind: 'keyword', subjectId: listing.id, title: listing.title, keyword });
  }
}
