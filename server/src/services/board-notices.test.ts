// Whom the board tells of what, and in which words: the notifications a comment, a reply or 공감
// asks to be written, read where they are handed to the store (the store's keeping of them is the
// notifications store's to test).
import { describe, expect, it } from 'vitest';
import { BOARD_LIMITS, NOTIFICATION_LIMITS } from '@dongne/shared';
import type { NewNotification } from '../store/contract/alerts.js';
import type { BoardPostFacts } from '../store/contract/board.js';
import type { Tx } from '../store/contract/store.js';
import type { MutationContext } from './mutation-context.js';
import { tellOfComment, tellOfReaction } from './board-notices.js';

/** A context whose transaction keeps what it is asked to write, and who it says to poke. */
function recording(actor: { id: string; nickname: string }) {
  const written: NewNotification[] = [];
  const poked: string[] = [];
  let seq = 0;
  const tx = {
    sync: { nextChangeSeq: async () => ++seq },
    notifications: {
      insert: async (row: NewNotification) => {
        written.push(row);
        return true;
      },
    },
    pushSubscriptions: { anyFor: async () => false },
  } as unknown as Tx;
  const ctx = {
    tx,
    actor: { ...actor, joinedAt: 0 },
    now: 1_000,
    accountChanged: (id: string) => poked.push(id),
    pushDue: () => {},
  } as unknown as MutationContext;
  return { ctx, written, poked };
}

const post: BoardPostFacts & { id: string } = {
  id: 'post-1',
  authorId: 'author',
  neighbourhoodId: 'kr-3102353',
  text: '수내동   근처\n괜찮은 소아과 있을까요? 야간 진료하는 곳이면 더 좋고요. 아이가 열이 자주 나서 걱정이에요. 주말에도 여는 곳이면 정말 감사하겠습니다.',
  deleted: false,
  underReview: false,
};
const excerpt = '수내동 근처 괜찮은 소아과 있을까요? 야간 진료하는 곳이면 더 좋고요. 아이가 열이 자주 나서 걱정이에요.…';

describe('board notifications', () => {
  it('tell the post’s author of a comment: who wrote it, its first words, the post’s first words', async () => {
    const { ctx, written, poked } = recording({ id: 'neighbour', nickname: '탄천러너' });
    const text = '수내역 2번 출구 앞 ○○소아과가 밤 9시까지 해요. '.repeat(5);
    await tellOfComment(ctx, post, { text, parentAuthorId: null });
    expect(written).toEqual([
      {
        id: expect.any(String),
        createdAt: 1_000,
        actorId: 'author',
        kind: 'board_comment',
        subjectId: 'post-1',
        title: excerpt,
        keyword: null,
        byActorId: 'neighbour',
        actorName: '탄천러너',
        snippet: expect.stringMatching(/^수내역 2번 출구 앞 ○○소아과가 밤 9시까지 해요\. .*…$/),
      },
    ]);
    expect(Array.from(written[0].title)).toHaveLength(BOARD_LIMITS.excerptMax);
    expect(Array.from(written[0].snippet!)).toHaveLength(NOTIFICATION_LIMITS.snippetMax);
    expect(poked).toEqual(['author']);
  });

  it('tell nobody of a comment on their own post', async () => {
    const { ctx, written } = recording({ id: 'author', nickname: '수내댁' });
    await tellOfComment(ctx, post, { text: '추가로 여쭤봐요', parentAuthorId: null });
    expect(written).toEqual([]);
  });

  it('tell the parent’s author of a reply, and the post’s author of it as a comment', async () => {
    const { ctx, written } = recording({ id: 'third', nickname: '정자동주민' });
    await tellOfComment(ctx, post, { text: '저도요', parentAuthorId: 'neighbour' });
    expect(written.map((n) => [n.actorId, n.kind, n.snippet])).toEqual([
      ['neighbour', 'board_reply', '저도요'],
      ['author', 'board_comment', '저도요'],
    ]);
  });

  it('tell the post’s author once, as a reply, when the reply is under their own comment', async () => {
    const { ctx, written } = recording({ id: 'neighbour', nickname: '탄천러너' });
    await tellOfComment(ctx, post, { text: '일요일 좋아요', parentAuthorId: 'author' });
    expect(written.map((n) => [n.actorId, n.kind])).toEqual([['author', 'board_reply']]);
  });

  it('tell nobody of a reply to one’s own comment but the post’s author; the author replying tells only the commenter', async () => {
    const byCommenter = recording({ id: 'neighbour', nickname: '탄천러너' });
    await tellOfComment(byCommenter.ctx, post, { text: '덧붙이자면', parentAuthorId: 'neighbour' });
    expect(byCommenter.written.map((n) => [n.actorId, n.kind])).toEqual([['author', 'board_comment']]);

    const byAuthor = recording({ id: 'author', nickname: '수내댁' });
    await tellOfComment(byAuthor.ctx, post, { text: '감사합니다', parentAuthorId: 'neighbour' });
    expect(byAuthor.written.map((n) => [n.actorId, n.kind])).toEqual([['neighbour', 'board_reply']]);
  });

  it('tell the author of 공감 from someone else, without words of the reactor’s, and of none of their own', async () => {
    const other = recording({ id: 'neighbour', nickname: '탄천러너' });
    await tellOfReaction(other.ctx, post);
    expect(other.written).toMatchObject([{ actorId: 'author', kind: 'board_reaction', subjectId: 'post-1', title: excerpt, byActorId: 'neighbour', actorName: '탄천러너', snippet: null }]);
    const own = recording({ id: 'author', nickname: '수내댁' });
    await tellOfReaction(own.ctx, post);
    expect(own.written).toEqual([]);
  });
});
