import { describe, expect, it } from 'vitest';
import type { BoardComment, BoardPost, MutationResult } from '@dongne/shared';
import { signedIn, signOutLocally } from '../db/account.js';
import type { BoardDraft, DongneDb } from '../db/db.js';
import { getMeta, setMeta } from '../db/meta.js';
import { useFreshDb } from '../db/test-db.js';
import { boardPage, commentTotal, reactionOf, searchBoard, threadsOf } from '../db/board.js';
import { BUYER, pullPage, pullWith } from '../chat/test-chats.js';
import { settleResults } from '../sync/local-settle.js';
import { addComment, deleteComment, deletePost, discardFailedComment, editComment, editPost, openBoardDraft, publishBoardDraft, saveBoardDraft, setReacted } from './board-actions.js';

let db: DongneDb;
useFreshDb((fresh) => (db = fresh));

const minji = { actorId: BUYER.id, nickname: BUYER.nickname, joinedAt: 1 };
const PLACE = 'kr-bundang-sunae';

const serverPost = (overrides: Partial<BoardPost> = {}): BoardPost => ({
  id: crypto.randomUUID(),
  authorId: 'neighbour-jun',
  authorName: 'jun',
  neighbourhoodId: PLACE,
  neighbourhood: 'Sunae-dong 수내동',
  topic: 'question',
  text: '수내역 근처 소아과 추천해 주세요',
  photos: [],
  commentCount: 0,
  reactionCount: 0,
  underReview: false,
  createdAt: 1_000,
  updatedAt: 1_000,
  editedAt: null,
  ...overrides,
});
const serverComment = (postId: string, overrides: Partial<BoardComment> = {}): BoardComment => ({
  id: crypto.randomUUID(),
  postId,
  parentId: null,
  authorId: 'neighbour-jun',
  authorName: 'jun',
  text: '저도 궁금해요',
  deleted: false,
  underReview: false,
  createdAt: 2_000,
  editedAt: null,
  ...overrides,
});
const upsertPost = (row: BoardPost) => ({ op: 'upsert' as const, entity: 'post' as const, row });
const upsertComment = (row: BoardComment) => ({ op: 'upsert' as const, entity: 'comment' as const, row });

/** The server's answer to everything waiting: refused with `code`. */
async function refuseAll(code: string) {
  const batch = await db.outbox.toArray();
  const results: MutationResult[] = batch.map((e) => ({ mutationId: e.mutationId, seq: e.seq, status: 'rejected', code, message: `Refused: ${code}` }));
  await settleResults(db, batch, results);
}

async function confirmAll() {
  const batch = await db.outbox.toArray();
  await settleResults(db, batch, batch.map((e) => ({ mutationId: e.mutationId, seq: e.seq, status: 'applied' as const })));
}

async function writtenDraft(overrides: Partial<BoardDraft> = {}): Promise<BoardDraft> {
  const draft = await openBoardDraft(db, undefined, PLACE);
  return { ...draft, topic: 'food', text: '  정자동 국밥집 새로 생겼어요\n맛있어요  ', ...overrides };
}

describe('writing on the board on the device', () => {
  it('shows a published post at once, offline, queued once, and its draft gone', async () => {
    await signedIn(db, minji);
    const draft = await writtenDraft();
    await saveBoardDraft(db, draft);
    expect(await db.boardDrafts.count()).toBe(1);

    const result = await publishBoardDraft(db, draft);
    expect(result).toEqual({ ok: true, id: draft.id });
    const [post] = await boardPage(db, 10);
    expect(post).toMatchObject({ id: draft.id, authorId: BUYER.id, authorName: 'minji', topic: 'food', text: '정자동 국밥집 새로 생겼어요\n맛있어요', local: true });
    expect((await db.outbox.toArray()).map((e) => e.name)).toEqual(['board.post']);
    expect(await db.boardDrafts.count()).toBe(0);
  });

  it('refuses here what the server would refuse, naming the fields, and queues nothing', async () => {
    await signedIn(db, minji);
    const result = await publishBoardDraft(db, await writtenDraft({ topic: '', text: '   ' }));
    expect(result).toEqual({ ok: false, fields: ['topic', 'text'] });
    expect(await db.outbox.count()).toBe(0);
  });

  it('does not keep a new draft nobody typed in', async () => {
    await signedIn(db, minji);
    await saveBoardDraft(db, await openBoardDraft(db, undefined, PLACE));
    expect(await db.boardDrafts.count()).toBe(0);
  });

  it('puts a refused post back as a draft with why, so the words are not lost', async () => {
    await signedIn(db, minji);
    const draft = await writtenDraft();
    await publishBoardDraft(db, draft);
    await refuseAll('board.not_verified');
    expect(await db.posts.count()).toBe(0);
    const back = await db.boardDrafts.get(draft.id);
    expect(back).toMatchObject({ ownerId: BUYER.id, topic: 'food', text: '정자동 국밥집 새로 생겼어요\n맛있어요', rejection: { code: 'board.not_verified' } });
    expect(await getMeta(db, 'actionRefusal')).toMatchObject({ action: 'board_post', code: 'board.not_verified' });
  });

  it('keeps the server’s row once a pull brings the post back, even while the post still waits to be settled', async () => {
    await signedIn(db, minji);
    const draft = await writtenDraft();
    await publishBoardDraft(db, draft);
    const server = serverPost({ id: draft.id, authorId: BUYER.id, authorName: 'minji', topic: 'food', text: 'From the server', commentCount: 2 });
    await pullWith(db, pullPage([upsertPost(server)]));
    expect(await db.posts.get(draft.id)).toEqual(server);
  });

  it('puts a refused post back as a draft in the words it was last edited to here', async () => {
    await signedIn(db, minji);
    const draft = await writtenDraft();
    await publishBoardDraft(db, draft);
    await editPost(db, draft.id, { topic: 'daily', text: 'Edited before it was sent', photos: [] });
    await refuseAll('board.daily_limit');
    expect(await db.boardDrafts.get(draft.id)).toMatchObject({ topic: 'daily', text: 'Edited before it was sent' });
  });

  it('puts an edit the server refused back to the server’s words', async () => {
    await signedIn(db, minji);
    const mine = serverPost({ authorId: BUYER.id, text: 'Before' });
    await pullWith(db, pullPage([upsertPost(mine)]));
    await editPost(db, mine.id, { topic: 'daily', text: 'After', photos: [] });
    expect(await db.posts.get(mine.id)).toMatchObject({ text: 'After', topic: 'daily' });
    await refuseAll('board.not_author');
    expect(await db.posts.get(mine.id)).toEqual(mine);
  });

  it('hides a deleted post at once and brings it back if the server refuses', async () => {
    await signedIn(db, minji);
    const mine = serverPost({ authorId: BUYER.id });
    await pullWith(db, pullPage([upsertPost(mine)]));
    await deletePost(db, mine.id);
    expect(await boardPage(db, 10)).toEqual([]);
    await refuseAll('board.not_author');
    expect((await boardPage(db, 10)).map((p) => p.id)).toEqual([mine.id]);
  });
});

describe('comments and 공감 on the device', () => {
  it('shows a comment and a reply at once in thread order, and keeps a refused one with why until discarded', async () => {
    await signedIn(db, minji);
    const post = serverPost();
    const first = serverComment(post.id);
    await pullWith(db, pullPage([upsertPost(post), upsertComment(first)]));
    await addComment(db, { postId: post.id, text: '저는 판교 쪽 가요', parentId: first.id });
    const refusedId = await addComment(db, { postId: post.id, text: '좋은 정보 감사해요' });

    let threads = await threadsOf(db, post.id);
    expect(threads.map((t) => [t.comment.text, t.replies.map((r) => r.text)])).toEqual([
      ['저도 궁금해요', ['저는 판교 쪽 가요']],
      ['좋은 정보 감사해요', []],
    ]);
    expect(commentTotal(threads)).toBe(3);

    const batch = await db.outbox.toArray();
    await settleResults(db, batch, [
      { mutationId: batch[0].mutationId, seq: batch[0].seq, status: 'applied' },
      { mutationId: batch[1].mutationId, seq: batch[1].seq, status: 'rejected', code: 'board.post_gone', message: 'Gone' },
    ]);
    expect(await db.comments.get(refusedId)).toMatchObject({ text: '좋은 정보 감사해요', failed: { code: 'board.post_gone' } });
    // Shown with its reason, but not counted: it will never be on the server.
    expect(commentTotal(await threadsOf(db, post.id))).toBe(2);
    await discardFailedComment(db, refusedId);
    threads = await threadsOf(db, post.id);
    expect(threads).toHaveLength(1);
  });

  it('never leaves a ghost of a refused comment: edited then deleted offline, it goes; only edited, it keeps its own refusal', async () => {
    await signedIn(db, minji);
    const post = serverPost();
    await pullWith(db, pullPage([upsertPost(post)]));
    const deleted = await addComment(db, { postId: post.id, text: '지울 댓글' });
    await editComment(db, deleted, '고친 댓글');
    await deleteComment(db, deleted);
    const kept = await addComment(db, { postId: post.id, text: '남을 댓글' });
    await editComment(db, kept, '고쳐서 남을 댓글');
    const batch = await db.outbox.toArray();
    await settleResults(
      db,
      batch,
      batch.map((e) => {
        const code = e.name === 'board.comment' ? 'board.blocked' : 'board.comment_not_found';
        return { mutationId: e.mutationId, seq: e.seq, status: 'rejected' as const, code, message: code };
      }),
    );
    expect(await db.comments.get(deleted)).toBeUndefined();
    expect(await db.comments.get(kept)).toMatchObject({ text: '고쳐서 남을 댓글', failed: { code: 'board.blocked' } });
    expect(await getMeta(db, 'actionRefusal')).toBeUndefined();
  });

  it('keeps a deleted comment in place while a reply stands under it, and drops it when none does', async () => {
    const post = serverPost();
    const parent = serverComment(post.id, { deleted: true, text: '' });
    const lonely = serverComment(post.id, { deleted: true, text: '', createdAt: 3_000 });
    const reply = serverComment(post.id, { parentId: parent.id, text: '답글', createdAt: 4_000 });
    await pullWith(db, pullPage([upsertPost(post), upsertComment(parent), upsertComment(lonely), upsertComment(reply)]));
    const threads = await threadsOf(db, post.id);
    expect(threads.map((t) => t.comment.id)).toEqual([parent.id]);
    expect(commentTotal(threads)).toBe(1);
  });

  it('counts a waiting 공감 on top of the server’s count, and sends nothing when it is taken back before it left', async () => {
    await signedIn(db, minji);
    const post = serverPost({ reactionCount: 3 });
    await pullWith(db, pullPage([upsertPost(post)]));
    await setReacted(db, post.id, true);
    expect(await reactionOf(db, post)).toEqual({ reacted: true, count: 4 });
    expect(await db.outbox.count()).toBe(1);
    await setReacted(db, post.id, false);
    expect(await reactionOf(db, post)).toEqual({ reacted: false, count: 3 });
    expect(await db.outbox.count()).toBe(0);

    await setReacted(db, post.id, true);
    await confirmAll();
    await pullWith(db, pullPage([upsertPost({ ...post, reactionCount: 4 })], { reactedPostIds: [post.id] }));
    expect(await reactionOf(db, (await db.posts.get(post.id))!)).toEqual({ reacted: true, count: 4 });
  });

  it('puts a refused 공감 back to what the server holds', async () => {
    await signedIn(db, minji);
    const post = serverPost({ reactionCount: 1 });
    await pullWith(db, pullPage([upsertPost(post)]));
    await setReacted(db, post.id, true);
    await refuseAll('board.blocked');
    expect(await reactionOf(db, post)).toEqual({ reacted: false, count: 1 });
    expect(await getMeta(db, 'actionRefusal')).toMatchObject({ action: 'board_react' });
  });
});

describe('signing out', () => {
  it('leaves the board as the server shows it to anyone: unsent work, waiting edits, what only the author sees, 공감 and drafts go', async () => {
    await signedIn(db, minji);
    const mine = serverPost({ authorId: BUYER.id, text: 'Server words' });
    const myReported = serverPost({ authorId: BUYER.id, underReview: true });
    const theirs = serverPost();
    const myHiddenComment = serverComment(theirs.id, { authorId: BUYER.id, text: 'Only I see these words', underReview: true });
    await pullWith(db, pullPage([upsertPost(mine), upsertPost(myReported), upsertPost(theirs), upsertComment(myHiddenComment)], { reactedPostIds: [theirs.id] }));
    await editPost(db, mine.id, { topic: 'daily', text: 'Waiting edit', photos: [] });
    await deletePost(db, theirs.id).catch(() => {});
    const unsent = await writtenDraft();
    await publishBoardDraft(db, unsent);
    await addComment(db, { postId: theirs.id, text: 'Unsent comment' });
    await saveBoardDraft(db, await writtenDraft());

    await signOutLocally(db, { toldServer: true });
    expect((await db.posts.toArray()).map((p) => [p.id, p.text]).sort()).toEqual([
      [mine.id, 'Server words'],
      [theirs.id, theirs.text],
    ].sort());
    expect(await db.comments.toArray()).toEqual([{ ...myHiddenComment, text: '' }]);
    expect(await db.boardDrafts.count()).toBe(0);
    expect(await getMeta(db, 'reactedPostIds')).toBeUndefined();
    expect(await getMeta(db, 'serverReactedPostIds')).toBeUndefined();
  });
});

describe('what the board shows', () => {
  it('newest first, by topic, leaving out posts hidden by reports (but the author’s own) and blocked people’s', async () => {
    await signedIn(db, minji);
    const older = serverPost({ createdAt: 1_000, topic: 'food' });
    const newer = serverPost({ createdAt: 2_000, topic: 'question' });
    const reported = serverPost({ createdAt: 3_000, underReview: true });
    const myReported = serverPost({ createdAt: 4_000, underReview: true, authorId: BUYER.id });
    const blocked = serverPost({ createdAt: 5_000, authorId: 'blocked-one' });
    await pullWith(db, pullPage([older, newer, reported, myReported, blocked].map(upsertPost), { hiddenSellerIds: ['blocked-one'] }));
    expect((await boardPage(db, 10)).map((p) => p.id)).toEqual([myReported.id, newer.id, older.id]);
    expect((await boardPage(db, 10, 'food')).map((p) => p.id)).toEqual([older.id]);
    expect((await boardPage(db, 1)).map((p) => p.id)).toEqual([myReported.id]);
  });

  it('keeps to the person’s area: posts of other places stay out', async () => {
    await signedIn(db, minji);
    await db.neighbourhoods.put({ id: PLACE, nameEn: 'Sunae-dong', nameKo: '수내동', lat: 37.38, lng: 127.11, neighbours: { '1': [PLACE] } } as never);
    await setMeta(db, 'range', 1);
    const profile = { actorId: BUYER.id, nickname: 'minji', verificationCount: 1, lastVerifiedAt: 1, neighbourhoods: [{ id: PLACE, name: 'Sunae-dong 수내동', active: true, verifiedAt: 1 }] };
    const here = serverPost();
    const there = serverPost({ neighbourhoodId: 'kr-seoul-far' });
    await pullWith(db, pullPage([upsertPost(here), upsertPost(there)], { profile }));
    expect((await boardPage(db, 10)).map((p) => p.id)).toEqual([here.id]);
  });

  it('searches offline by search’s rule: every word inside the text, Korean inside words too', async () => {
    const clinic = serverPost({ text: '수내역 근처 소아과 추천해 주세요' });
    const bakery = serverPost({ text: '정자동 빵집 오픈 소식', topic: 'news' });
    await pullWith(db, pullPage([upsertPost(clinic), upsertPost(bakery)]));
    expect((await searchBoard(db, ['소아'])).map((p) => p.id)).toEqual([clinic.id]);
    expect((await searchBoard(db, ['빵', '오픈'])).map((p) => p.id)).toEqual([bakery.id]);
    expect(await searchBoard(db, ['빵'], 'question')).toEqual([]);
  });

  it('forgets a post deleted on the server, with its comments', async () => {
    const post = serverPost();
    await pullWith(db, pullPage([upsertPost(post), upsertComment(serverComment(post.id))]));
    await pullWith(db, pullPage([{ op: 'delete', entity: 'post', id: post.id }]));
    expect(await db.posts.count()).toBe(0);
    expect(await db.comments.count()).toBe(0);
  });
});
