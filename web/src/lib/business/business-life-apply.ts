// A business's life on the device: what editing its details, posting, following and reviewing show
// before the server has seen them (run when the person acts, and again over each pull to rebase
// what waits), what a refusal puts back (and says), and how pulled posts, reviews and followed ids land.
import { businessReviewId, type BusinessDetails, type MutationArgs, type PullResponse } from '@dongne/shared';
import type { ActionRefusal } from '../db/meta.js';
import type { DongneDb, LocalBusiness, LocalBusinessPost, LocalBusinessReview } from '../db/db.js';
import { getMeta, setMeta, setMetaIfChanged } from '../db/meta.js';

type Refusal = { code: string; message: string };

const detailsOf = (b: LocalBusiness): BusinessDetails => ({ address: b.address, hours: b.hours, phone: b.phone, description: b.description, photos: b.photos });

async function refused(db: DongneDb, action: ActionRefusal['action'], reason: Refusal) {
  await setMeta(db, 'actionRefusal', { action, code: reason.code, message: reason.message, at: Date.now() });
}

export async function applyBusinessUpdate(db: DongneDb, { id, ...details }: MutationArgs<'business.update'>): Promise<void> {
  const business = await db.businesses.get(id);
  if (!business) return;
  await db.businesses.put({ ...business, base: business.base ?? detailsOf(business), ...details });
}

export async function applyBusinessPost(db: DongneDb, args: MutationArgs<'business.post'>, at: number): Promise<void> {
  const existing = await db.businessPosts.get(args.id);
  // The server has it already (a pull brought it back): its row is the truth.
  if (existing && !existing.local) return;
  const business = await db.businesses.get(args.businessId);
  const { id, businessId, kind, title, text, photos, validUntil } = args;
  await db.businessPosts.put({
    id,
    businessId,
    kind,
    title,
    text,
    photos,
    validUntil,
    businessName: business?.name ?? '',
    ownerId: (await getMeta(db, 'actorId')) ?? '',
    neighbourhoodId: business?.neighbourhoodId ?? '',
    createdAt: existing?.createdAt ?? at,
    local: true,
  });
}

export async function applyBusinessDeletePost(db: DongneDb, args: MutationArgs<'business.delete_post'>): Promise<void> {
  const post = await db.businessPosts.get(args.id);
  if (post) await db.businessPosts.put({ ...post, deletedHere: true });
}

/** Only the list of followed businesses changes; the count stays the server's and screens add the difference. */
export async function applyBusinessFollow(db: DongneDb, args: MutationArgs<'business.follow'>): Promise<void> {
  const followed = ((await getMeta(db, 'followedBusinessIds')) ?? []).filter((id) => id !== args.businessId);
  await setMeta(db, 'followedBusinessIds', args.following ? [args.businessId, ...followed] : followed);
}

export async function applyBusinessReview(db: DongneDb, args: MutationArgs<'business.review'>, at: number): Promise<void> {
  const authorId = (await getMeta(db, 'actorId')) ?? '';
  const id = businessReviewId(args.businessId, authorId);
  const existing = await db.businessReviews.get(id);
  const base = existing?.local ? existing.base : existing;
  await db.businessReviews.put({
    id,
    businessId: args.businessId,
    authorId,
    authorName: (await getMeta(db, 'nickname')) ?? '',
    stars: args.stars,
    text: args.text,
    createdAt: base?.createdAt ?? at,
    editedAt: base ? at : null,
    local: true,
    ...(base && { base }),
  });
}

export async function rejectBusinessUpdate(db: DongneDb, args: MutationArgs<'business.update'>, reason: Refusal): Promise<void> {
  const business = await db.businesses.get(args.id);
  if (business?.base) {
    const { base, ...rest } = business;
    await db.businesses.put({ ...rest, ...base });
  }
  await refused(db, 'business_edit', reason);
}

/** A post the server would not take stays on the owner's device, marked, so its words are not lost. */
export async function rejectBusinessPost(db: DongneDb, args: MutationArgs<'business.post'>, reason: Refusal): Promise<void> {
  await db.businessPosts.delete(args.id);
  await refused(db, 'business_post', reason);
}

export async function rejectBusinessDeletePost(db: DongneDb, args: MutationArgs<'business.delete_post'>, reason: Refusal): Promise<void> {
  const post = await db.businessPosts.get(args.id);
  if (post?.deletedHere) {
    const { deletedHere: _gone, ...rest } = post;
    await db.businessPosts.put(rest);
  }
  await refused(db, 'business_delete_post', reason);
}

export async function rejectBusinessFollow(db: DongneDb, args: MutationArgs<'business.follow'>, reason: Refusal): Promise<void> {
  const serverFollows = ((await getMeta(db, 'serverFollowedBusinessIds')) ?? []).includes(args.businessId);
  await applyBusinessFollow(db, { businessId: args.businessId, following: serverFollows });
  await refused(db, 'business_follow', reason);
}

export async function rejectBusinessReview(db: DongneDb, args: MutationArgs<'business.review'>, reason: Refusal): Promise<void> {
  const id = businessReviewId(args.businessId, (await getMeta(db, 'actorId')) ?? '');
  const mine = await db.businessReviews.get(id);
  if (mine?.local) {
    if (mine.base) await db.businessReviews.put(mine.base);
    else await db.businessReviews.delete(id);
  }
  await refused(db, 'business_review', reason);
}

/** Writes a pulled page's business posts and reviews, and the followed ids; a closed business takes its posts and reviews. */
export async function applyPulledBusinessLife(db: DongneDb, page: PullResponse): Promise<void> {
  const posts: LocalBusinessPost[] = [];
  const reviews: LocalBusinessReview[] = [];
  const gonePosts: string[] = [];
  const goneReviews: string[] = [];
  const goneBusinesses: string[] = [];
  for (const change of page.changes) {
    if (change.entity === 'business_post') {
      if (change.op === 'upsert') posts.push(change.row);
      else gonePosts.push(change.id);
    } else if (change.entity === 'business_review') {
      if (change.op === 'upsert') reviews.push(change.row);
      else goneReviews.push(change.id);
    } else if (change.entity === 'business' && change.op === 'delete') goneBusinesses.push(change.id);
  }
  if (posts.length) await db.businessPosts.bulkPut(posts);
  if (reviews.length) await db.businessReviews.bulkPut(reviews);
  if (gonePosts.length) await db.businessPosts.bulkDelete(gonePosts);
  if (goneReviews.length) await db.businessReviews.bulkDelete(goneReviews);
  for (const id of goneBusinesses) {
    await db.businessPosts.where('[businessId+createdAt]').between([id, -Infinity], [id, Infinity]).delete();
    await db.businessReviews.where('[businessId+createdAt]').between([id, -Infinity], [id, Infinity]).delete();
  }
  if (page.profile) {
    await setMetaIfChanged(db, 'followedBusinessIds', page.followedBusinessIds);
    await setMetaIfChanged(db, 'serverFollowedBusinessIds', page.followedBusinessIds);
  }
}
