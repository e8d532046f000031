// A business's life through push and pull on a real store (either engine): the owner's details and
// posts and no one else's, 단골 and their notification of each post, reviews once per person
// (replaced by a second, never the owner's own), and what leaves with a deleted account.
import { businessPostRowSchema, businessReviewId, businessRowSchema, BUSINESS_PROFILE_LIMITS, pullResponseSchema } from '@dongne/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestServer, pullAll, push, setNeighbourhoods, verifyNeighbourhood, type TestServer } from '../testing/harness.js';
import { SEOUL } from '../testing/board.js';
import { people, type Person } from '../testing/trading.js';
import { openBusiness } from '../testing/ads.js';
import { businessLifeView, postArgs } from '../testing/business-life.js';

let server: TestServer;
let owner: Person;
let neighbour: Person;
/** Lives in Seoul's Mangwon 1-dong, far from the shop. */
let seoulite: Person;
let shop: string;

const inSeoul = { neighbourhood: SEOUL, range: 4 } as const;

beforeEach(async () => {
  server = await createTestServer();
  const tools = people(server);
  owner = await tools.person({ verified: true });
  neighbour = await tools.person({ verified: true });
  seoulite = await tools.person();
  await push(server.app, seoulite.cookie, seoulite.clientId, [setNeighbourhoods(seoulite.nextSeq(), [SEOUL]), verifyNeighbourhood(seoulite.nextSeq(), SEOUL, server.fixAt(SEOUL))]);
  shop = await openBusiness(server, owner);
});
afterEach(async () => {
  expect(server.logged).toEqual([]);
  await server.close();
});

const details = { address: '성남시 분당구 수내로 46', hours: '월–토 8:00–20:00\n일 휴무', phone: '031-123-4567', description: '매일 아침 굽는 동네 빵집', photos: [] };

describe('the profile’s details', () => {
  it('are its owner’s to edit, and reach the area on the business row', async () => {
    expect(await owner.act('business.update', { id: shop, ...details })).toMatchObject({ status: 'applied' });
    const row = (await businessLifeView(server.app, neighbour)).businesses.get(shop)!;
    expect(businessRowSchema.parse(row)).toEqual(row);
    expect(row).toMatchObject({ ...details, followerCount: 0, reviewCount: 0, starSum: 0 });
  });

  it('refuse anyone else, a closed or unknown business, and bad input', async () => {
    expect(await neighbour.act('business.update', { id: shop, ...details, phone: '010-0000-0000' })).toMatchObject({ status: 'rejected', code: 'business.not_owner' });
    expect(await owner.act('business.update', { id: '00000000-0000-4000-8000-000000000000', ...details })).toMatchObject({
      status: 'rejected',
      code: 'business.not_found',
    });
    expect(await owner.act('business.update', { id: shop, ...details, phone: 'call me' })).toMatchObject({ status: 'rejected', code: 'mutation.invalid_args' });
    expect(await owner.act('business.update', { id: shop, ...details, description: 'x'.repeat(BUSINESS_PROFILE_LIMITS.descriptionMax + 1) })).toMatchObject({
      status: 'rejected',
      code: 'mutation.invalid_args',
    });
    const photo = { full: 'a'.repeat(64), thumb: 'b'.repeat(64) };
    expect(await owner.act('business.update', { id: shop, ...details, photos: [photo] })).toMatchObject({ status: 'rejected', code: 'media.missing' });
    expect((await businessLifeView(server.app, neighbour)).businesses.get(shop)).toMatchObject({ phone: '', address: '' });
  });
});

describe('posts', () => {
  it('reach the business’s area and its owner, not the rest of the country, and carry the shared schema', async () => {
    const post = postArgs(shop, { validUntil: 1_900_000_000_000 });
    expect(await owner.act('business.post', post)).toMatchObject({ status: 'applied' });
    const row = (await businessLifeView(server.app, neighbour)).posts.get(post.id)!;
    expect(businessPostRowSchema.parse(row)).toEqual(row);
    expect(row).toMatchObject({ businessId: shop, businessName: '수내 베이커리', kind: 'coupon', title: '소금빵 2+1', validUntil: 1_900_000_000_000, ownerId: owner.actorId });
    expect((await businessLifeView(server.app, undefined)).posts.has(post.id)).toBe(true);
    expect((await businessLifeView(server.app, seoulite, inSeoul)).posts.has(post.id)).toBe(false);
    expect((await businessLifeView(server.app, owner, inSeoul)).posts.has(post.id)).toBe(true);
  });

  it('are the owner’s alone to write and delete; a resend is taken once, and a deleted post leaves every device', async () => {
    expect(await neighbour.act('business.post', postArgs(shop))).toMatchObject({ status: 'rejected', code: 'business.not_owner' });
    const post = postArgs(shop);
    expect(await owner.act('business.post', post)).toMatchObject({ status: 'applied' });
    expect(await owner.act('business.post', post)).toMatchObject({ status: 'applied' });
    expect(await neighbour.act('business.post', { ...post, title: '가짜' })).toMatchObject({ status: 'rejected', code: 'business.post_id_taken' });
    expect(await neighbour.act('business.delete_post', { id: post.id })).toMatchObject({ status: 'rejected', code: 'business.not_owner' });
    expect(await owner.act('business.delete_post', { id: postArgs(shop).id })).toMatchObject({ status: 'rejected', code: 'business.post_not_found' });
    expect(await owner.act('business.delete_post', { id: post.id })).toMatchObject({ status: 'applied' });
    expect(await owner.act('business.delete_post', { id: post.id })).toMatchObject({ status: 'applied' });
    const view = await businessLifeView(server.app, neighbour);
    expect(view.posts.has(post.id)).toBe(false);
    expect(view.dropped.has(post.id)).toBe(true);
  });

  it(`are at most ${BUSINESS_PROFILE_LIMITS.postsPerDay} a day per business`, async () => {
    for (let i = 0; i < BUSINESS_PROFILE_LIMITS.postsPerDay; i++) expect(await owner.act('business.post', postArgs(shop))).toMatchObject({ status: 'applied' });
    expect(await owner.act('business.post', postArgs(shop))).toMatchObject({ status: 'rejected', code: 'business.post_daily_limit' });
    server.clock.advance(24 * 60 * 60_000);
    expect(await owner.act('business.post', postArgs(shop))).toMatchObject({ status: 'applied' });
  });

  it('refuse a title missing, a kind unknown or a date past 2100', async () => {
    for (const bad of [{ title: ' ' }, { kind: 'ad' }, { validUntil: 5_000_000_000_000 }]) {
      expect(await owner.act('business.post', { ...postArgs(shop), ...bad })).toMatchObject({ status: 'rejected', code: 'mutation.invalid_args' });
    }
  });
});

describe('단골 (followers)', () => {
  it('counts followers on the profile, lists the follower’s ids in the pull, and a repeat changes nothing', async () => {
    expect(await neighbour.act('business.follow', { businessId: shop, following: true })).toMatchObject({ status: 'applied' });
    expect(await neighbour.act('business.follow', { businessId: shop, following: true })).toMatchObject({ status: 'applied' });
    expect(await seoulite.act('business.follow', { businessId: shop, following: true })).toMatchObject({ status: 'applied' });
    const view = await businessLifeView(server.app, neighbour);
    expect(view.businesses.get(shop)!.followerCount).toBe(2);
    expect(view.followed).toEqual([shop]);
    expect(await neighbour.act('business.follow', { businessId: shop, following: false })).toMatchObject({ status: 'applied' });
    const after = await businessLifeView(server.app, neighbour);
    expect(after.businesses.get(shop)!.followerCount).toBe(1);
    expect(after.followed).toEqual([]);
    expect(pullResponseSchema.parse((await pullAll(server.app, undefined)).pages[0]).followedBusinessIds).toEqual([]);
  });

  it('refuses the owner following their own business, and a business that does not exist', async () => {
    expect(await owner.act('business.follow', { businessId: shop, following: true })).toMatchObject({ status: 'rejected', code: 'business.not_owner' });
    expect(await neighbour.act('business.follow', { businessId: '00000000-0000-4000-8000-000000000000', following: true })).toMatchObject({
      status: 'rejected',
      code: 'business.not_found',
    });
    expect(await neighbour.act('business.follow', { businessId: shop, following: 'yes' })).toMatchObject({ status: 'rejected', code: 'mutation.invalid_args' });
  });

  it('tells followers of each post (one inbox line per business, refreshed), and sends its posts to a follower far away', async () => {
    await seoulite.act('business.follow', { businessId: shop, following: true });
    const first = postArgs(shop, { kind: 'news', title: '내일은 쉽니다', text: '' });
    await owner.act('business.post', first);
    let inbox = [...(await seoulite.view()).notifications.values()].filter((n) => n.kind === 'business_post');
    expect(inbox).toMatchObject([{ subjectId: shop, title: '수내 베이커리', snippet: '내일은 쉽니다', readAt: null }]);
    const second = postArgs(shop);
    await owner.act('business.post', second);
    inbox = [...(await seoulite.view()).notifications.values()].filter((n) => n.kind === 'business_post');
    expect(inbox).toHaveLength(1);
    expect(inbox[0].snippet).toContain('소금빵 2+1');
    // Neither the owner nor a neighbour who does not follow is told.
    for (const who of [owner, neighbour]) expect([...(await who.view()).notifications.values()].some((n) => n.kind === 'business_post')).toBe(false);
    // Seoul is out of the shop's area, yet a follower pulls its posts there.
    const far = await businessLifeView(server.app, seoulite, inSeoul);
    expect([...far.posts.keys()].sort()).toEqual([first.id, second.id].sort());
    // And the business itself, so the inbox's line opens its profile; not to a neighbour of Seoul who does not follow it.
    expect(far.businesses.get(shop)).toMatchObject({ name: '수내 베이커리', followerCount: 1 });
    expect((await businessLifeView(server.app, neighbour, inSeoul)).businesses.has(shop)).toBe(false);
  });
});

describe('reviews', () => {
  it('are one per person: a second replaces the first, and the profile keeps the count and the stars', async () => {
    expect(await neighbour.act('business.review', { businessId: shop, stars: 3, text: '빵은 좋은데 줄이 길어요' })).toMatchObject({ status: 'applied' });
    expect(await seoulite.act('business.review', { businessId: shop, stars: 5, text: '최고' })).toMatchObject({ status: 'applied' });
    expect(await neighbour.act('business.review', { businessId: shop, stars: 4, text: '다시 가 보니 줄이 줄었어요' })).toMatchObject({ status: 'applied' });
    const view = await businessLifeView(server.app, neighbour);
    expect(view.businesses.get(shop)).toMatchObject({ reviewCount: 2, starSum: 9 });
    const mine = view.reviews.get(businessReviewId(shop, neighbour.actorId))!;
    expect(mine).toMatchObject({ stars: 4, text: '다시 가 보니 줄이 줄었어요', authorName: neighbour.nickname });
    expect(mine.editedAt).not.toBeNull();
    expect(view.reviews.size).toBe(2);
  });

  it('are never the owner’s own, need 1 to 5 whole stars and some words, and a business that exists', async () => {
    expect(await owner.act('business.review', { businessId: shop, stars: 5, text: '우리 빵 최고' })).toMatchObject({ status: 'rejected', code: 'business.own_review' });
    for (const bad of [{ stars: 0 }, { stars: 6 }, { stars: 4.5 }, { text: '  ' }]) {
      expect(await neighbour.act('business.review', { businessId: shop, stars: 4, text: '좋아요', ...bad })).toMatchObject({ status: 'rejected', code: 'mutation.invalid_args' });
    }
    expect(await neighbour.act('business.review', { businessId: '00000000-0000-4000-8000-000000000000', stars: 4, text: '좋아요' })).toMatchObject({
      status: 'rejected',
      code: 'business.not_found',
    });
    expect((await businessLifeView(server.app, neighbour)).businesses.get(shop)).toMatchObject({ reviewCount: 0, starSum: 0 });
  });
});

describe('deleting an account', () => {
  async function deleteAccount(who: Person) {
    const confirmed = await server.app.request('/api/account/confirm', {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: who.cookie },
      body: JSON.stringify({ password: who.password }),
    });
    expect(confirmed.status).toBe(204);
    expect((await server.app.request('/api/account', { method: 'DELETE', headers: { cookie: who.cookie } })).status).toBe(204);
  }

  it('takes a neighbour’s review and follow off the profile, and an owner’s posts with their business', async () => {
    await neighbour.act('business.follow', { businessId: shop, following: true });
    await neighbour.act('business.review', { businessId: shop, stars: 2, text: '별로' });
    const post = postArgs(shop);
    await owner.act('business.post', post);
    await deleteAccount(neighbour);
    let view = await businessLifeView(server.app, seoulite, { neighbourhood: 'kr-3102353', range: 1 });
    expect(view.businesses.get(shop)).toMatchObject({ followerCount: 0, reviewCount: 0, starSum: 0 });
    expect(view.reviews.size).toBe(0);
    await deleteAccount(owner);
    view = await businessLifeView(server.app, seoulite, { neighbourhood: 'kr-3102353', range: 1 });
    expect(view.businesses.has(shop)).toBe(false);
    expect(view.posts.has(post.id)).toBe(false);
  });
});
