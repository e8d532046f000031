// The neighbourhood board through push and pull on a real store (either engine): who may post,
// comment, reply, react, edit and delete what, and what stays right while they do (counts, the
// one level of replies, exactly once).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { BOARD_LIMITS } from '@dongne/shared';
import { createTestServer, dumpTables, mutation, push, setNeighbourhoods, verifyNeighbourhood, type TestServer } from '../testing/harness.js';
import { boardActions, boardView, postArgs, publishPost, SEOUL, writeComment } from '../testing/board.js';
import { atTheSameMoment, people, type Person } from '../testing/trading.js';
import { TEST_ENGINE } from '../testing/test-store.js';
import { HOME } from '../testing/fixes.js';

let server: TestServer;
let tools: ReturnType<typeof people>;
/** Verified at HOME: writes the post most tests are about. */
let author: Person;
/** A verified neighbour at HOME. */
let neighbour: Person;
let post: string;

beforeEach(async () => {
  server = await createTestServer();
  tools = people(server);
  author = await tools.person({ verified: true });
  neighbour = await tools.person({ verified: true });
  post = await publishPost(server, author, { topic: 'question', text: '수내동 근처 괜찮은 소아과 있을까요?' });
});
afterEach(async () => {
  expect(server.logged).toEqual([]);
  await server.close();
});

const act = (who: Person) => boardActions(server, who);

/** The board's rows, which a refused mutation must leave as they were. */
async function boardTables() {
  const { board_posts, board_comments, board_reactions, notifications } = await dumpTables(server.store);
  return { board_posts, board_comments, board_reactions, notifications };
}

describe('posting', () => {
  it('lets only people verified in the neighbourhood post there (location.verification_required)', async () => {
    const stranger = await tools.person();
    const before = await boardTables();
    expect(await stranger.act('board.post', postArgs())).toMatchObject({ status: 'rejected', code: 'location.verification_required' });
    // Verified elsewhere is not verified here.
    await push(server.app, stranger.cookie, stranger.clientId, [setNeighbourhoods(stranger.nextSeq(), [SEOUL]), verifyNeighbourhood(stranger.nextSeq(), SEOUL, server.fixAt(SEOUL))]);
    expect(await stranger.act('board.post', postArgs())).toMatchObject({ status: 'rejected', code: 'location.verification_required' });
    expect(await boardTables()).toEqual(before);
    // A verified neighbour posts without a new reading; a reading taken at Post verifies as it posts.
    expect(await neighbour.act('board.post', postArgs())).toMatchObject({ status: 'applied' });
    expect(await stranger.act('board.post', postArgs({ neighbourhoodId: SEOUL }), { fix: server.fixAt(SEOUL) })).toMatchObject({ status: 'applied' });
  });

  it('refuses a place Dongne does not know, and photos that never reached the server', async () => {
    expect(await neighbour.act('board.post', postArgs({ neighbourhoodId: 'kr-nowhere' }))).toMatchObject({ status: 'rejected', code: 'neighbourhood.unknown' });
    const missing = { full: 'e'.repeat(64), thumb: 'f'.repeat(64) };
    expect(await act(neighbour).post({ photos: [missing] })).toMatchObject({ status: 'rejected', code: 'media.missing' });
    const photo = await tools.photo(neighbour);
    const id = randomUUID();
    expect(await act(neighbour).post({ id, photos: [photo] })).toMatchObject({ status: 'applied' });
    expect((await server.store.boardPosts.byId(id))!.photos).toEqual([photo]);
  });

  it('applies a post sent twice once, and a resend of it by id as already taken; its id is nobody else’s', async () => {
    const args = postArgs();
    const sent = mutation(neighbour.nextSeq(), 'board.post', args);
    const first = await push(server.app, neighbour.cookie, neighbour.clientId, [sent]);
    const again = await push(server.app, neighbour.cookie, neighbour.clientId, [sent]);
    expect(again).toEqual(first);
    // The outbox rebuilt after a lost answer sends it as a new mutation: still one post.
    expect(await neighbour.act('board.post', args)).toMatchObject({ status: 'applied' });
    const posts = (await boardView(server.app, neighbour)).posts;
    expect([...posts.values()].filter((p) => p.id === args.id)).toHaveLength(1);
    expect(await server.store.creationCounts.inLastDay(neighbour.actorId, 'post', server.clock.now())).toBe(1);
    expect(await act(author).post({ id: args.id })).toMatchObject({ status: 'rejected', code: 'board.id_taken' });
  });

  it('holds an account to its posts a day (board.daily_limit)', async () => {
    await server.close();
    server = await createTestServer({ dailyCaps: { posts: 2 } });
    tools = people(server);
    const writer = await tools.person({ verified: true });
    expect(await act(writer).post()).toMatchObject({ status: 'applied' });
    expect(await act(writer).post()).toMatchObject({ status: 'applied' });
    expect(await act(writer).post()).toMatchObject({ status: 'rejected', code: 'board.daily_limit', message: expect.stringContaining('2 posts a day') });
    server.clock.advance(24 * 3_600_000);
    expect(await writer.act('board.post', postArgs())).toMatchObject({ status: 'applied' });
  });
});

describe('editing and deleting', () => {
  it('lets only the author edit or delete a post (board.not_author)', async () => {
    const before = await boardTables();
    expect(await neighbour.act('board.update', { id: post, topic: 'daily', text: '바꿔치기' })).toMatchObject({ status: 'rejected', code: 'board.not_author' });
    expect(await neighbour.act('board.delete', { id: post })).toMatchObject({ status: 'rejected', code: 'board.not_author' });
    expect(await boardTables()).toEqual(before);

    server.clock.advance(60_000);
    expect(await author.act('board.update', { id: post, topic: 'question', text: '수내동 소아과 추천해 주세요 (야간 진료)' })).toMatchObject({ status: 'applied' });
    const edited = (await boardView(server.app, neighbour)).posts.get(post)!;
    expect(edited).toMatchObject({ text: '수내동 소아과 추천해 주세요 (야간 진료)', editedAt: server.clock.now() });
    expect(edited.editedAt).toBeGreaterThan(edited.createdAt);
  });

  it('makes a deletion final: every device drops the post and its comments, and nothing more is done to it', async () => {
    const comment = await writeComment(server, neighbour, post);
    expect((await boardView(server.app, neighbour)).comments.has(comment)).toBe(true);
    expect(await author.act('board.delete', { id: post })).toMatchObject({ status: 'applied' });
    for (const who of [neighbour, author, undefined]) {
      const view = await boardView(server.app, who);
      expect(view.posts.has(post)).toBe(false);
      expect(view.comments.has(comment)).toBe(false);
      expect(view.dropped).toEqual(new Set([post, comment]));
    }
    expect(await author.act('board.update', { id: post, topic: 'daily', text: '되살리기' })).toMatchObject({ status: 'rejected', code: 'board.post_not_found' });
    expect(await author.act('board.delete', { id: post })).toMatchObject({ status: 'rejected', code: 'board.post_not_found' });
    expect(await act(neighbour).comment(post)).toMatchObject({ status: 'rejected', code: 'board.post_not_found' });
    expect(await act(neighbour).react(post)).toMatchObject({ status: 'rejected', code: 'board.post_not_found' });
    expect(await act(author).post({ id: post })).toMatchObject({ status: 'rejected', code: 'board.id_taken' });
  });

  it('lets only a comment’s author edit or delete it; a deleted comment stays, empty, so its replies keep their place', async () => {
    const comment = await writeComment(server, neighbour, post, '수내역 앞 ○○소아과 좋아요');
    const reply = await writeComment(server, author, post, '감사합니다!', comment);
    expect(await author.act('board.update_comment', { id: comment, text: '바꿔치기' })).toMatchObject({ status: 'rejected', code: 'board.not_author' });
    expect(await author.act('board.delete_comment', { id: comment })).toMatchObject({ status: 'rejected', code: 'board.not_author' });

    expect(await neighbour.act('board.update_comment', { id: comment, text: '수내역 2번 출구 ○○소아과 좋아요' })).toMatchObject({ status: 'applied' });
    expect((await boardView(server.app, author)).comments.get(comment)).toMatchObject({ text: '수내역 2번 출구 ○○소아과 좋아요', editedAt: server.clock.now() });

    expect(await neighbour.act('board.delete_comment', { id: comment })).toMatchObject({ status: 'applied' });
    const view = await boardView(server.app, author);
    expect(view.comments.get(comment)).toMatchObject({ text: '', deleted: true, parentId: null });
    expect(view.comments.get(reply)).toMatchObject({ text: '감사합니다!', parentId: comment });
    expect(view.posts.get(post)!.commentCount).toBe(1);
    expect(await neighbour.act('board.update_comment', { id: comment, text: '다시' })).toMatchObject({ status: 'rejected', code: 'board.comment_not_found' });
    expect(await neighbour.act('board.delete_comment', { id: comment })).toMatchObject({ status: 'rejected', code: 'board.comment_not_found' });
  });
});

describe('comments and replies', () => {
  it('takes one level of replies: a reply to a reply, or to a comment under another post, is refused', async () => {
    const other = await publishPost(server, neighbour);
    const comment = await writeComment(server, neighbour, post);
    const reply = await writeComment(server, author, post, '감사해요', comment);
    const elsewhere = await writeComment(server, author, other);
    const before = await boardTables();
    expect(await act(neighbour).comment(post, '답글의 답글', reply)).toMatchObject({ status: 'rejected', code: 'board.reply_to_reply' });
    expect(await act(neighbour).comment(post, '다른 글의 댓글에', elsewhere)).toMatchObject({ status: 'rejected', code: 'board.parent_other_post' });
    expect(await act(neighbour).comment(post, '없는 댓글에', randomUUID())).toMatchObject({ status: 'rejected', code: 'board.comment_not_found' });
    expect(await boardTables()).toEqual(before);
  });

  it('counts comments and replies not deleted on the post, and applies a resent comment once', async () => {
    const id = randomUUID();
    const sent = mutation(neighbour.nextSeq(), 'board.comment', { id, postId: post, text: '저도 궁금해요' });
    await push(server.app, neighbour.cookie, neighbour.clientId, [sent]);
    await push(server.app, neighbour.cookie, neighbour.clientId, [sent]);
    expect(await neighbour.act('board.comment', { id, postId: post, text: '저도 궁금해요' })).toMatchObject({ status: 'applied' });
    expect(await author.act('board.comment', { id, postId: post, text: '가로채기' })).toMatchObject({ status: 'rejected', code: 'board.id_taken' });
    await writeComment(server, author, post, '답글', id);
    const gone = await writeComment(server, author, post, '지울 댓글');
    await author.act('board.delete_comment', { id: gone });
    const view = await boardView(server.app, neighbour);
    expect(view.posts.get(post)!.commentCount).toBe(2);
    expect([...view.comments.values()].filter((c) => c.deleted)).toHaveLength(1);
  });

  it('refuses comments and 공감 on a post under review, on someone else’s, and from outside the post’s area', async () => {
    const seoulite = await tools.person();
    await push(server.app, seoulite.cookie, seoulite.clientId, [setNeighbourhoods(seoulite.nextSeq(), [SEOUL])]);
    expect(await act(seoulite).comment(post)).toMatchObject({ status: 'rejected', code: 'board.out_of_area' });
    expect(await act(seoulite).react(post)).toMatchObject({ status: 'rejected', code: 'board.out_of_area' });

    const reporters = await Promise.all(Array.from({ length: BOARD_LIMITS.hideAfterReports }, () => tools.person({ verified: true })));
    for (const who of reporters) expect(await act(who).report('post', post)).toMatchObject({ status: 'applied' });
    expect(await act(neighbour).comment(post)).toMatchObject({ status: 'rejected', code: 'board.post_not_found' });
    expect(await act(neighbour).react(post)).toMatchObject({ status: 'rejected', code: 'board.post_not_found' });
    expect(await act(author).comment(post)).toMatchObject({ status: 'rejected', code: 'board.under_review' });
  });

  it('refuses comments and 공감 across a block with the post’s author, either way (board.blocked)', async () => {
    const other = await tools.person({ verified: true });
    expect(await other.act('block.set', { actorId: author.actorId, blocked: true })).toMatchObject({ status: 'applied' });
    expect(await act(other).comment(post)).toMatchObject({ status: 'rejected', code: 'board.blocked' });
    expect(await act(other).react(post)).toMatchObject({ status: 'rejected', code: 'board.blocked' });

    expect(await other.act('block.set', { actorId: author.actorId, blocked: false })).toMatchObject({ status: 'applied' });
    expect(await author.act('block.set', { actorId: other.actorId, blocked: true })).toMatchObject({ status: 'applied' });
    expect(await act(other).comment(post)).toMatchObject({ status: 'rejected', code: 'board.blocked' });
    expect(await act(other).react(post)).toMatchObject({ status: 'rejected', code: 'board.blocked' });
    expect(await act(neighbour).comment(post)).toMatchObject({ status: 'applied' });
  });

  it('refuses a reply across a block with the comment’s author, either way (board.blocked)', async () => {
    const third = await tools.person({ verified: true });
    const theirs = await writeComment(server, third, post);
    const neighbours = await writeComment(server, neighbour, post);
    expect(await neighbour.act('block.set', { actorId: third.actorId, blocked: true })).toMatchObject({ status: 'applied' });
    expect(await act(neighbour).comment(post, '답글', theirs)).toMatchObject({ status: 'rejected', code: 'board.blocked' });
    expect(await act(third).comment(post, '답글', neighbours)).toMatchObject({ status: 'rejected', code: 'board.blocked' });
    // Neither has blocked the post's author: both still talk under the post.
    expect(await act(neighbour).comment(post)).toMatchObject({ status: 'applied' });
    expect(await act(third).comment(post)).toMatchObject({ status: 'applied' });
  });

  it('holds an account to its comments a day (board.comment_daily_limit)', async () => {
    await server.close();
    server = await createTestServer({ dailyCaps: { comments: 2 } });
    tools = people(server);
    const [writer, talker] = [await tools.person({ verified: true }), await tools.person({ verified: true })];
    const id = await publishPost(server, writer);
    expect(await act(talker).comment(id)).toMatchObject({ status: 'applied' });
    expect(await act(talker).comment(id)).toMatchObject({ status: 'applied' });
    expect(await act(talker).comment(id)).toMatchObject({ status: 'rejected', code: 'board.comment_daily_limit' });
  });
});

describe('공감', () => {
  it('counts one per person, whatever is resent, and takes one back even across a block since', async () => {
    const others = [neighbour, await tools.person({ verified: true })];
    for (const who of others) {
      expect(await act(who).react(post)).toMatchObject({ status: 'applied' });
      expect(await act(who).react(post)).toMatchObject({ status: 'applied' });
    }
    let view = await boardView(server.app, neighbour);
    expect(view.posts.get(post)!.reactionCount).toBe(2);
    expect(view.last.reactedPostIds).toEqual([post]);

    expect(await author.act('block.set', { actorId: neighbour.actorId, blocked: true })).toMatchObject({ status: 'applied' });
    expect(await act(neighbour).react(post, false)).toMatchObject({ status: 'applied' });
    expect(await act(neighbour).react(post, false)).toMatchObject({ status: 'applied' });
    view = await boardView(server.app, others[1]);
    expect(view.posts.get(post)!.reactionCount).toBe(1);
    expect((await boardView(server.app, neighbour)).last.reactedPostIds).toEqual([]);
    expect(await act(neighbour).react(randomUUID(), false)).toMatchObject({ status: 'applied' });
  });
});

describe('reports', () => {
  /** Five different verified neighbours (none of them the author). */
  const reporters = () => Promise.all(Array.from({ length: BOARD_LIMITS.hideAfterReports }, () => tools.person({ verified: true })));

  it(`hides a post once ${BOARD_LIMITS.hideAfterReports} different neighbours report it: from everyone but its author, who sees it under review`, async () => {
    const comment = await writeComment(server, neighbour, post);
    const five = await reporters();
    for (const who of five.slice(0, -1)) await act(who).report('post', post);
    expect((await boardView(server.app, neighbour)).posts.get(post)).toMatchObject({ underReview: false });
    await act(five.at(-1)!).report('post', post);

    for (const who of [neighbour, five[0], undefined]) {
      const view = await boardView(server.app, who);
      expect(view.posts.has(post)).toBe(false);
      expect(view.comments.has(comment)).toBe(false);
    }
    const own = await boardView(server.app, author);
    expect(own.posts.get(post)).toMatchObject({ underReview: true });
    expect(own.comments.has(comment)).toBe(true);
    const search = await server.app.request(`/api/board/search?q=${encodeURIComponent('소아과')}`, { headers: { cookie: author.cookie } });
    expect(((await search.json()) as { posts: unknown[] }).posts).toEqual([]);
  });

  it('counts the same neighbour once, however often they report, and never the author, who cannot report their own', async () => {
    for (let i = 0; i < BOARD_LIMITS.hideAfterReports; i++) expect(await act(neighbour).report('post', post)).toMatchObject({ status: 'applied' });
    expect(await act(author).report('post', post)).toMatchObject({ status: 'rejected', code: 'report.self' });
    const others = (await reporters()).slice(0, BOARD_LIMITS.hideAfterReports - 2);
    for (const who of others) await act(who).report('post', post);
    // The neighbour and three others: four different reporters.
    expect((await boardView(server.app, neighbour)).posts.get(post)).toMatchObject({ underReview: false });
  });

  it('hides nothing on the reports of accounts that only say they live here: a reporter counts once verified', async () => {
    const unverified = await Promise.all(Array.from({ length: BOARD_LIMITS.hideAfterReports }, () => tools.person()));
    for (const who of unverified) {
      await push(server.app, who.cookie, who.clientId, [setNeighbourhoods(who.nextSeq(), [HOME])]);
      expect(await act(who).report('post', post)).toMatchObject({ status: 'applied' });
    }
    expect((await boardView(server.app, neighbour)).posts.get(post)).toMatchObject({ underReview: false });
    // Kept for moderation all the same.
    expect(await server.store.reports.reportersOf('post', post)).toHaveLength(BOARD_LIMITS.hideAfterReports);
  });

  it('empties a reported comment for everyone but its author, and leaves the post and its count alone', async () => {
    const comment = await writeComment(server, neighbour, post, '여기 광고 링크 클릭하세요');
    expect(await act(neighbour).report('comment', comment)).toMatchObject({ status: 'rejected', code: 'report.self' });
    for (const who of await reporters()) expect(await act(who).report('comment', comment)).toMatchObject({ status: 'applied' });
    const others = await boardView(server.app, author);
    expect(others.comments.get(comment)).toMatchObject({ text: '', underReview: true, deleted: false });
    expect(others.posts.get(post)).toMatchObject({ underReview: false, commentCount: 1 });
    expect((await boardView(server.app, neighbour)).comments.get(comment)).toMatchObject({ text: '여기 광고 링크 클릭하세요', underReview: true });
    expect(await act(author).comment(post, '답글', comment)).toMatchObject({ status: 'rejected', code: 'board.comment_not_found' });
  });

  // SQLite applies one push at a time; PostgreSQL applies pushes at once, so the last two reports can cross.
  it.runIf(TEST_ENGINE === 'postgres')('hides a post whose last two reports arrive at the same moment, on PostgreSQL', async () => {
    const five = await reporters();
    for (const who of five.slice(0, -2)) await act(who).report('post', post);
    const [fourth, fifth] = await atTheSameMoment(
      server,
      () => act(five[3]).report('post', post),
      () => act(five[4]).report('post', post),
    );
    expect([fourth.status, fifth.status]).toEqual(['applied', 'applied']);
    expect((await boardView(server.app, author)).posts.get(post)).toMatchObject({ underReview: true });
  });

  it('takes reports of a post only from neighbours whose area it is in, and none of what is not there', async () => {
    const seoulite = await tools.person();
    await push(server.app, seoulite.cookie, seoulite.clientId, [setNeighbourhoods(seoulite.nextSeq(), [SEOUL])]);
    expect(await act(seoulite).report('post', post)).toMatchObject({ status: 'rejected', code: 'board.out_of_area' });
    expect(await act(neighbour).report('post', randomUUID())).toMatchObject({ status: 'rejected', code: 'report.unknown_target' });
    expect(await act(neighbour).report('comment', randomUUID())).toMatchObject({ status: 'rejected', code: 'report.unknown_target' });
  });
});

describe('notifications', () => {
  const inbox = async (who: Person) => (await boardView(server.app, who)).notifications.map((n) => ({ kind: n.kind, subjectId: n.subjectId, title: n.title }));
  const title = '수내동 근처 괜찮은 소아과 있을까요?';

  it('tells the post’s author of a comment, and nobody of what they did on their own post', async () => {
    const comment = await writeComment(server, neighbour, post);
    expect(await inbox(author)).toEqual([{ kind: 'board_comment', subjectId: post, title }]);
    expect(await inbox(neighbour)).toEqual([]);

    await writeComment(server, author, post, '제 글에 제가 단 댓글');
    await act(author).react(post);
    await author.act('board.update', { id: post, topic: 'question', text: title });
    expect((await inbox(author)).length).toBe(1);
    // A reply from the author tells the commenter, once.
    await writeComment(server, author, post, '감사합니다', comment);
    expect(await inbox(neighbour)).toEqual([{ kind: 'board_reply', subjectId: post, title }]);
  });

  it('tells the parent comment’s author of a reply, and the post’s author of it too unless the reply told them', async () => {
    const third = await tools.person({ verified: true });
    const comment = await writeComment(server, neighbour, post);
    await writeComment(server, third, post, '저도 같은 생각이에요', comment);
    expect(await inbox(neighbour)).toEqual([{ kind: 'board_reply', subjectId: post, title }]);
    expect(await inbox(author)).toEqual([{ kind: 'board_comment', subjectId: post, title }]);
    expect(await inbox(third)).toEqual([]);

    // Under the author's own comment on their own post, a reply tells them once, as a reply.
    const another = await publishPost(server, author, { text: '주말에 탄천 플로깅 같이 하실 분' });
    const own = await writeComment(server, author, another, '일요일 오전 10시 어때요?');
    await writeComment(server, third, another, '좋아요!', own);
    expect((await inbox(author)).filter((n) => n.subjectId === another)).toEqual([{ kind: 'board_reply', subjectId: another, title: '주말에 탄천 플로깅 같이 하실 분' }]);

    // The neighbour answers under their own comment: only the post's author hears of it.
    const before = await inbox(neighbour);
    await writeComment(server, neighbour, post, '덧붙이자면', comment);
    expect(await inbox(neighbour)).toEqual(before);
  });

  it('tells the author of 공감 from someone else, and nobody else', async () => {
    await act(neighbour).react(post);
    expect(await inbox(author)).toEqual([{ kind: 'board_reaction', subjectId: post, title }]);
    expect(await inbox(neighbour)).toEqual([]);
    // Taking it back says nothing.
    const before = await inbox(author);
    await act(neighbour).react(post, false);
    expect(await inbox(author)).toEqual(before);
  });

  it('tells of one neighbour’s 공감 once, however often it is taken back and given again', async () => {
    await act(neighbour).react(post);
    const [told] = (await boardView(server.app, author)).notifications;
    expect(await author.act('notification.read', { ids: [told.id] })).toMatchObject({ status: 'applied' });
    for (let i = 0; i < 3; i++) {
      await act(neighbour).react(post, false);
      await act(neighbour).react(post);
    }
    // Still the one notification, still read: no refresh, so no push each time.
    expect((await boardView(server.app, author)).notifications).toMatchObject([{ id: told.id, kind: 'board_reaction', readAt: expect.any(Number) }]);
    // Another neighbour's 공감 is news.
    await act(await tools.person({ verified: true })).react(post);
    expect((await boardView(server.app, author)).notifications).toMatchObject([{ id: told.id, readAt: null }]);
  });
});
