// The optimistic side of each mutation: how it changes the local replica before the server has
// seen it. Run once when the user acts, and again after each pull to rebase unconfirmed work.
// What happens once the server has answered is in local-settle.ts; the trading mutations' own
// steps are in chat/chat-apply.ts.
import { neighbourhoodLabel, NEW_LISTING_STATE, type MutationArgs, type MutationName } from '@dongne/shared';
import type { DongneDb } from '../db/db.js';
import { getMeta, setMeta } from '../db/meta.js';
import { applyBlock, applyReview, chatApply } from '../chat/chat-apply.js';
import { applyKeywordAdd, applyKeywordRemove, applyNotificationRead } from '../alerts/alerts-apply.js';
import {
  applyBoardComment,
  applyBoardDelete,
  applyBoardDeleteComment,
  applyBoardPost,
  applyBoardReact,
  applyBoardUpdate,
  applyBoardUpdateComment,
} from '../board/board-apply.js';
import { applyBusinessCreate, applyCampaignCreate, applyCampaignEnd } from '../business/business-apply.js';
import {
  applyBusinessDeletePost,
  applyBusinessFollow,
  applyBusinessPost,
  applyBusinessReview,
  applyBusinessUpdate,
} from '../business/business-life-apply.js';

type LocalApply = { [N in MutationName]: (db: DongneDb, args: MutationArgs<N>, at: number) => Promise<void> };

export const localApply: LocalApply = {
  async 'listing.create'(db, args, at) {
    const existing = await db.listings.get(args.id);
    const place = await db.neighbourhoods.get(args.neighbourhoodId);
    await db.listings.put({
      ...args,
      neighbourhood: existing?.neighbourhood ?? (place ? neighbourhoodLabel(place) : ''),
      sellerId: (await getMeta(db, 'actorId')) ?? '',
      sellerName: (await getMeta(db, 'nickname')) ?? 'You',
      status: existing?.status ?? NEW_LISTING_STATE.status,
      hidden: existing?.hidden ?? false,
      createdAt: existing?.createdAt ?? at,
      updatedAt: at,
      bumpedAt: existing?.bumpedAt ?? at,
      lastBumpedAt: existing?.lastBumpedAt ?? null,
      editedAt: existing?.editedAt ?? null,
      likeCount: existing?.likeCount ?? 0,
      viewCount: existing?.viewCount ?? 0,
    });
  },
  async 'listing.update'(db, { id, ...content }, at) {
    await db.listings.update(id, { ...content, editedAt: at, updatedAt: at });
  },
  async 'listing.set_hidden'(db, args, at) {
    await db.listings.update(args.id, { hidden: args.hidden, updatedAt: at });
  },
  async 'listing.bump'(db, args, at) {
    await db.listings.update(args.id, { bumpedAt: at, lastBumpedAt: at, updatedAt: at });
  },
  // Only the watchlist changes here. The count on the row stays the server's; screens add this
  // person's unconfirmed like (likedIds against serverLikedIds), so rebasing never counts it twice.
  async 'listing.set_liked'(db, args) {
    const liked = new Set((await getMeta(db, 'likedIds')) ?? []);
    if (args.liked) liked.add(args.id);
    else liked.delete(args.id);
    await setMeta(db, 'likedIds', [...liked]);
  },

  async 'listing.delete'(db, args) {
    await db.listings.delete(args.id);
  },
  async 'listing.set_status'(db, args, at) {
    await db.listings.update(args.id, { status: args.status, updatedAt: at });
  },
  async 'neighbourhood.set'(db, args) {
    const profile = (await getMeta(db, 'profile')) ?? {
      actorId: (await getMeta(db, 'actorId')) ?? '',
      nickname: (await getMeta(db, 'nickname')) ?? '',
      verificationCount: 0,
      lastVerifiedAt: null,
      neighbourhoods: [],
    };
    const neighbourhoods = [];
    for (const id of args.held) {
      const before = profile.neighbourhoods.find((n) => n.id === id);
      const place = await db.neighbourhoods.get(id);
      neighbourhoods.push({
        id,
        name: before?.name ?? (place ? neighbourhoodLabel(place) : id),
        active: id === args.active,
        verifiedAt: before?.verifiedAt ?? null,
      });
    }
    await setMeta(db, 'profile', { ...profile, neighbourhoods });
  },
  // Counted once the server confirms it; until then the screen shows it as waiting.
  async 'neighbourhood.verify'() {},
  // The draft's document already holds the edit (it was saved with it), and a pull merges rather
  // than replaces, so there is nothing to re-apply.
  async 'draft.update'() {},
  async 'draft.delete'(db, args) {
    await db.drafts.delete(args.id);
  },
  ...chatApply,
  async 'review.create'(db, args) {
    await applyReview(db, args);
  },
  async 'block.set'(db, args) {
    await applyBlock(db, args);
  },
  // Nothing on this device changes: the report goes to moderation.
  async 'report.create'() {},
  'keyword.add': applyKeywordAdd,
  'keyword.remove': applyKeywordRemove,
  'notification.read': applyNotificationRead,
  'board.post': applyBoardPost,
  'board.update': applyBoardUpdate,
  'board.delete': applyBoardDelete,
  'board.comment': applyBoardComment,
  'board.update_comment': applyBoardUpdateComment,
  'board.delete_comment': applyBoardDeleteComment,
  'board.react': applyBoardReact,
  'business.create': applyBusinessCreate,
  'business.update': applyBusinessUpdate,
  'business.post': applyBusinessPost,
  'business.delete_post': applyBusinessDeletePost,
  'business.follow': applyBusinessFollow,
  'business.review': applyBusinessReview,
  'campaign.create': applyCampaignCreate,
  'campaign.end': applyCampaignEnd,
  // Counted events change nothing the person sees: they only travel.
  async 'ad.events'() {},
};

export function applyLocally<N extends MutationName>(db: DongneDb, name: N, args: MutationArgs<N>, at: number) {
  return (localApply[name] as (db: DongneDb, args: MutationArgs<N>, at: number) => Promise<void>)(db, args, at);
}
