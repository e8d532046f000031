// One handler per mutation name. The type makes a missing handler a compile error, so the
// registry in shared/ and this table cannot drift apart. Handlers run inside a savepoint: throwing
// MutationRejected undoes whatever the handler wrote.
import * as Y from 'yjs';
import { base64ToBytes, BUMP_INTERVAL_MS, DRAFT_LIMITS, neighbourhoodLabel, nextBumpAt } from '@dongne/shared';
import type { Tx } from '../store/contract/store.js';
import type { Handlers } from './mutation-context.js';
import { chatHandlers } from './chat-handlers.js';
import { safetyHandlers } from './safety-handlers.js';
import { alertHandlers, notifyKeywordMatches } from './alert-handlers.js';
import { tradeHandlers } from './trade-handlers.js';
import { ownListingOrReject, seenInArea, visibleListingOrReject } from './listing-guards.js';
import { photosOrReject, placeOrReject, verifiedHereOrReject } from './mutation-guards.js';
import { boardHandlers } from './board-handlers.js';
import { adsHandlers } from './ads-handlers.js';
import { businessLifeHandlers } from './business-life-handlers.js';
import { MutationRejected } from './service-error.js';
import { clearReservations, resendConversations } from './trade-rules.js';
import { verification } from './verification-service.js';

// Ids once used (by a listing or a draft, live, hidden or deleted) are never anyone else's: one
// neutral answer, which says nothing about what holds the id.
const idTaken = () => new MutationRejected('listing.id_taken', 'This id is already in use. Publish again from your draft.');
const draftNotOwner = () => new MutationRejected('draft.not_owner', 'This id is already in use by someone else.');

/** Tombstones the draft if it is live, so the owner's other devices drop it. */
async function dropDraft(tx: Tx, id: string, now: number) {
  const draft = await tx.drafts.byId(id);
  if (draft && draft.deletedAt === null) await tx.drafts.markDeleted(id, now, await tx.sync.nextChangeSeq());
}

export const mutationHandlers: Handlers = {
  async 'listing.create'(ctx, args) {
    const { tx, actor, now, caps, areaChanged } = ctx;
    // Ids belong to whoever first used them: a listing may not take the id of someone else's draft.
    const draft = await tx.drafts.byId(args.id);
    if ((draft && draft.ownerId !== actor.id) || (await tx.listings.ownerOf(args.id))) {
      throw idTaken();
    }
    if ((await tx.creationCounts.inLastDay(actor.id, 'listing', now)) >= caps.listings) {
      throw new MutationRejected(
        'listing.daily_limit',
        `You can publish ${caps.listings} listings a day, and you have today. Your listing is kept as a draft: publish it again tomorrow.`,
      );
    }
    const place = await placeOrReject(tx, args.neighbourhoodId);
    await photosOrReject(tx, args.photos);
    await verifiedHereOrReject(ctx, place, 'Selling', 'publish again');
    const inserted = await tx.listings.insert({
      id: args.id,
      sellerId: actor.id,
      title: args.title,
      description: args.description,
      priceKrw: args.priceKrw,
      category: args.category,
      neighbourhood: neighbourhoodLabel(place),
      neighbourhoodId: place.id,
      acceptsOffers: args.acceptsOffers,
      meetingSpot: args.meetingSpot,
      photos: args.photos,
      createdAt: now,
      changeSeq: await tx.sync.nextChangeSeq(),
    });
    if (!inserted) throw idTaken();
    await tx.creationCounts.add(actor.id, 'listing', now);
    // The draft it was published from leaves the person's other devices too.
    if (draft) await dropDraft(tx, args.id, now);
    await notifyKeywordMatches(ctx, { ...args, sellerId: actor.id, neighbourhoodId: place.id });
    areaChanged(place.id);
  },

  async 'listing.delete'(ctx, args) {
    const { tx, actor, now } = ctx;
    const listing = await ownListingOrReject(tx, actor, args.id, 'delete');
    await tx.listings.markDeleted(args.id, now, await tx.sync.nextChangeSeq());
    await resendConversations(ctx, args.id);
    seenInArea(ctx, listing);
  },

  async 'listing.set_status'(ctx, args) {
    const { tx, actor, now } = ctx;
    const listing = await ownListingOrReject(tx, actor, args.id, 'change');
    await tx.listings.setStatus(args.id, args.status, now, await tx.sync.nextChangeSeq());
    // Set by hand, a status names no buyer: a reservation or sale made from a chat no longer holds.
    await clearReservations(ctx, args.id);
    seenInArea(ctx, listing);
  },

  async 'listing.update'(ctx, { id, ...content }) {
    const { tx, actor, now } = ctx;
    const listing = await ownListingOrReject(tx, actor, id, 'edit');
    await photosOrReject(tx, content.photos);
    await tx.listings.update(id, content, now, await tx.sync.nextChangeSeq());
    await resendConversations(ctx, id);
    seenInArea(ctx, listing);
  },

  async 'listing.set_hidden'(ctx, args) {
    const { tx, actor, now } = ctx;
    const listing = await ownListingOrReject(tx, actor, args.id, 'hide or show');
    await tx.listings.setHidden(args.id, args.hidden, now, await tx.sync.nextChangeSeq());
    // Hiding takes it off the neighbours' devices, showing puts it back: both are news to them.
    if (listing.hidden !== args.hidden) ctx.areaChanged(listing.neighbourhoodId);
  },

  async 'listing.bump'(ctx, args) {
    const { tx, actor, now } = ctx;
    const listing = await ownListingOrReject(tx, actor, args.id, 'bump');
    const next = nextBumpAt(listing);
    if (now < next) {
      const hours = Math.ceil((next - now) / (60 * 60 * 1000));
      throw new MutationRejected(
        'listing.bump_too_soon',
        `A listing can be bumped once every ${BUMP_INTERVAL_MS / 3_600_000} hours. Try again in ${hours} hour${hours === 1 ? '' : 's'}.`,
      );
    }
    await tx.listings.bump(args.id, now, await tx.sync.nextChangeSeq());
    seenInArea(ctx, listing);
  },

  async 'listing.set_liked'(ctx, args) {
    const { tx, actor, now } = ctx;
    const listing = await visibleListingOrReject(tx, actor, args.id);
    // The count moves (and the listing goes to devices again) only if the like did.
    if (await tx.listings.setLiked(actor.id, args.id, args.liked, now)) {
      await tx.listings.recountLikes(args.id, await tx.sync.nextChangeSeq());
      seenInArea(ctx, listing);
    }
  },

  async 'draft.update'({ tx, actor, now, caps }, args) {
    const existing = await tx.drafts.byId(args.id);
    const listing = existing ? undefined : await tx.listings.ownerOf(args.id);
    if ((existing && existing.ownerId !== actor.id) || (listing && listing.sellerId !== actor.id)) {
      throw draftNotOwner();
    }
    if (!existing && (await tx.creationCounts.inLastDay(actor.id, 'draft', now)) >= caps.drafts) {
      throw new MutationRejected(
        'draft.daily_limit',
        `You have started ${caps.drafts} drafts today. This one is kept on this device, and reaches your other devices with your next edit of it once a day has passed.`,
      );
    }
    if (existing?.deletedAt != null) {
      throw new MutationRejected('draft.gone', 'This draft was published or deleted on another of your devices.');
    }
    let state: Uint8Array;
    try {
      const update = base64ToBytes(args.update);
      state = existing ? Y.mergeUpdates([existing.state, update]) : update;
      // Merging only splices bytes; decoding proves the result is a document a device can open.
      Y.applyUpdate(new Y.Doc(), state);
    } catch {
      throw new MutationRejected('draft.invalid_update', 'That draft change could not be read.');
    }
    if (state.byteLength > DRAFT_LIMITS.stateMaxBytes) {
      throw new MutationRejected('draft.too_large', 'This draft has grown too large to sync. Shorten it, or publish it.');
    }
    await tx.drafts.save({ id: args.id, ownerId: actor.id, state, at: now, changeSeq: await tx.sync.nextChangeSeq() });
    if (!existing) await tx.creationCounts.add(actor.id, 'draft', now);
  },

  async 'draft.delete'({ tx, actor, now }, args) {
    const existing = await tx.drafts.byId(args.id);
    if (existing && existing.ownerId !== actor.id) throw draftNotOwner();
    // Never synced, or already gone: deleting it again is what the person wanted anyway.
    await dropDraft(tx, args.id, now);
  },

  async 'neighbourhood.verify'({ tx, actor, now, mutation }, args) {
    const place = await placeOrReject(tx, args.neighbourhoodId);
    if (!mutation.fix) {
      throw new MutationRejected('location.missing', 'No location came with this verification. Allow location access and try again.');
    }
    const check = await verification.verify(tx, actor, place, mutation.fix, 'verify', now);
    if (!check.ok) throw new MutationRejected(check.code, check.message);
  },

  async 'neighbourhood.set'({ tx, actor, now }, args) {
    // A device synced before the dongs came may still name a retired place: each id is stored as the
    // place it means now, and two that now mean the same dong are held once.
    const held: string[] = [];
    for (const id of args.held) {
      const place = await placeOrReject(tx, id);
      if (!held.includes(place.id)) held.push(place.id);
    }
    await tx.actorNeighbourhoods.set(actor.id, held, (await placeOrReject(tx, args.active)).id, now);
  },

  ...chatHandlers,
  ...tradeHandlers,
  ...safetyHandlers,
  ...alertHandlers,
  ...boardHandlers,
  ...adsHandlers,
  ...businessLifeHandlers,
};
