// GET /api/board/search on a real store (either engine): the listings' word rule over the asker's
// area, newest first; what is hidden, deleted or by someone blocked is not found; bad input is a
// 4xx with a code, never a 500.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BOARD_LIMITS, boardSearchResponseSchema, type BoardPost } from '@dongne/shared';
import { createTestServer, push, setNeighbourhoods, verifyNeighbourhood, type TestServer } from '../testing/harness.js';
import { boardActions, publishPost, SEOUL } from '../testing/board.js';
import { people, type Person } from '../testing/trading.js';

let server: TestServer;
let tools: ReturnType<typeof people>;
let author: Person;
let neighbour: Person;

beforeEach(async () => {
  server = await createTestServer();
  tools = people(server);
  author = await tools.person({ verified: true });
  neighbour = await tools.person({ verified: true });
});
afterEach(async () => {
  expect(server.logged).toEqual([]);
  await server.close();
});

async function search(query: string, who?: Person): Promise<{ status: number; posts?: BoardPost[]; code?: string }> {
  const response = await server.app.request(`/api/board/search?${query}`, { headers: who ? { cookie: who.cookie } : {} });
  const body = (await response.json()) as { posts?: BoardPost[]; error?: { code: string } };
  if (response.status === 200) expect(boardSearchResponseSchema.safeParse(body).success).toBe(true);
  return { status: response.status, posts: body.posts, code: body.error?.code };
}
const texts = async (query: string, who?: Person) => (await search(query, who)).posts!.map((p) => p.text);
const q = (words: string) => `q=${encodeURIComponent(words)}`;

describe('GET /api/board/search', () => {
  beforeEach(async () => {
    await publishPost(server, author, { text: '수내동소아과의원 야간진료 하나요?', topic: 'question' });
    server.clock.advance(60_000);
    await publishPost(server, neighbour, { text: '탄천 산책로 강아지 동반 산책 모임', topic: 'pets' });
    server.clock.advance(60_000);
    await publishPost(server, author, { text: 'Free yoga in Sunae park this Sunday', topic: 'hobby' });
  });

  it('finds Korean inside longer words, and two-letter words, through the same rule as listings', async () => {
    expect(await texts(q('소아과'))).toEqual(['수내동소아과의원 야간진료 하나요?']);
    expect(await texts(q('진료'))).toEqual(['수내동소아과의원 야간진료 하나요?']);
    expect(await texts(q('산책 강아지'))).toEqual(['탄천 산책로 강아지 동반 산책 모임']);
    expect(await texts(q('산책 소아과'))).toEqual([]);
    expect(await texts(q('YOGA sunday'))).toEqual(['Free yoga in Sunae park this Sunday']);
  });

  it('answers newest first, by topic if asked, within the area', async () => {
    expect(await texts(q('수'))).toEqual(['수내동소아과의원 야간진료 하나요?']);
    expect((await texts(q('n'))).length).toBe(1);
    expect(await texts(`${q('산')}`)).toEqual(['탄천 산책로 강아지 동반 산책 모임']);
    expect(await texts(`${q('e')}&topic=hobby`)).toEqual(['Free yoga in Sunae park this Sunday']);
    expect(await texts(`${q('e')}&topic=food`)).toEqual([]);
    expect(await texts(`${q('소아과')}&neighbourhood=${SEOUL}&range=4`)).toEqual([]);
    expect(await texts(`${q('소아과')}&neighbourhood=kr-3102353&range=1`)).toEqual(['수내동소아과의원 야간진료 하나요?']);
  });

  it('finds posts in Seoul from Seoul, and newest first among several', async () => {
    const seoulite = await tools.person();
    await push(server.app, seoulite.cookie, seoulite.clientId, [setNeighbourhoods(seoulite.nextSeq(), [SEOUL]), verifyNeighbourhood(seoulite.nextSeq(), SEOUL, server.fixAt(SEOUL))]);
    server.clock.advance(60_000);
    await publishPost(server, seoulite, { neighbourhoodId: SEOUL, text: '망원동 산책 코스 추천해요' });
    server.clock.advance(60_000);
    await publishPost(server, seoulite, { neighbourhoodId: SEOUL, text: '망원 한강공원 산책 같이 해요' });
    expect(await texts(`${q('산책')}&neighbourhood=${SEOUL}&range=1`)).toEqual(['망원 한강공원 산책 같이 해요', '망원동 산책 코스 추천해요']);
    expect(await texts(q('망원'))).toEqual([]);
  });

  it('leaves out deleted posts, those under review, and, for the asker, those of people blocked either way', async () => {
    const gone = await publishPost(server, author, { text: '소아과 후기 (삭제 예정)' });
    await author.act('board.delete', { id: gone });
    const reported = await publishPost(server, author, { text: '소아과 광고 링크' });
    for (let i = 0; i < BOARD_LIMITS.hideAfterReports; i++) await boardActions(server, await tools.person({ verified: true })).report('post', reported);
    expect(await texts(q('소아과'))).toEqual(['수내동소아과의원 야간진료 하나요?']);
    // Not even for its author.
    expect(await texts(q('광고'), author)).toEqual([]);

    expect(await neighbour.act('block.set', { actorId: author.actorId, blocked: true })).toMatchObject({ status: 'applied' });
    expect(await texts(q('소아과'), neighbour)).toEqual([]);
    expect(await texts(q('yoga'), author)).toEqual(['Free yoga in Sunae park this Sunday']);
    expect(await texts(q('산책'), author)).toEqual([]);
    expect(await texts(q('소아과'))).toEqual(['수내동소아과의원 야간진료 하나요?']);
  });

  it('takes LIKE and full-text syntax in the query as plain text', async () => {
    for (const words of ['_', '"', '*', '%%%', '___', 'NEAR(', '소"아']) {
      const { status, posts } = await search(q(words));
      expect(status, words).toBe(200);
      expect(posts, words).toEqual([]);
    }
  });

  it('refuses what it cannot search with a 4xx and a code, never a 500', async () => {
    expect(await search('')).toMatchObject({ status: 400, code: 'request.invalid' });
    expect(await search(q('   '))).toMatchObject({ status: 400, code: 'request.invalid' });
    expect(await search(q('가'.repeat(61)))).toMatchObject({ status: 400, code: 'request.invalid' });
    expect(await search(`${q('산책')}&range=9`)).toMatchObject({ status: 400, code: 'request.invalid' });
    expect(await search(`${q('산책')}&topic=gossip`)).toMatchObject({ status: 400, code: 'request.invalid' });
    expect(await search(`${q('산책')}&neighbourhood=kr-nowhere`)).toMatchObject({ status: 404, code: 'neighbourhood.unknown' });
    expect(await search(`${q('산책')}&neighbourhood=${'x'.repeat(101)}`)).toMatchObject({ status: 400, code: 'request.invalid' });
  });
});
