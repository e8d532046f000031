import { describe, expect, it } from 'vitest';
import { BUSINESS_PROFILE_BLANK, businessReviewId, type Business, type BusinessPost, type BusinessReview, type MutationResult } from '@dongne/shared';
import { signedIn, signOutLocally } from '../db/account.js';
import type { DongneDb } from '../db/db.js';
import { getMeta, setMeta } from '../db/meta.js';
import { useFreshDb } from '../db/test-db.js';
import { businessProfile, followedPosts, nearbyBusinesses, searchBusinesses } from '../db/businesses.js';
import { BUYER, pullPage, pullWith } from '../chat/test-chats.js';
import { settleResults } from '../sync/local-settle.js';
import { deleteBusinessPost, postForBusiness, reviewBusiness, setFollowing, updateBusinessDetails } from './business-life-actions.js';

let db: DongneDb;
useFreshDb((fresh) => (db = fresh));

const minji = { actorId: BUYER.id, nickname: BUYER.nickname, joinedAt: 1 };
const HOME = 'kr-bundang-sunae';
const NEXT_DOOR = 'kr-bundang-jeongja';

const shop = (overrides: Partial<Business> = {}): Business => ({
  id: crypto.randomUUID(),
  ownerId: 'owner-jun',
  name: '수내 베이커리',
  category: 'bakery',
  neighbourhoodId: HOME,
  neighbourhood: 'Sunae-dong 수내동',
  createdAt: 1_000,
  ...BUSINESS_PROFILE_BLANK,
  photos: [],
  ...overrides,
});
const serverPost = (businessId: string, overrides: Partial<BusinessPost> = {}): BusinessPost => ({
  id: crypto.randomUUID(),
  businessId,
  businessName: '수내 베이커리',
  ownerId: 'owner-jun',
  neighbourhoodId: HOME,
  kind: 'coupon',
  title: '소금빵 2+1',
  text: '',
  photos: [],
  validUntil: null,
  createdAt: 2_000,
  ...overrides,
});
const serverReview = (businessId: string, overrides: Partial<BusinessReview> = {}): BusinessReview => ({
  id: businessReviewId(businessId, BUYER.id),
  businessId,
  authorId: BUYER.id,
  authorName: BUYER.nickname,
  stars: 2,
  text: '별로였어요',
  createdAt: 3_000,
  editedAt: null,
  ...overrides,
});
const upsert = <E extends 'business' | 'business_post' | 'business_review'>(entity: E, row: unknown) => ({ op: 'upsert' as const, entity, row }) as never;

async function refuseAll(code: string) {
  const batch = await db.outbox.toArray();
  const results: MutationResult[] = batch.map((e) => ({ mutationId: e.mutationId, seq: e.seq, status: 'rejected', code, message: `Refused: ${code}` }));
  await settleResults(db, batch, results);
}

describe('a business’s life on the device', () => {
  it('lists the area’s shops nearest area first, then by name, by category', async () => {
    await db.neighbourhoods.put({ id: HOME, nameEn: 'Sunae-dong', nameKo: '수내동', lat: 0, lng: 0, neighbours: { 1: [HOME], 2: [HOME, NEXT_DOOR] } } as never);
    await setMeta(db, 'defaultScope', { neighbourhoodId: HOME, range: 2 });
    const far = shop({ name: '가나다 카페', category: 'cafe', neighbourhoodId: NEXT_DOOR });
    const near = shop({ name: '하하 빵집' });
    const outside = shop({ name: '서울 빵집', neighbourhoodId: 'kr-seoul-mangwon' });
    await pullWith(db, pullPage([upsert('business', far), upsert('business', near), upsert('business', outside)]));
    expect((await nearbyBusinesses(db)).map((e) => [e.business.name, e.ring])).toEqual([
      ['하하 빵집', 1],
      ['가나다 카페', 2],
    ]);
    expect((await nearbyBusinesses(db, 'cafe')).map((e) => e.business.name)).toEqual(['가나다 카페']);
    expect((await searchBusinesses(db, '빵집')).map((e) => e.business.name)).toEqual(['하하 빵집']);
  });

  it('shows an edit of the details at once, and puts the server’s back when it is refused', async () => {
    await signedIn(db, minji);
    const mine = shop({ ownerId: BUYER.id, phone: '031-000-0000' });
    await pullWith(db, pullPage([upsert('business', mine)]));
    expect(await updateBusinessDetails(db, { id: mine.id, address: '', hours: '', phone: 'call me', description: '', photos: [] })).toEqual({ ok: false, fields: ['phone'] });
    expect(await updateBusinessDetails(db, { id: mine.id, address: '수내로 46', hours: '8–20', phone: '031-712-0046', description: '빵집', photos: [] })).toEqual({ ok: true });
    expect(await db.businesses.get(mine.id)).toMatchObject({ phone: '031-712-0046', address: '수내로 46' });
    await refuseAll('business.not_owner');
    expect(await db.businesses.get(mine.id)).toMatchObject({ phone: '031-000-0000', address: '' });
    expect(await getMeta(db, 'actionRefusal')).toMatchObject({ action: 'business_edit', code: 'business.not_owner' });
  });

  it('shows a post at once and a delete hides it; a refused delete brings it back', async () => {
    await signedIn(db, minji);
    const mine = shop({ ownerId: BUYER.id });
    const old = serverPost(mine.id, { ownerId: BUYER.id });
    await pullWith(db, pullPage([upsert('business', mine), upsert('business_post', old)]));
    expect(await postForBusiness(db, { businessId: mine.id, kind: 'news', title: ' ', text: '', photos: [], validUntil: null })).toEqual({ ok: false, fields: ['title'] });
    const posted = await postForBusiness(db, { businessId: mine.id, kind: 'news', title: '내일 휴무', text: '', photos: [], validUntil: null });
    await deleteBusinessPost(db, old.id);
    expect((await businessProfile(db, mine.id))!.posts.map((p) => p.title)).toEqual(['내일 휴무']);
    await refuseAll('business.post_not_found');
    expect(await db.businessPosts.get(posted.id!)).toBeUndefined();
    expect((await businessProfile(db, mine.id))!.posts.map((p) => p.id)).toEqual([old.id]);
  });

  it('counts a follow waiting to sync, sends nothing for one undone before it leaves, and takes the server’s word on a refusal', async () => {
    await signedIn(db, minji);
    const theirs = shop();
    await pullWith(db, pullPage([upsert('business', { ...theirs, followerCount: 4 })]));
    await setFollowing(db, theirs.id, true);
    expect(await businessProfile(db, theirs.id)).toMatchObject({ following: true, followerCount: 5 });
    await setFollowing(db, theirs.id, false);
    expect(await db.outbox.count()).toBe(0);
    await setFollowing(db, theirs.id, true);
    await refuseAll('business.not_found');
    expect(await businessProfile(db, theirs.id)).toMatchObject({ following: false, followerCount: 4 });
  });

  it('shows a new review in place of the person’s old one, the average moving with it, and puts the old one back on a refusal', async () => {
    await signedIn(db, minji);
    const theirs = shop();
    const old = serverReview(theirs.id);
    await pullWith(db, pullPage([upsert('business', { ...theirs, reviewCount: 2, starSum: 6 }), upsert('business_review', old)]));
    expect(await businessProfile(db, theirs.id)).toMatchObject({ reviewCount: 2, average: 3 });
    expect(await reviewBusiness(db, { businessId: theirs.id, stars: 0, text: '' })).toEqual({ ok: false, fields: ['stars', 'text'] });
    await reviewBusiness(db, { businessId: theirs.id, stars: 5, text: '다시 가 보니 좋았어요' });
    const view = (await businessProfile(db, theirs.id))!;
    expect(view).toMatchObject({ reviewCount: 2, average: 4.5 });
    expect(view.reviews).toHaveLength(1);
    expect(view.mine).toMatchObject({ stars: 5, local: true, base: { stars: 2 } });
    await refuseAll('business.own_review');
    expect(await db.businessReviews.get(old.id)).toEqual(old);
  });

  it('brings followed shops’ posts and the followed ids with the pull, and takes a closed shop’s posts and reviews away', async () => {
    await signedIn(db, minji);
    const theirs = shop();
    const post = serverPost(theirs.id);
    await pullWith(db, pullPage([upsert('business', theirs), upsert('business_post', post), upsert('business_review', serverReview(theirs.id))], { followedBusinessIds: [theirs.id] }));
    expect(await getMeta(db, 'serverFollowedBusinessIds')).toEqual([theirs.id]);
    expect((await followedPosts(db, 5)).map((p) => p.id)).toEqual([post.id]);
    await pullWith(db, pullPage([{ op: 'delete', entity: 'business', id: theirs.id }], { followedBusinessIds: [] }));
    expect(await db.businessPosts.count()).toBe(0);
    expect(await db.businessReviews.count()).toBe(0);
    expect(await followedPosts(db, 5)).toEqual([]);
  });

  it('takes unsent work and the followed ids off the device at sign-out', async () => {
    await signedIn(db, minji);
    const mine = shop({ ownerId: BUYER.id });
    const theirs = shop();
    await pullWith(db, pullPage([upsert('business', mine), upsert('business', theirs)], { followedBusinessIds: [theirs.id] }));
    await updateBusinessDetails(db, { id: mine.id, address: '새 주소', hours: '', phone: '', description: '', photos: [] });
    await postForBusiness(db, { businessId: mine.id, kind: 'news', title: '안 보낸 소식', text: '', photos: [], validUntil: null });
    await reviewBusiness(db, { businessId: theirs.id, stars: 4, text: '좋아요' });
    await signOutLocally(db, { toldServer: true });
    expect(await db.businesses.get(mine.id)).toMatchObject({ address: '' });
    expect(await db.businessPosts.count()).toBe(0);
    expect(await db.businessReviews.count()).toBe(0);
    expect(await getMeta(db, 'followedBusinessIds')).toBeUndefined();
  });
});
