// A business's life after it opens: its owner keeps the profile's details and publishes news and
// coupons (its followers told); neighbours follow it (단골) and review it, once each, never the
// owner their own. Counts on the profile are recounted from the rows, so a resend changes nothing.
import { BUSINESS_PROFILE_LIMITS } from '@dongne/shared';
import type { BusinessFacts } from '../store/contract/ads.js';
import type { Tx } from '../store/contract/store.js';
import type { Handlers } from './mutation-context.js';
import { tellFollowersOfPost } from './business-notices.js';
import { photosOrReject } from './mutation-guards.js';
import { MutationRejected } from './service-error.js';

type BusinessLifeHandlers = Pick<Handlers, 'business.update' | 'business.post' | 'business.delete_post' | 'business.follow' | 'business.review'>;

const DAY_MS = 24 * 60 * 60 * 1000;

const notFound = () => new MutationRejected('business.not_found', 'That business profile no longer exists.');
const postIdTaken = () => new MutationRejected('business.post_id_taken', 'This id is already in use. Write the post again.');

async function liveBusinessOrReject(tx: Tx, id: string): Promise<BusinessFacts> {
  const business = await tx.businesses.factsOf(id);
  if (!business || business.deleted) throw notFound();
  return business;
}

function ownerOrReject(business: BusinessFacts, actorId: string, doing: string): void {
  if (business.ownerId !== actorId) throw new MutationRejected('business.not_owner', `Only the business's owner can ${doing}.`);
}

export const businessLifeHandlers: BusinessLifeHandlers = {
  async 'business.update'(ctx, { id, ...details }) {
    const { tx, actor } = ctx;
    const business = await liveBusinessOrReject(tx, id);
    ownerOrReject(business, actor.id, 'edit its profile');
    await photosOrReject(tx, details.photos);
    await tx.businessProfiles.updateDetails(id, details, await tx.sync.nextChangeSeq());
    ctx.areaChanged(business.neighbourhoodId);
    ctx.accountChanged(actor.id);
  },

  async 'business.post'(ctx, args) {
    const { tx, actor, now } = ctx;
    const existing = await tx.businessPosts.factsOf(args.id);
    if (existing) {
      // The owner's own post sent again (an outbox rebuilt after a lost answer): already taken.
      if (existing.ownerId === actor.id && existing.businessId === args.businessId && !existing.deleted) return;
      throw postIdTaken();
    }
    const business = await liveBusinessOrReject(tx, args.businessId);
    ownerOrReject(business, actor.id, 'post its news and coupons');
    if ((await tx.businessPosts.countSince(args.businessId, now - DAY_MS)) >= BUSINESS_PROFILE_LIMITS.postsPerDay) {
      throw new MutationRejected(
        'business.post_daily_limit',
        `A business can post ${BUSINESS_PROFILE_LIMITS.postsPerDay} times a day, and this one has today. Your post is kept on this device: post it again tomorrow.`,
      );
    }
    await photosOrReject(tx, args.photos);
    const inserted = await tx.businessPosts.insert({
      id: args.id,
      businessId: args.businessId,
      ownerId: actor.id,
      neighbourhoodId: business.neighbourhoodId,
      kind: args.kind,
      title: args.title,
      text: args.text,
      photos: args.photos,
      validUntil: args.validUntil,
      createdAt: now,
      changeSeq: await tx.sync.nextChangeSeq(),
    });
    if (!inserted) throw postIdTaken();
    await tellFollowersOfPost(ctx, { id: args.businessId, name: business.name }, args);
    ctx.areaChanged(business.neighbourhoodId);
    ctx.accountChanged(actor.id);
  },

  async 'business.delete_post'(ctx, args) {
    const { tx, actor, now } = ctx;
    const post = await tx.businessPosts.factsOf(args.id);
    if (!post) throw new MutationRejected('business.post_not_found', 'That post no longer exists.');
    if (post.ownerId !== actor.id) throw new MutationRejected('business.not_owner', "Only the business's owner can delete its posts.");
    // Deleted already (a resend, or another of the owner's devices): nothing more to do.
    if (post.deleted) return;
    const business = await tx.businesses.factsOf(post.businessId);
    await tx.businessPosts.markDeleted(args.id, now, await tx.sync.nextChangeSeq());
    if (business) ctx.areaChanged(business.neighbourhoodId);
    ctx.accountChanged(actor.id);
  },

  async 'business.follow'(ctx, args) {
    const { tx, actor, now } = ctx;
    const business = await tx.businesses.factsOf(args.businessId);
    // Stopping to follow a business that has since closed is already true: only following needs it open.
    if (!business || (business.deleted && args.following)) throw notFound();
    if (args.following && business.ownerId === actor.id) {
      throw new MutationRejected('business.not_owner', 'You own this business: its followers are your neighbours.');
    }
    if (!(await tx.businessFollows.set(args.businessId, actor.id, args.following, now))) return;
    if (!business.deleted) {
      await tx.businessProfiles.recountFollowers(args.businessId, await tx.sync.nextChangeSeq());
      ctx.areaChanged(business.neighbourhoodId);
    }
    // The person's other devices pull the followed ids (and the business's posts) again.
    ctx.accountChanged(actor.id);
  },

  async 'business.review'(ctx, args) {
    const { tx, actor, now } = ctx;
    const business = await liveBusinessOrReject(tx, args.businessId);
    if (business.ownerId === actor.id) throw new MutationRejected('business.own_review', 'You cannot review your own business.');
    await tx.businessReviews.put({
      businessId: args.businessId,
      authorId: actor.id,
      neighbourhoodId: business.neighbourhoodId,
      stars: args.stars,
      text: args.text,
      at: now,
      changeSeq: await tx.sync.nextChangeSeq(),
    });
    await tx.businessProfiles.recountReviews(args.businessId, await tx.sync.nextChangeSeq());
    ctx.areaChanged(business.neighbourhoodId);
    ctx.accountChanged(actor.id);
  },
};
