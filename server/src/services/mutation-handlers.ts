// One handler per mutation name. The type makes a missing handler a compile error, so the
// registry in shared/ and this table cannot drift apart. Handlers run inside a savepoint: throwing
// MutationRejected undoes whatever the handler wrote.
import * as Y from 'yjs';
import {
  base64ToBytes,
  BUMP_INTERVAL_MS,
  DRAFT_LIMITS,
  isListingVisibleTo,
  LISTING_LIMITS,
  neighbourhoodLabel,
  nextBumpAt,
  type ListingPhoto,
  type Mutation,
  type MutationArgs,
  type MutationName,
} from '@dongne/shared';
import type { Store } from '../store/store.js';
import type { Actor } from './session-service.js';
import { MutationRejected } from './service-error.js';
import type { VerificationService } from './verification-service.js';

/** How much one account may start in 24 hours; an operator may raise them (see main.ts). */
export interface DailyCaps {
  listings: number;
  drafts: number;
}

export const DEFAULT_DAILY_CAPS: DailyCaps = { listings: LISTING_LIMITS.perDay, drafts: DRAFT_LIMITS.newPerDay };

export interface MutationContext {
  caps: DailyCaps;
  store: Store;
  verification: VerificationService;
  actor: Actor;
  now: number;
  mutation: Mutation;
}

type Handlers = { [N in MutationName]: (ctx: MutationContext, args: MutationArgs<N>) => void };

function placeOrReject(store: Store, id: string) {
  const place = store.neighbourhoods.byId(id);
  if (!place) throw new MutationRejected('neighbourhood.unknown', 'That neighbourhood is not one Dongne knows.');
  return place;
}

// Ids once used (by a listing or a draft, live, hidden or deleted) are never anyone else's: one
// neutral answer, which says nothing about what holds the id.
const idTaken = () => new MutationRejected('listing.id_taken', 'This id is already in use. Publish again from your draft.');
const draftNotOwner = () => new MutationRejected('draft.not_owner', 'This id is already in use by someone else.');

const listingNotFound = () => new MutationRejected('listing.not_found', 'That listing no longer exists.');

/** The listing, if `actor` may see it; one they may not (deleted, someone's hidden one) is answered as missing. */
function visibleListingOrReject(store: Store, actor: Actor, id: string) {
  const existing = store.listings.ownerOf(id);
  if (!existing || !isListingVisibleTo(existing, actor.id)) throw listingNotFound();
  return existing;
}

/** The listing, if it exists and `actor` sells it; else the mutation is refused with why. */
function ownListingOrReject(store: Store, actor: Actor, id: string, action: string) {
  const existing = visibleListingOrReject(store, actor, id);
  if (existing.sellerId !== actor.id) {
    throw new MutationRejected('listing.not_owner', `Only the seller can ${action} this listing.`);
  }
  return existing;
}

/** Photos are uploaded before the mutation that names them; one that never arrived is refused. */
function photosOrReject(store: Store, photos: ListingPhoto[]) {
  const missing = store.media.missing(photos.flatMap((p) => [p.full, p.thumb]));
  if (missing.length > 0) {
    throw new MutationRejected('media.missing', `${missing.length} photo file(s) did not reach the server. Open the draft and publish again.`);
  }
}

export const mutationHandlers: Handlers = {
  'listing.create'({ store, verification, actor, now, mutation, caps }, args) {
    // Ids belong to whoever first used them: a listing may not take the id of someone else's draft.
    const draft = store.drafts.byId(args.id);
    if ((draft && draft.ownerId !== actor.id) || store.listings.ownerOf(args.id)) {
      throw idTaken();
    }
    if (store.creationCounts.inLastDay(actor.id, 'listing', now) >= caps.listings) {
      throw new MutationRejected(
        'listing.daily_limit',
        `You can publish ${caps.listings} listings a day, and you have today. Your listing is kept as a draft: publish it again tomorrow.`,
      );
    }
    const place = placeOrReject(store, args.neighbourhoodId);
    photosOrReject(store, args.photos);
    // A passing fix taken at Publish counts as a verification; failing that, a verification from
    // the last 30 days still lets the person sell in their neighbourhood.
    const check = mutation.fix ? verification.verify(actor, place, mutation.fix, 'publish', now) : undefined;
    if (!check?.ok && !verification.hasCurrentVerification(actor.id, place.id, now)) {
      if (check && !check.ok) throw new MutationRejected(check.code, check.message);
      throw new MutationRejected(
        'location.verification_required',
        `Selling in ${place.nameEn} needs a verified location. Verify your neighbourhood while you are there, then publish again.`,
      );
    }
    const inserted = store.listings.insert({
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
      changeSeq: store.sync.nextChangeSeq(),
    });
    if (!inserted) throw idTaken();
    store.creationCounts.add(actor.id, 'listing', now);
    // The draft it was published from leaves the person's other devices too.
    if (store.drafts.byId(args.id)?.ownerId === actor.id) store.drafts.markDeleted(args.id, now, () => store.sync.nextChangeSeq());
  },

  'listing.delete'({ store, actor, now }, args) {
    ownListingOrReject(store, actor, args.id, 'delete');
    store.listings.markDeleted(args.id, now, store.sync.nextChangeSeq());
  },

  'listing.set_status'({ store, actor, now }, args) {
    ownListingOrReject(store, actor, args.id, 'change');
    store.listings.setStatus(args.id, args.status, now, store.sync.nextChangeSeq());
  },

  'listing.update'({ store, actor, now }, { id, ...content }) {
    ownListingOrReject(store, actor, id, 'edit');
    photosOrReject(store, content.photos);
    store.listings.update(id, content, now, store.sync.nextChangeSeq());
  },

  'listing.set_hidden'({ store, actor, now }, args) {
    ownListingOrReject(store, actor, args.id, 'hide or show');
    store.listings.setHidden(args.id, args.hidden, now, store.sync.nextChangeSeq());
  },

  'listing.bump'({ store, actor, now }, args) {
    const listing = ownListingOrReject(store, actor, args.id, 'bump');
    const next = nextBumpAt(listing);
    if (now < next) {
      const hours = Math.ceil((next - now) / (60 * 60 * 1000));
      throw new MutationRejected(
        'listing.bump_too_soon',
        `A listing can be bumped once every ${BUMP_INTERVAL_MS / 3_600_000} hours. Try again in ${hours} hour${hours === 1 ? '' : 's'}.`,
      );
    }
    store.listings.bump(args.id, now, store.sync.nextChangeSeq());
  },

  'listing.set_liked'({ store, actor, now }, args) {
    visibleListingOrReject(store, actor, args.id);
    store.listings.setLiked(actor.id, args.id, args.liked, now, () => store.sync.nextChangeSeq());
  },

  'draft.update'({ store, actor, now, caps }, args) {
    const existing = store.drafts.byId(args.id);
    const listing = existing ? undefined : store.listings.ownerOf(args.id);
    if ((existing && existing.ownerId !== actor.id) || (listing && listing.sellerId !== actor.id)) {
      throw draftNotOwner();
    }
    if (!existing && store.creationCounts.inLastDay(actor.id, 'draft', now) >= caps.drafts) {
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
    store.drafts.save({ id: args.id, ownerId: actor.id, state, at: now, changeSeq: store.sync.nextChangeSeq() });
    if (!existing) store.creationCounts.add(actor.id, 'draft', now);
  },

  'draft.delete'({ store, actor, now }, args) {
    const existing = store.drafts.byId(args.id);
    if (existing && existing.ownerId !== actor.id) throw draftNotOwner();
    // Never synced, or already gone: deleting it again is what the person wanted anyway.
    store.drafts.markDeleted(args.id, now, () => store.sync.nextChangeSeq());
  },

  'neighbourhood.verify'({ store, verification, actor, now, mutation }, args) {
    const place = placeOrReject(store, args.neighbourhoodId);
    if (!mutation.fix) {
      throw new MutationRejected('location.missing', 'No location came with this verification. Allow location access and try again.');
    }
    const check = verification.verify(actor, place, mutation.fix, 'verify', now);
    if (!check.ok) throw new MutationRejected(check.code, check.message);
  },

  'neighbourhood.set'({ store, actor, now }, args) {
    for (const id of args.held) placeOrReject(store, id);
    store.actorNeighbourhoods.set(actor.id, args.held, args.active, now);
  },
};
