// The board through pull on a real store (either engine): which posts and comments reach whom (the
// area's, and a person's own anywhere), in what shape, paged with listings on one cursor, and the
// visitors' area snapshot moving with them.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { gunzipSync } from 'node:zlib';
import { boardCommentRowSchema, boardPostRowSchema, pullResponseSchema, type Change, type PullResponse } from '@dongne/shared';
import { changeCounter, createTestServer, pull, pullAll, push, setNeighbourhoods, verifyNeighbourhood, type TestServer } from '../testing/harness.js';
import { HOME } from '../testing/fixes.js';
import { boardActions, boardView, publishPost, SEOUL, writeComment } from '../testing/board.js';
import { people, type Person } from '../testing/trading.js';

/** Pangyo-dong: across Bundang from HOME, in its wider ranges but not its own dong. */
const PANGYO = 'kr-3102375';

let server: TestServer;
let tools: ReturnType<typeof people>;
let author: Person;
let neighbour: Person;
/** Lives and is verified in Seoul's Mangwon 1-dong. */
let seoulite: Person;

beforeEach(async () => {
  server = await createTestServer();
  tools = people(server);
  author = await tools.person({ verified: true });
  neighbour = await tools.person({ verified: true });
  seoulite = await tools.person();
  await push(server.app, seoulite.cookie, seoulite.clientId, [setNeighbourhoods(seoulite.nextSeq(), [SEOUL]), verifyNeighbourhood(seoulite.nextSeq(), SEOUL, server.fixAt(SEOUL))]);
});
afterEach(async () => {
  expect(server.logged).toEqual([]);
  await server.close();
});

const inSeoul = { neighbourhood: SEOUL, range: 4 } as const;

describe('who pulls a post', () => {
  it('sends a post to everyone whose area covers its neighbourhood, visitors too, and to nobody else but its author', async () => {
    const post = await publishPost(server, author, { text: '수내동 주민센터 앞 벼룩시장 이번 주 토요일이에요', topic: 'news' });
    for (const who of [neighbour, seoulite, undefined]) expect((await boardView(server.app, who)).posts.has(post)).toBe(true);
    expect((await boardView(server.app, neighbour, { neighbourhood: HOME, range: 1 })).posts.has(post)).toBe(true);
    expect((await boardView(server.app, neighbour, { neighbourhood: PANGYO, range: 1 })).posts.has(post)).toBe(false);
    expect((await boardView(server.app, neighbour, { neighbourhood: PANGYO, range: 4 })).posts.has(post)).toBe(true);
    expect((await boardView(server.app, neighbour, inSeoul)).posts.has(post)).toBe(false);
    expect((await boardView(server.app, undefined, inSeoul)).posts.has(post)).toBe(false);
    // Its author pulls it wherever their device is looking.
    expect((await boardView(server.app, author, inSeoul)).posts.has(post)).toBe(true);
  });

  it('carries the post and its comments as the shared schemas say, nothing kept privately', async () => {
    const post = await publishPost(server, author, { text: '고양이 밥 주시는 분 계신가요?', topic: 'pets' });
    const comment = await writeComment(server, neighbour, post, '저요! 매일 저녁에 줘요');
    const { changes } = await pullAll(server.app, neighbour.cookie);
    const row = changes.find((c): c is Extract<Change, { entity: 'post'; op: 'upsert' }> => c.entity === 'post' && c.op === 'upsert')!.row;
    expect(boardPostRowSchema.parse(row)).toEqual(row);
    expect(row).toEqual({
      id: post,
      authorId: author.actorId,
      authorName: author.nickname,
      neighbourhoodId: HOME,
      neighbourhood: 'Sunae 1-dong 수내1동',
      topic: 'pets',
      text: '고양이 밥 주시는 분 계신가요?',
      photos: [],
      commentCount: 1,
      reactionCount: 0,
      underReview: false,
      createdAt: server.clock.now(),
      updatedAt: server.clock.now(),
      editedAt: null,
    });
    const commentRow = changes.find((c): c is Extract<Change, { entity: 'comment'; op: 'upsert' }> => c.entity === 'comment' && c.op === 'upsert')!.row;
    expect(boardCommentRowSchema.parse(commentRow)).toEqual(commentRow);
    expect(commentRow).toEqual({
      id: comment,
      postId: post,
      parentId: null,
      authorId: neighbour.actorId,
      authorName: neighbour.nickname,
      text: '저요! 매일 저녁에 줘요',
      deleted: false,
      underReview: false,
      createdAt: server.clock.now(),
      editedAt: null,
    });
    const page = await pull(server.app, neighbour.cookie);
    expect(pullResponseSchema.safeParse(page).success).toBe(true);
  });

  it('sends comments with their post: to its area, and to its author wherever it is', async () => {
    const far = await publishPost(server, seoulite, { neighbourhoodId: SEOUL, text: '망원시장 떡볶이 맛집 어디예요?', topic: 'food' });
    const near = await publishPost(server, author);
    const onNear = await writeComment(server, neighbour, near);
    // A neighbour of Seoul answers the Seoul post.
    const mangwon = await tools.person();
    await push(server.app, mangwon.cookie, mangwon.clientId, [setNeighbourhoods(mangwon.nextSeq(), [SEOUL])]);
    const onFar = await writeComment(server, mangwon, far, '시장 안쪽 ○○분식이요');

    const bundang = await boardView(server.app, neighbour);
    expect([...bundang.comments.keys()]).toEqual([onNear]);
    const seoul = await boardView(server.app, mangwon, inSeoul);
    expect([...seoul.comments.keys()]).toEqual([onFar]);
    // The Seoul post's author, looking at Bundang, still has their post and what was said under it.
    const own = await boardView(server.app, seoulite);
    expect(own.posts.has(far)).toBe(true);
    expect([...own.comments.keys()].sort()).toEqual([onNear, onFar].sort());
  });

  it('tells the person which posts they reacted to, most recent first, of those they pull', async () => {
    const first = await publishPost(server, author);
    const second = await publishPost(server, author);
    const far = await publishPost(server, seoulite, { neighbourhoodId: SEOUL });
    expect(await boardActions(server, neighbour).react(first)).toMatchObject({ status: 'applied' });
    server.clock.advance(1000);
    expect(await boardActions(server, neighbour).react(second)).toMatchObject({ status: 'applied' });
    expect(await boardActions(server, seoulite).react(far)).toMatchObject({ status: 'applied' });
    expect((await pull(server.app, neighbour.cookie)).reactedPostIds).toEqual([second, first]);
    expect((await pull(server.app, neighbour.cookie, inSeoul)).reactedPostIds).toEqual([]);
    // Their own post, wherever they look from.
    expect((await pull(server.app, seoulite.cookie, inSeoul)).reactedPostIds).toEqual([far]);
    expect((await pull(server.app, seoulite.cookie)).reactedPostIds).toEqual([far]);
    expect((await pull(server.app, undefined)).reactedPostIds).toEqual([]);
  });
});

describe('paging', () => {
  it('pages posts, comments and listings on one cursor: each change once, in order, nothing skipped', async () => {
    const expected = new Set<string>();
    for (let i = 0; i < 4; i++) {
      const post = await publishPost(server, author, { text: `${i}번째 글` });
      expected.add(`post:${post}`);
      expected.add(`comment:${await writeComment(server, neighbour, post)}`);
      expected.add(`listing:${await tools.publish(author, { title: `물건 ${i}` })}`);
    }
    const { pages } = await pullAll(server.app, neighbour.cookie, 0, 3);
    const cursors = pages.map((p) => p.cursor);
    for (let i = 1; i < cursors.length; i++) expect(cursors[i]).toBeGreaterThan(cursors[i - 1]);
    expect(cursors.at(-1)).toBe(await changeCounter(server.store));
    const seen = pages.flatMap((p) => p.changes).flatMap((c) => (c.op === 'upsert' && (c.entity === 'post' || c.entity === 'comment' || c.entity === 'listing') ? [`${c.entity}:${c.row.id}`] : []));
    // A post counted again after its comment has moved on to that later change: every row once, as it is now.
    expect(seen).toHaveLength(expected.size);
    expect(new Set(seen)).toEqual(expected);
    expect(pages.every((p) => p.changes.length <= 3)).toBe(true);
  });

  it('tells a device already holding a post of its deletion, and of the post hidden by reports', async () => {
    const kept = await publishPost(server, author);
    const gone = await publishPost(server, author);
    const comment = await writeComment(server, neighbour, gone);
    const { cursor } = await pullAll(server.app, neighbour.cookie);
    await author.act('board.delete', { id: gone });
    const { changes } = await pullAll(server.app, neighbour.cookie, cursor);
    expect(changes).toEqual([
      { op: 'delete', entity: 'post', id: gone },
      { op: 'delete', entity: 'comment', id: comment },
    ]);
    expect(kept).toBeDefined();
  });
});

describe('the visitors’ area snapshot', () => {
  async function firstPull(): Promise<PullResponse> {
    const response = await server.app.request('/api/sync/pull?cursor=0', { headers: { 'accept-encoding': 'gzip' } });
    expect(response.status).toBe(200);
    return JSON.parse(gunzipSync(Buffer.from(await response.arrayBuffer())).toString('utf8')) as PullResponse;
  }
  const posts = (page: PullResponse) => page.changes.flatMap((c) => (c.entity === 'post' && c.op === 'upsert' ? [c.row] : []));
  const comments = (page: PullResponse) => page.changes.flatMap((c) => (c.entity === 'comment' && c.op === 'upsert' ? [c.row] : []));

  it('is built again when a post or only a comment changes in the area', async () => {
    expect(posts(await firstPull())).toEqual([]);
    const post = await publishPost(server, author, { text: '오늘 저녁 노을 예뻐요' });
    expect(posts(await firstPull()).map((p) => p.id)).toEqual([post]);
    const comment = await writeComment(server, neighbour, post, '광고성 댓글입니다 링크 클릭');
    expect(comments(await firstPull())).toMatchObject([{ id: comment, text: '광고성 댓글입니다 링크 클릭' }]);
    // Hidden by reports, the comment alone changes: the snapshot follows.
    for (let i = 0; i < 5; i++) await boardActions(server, await tools.person({ verified: true })).report('comment', comment);
    expect(comments(await firstPull())).toMatchObject([{ id: comment, text: '', underReview: true }]);
  });
});
