// One handler per mutation name. The type makes a missing handler a compile error, so the
// registry in shared/ and this table cannot drift apart. Handlers run inside a savepoint: throwing
// MutationRejected undoes whatever the handler wrote.
import { neighbourhoodLabel, type Mutation, type MutationArgs, type MutationName } from '@dongne/shared';
import type { Store } from '../store/store.js';
import type { Actor } from './session-service.js';
import { MutationRejected } from './service-error.js';
import type { VerificationService } from './verification-service.js';

export interface MutationContext {
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

export const mutationHandlers: Handlers = {
  'listing.create'({ store, verification, actor, now, mutation }, args) {
    const place = placeOrReject(store, args.neighbourhoodId);
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
      createdAt: now,
      changeSeq: store.sync.nextChangeSeq(),
    });
    if (!inserted) throw new MutationRejected('listing.id_taken', 'A listing with this id already exists.');
  },

  'listing.delete'({ store, actor, now }, args) {
    const existing = store.listings.ownerOf(args.id);
    if (!existing || existing.deletedAt !== null) {
      throw new MutationRejected('listing.not_found', 'That listing no longer exists.');
    }
    if (existing.sellerId !== actor.id) {
      throw new MutationRejected('listing.not_owner', 'Only the seller can delete this listing.');
    }
    store.listings.markDeleted(args.id, now, store.sync.nextChangeSeq());
  },

  'listing.set_status'({ store, actor, now }, args) {
    const existing = store.listings.ownerOf(args.id);
    if (!existing || existing.deletedAt !== null) {
      throw new MutationRejected('listing.not_found', 'That listing no longer exists.');
    }
    if (existing.sellerId !== actor.id) {
      throw new MutationRejected('listing.not_owner', 'Only the seller can change this listing.');
    }
    store.listings.setStatus(args.id, args.status, now, store.sync.nextChangeSeq());
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
