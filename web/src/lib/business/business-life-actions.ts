// What a person does in a business's life (edit its details, post, delete a post, follow, review):
// each is its optimistic change and its outbox entry recorded together, then a nudge to sync, so
// all of it works offline and reaches the server exactly once. Checked here as the server would.
import { businessPostArgs, businessReviewArgs, businessUpdateArgs, describeIssues, type MutationArgs, type MutationName } from '@dongne/shared';
import type { DongneDb } from '../db/db.js';
import { getMeta } from '../db/meta.js';
import { enqueue, notifyLocalMutation, queueToggle } from '../sync/outbox.js';

/** Refused here: the fields the server would refuse (the screen words each in the person's language). */
export type ActResult = { ok: true } | { ok: false; fields: string[] };

async function act<N extends MutationName>(db: DongneDb, name: N, args: MutationArgs<N>, entityId: string): Promise<void> {
  await db.transaction('rw', db.replicaTables, () => enqueue(db, name, args, entityId));
  notifyLocalMutation();
}

function checked<T>(result: { success: true; data: T } | { success: false; error: Parameters<typeof describeIssues>[0] }): { data: T } | { fields: string[] } {
  if (result.success) return { data: result.data };
  return { fields: [...new Set(describeIssues(result.error).map((issue) => issue.path.split('.')[0]))] };
}

export async function updateBusinessDetails(db: DongneDb, input: MutationArgs<'business.update'>): Promise<ActResult> {
  const parsed = checked(businessUpdateArgs.safeParse(input));
  if ('fields' in parsed) return { ok: false, fields: parsed.fields };
  await act(db, 'business.update', parsed.data, input.id);
  return { ok: true };
}

export async function postForBusiness(db: DongneDb, input: Omit<MutationArgs<'business.post'>, 'id'>): Promise<ActResult & { id?: string }> {
  const id = crypto.randomUUID();
  const parsed = checked(businessPostArgs.safeParse({ ...input, id }));
  if ('fields' in parsed) return { ok: false, fields: parsed.fields };
  await act(db, 'business.post', parsed.data, id);
  return { ok: true, id };
}

export function deleteBusinessPost(db: DongneDb, id: string): Promise<void> {
  return act(db, 'business.delete_post', { id }, id);
}

/** Following or not. One not sent yet is replaced, and one that only undoes a waiting one sends nothing. */
export async function setFollowing(db: DongneDb, businessId: string, following: boolean): Promise<void> {
  const queued = await queueToggle(
    db,
    { name: 'business.follow', args: { businessId, following }, entityId: `follow:${businessId}`, on: following },
    (args) => args.following,
    async () => ((await getMeta(db, 'serverFollowedBusinessIds')) ?? []).includes(businessId),
  );
  if (queued) notifyLocalMutation();
}

export async function reviewBusiness(db: DongneDb, input: MutationArgs<'business.review'>): Promise<ActResult> {
  const parsed = checked(businessReviewArgs.safeParse(input));
  if ('fields' in parsed) return { ok: false, fields: parsed.fields };
  await act(db, 'business.review', parsed.data, `review:${input.businessId}`);
  return { ok: true };
}
