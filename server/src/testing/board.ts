// Neighbours on the board of a test server: writing posts and comments from their phones, and what
// their pulls leave on their devices (posts, comments, notifications). Tests only.
import { randomUUID } from 'node:crypto';
import { type BoardComment, type BoardPost, type BoardPostArgs, type MutationResult, type Notification, type PullResponse, type RangeLevel } from '@dongne/shared';
import { HOME } from './fixes.js';
import { pullAll, type Requester, type TestServer } from './harness.js';
import type { Person } from './trading.js';

/** Mangwon 1-dong, in Seoul's Mapo-gu: 22 km from HOME, outside every range of it. */
export const SEOUL = 'kr-1114069';

/** What a device holds after pulling from the start: posts and comments by id, the inbox in pull order. */
export interface BoardView {
  posts: Map<string, BoardPost>;
  comments: Map<string, BoardComment>;
  /** The inbox, each notification as it now stands, in the order first pulled. */
  notifications: Notification[];
  /** Every post and comment id the pull told the device to drop. */
  dropped: Set<string>;
  last: PullResponse;
}

export function boardViewOf(pages: PullResponse[]): BoardView {
  const view: BoardView = { posts: new Map(), comments: new Map(), notifications: [], dropped: new Set(), last: pages[pages.length - 1] };
  const inbox = new Map<string, Notification>();
  for (const change of pages.flatMap((page) => page.changes)) {
    if (change.op === 'delete' && (change.entity === 'post' || change.entity === 'comment')) {
      view[change.entity === 'post' ? 'posts' : 'comments'].delete(change.id);
      view.dropped.add(change.id);
    }
    if (change.op !== 'upsert') continue;
    if (change.entity === 'post') view.posts.set(change.row.id, change.row);
    if (change.entity === 'comment') view.comments.set(change.row.id, change.row);
    if (change.entity === 'notification') inbox.set(change.row.id, change.row);
  }
  view.notifications = [...inbox.values()];
  return view;
}

/** What `who` (a visitor if undefined) holds after pulling everything now, in `scope` (the default area unless given). */
export async function boardView(app: Requester, who: Pick<Person, 'cookie'> | undefined, scope: { neighbourhood?: string; range?: RangeLevel } = {}): Promise<BoardView> {
  return boardViewOf((await pullAll(app, who?.cookie, 0, undefined, scope)).pages);
}

export function postArgs(overrides: Partial<BoardPostArgs> = {}): BoardPostArgs {
  return { id: randomUUID(), neighbourhoodId: HOME, topic: 'daily', text: '탄천 산책로에 벚꽃이 활짝 폈어요', photos: [], ...overrides };
}

/** Board actions from one person's phone, each answering its result. */
export function boardActions(server: TestServer, who: Person) {
  return {
    /** board.post with a passing fix taken where it is posted. */
    post: (overrides: Partial<BoardPostArgs> = {}): Promise<MutationResult> => {
      const args = postArgs(overrides);
      return who.act('board.post', args, { fix: server.fixAt(args.neighbourhoodId) });
    },
    comment: (postId: string, text = '저도 오늘 봤어요!', parentId?: string, id: string = randomUUID()) =>
      who.act('board.comment', { id, postId, text, ...(parentId ? { parentId } : {}) }),
    react: (postId: string, reacted = true) => who.act('board.react', { postId, reacted }),
    report: (target: 'post' | 'comment', targetId: string) => who.act('report.create', { id: randomUUID(), target, targetId, reason: 'spam' }),
  };
}

/** Publishes a post from `who`'s phone (with a passing fix) and answers its id; throws if it is refused. */
export async function publishPost(server: TestServer, who: Person, overrides: Partial<BoardPostArgs> = {}): Promise<string> {
  const id = overrides.id ?? randomUUID();
  const result = await boardActions(server, who).post({ ...overrides, id });
  if (result.status !== 'applied') throw new Error(`board.post: ${JSON.stringify(result)}`);
  return id;
}

/** Writes a comment (or, with `parentId`, a reply) and answers its id; throws if it is refused. */
export async function writeComment(server: TestServer, who: Person, postId: string, text = '저도 오늘 봤어요!', parentId?: string): Promise<string> {
  const id = randomUUID();
  const result = await boardActions(server, who).comment(postId, text, parentId, id);
  if (result.status !== 'applied') throw new Error(`board.comment: ${JSON.stringify(result)}`);
  return id;
}
