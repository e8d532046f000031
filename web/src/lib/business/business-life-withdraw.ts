// Taking a person's business-life work off the device when they sign out (or someone else signs
// in): everyone on this device must see businesses as the server shows them. Unsent businesses,
// campaigns and posts leave, deletes waiting to sync are undone, an edit of details waiting goes
// back to the server's, and an unsent review gives way to the one the server holds (or none).
// Their outbox keeps the work.
import type { DongneDb } from '../db/db.js';

export async function withdrawBusinessLifeWork(db: DongneDb, owner: string): Promise<void> {
  if (!owner) return;
  for (const post of await db.businessPosts.where('ownerId').equals(owner).toArray()) {
    if (post.local) await db.businessPosts.delete(post.id);
    else if (post.deletedHere) {
      const { deletedHere: _gone, ...server } = post;
      await db.businessPosts.put(server);
    }
  }
  for (const business of await db.businesses.where('ownerId').equals(owner).toArray()) {
    if (!business.base) continue;
    const { base, ...rest } = business;
    await db.businesses.put({ ...rest, ...base });
  }
  // Businesses and campaigns opened here that the server has not made its own (still waiting, or
  // refused with the reason): their names, budgets and refusals are the person's alone. What still
  // waits in their outbox shows again when they return.
  await db.businesses.where('ownerId').equals(owner).filter((business) => !!business.local).delete();
  await db.campaigns.where('ownerId').equals(owner).filter((campaign) => !!campaign.local).delete();
  for (const review of await db.businessReviews.where('authorId').equals(owner).toArray()) {
    if (!review.local) continue;
    if (review.base) await db.businessReviews.put(review.base);
    else await db.businessReviews.delete(review.id);
  }
}
