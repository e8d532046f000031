// One handler per mutation name. The type makes a missing handler a compile error, so the
// registry in shared/ and this table cannot drift apart.
import type { Mutation, MutationArgs, MutationName } from '@dongne/shared';
import type { Store } from '../store/store.js';
import type { Actor } from './session-service.js';
import { MutationRejected } from './service-error.js';

export interface MutationContext {
  store: Store;
  actor: Actor;
  now: number;
  mutation: Mutation;
}

type Handlers = { [N in MutationName]: (ctx: MutationContext, args: MutationArgs<N>) => void };

export const mutationHandlers: Handlers = {
  'listing.create'({ store, actor, now }, args) {
    const existing = store.listings.ownerOf(args.id);
    if (existing) {
      throw new MutationRejected('listing.id_taken', 'A listing with this id already exists.');
    }
    store.listings.insert({
      id: args.id,
      sellerId: actor.id,
      title: args.title,
      description: args.description,
      priceKrw: args.priceKrw,
      category: args.category,
      neighbourhood: args.neighbourhood,
      createdAt: now,
      changeSeq: store.sync.nextChangeSeq(),
    });
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
};
