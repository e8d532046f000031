// When a person's account goes, their businesses close and their campaigns end, as changes, so
// every device drops them at its next pull; so do the closed businesses' posts. The ad events they
// counted on others' ads stay, emptied of who and which device: those events were what the other
// businesses were charged for, and their days' figures must keep adding up. What they did as a
// neighbour goes too: their reviews leave (the averages recounted) and they stop following.
import type { Tx } from '../store/contract/store.js';

export async function closeBusinesses(tx: Tx, actorId: string, now: number): Promise<void> {
  for (const id of await tx.campaigns.liveIdsByOwner(actorId)) await tx.campaigns.end(id, now, await tx.sync.nextChangeSeq());
  for (const id of await tx.businesses.liveIdsByOwner(actorId)) {
    for (const postId of await tx.businessPosts.liveIdsOf(id)) await tx.businessPosts.markDeleted(postId, now, await tx.sync.nextChangeSeq());
    await tx.businesses.markDeleted(id, now, await tx.sync.nextChangeSeq());
  }
  await tx.adEvents.anonymise(actorId);
  for (const businessId of await tx.businessReviews.reviewedBy(actorId)) {
    await tx.businessReviews.markDeleted(businessId, actorId, now, await tx.sync.nextChangeSeq());
    const business = await tx.businesses.factsOf(businessId);
    if (business && !business.deleted) await tx.businessProfiles.recountReviews(businessId, await tx.sync.nextChangeSeq());
  }
  for (const businessId of await tx.businessFollows.followedBy(actorId, Number.MAX_SAFE_INTEGER)) {
    await tx.businessFollows.set(businessId, actorId, false, now);
    const business = await tx.businesses.factsOf(businessId);
    if (business && !business.deleted) await tx.businessProfiles.recountFollowers(businessId, await tx.sync.nextChangeSeq());
  }
}
