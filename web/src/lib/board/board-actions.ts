// What a person does on the board (write, edit, delete, comment, reply, 공감): each is its
// optimistic change and its outbox entry recorded together, then a nudge to sync, so all of it
// works offline and reaches the server exactly once.
import { boardPostArgs, describeIssues, type BoardTopic, type MutationArgs, type MutationName } from '@dongne/shared';
import type { BoardDraft, DongneDb } from '../db/db.js';
import { currentOwner, getMeta } from '../db/meta.js';
import { enqueue, notifyLocalMutation, queueToggle } from '../sync/outbox.js';

async function act<N extends MutationName>(db: DongneDb, name: N, args: MutationArgs<N>, entityId: string): Promise<void> {
  await db.transaction('rw', db.replicaTables, () => enqueue(db, name, args, entityId));
  notifyLocalMutation();
}

/** The person's draft with this id, or a fresh one (its id becomes the post's, so publishing is once). */
export async function openBoardDraft(db: DongneDb, id: string | undefined, neighbourhoodId: string): Promise<BoardDraft> {
  const ownerId = await currentOwner(db);
  const kept = id ? await db.boardDrafts.get(id) : undefined;
  if (kept && kept.ownerId === ownerId) return kept;
  const now = Date.now();
  return { id: crypto.randomUUID(), ownerId, neighbourhoodId, topic: '', text: '', photos: [], createdAt: now, updatedAt: now };
}

/** Keeps what was typed; an untouched new draft is not kept (false). */
export async function saveBoardDraft(db: DongneDb, draft: BoardDraft): Promise<boolean> {
  const empty = !draft.text.trim() && draft.photos.length === 0 && !draft.topic;
  if (empty && !(await db.boardDrafts.get(draft.id))) return false;
  await db.boardDrafts.put({ ...$plain(draft), updatedAt: Date.now() });
  return true;
}

export async function discardBoardDraft(db: DongneDb, id: string): Promise<void> {
  await db.boardDrafts.delete(id);
}

/** Refused here: the fields the server would refuse (the screen says each in the person's language). */
export type PublishResult = { ok: true; id: string } | { ok: false; fields: string[] };

/** Publishes a draft: checked here as the server would, then queued; the draft goes with it. */
export async function publishBoardDraft(db: DongneDb, draft: BoardDraft): Promise<PublishResult> {
  const checked = boardPostArgs.safeParse({ id: draft.id, neighbourhoodId: draft.neighbourhoodId, topic: draft.topic, text: draft.text, photos: draft.photos });
  if (!checked.success) {
    return { ok: false, fields: [...new Set(describeIssues(checked.error).map((issue) => issue.path.split('.')[0]))] };
  }
  await db.transaction('rw', db.replicaTables, async () => {
    await enqueue(db, 'board.post', checked.data, draft.id);
    await db.boardDrafts.delete(draft.id);
  });
  notifyLocalMutation();
  return { ok: true, id: draft.id };
}

export function editPost(db: DongneDb, id: string, content: { topic: BoardTopic; text: string; photos: MutationArgs<'board.update'>['photos'] }) {
  return act(db, 'board.update', { id, ...content }, id);
}

export function deletePost(db: DongneDb, id: string) {
  return act(db, 'board.delete', { id }, id);
}

export function addComment(db: DongneDb, args: Omit<MutationArgs<'board.comment'>, 'id'>): Promise<string> {
  const id = crypto.randomUUID();
  return act(db, 'board.comment', { id, ...args }, id).then(() => id);
}

export function editComment(db: DongneDb, id: string, text: string) {
  return act(db, 'board.update_comment', { id, text }, id);
}

export function deleteComment(db: DongneDb, id: string) {
  return act(db, 'board.delete_comment', { id }, id);
}

/** A refused comment the person has read and let go. */
export async function discardFailedComment(db: DongneDb, id: string): Promise<void> {
  const comment = await db.comments.get(id);
  if (comment?.failed) await db.comments.delete(id);
}

/**
 * 공감 or taking it back. One not sent yet is replaced rather than followed by another change, and
 * one that only undoes a waiting one sends nothing: what waits is what will be sent.
 */
export async function setReacted(db: DongneDb, postId: string, reacted: boolean): Promise<void> {
  const queued = await queueToggle(
    db,
    { name: 'board.react', args: { postId, reacted }, entityId: `react:${postId}`, on: reacted },
    (args) => args.reacted,
    async () => ((await getMeta(db, 'serverReactedPostIds')) ?? []).includes(postId),
  );
  if (queued) notifyLocalMutation();
}

/** A Svelte state proxy as a plain object IndexedDB can clone. */
function $plain<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
