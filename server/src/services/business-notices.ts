// What a business's life tells people (알림): its followers (단골) hear of each news or coupon it
// posts. The subject is the business, so a busy shop is one line in a follower's inbox, refreshed
// by its latest post, not one per post. The owner is never told of their own post.
import { boardExcerpt, NOTIFICATION_LIMITS } from '@dongne/shared';
import type { MutationContext } from './mutation-context.js';
import { notify } from './notify.js';

export async function tellFollowersOfPost(
  ctx: MutationContext,
  business: { id: string; name: string },
  post: { title: string; text: string },
): Promise<void> {
  const snippet = boardExcerpt(post.text ? `${post.title} · ${post.text}` : post.title, NOTIFICATION_LIMITS.snippetMax);
  for (const followerId of await ctx.tx.businessFollows.followersOf(business.id)) {
    if (followerId === ctx.actor.id) continue;
    await notify(ctx, {
      actorId: followerId,
      kind: 'business_post',
      subjectId: business.id,
      title: business.name,
      keyword: null,
      byActorId: ctx.actor.id,
      actorName: business.name,
      snippet,
    });
  }
}
