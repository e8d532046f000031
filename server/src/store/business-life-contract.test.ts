// A business's life in the store contract, tested the same way on every engine: details and counts
// on the business row (renumbered), posts paged to the area, to followers and to the owner, follows
// kept once, and one review per person that a second replaces.
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestStore, type OpenedTestStore } from '../testing/test-store.js';
import type { NewBusinessPost } from './contract/business-life.js';
import type { Store } from './contract/store.js';

/** Sunae 1-dong, in Bundang. */
const HOME = 'kr-3102353';
/** Mangwon 1-dong, in Seoul. */
const SEOUL = 'kr-1114069';

let opened: OpenedTestStore;
let store: Store;
let seq = 0;
const next = () => ++seq;
let shop: string;

beforeEach(async () => {
  opened = await openTestStore();
  store = opened.store;
  seq = 0;
  for (const id of ['owner', 'neighbour', 'seoulite']) await store.actors.insert({ id, nickname: id, createdAt: 1 });
  shop = randomUUID();
  await store.businesses.insert({ id: shop, ownerId: 'owner', name: '수내 베이커리', category: 'bakery', neighbourhoodId: HOME, neighbourhood: 'Sunae 1-dong 수내1동', createdAt: 10, changeSeq: next() });
});
afterEach(() => opened.close());

const post = (overrides: Partial<NewBusinessPost> = {}): NewBusinessPost => ({
  id: randomUUID(),
  businessId: shop,
  ownerId: 'owner',
  neighbourhoodId: HOME,
  kind: 'coupon',
  title: '소금빵 2+1',
  text: '금요일까지',
  photos: [{ full: 'a'.repeat(64), thumb: 'b'.repeat(64) }],
  validUntil: 1_900_000_000_000,
  createdAt: 100,
  changeSeq: next(),
  ...overrides,
});

const businessRow = async () => {
  const [row] = await store.businesses.changesSinceIn([HOME], undefined, 0, 10);
  return row;
};

describe('a business’s details and counts', () => {
  it('replace the details as a new change of the business row', async () => {
    const photos = [{ full: 'c'.repeat(64), thumb: 'd'.repeat(64) }];
    await store.businessProfiles.updateDetails(shop, { address: '수내로 46', hours: '8–20', phone: '031-712-0046', description: '빵집', photos }, next());
    expect(await businessRow()).toMatchObject({ changeSeq: 2, business: { address: '수내로 46', hours: '8–20', phone: '031-712-0046', description: '빵집', photos } });
  });

  it('page the businesses a person follows, wherever they are, by id', async () => {
    expect(await store.businessProfiles.changesSinceOf([shop, 'no-such-business'], 0, 10)).toMatchObject([{ changeSeq: 1, deleted: false, business: { id: shop } }]);
    expect(await store.businessProfiles.changesSinceOf([shop], 1, 10)).toEqual([]);
    expect(await store.businessProfiles.changesSinceOf([], 0, 10)).toEqual([]);
    await store.businesses.markDeleted(shop, 5, next());
    expect(await store.businessProfiles.changesSinceOf([shop], 1, 10)).toEqual([{ changeSeq: 2, deleted: true, id: shop }]);
  });

  it('count followers once each, and reviews and their stars from the rows not deleted', async () => {
    expect(await store.businessFollows.set(shop, 'neighbour', true, 20)).toBe(true);
    expect(await store.businessFollows.set(shop, 'neighbour', true, 21)).toBe(false);
    expect(await store.businessFollows.set(shop, 'seoulite', true, 22)).toBe(true);
    await store.businessProfiles.recountFollowers(shop, next());
    expect(await businessRow()).toMatchObject({ business: { followerCount: 2 } });
    expect(await store.businessFollows.followersOf(shop)).toEqual(['neighbour', 'seoulite']);
    expect(await store.businessFollows.followedBy('neighbour', 10)).toEqual([shop]);
    expect(await store.businessFollows.set(shop, 'neighbour', false, 23)).toBe(true);
    expect(await store.businessFollows.set(shop, 'neighbour', false, 24)).toBe(false);
    expect(await store.businessFollows.followedBy('neighbour', 10)).toEqual([]);

    await store.businessReviews.put({ businessId: shop, authorId: 'neighbour', neighbourhoodId: HOME, stars: 2, text: '별로', at: 30, changeSeq: next() });
    await store.businessReviews.put({ businessId: shop, authorId: 'seoulite', neighbourhoodId: HOME, stars: 5, text: '최고', at: 31, changeSeq: next() });
    await store.businessReviews.put({ businessId: shop, authorId: 'neighbour', neighbourhoodId: HOME, stars: 4, text: '다시 가니 좋아요', at: 40, changeSeq: next() });
    await store.businessProfiles.recountReviews(shop, next());
    expect(await businessRow()).toMatchObject({ business: { reviewCount: 2, starSum: 9 } });
    expect(await store.businessReviews.byId(shop, 'neighbour')).toEqual({
      id: `${shop}:neighbour`,
      businessId: shop,
      authorId: 'neighbour',
      authorName: 'neighbour',
      stars: 4,
      text: '다시 가니 좋아요',
      createdAt: 30,
      editedAt: 40,
    });
    await store.businessReviews.markDeleted(shop, 'seoulite', 50, next());
    await store.businessProfiles.recountReviews(shop, next());
    expect(await businessRow()).toMatchObject({ business: { reviewCount: 1, starSum: 4 } });
    expect(await store.businessReviews.reviewedBy('seoulite')).toEqual([]);
    expect(await store.businessReviews.byId(shop, 'seoulite')).toBeUndefined();
  });
});

describe('posts and reviews through the pull', () => {
  it('page posts to the area, to a follower anywhere and to the owner, and a deleted one as a tombstone', async () => {
    const coupon = post();
    expect(await store.businessPosts.insert(coupon)).toBe(true);
    expect(await store.businessPosts.insert({ ...coupon, changeSeq: next() })).toBe(false);
    const [row] = await store.businessPosts.changesSinceIn([HOME], [], undefined, 0, 10);
    expect(row).toEqual({
      changeSeq: coupon.changeSeq,
      deleted: false,
      post: {
        id: coupon.id,
        businessId: shop,
        businessName: '수내 베이커리',
        ownerId: 'owner',
        neighbourhoodId: HOME,
        kind: 'coupon',
        title: '소금빵 2+1',
        text: '금요일까지',
        photos: coupon.photos,
        validUntil: 1_900_000_000_000,
        createdAt: 100,
      },
    });
    expect(await store.businessPosts.changesSinceIn([SEOUL], [], 'seoulite', 0, 10)).toEqual([]);
    expect(await store.businessPosts.changesSinceIn([SEOUL], [shop], 'seoulite', 0, 10)).toHaveLength(1);
    expect(await store.businessPosts.changesSinceIn([SEOUL], [], 'owner', 0, 10)).toHaveLength(1);
    expect(await store.businessPosts.latestChangeIn([HOME, SEOUL])).toBe(coupon.changeSeq);
    expect(await store.businessPosts.countSince(shop, 99)).toBe(1);
    expect(await store.businessPosts.countSince(shop, 100)).toBe(0);

    await store.businessPosts.markDeleted(coupon.id, 200, next());
    expect(await store.businessPosts.factsOf(coupon.id)).toEqual({ businessId: shop, ownerId: 'owner', deleted: true });
    expect(await store.businessPosts.changesSinceIn([HOME], [shop], 'owner', 0, 10)).toEqual([{ changeSeq: seq, deleted: true, id: coupon.id }]);
    expect(await store.businessPosts.liveIdsOf(shop)).toEqual([]);
  });

  it('page reviews to the business’s area and to their author, and a deleted one as a tombstone', async () => {
    await store.businessReviews.put({ businessId: shop, authorId: 'seoulite', neighbourhoodId: HOME, stars: 5, text: '최고', at: 31, changeSeq: next() });
    expect(await store.businessReviews.changesSinceIn([HOME], undefined, 0, 10)).toMatchObject([{ deleted: false, review: { id: `${shop}:seoulite`, stars: 5 } }]);
    expect(await store.businessReviews.changesSinceIn([SEOUL], undefined, 0, 10)).toEqual([]);
    expect(await store.businessReviews.changesSinceIn([SEOUL], 'seoulite', 0, 10)).toHaveLength(1);
    expect(await store.businessReviews.latestChangeIn([HOME])).toBe(seq);
    await store.businessReviews.markDeleted(shop, 'seoulite', 40, next());
    expect(await store.businessReviews.changesSinceIn([HOME], undefined, 0, 10)).toEqual([{ changeSeq: seq, deleted: true, id: `${shop}:seoulite` }]);
  });
});
