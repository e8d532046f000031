// The board repositories of the store contract (posts, reactions, comments), tested the same way on
// every engine: what pull pages out to whom, how counts follow, and what search finds.
import type { BoardComment, BoardPost } from '@dongne/shared';
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestStore, type OpenedTestStore } from '../testing/test-store.js';
import type { BoardCommentChangeRow, BoardPostChangeRow, NewBoardPost } from './contract/board.js';
import type { Store } from './contract/store.js';

/** Sunae 1-dong, in Bundang. */
const HOME = 'kr-3102353';
/** Mangwon 1-dong, in Seoul: in nobody's Bundang area. */
const SEOUL = 'kr-1114069';

let opened: OpenedTestStore;
let store: Store;
let seq = 0;
const next = () => ++seq;

beforeEach(async () => {
  opened = await openTestStore();
  store = opened.store;
  seq = 0;
  for (const [id, nickname] of [
    ['author', '수내댁'],
    ['neighbour', '탄천러너'],
    ['other', '정자동주민'],
  ]) {
    await store.actors.insert({ id, nickname, createdAt: 1 });
  }
});
afterEach(() => opened.close());

async function post(overrides: Partial<NewBoardPost> = {}): Promise<string> {
  const id = overrides.id ?? randomUUID();
  const inserted = await store.boardPosts.insert({
    id,
    authorId: 'author',
    neighbourhoodId: HOME,
    neighbourhood: 'Sunae 1-dong 수내1동',
    topic: 'daily',
    text: '오늘 탄천 산책로에 벚꽃이 피었어요',
    photos: [],
    createdAt: 1000 + seq,
    changeSeq: next(),
    ...overrides,
  });
  expect(inserted).toBe(true);
  return id;
}

async function comment(postId: string, authorId = 'neighbour', parentId: string | null = null, text = '저도 봤어요!'): Promise<string> {
  const id = randomUUID();
  expect(await store.boardComments.insert({ id, postId, parentId, authorId, text, createdAt: 2000 + seq, changeSeq: next() })).toBe(true);
  return id;
}

const posts = (rows: BoardPostChangeRow[]) => rows.flatMap((r) => (r.deleted ? [] : [r.post]));
const postTombstones = (rows: BoardPostChangeRow[]) => rows.flatMap((r) => (r.deleted ? [r.id] : []));
const comments = (rows: BoardCommentChangeRow[]) => rows.flatMap((r) => (r.deleted ? [] : [r.comment]));
const commentTombstones = (rows: BoardCommentChangeRow[]) => rows.flatMap((r) => (r.deleted ? [r.id] : []));

describe('board posts', () => {
  it('keep a post whole, and refuse its id a second time', async () => {
    const photo = { full: 'a'.repeat(64), thumb: 'b'.repeat(64) };
    const id = await post({ topic: 'lost_found', text: '고양이를 찾습니다\n노란 치즈냥이에요', photos: [photo] });
    expect(await store.boardPosts.byId(id)).toEqual<BoardPost>({
      id,
      authorId: 'author',
      authorName: '수내댁',
      neighbourhoodId: HOME,
      neighbourhood: 'Sunae 1-dong 수내1동',
      topic: 'lost_found',
      text: '고양이를 찾습니다\n노란 치즈냥이에요',
      photos: [photo],
      commentCount: 0,
      reactionCount: 0,
      underReview: false,
      createdAt: 1000,
      updatedAt: 1000,
      editedAt: null,
    });
    expect(await store.boardPosts.insert({ id, authorId: 'other', neighbourhoodId: HOME, neighbourhood: '', topic: 'daily', text: 'x', photos: [], createdAt: 1, changeSeq: next() })).toBe(false);
    expect(await store.boardPosts.factsOf(id)).toEqual({ authorId: 'author', neighbourhoodId: HOME, text: '고양이를 찾습니다\n노란 치즈냥이에요', deleted: false, underReview: false });
    expect(await store.boardPosts.factsOf(randomUUID())).toBeUndefined();
  });

  it('page changes by place and by the viewer’s own posts anywhere, oldest first, each once', async () => {
    const home = await post();
    const seoul = await post({ neighbourhoodId: SEOUL, neighbourhood: 'Mangwon 1-dong 망원1동' });
    const neighbours = await post({ authorId: 'neighbour' });

    expect(posts(await store.boardPosts.changesSinceIn([HOME], undefined, 0, 10)).map((p) => p.id)).toEqual([home, neighbours]);
    // The author's own post in Seoul reaches them wherever their area is; once, though it is theirs and in the area.
    expect(posts(await store.boardPosts.changesSinceIn([HOME], 'author', 0, 10)).map((p) => p.id)).toEqual([home, seoul, neighbours]);
    expect(posts(await store.boardPosts.changesSinceIn([HOME], 'author', 0, 2)).map((p) => p.id)).toEqual([home, seoul]);
    expect((await store.boardPosts.changesSinceIn([HOME], 'author', 2, 10)).map((r) => r.changeSeq)).toEqual([3]);
    expect(await store.boardPosts.latestChangeIn([HOME])).toBe(3);
    expect(await store.boardPosts.latestChangeIn([SEOUL])).toBe(2);
    expect(await store.boardPosts.latestChangeIn(['kr-nowhere'])).toBe(0);
  });

  it('send a deleted post as a tombstone to everyone, and one under review to everyone but its author', async () => {
    const deleted = await post();
    const hidden = await post();
    await store.boardPosts.markDeleted(deleted, 5000, next());
    await store.boardPosts.markUnderReview(hidden, 5001, next());

    expect(postTombstones(await store.boardPosts.changesSinceIn([HOME], 'neighbour', 0, 10))).toEqual([deleted, hidden]);
    expect(postTombstones(await store.boardPosts.changesSinceIn([HOME], undefined, 0, 10))).toEqual([deleted, hidden]);
    const theirs = await store.boardPosts.changesSinceIn([HOME], 'author', 0, 10);
    expect(postTombstones(theirs)).toEqual([deleted]);
    expect(posts(theirs)).toMatchObject([{ id: hidden, underReview: true, updatedAt: 5001 }]);
    expect(await store.boardPosts.factsOf(deleted)).toMatchObject({ deleted: true });
    expect(await store.boardPosts.liveIdsByAuthor('author')).toEqual([hidden]);
  });

  it('mark an edit, and give it a new change number', async () => {
    const id = await post();
    const photos = [{ full: 'c'.repeat(64), thumb: 'd'.repeat(64) }];
    await store.boardPosts.update(id, { topic: 'food', text: '정자동 칼국수집 추천해요', photos }, 7000, next());
    expect(await store.boardPosts.byId(id)).toMatchObject({ topic: 'food', text: '정자동 칼국수집 추천해요', photos, editedAt: 7000, updatedAt: 7000, createdAt: 1000 });
    expect((await store.boardPosts.changesSinceIn([HOME], undefined, 1, 10)).map((r) => r.changeSeq)).toEqual([2]);
  });
});

describe('reactions', () => {
  it('count one per person, however often set, and list what the person pulls, most recent first', async () => {
    const first = await post();
    const second = await post({ authorId: 'other' });
    const far = await post({ authorId: 'other', neighbourhoodId: SEOUL, neighbourhood: 'Mangwon 1-dong 망원1동' });
    const own = await post({ authorId: 'neighbour', neighbourhoodId: SEOUL, neighbourhood: 'Mangwon 1-dong 망원1동' });
    expect(await store.boardPosts.setReacted('neighbour', first, true, 10)).toBe(true);
    expect(await store.boardPosts.setReacted('neighbour', first, true, 11)).toBe(false);
    expect(await store.boardPosts.setReacted('other', first, true, 12)).toBe(true);
    await store.boardPosts.setReacted('neighbour', second, true, 13);
    await store.boardPosts.setReacted('neighbour', far, true, 14);
    await store.boardPosts.setReacted('neighbour', own, true, 15);
    await store.boardPosts.recountReactions(first, next());
    expect((await store.boardPosts.byId(first))!.reactionCount).toBe(2);

    // Far away and not theirs: not in what their pull shows, so not in the list either.
    expect(await store.boardPosts.reactedBy('neighbour', [HOME], 10)).toEqual([own, second, first]);
    expect(await store.boardPosts.reactedBy('neighbour', [HOME], 2)).toEqual([own, second]);
    expect((await store.boardPosts.allReactedBy('neighbour')).sort()).toEqual([first, second, far, own].sort());

    await store.boardPosts.markUnderReview(second, 20, next());
    expect(await store.boardPosts.reactedBy('neighbour', [HOME], 10)).toEqual([own, first]);
    expect(await store.boardPosts.setReacted('neighbour', first, false, 21)).toBe(true);
    expect(await store.boardPosts.setReacted('neighbour', first, false, 22)).toBe(false);
    await store.boardPosts.recountReactions(first, next());
    expect((await store.boardPosts.byId(first))!.reactionCount).toBe(1);
  });
});

describe('board comments', () => {
  it('live under their post’s place and author, so pull finds them where it finds the post', async () => {
    const home = await post();
    const seoul = await post({ neighbourhoodId: SEOUL, neighbourhood: 'Mangwon 1-dong 망원1동' });
    const onHome = await comment(home);
    const reply = await comment(home, 'author', onHome, '감사합니다');
    const onSeoul = await comment(seoul, 'other');

    const visitor = comments(await store.boardComments.changesSinceIn([HOME], undefined, 0, 10));
    expect(visitor).toEqual<BoardComment[]>([
      { id: onHome, postId: home, parentId: null, authorId: 'neighbour', authorName: '탄천러너', text: '저도 봤어요!', deleted: false, underReview: false, createdAt: 2002, editedAt: null },
      { id: reply, postId: home, parentId: onHome, authorId: 'author', authorName: '수내댁', text: '감사합니다', deleted: false, underReview: false, createdAt: 2003, editedAt: null },
    ]);
    // The post's author pulls the comments on their post in Seoul too.
    expect(comments(await store.boardComments.changesSinceIn([HOME], 'author', 0, 10)).map((c) => c.id)).toEqual([onHome, reply, onSeoul]);
    expect(comments(await store.boardComments.changesSinceIn([HOME], 'author', 0, 2)).map((c) => c.id)).toEqual([onHome, reply]);
    expect(await store.boardComments.latestChangeIn([SEOUL])).toBe(5);
    expect(await store.boardComments.factsOf(reply)).toEqual({ postId: home, parentId: onHome, authorId: 'author', deleted: false, underReview: false });
    expect(await store.boardComments.idsOnPost(home)).toEqual([onHome, reply]);
  });

  it('refuse an id used before, and a comment on a post that is not there', async () => {
    const id = await post();
    const taken = await comment(id);
    expect(await store.boardComments.insert({ id: taken, postId: id, parentId: null, authorId: 'other', text: 'x', createdAt: 1, changeSeq: next() })).toBe(false);
    expect(await store.boardComments.insert({ id: randomUUID(), postId: randomUUID(), parentId: null, authorId: 'other', text: 'x', createdAt: 1, changeSeq: next() })).toBe(false);
  });

  it('keep a deleted comment as an empty row, and count only comments not deleted', async () => {
    const id = await post();
    const first = await comment(id);
    await comment(id, 'other', first);
    await comment(id, 'author');
    await store.boardComments.markDeleted(first, 3000, next());
    await store.boardPosts.recountComments(id, next());
    expect((await store.boardPosts.byId(id))!.commentCount).toBe(2);
    expect(await store.boardComments.byId(first, 'neighbour')).toMatchObject({ text: '', deleted: true, parentId: null });
    expect(await store.boardComments.liveIdsByAuthor('neighbour')).toEqual([]);
  });

  it('keep the words of a comment under review for its author alone', async () => {
    const id = await post();
    const reported = await comment(id, 'neighbour', null, '광고 문자 주세요');
    await store.boardComments.markUnderReview(reported, next());
    expect(await store.boardComments.byId(reported, 'neighbour')).toMatchObject({ text: '광고 문자 주세요', underReview: true });
    expect(await store.boardComments.byId(reported, 'author')).toMatchObject({ text: '', underReview: true });
    expect(comments(await store.boardComments.changesSinceIn([HOME], undefined, 0, 10))).toMatchObject([{ id: reported, text: '', underReview: true }]);
  });

  it('leave with their post: tombstones for everyone the post is gone for, renumbered so devices hear of it', async () => {
    const hidden = await post();
    const deleted = await post();
    const onHidden = await comment(hidden);
    const onDeleted = await comment(deleted);
    await store.boardPosts.markUnderReview(hidden, 10, next());
    await store.boardPosts.markDeleted(deleted, 11, next());
    const cursor = seq;
    for (const id of [onHidden, onDeleted]) await store.boardComments.renumber(id, next());

    expect(commentTombstones(await store.boardComments.changesSinceIn([HOME], 'neighbour', cursor, 10))).toEqual([onHidden, onDeleted]);
    const author = await store.boardComments.changesSinceIn([HOME], 'author', cursor, 10);
    expect(comments(author).map((c) => c.id)).toEqual([onHidden]);
    expect(commentTombstones(author)).toEqual([onDeleted]);
  });
});

describe('board search', () => {
  async function search(q: string, places = [HOME], topic?: BoardPost['topic']) {
    return (await store.boardPosts.search(q.toLowerCase().split(' '), places, topic, 10)).map((p) => p.text);
  }

  it('finds Korean inside longer words, two-letter words, and every word of the query, newest first', async () => {
    await post({ text: '분당구청 근처 맛집 추천 부탁드려요', topic: 'question' });
    await post({ text: '탄천에서 강아지산책 같이 하실 분', topic: 'pets' });
    await post({ text: 'Lost a black umbrella near Sunae station', topic: 'lost_found' });
    expect(await search('구청')).toEqual(['분당구청 근처 맛집 추천 부탁드려요']);
    expect(await search('산책')).toEqual(['탄천에서 강아지산책 같이 하실 분']);
    expect(await search('강아지산')).toEqual(['탄천에서 강아지산책 같이 하실 분']);
    expect(await search('UMBRELLA sunae')).toEqual(['Lost a black umbrella near Sunae station']);
    expect(await search('탄')).toEqual(['탄천에서 강아지산책 같이 하실 분']);
    expect(await search('맛집 강아지')).toEqual([]);
    expect(await search('분')).toEqual(['탄천에서 강아지산책 같이 하실 분', '분당구청 근처 맛집 추천 부탁드려요']);
    expect(await search('분', [HOME], 'question')).toEqual(['분당구청 근처 맛집 추천 부탁드려요']);
    expect(await search('분', [SEOUL])).toEqual([]);
  });

  it('leaves out deleted posts and those under review, and takes query syntax as plain text', async () => {
    const deleted = await post({ text: '중고 자전거 나눔해요' });
    const hidden = await post({ text: '자전거 싸게 팝니다 연락주세요' });
    await post({ text: '자전거 타기 좋은 날씨' });
    await store.boardPosts.markDeleted(deleted, 10, next());
    await store.boardPosts.markUnderReview(hidden, 11, next());
    expect(await search('자전거')).toEqual(['자전거 타기 좋은 날씨']);
    for (const q of ['_', '"', '*', '%%%', 'NEAR(']) expect(await search(q), q).toEqual([]);
  });

  it('finds an edited post by its new words only', async () => {
    const id = await post({ text: '오늘 날씨 맑음' });
    await store.boardPosts.update(id, { topic: 'daily', text: '오늘 미세먼지 나쁨', photos: [] }, 10, next());
    expect(await search('맑음')).toEqual([]);
    expect(await search('미세먼지')).toEqual(['오늘 미세먼지 나쁨']);
    expect(await search('먼지')).toEqual(['오늘 미세먼지 나쁨']);
  });
});
