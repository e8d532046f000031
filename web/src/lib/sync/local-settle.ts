// Settling a mutation once the server has answered: what the device does when the server refuses
// it (never drop the person's work) or confirms it, beyond dropping it from the outbox.
import { bytesToBase64, CONVERSATION_MUTATIONS, DRAFT_LIMITS, type MutationArgs, type MutationName, type MutationResult } from '@dongne/shared';
import type { DongneDb, OutboxEntry } from '../db/db.js';
import { getMeta, setMeta } from '../db/meta.js';
import { chatReject, rejectBlock, rejectReport, rejectReview, type Refusal } from '../chat/chat-settle.js';
import { enqueue, rebaseOutbox } from './outbox.js';
import { rejectKeywordAdd } from '../alerts/alerts-apply.js';
import {
  rejectBoardComment,
  rejectBoardDelete,
  rejectBoardDeleteComment,
  rejectBoardPost,
  rejectBoardReact,
  rejectBoardUpdate,
  rejectBoardUpdateComment,
} from '../board/board-apply.js';
import { rejectBusinessCreate, rejectCampaignCreate, rejectCampaignEnd } from '../business/business-apply.js';
import {
  rejectBusinessDeletePost,
  rejectBusinessFollow,
  rejectBusinessPost,
  rejectBusinessReview,
  rejectBusinessUpdate,
} from '../business/business-life-apply.js';

type LocalReject = {
  [N in MutationName]: (db: DongneDb, args: MutationArgs<N>, reason: Refusal, ownerId: string) => Promise<void>;
};

/**
 * The listing as the server holds it, which comes with every refused change to one: put back
 * here (the pull cursor is already past its last change, so no pull would bring it again).
 */
async function restoreListing(db: DongneDb, _args: unknown, { current }: Refusal) {
  if (current?.entity !== 'listing') return;
  if (current.op === 'upsert') await db.listings.put(current.row);
  else await db.listings.delete(current.id);
}

/** What the device does when the server refuses a mutation: never drop the user's work. */
export const localReject: LocalReject = {
  async 'listing.create'(db, args, reason, ownerId) {
    await db.listings.delete(args.id);
    const now = Date.now();
    // A photo this device could not upload: say why the server refused it, not just that it is missing.
    if (reason.code === 'media.missing') {
      const refusals = (await getMeta(db, 'photoRefusals')) ?? {};
      const why = args.photos.map((p) => refusals[p.full] ?? refusals[p.thumb]).find(Boolean);
      if (why) reason = { ...reason, message: `A photo could not be uploaded: ${why} Remove it, then publish again.` };
    }
    // The draft it was published from, with its edit history, so later edits still merge.
    if (await db.drafts.get(args.id)) {
      await db.drafts.update(args.id, { publishing: false, ownerId, updatedAt: now, rejection: { ...reason, at: now } });
      return;
    }
    await db.drafts.put({
      id: args.id,
      // The draft goes back to whoever published it, even if someone else is signed in now.
      ownerId,
      title: args.title,
      price: String(args.priceKrw),
      category: args.category,
      description: args.description,
      acceptsOffers: args.acceptsOffers,
      meetingSpot: args.meetingSpot,
      photos: args.photos,
      createdAt: now,
      updatedAt: now,
      rejection: { ...reason, at: now },
    });
  },
  'listing.delete': restoreListing,
  'listing.set_status': restoreListing,
  'listing.update': restoreListing,
  'listing.set_hidden': restoreListing,
  'listing.bump': restoreListing,
  // The watchlist goes back to what the server last said about this listing.
  async 'listing.set_liked'(db, args, reason) {
    await restoreListing(db, args, reason);
    const serverLiked = ((await getMeta(db, 'serverLikedIds')) ?? []).includes(args.id);
    const liked = ((await getMeta(db, 'likedIds')) ?? []).filter((id) => id !== args.id);
    await setMeta(db, 'likedIds', serverLiked ? [args.id, ...liked] : liked);
  },
  // The profile in the next pull is the server's truth about held neighbourhoods.
  async 'neighbourhood.set'() {},
  async 'neighbourhood.verify'(db, _args, reason) {
    await setMeta(db, 'verifyRejection', { ...reason, at: Date.now() });
  },
  // Gone from the server (published or deleted on another device): the pull that carries its
  // tombstone removes it here too. Refused as unreadable: later edits build on this one, so the
  // server could never use them either; send the whole document instead, which always applies.
  async 'draft.update'(db, args, reason) {
    // Not kept by the server at all yet: its edits alone would make half a draft there.
    if (reason.code === 'draft.daily_limit') {
      await db.drafts.update(args.id, { serverLacks: true });
      return;
    }
    if (reason.code !== 'draft.invalid_update' && reason.code !== 'mutation.invalid_args') return;
    const draft = await db.drafts.get(args.id);
    if (!draft?.doc) return;
    const update = bytesToBase64(draft.doc);
    // Too large to send whole as well: the draft stays on this device only.
    if (update.length > DRAFT_LIMITS.updateMaxChars || update === args.update) return;
    await enqueue(db, 'draft.update', { id: args.id, update }, args.id);
  },
  async 'draft.delete'() {},
  ...chatReject,
  'review.create': rejectReview,
  'block.set': rejectBlock,
  'report.create': rejectReport,
  'keyword.add': rejectKeywordAdd,
  // The next pull's list is the server's truth; nothing to put back for a removal or a read.
  async 'keyword.remove'() {},
  async 'notification.read'() {},
  'board.post': rejectBoardPost,
  'board.update': rejectBoardUpdate,
  'board.delete': rejectBoardDelete,
  'board.comment': rejectBoardComment,
  'board.update_comment': rejectBoardUpdateComment,
  'board.delete_comment': rejectBoardDeleteComment,
  'board.react': rejectBoardReact,
  'business.create': rejectBusinessCreate,
  'business.update': rejectBusinessUpdate,
  'business.post': rejectBusinessPost,
  'business.delete_post': rejectBusinessDeletePost,
  'business.follow': rejectBusinessFollow,
  'business.review': rejectBusinessReview,
  'campaign.create': rejectCampaignCreate,
  'campaign.end': rejectCampaignEnd,
  // Events are counted by the server or not at all: a refused batch has nothing to put back.
  async 'ad.events'() {},
};

/**
 * Refusals that put a row back as the server has it (a conversation, a board post or comment): what
 * still waits about it goes on top again.
 */
const RESTORES_ROW: readonly MutationName[] = [
  ...CONVERSATION_MUTATIONS,
  'review.create',
  'board.update',
  'board.delete',
  'board.update_comment',
  'board.delete_comment',
  'business.update',
  'business.delete_post',
  'business.review',
];

type LocalConfirm = { [N in MutationName]?: (db: DongneDb, args: MutationArgs<N>) => Promise<void> };

/** What the device does once the server has applied a mutation, beyond dropping it from the outbox. */
export const localConfirm: LocalConfirm = {
  // The listing is live: the draft kept in case of a refusal can go.
  async 'listing.create'(db, args) {
    await db.drafts.delete(args.id);
  },
  async 'draft.update'(db, args) {
    if ((await db.drafts.get(args.id))?.serverLacks) await db.drafts.update(args.id, { serverLacks: undefined });
  },
  // Published: the draft it was written in (kept in case of a refusal) can go.
  async 'board.post'(db, args) {
    await db.boardDrafts.delete(args.id);
  },
};

export function confirmLocally<N extends MutationName>(db: DongneDb, name: N, args: MutationArgs<N>) {
  const confirm = localConfirm[name] as ((db: DongneDb, args: MutationArgs<N>) => Promise<void>) | undefined;
  return confirm?.(db, args);
}

export function rejectLocally<N extends MutationName>(db: DongneDb, name: N, args: MutationArgs<N>, reason: Refusal, ownerId: string) {
  const reject = localReject[name] as (db: DongneDb, args: MutationArgs<N>, reason: Refusal, ownerId: string) => Promise<void>;
  return reject(db, args, reason, ownerId);
}

/**
 * Settles a pushed batch by the server's results (matched by wire number and mutation id) and drops
 * each settled entry from the outbox, in one transaction. Returns how many were settled.
 */
export async function settleResults(db: DongneDb, batch: OutboxEntry[], results: MutationResult[]): Promise<number> {
  const byWireSeq = new Map(batch.map((entry) => [entry.wire?.seq ?? entry.seq, entry]));
  let settled = 0;
  await db.transaction('rw', db.replicaTables, async () => {
    let restored = false;
    for (const result of results) {
      const entry = byWireSeq.get(result.seq);
      if (!entry || entry.mutationId !== result.mutationId) continue;
      // Gone meanwhile (its owner signed out while this push was in flight): nothing to settle.
      if (!(await db.outbox.get(entry.seq))) continue;
      if (result.status === 'rejected') {
        const { code, message, current } = result;
        await rejectLocally(db, entry.name, entry.args as never, { code, message, current }, entry.ownerId);
        restored ||= current !== undefined || RESTORES_ROW.includes(entry.name);
      } else {
        await confirmLocally(db, entry.name, entry.args as never);
      }
      await db.outbox.delete(entry.seq);
      settled++;
    }
    // A restored row is the server's: what still waits to sync goes back on top of it.
    if (restored) await rebaseOutbox(db);
  });
  return settled;
}
