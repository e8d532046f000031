// The mutation registry: every mutation name and the one schema its args must satisfy.
// Adding a mutation means an entry here and one server handler; the compiler finds the rest.
import { z } from 'zod/mini';
import { listingCreateArgs } from './listing-create.js';
import { listingDeleteArgs } from './listing-delete.js';
import { listingSetStatusArgs } from './listing-set-status.js';
import { listingUpdateArgs } from './listing-update.js';
import { listingSetHiddenArgs } from './listing-set-hidden.js';
import { listingBumpArgs } from './listing-bump.js';
import { listingSetLikedArgs } from './listing-set-liked.js';
import { draftUpdateArgs } from './draft-update.js';
import { draftDeleteArgs } from './draft-delete.js';
import { neighbourhoodSetArgs } from './neighbourhood-set.js';
import { neighbourhoodVerifyArgs } from './neighbourhood-verify.js';

export const mutationArgs = {
  'listing.create': listingCreateArgs,
  'listing.delete': listingDeleteArgs,
  'listing.set_status': listingSetStatusArgs,
  'listing.update': listingUpdateArgs,
  'listing.set_hidden': listingSetHiddenArgs,
  'listing.bump': listingBumpArgs,
  'listing.set_liked': listingSetLikedArgs,
  'draft.update': draftUpdateArgs,
  'draft.delete': draftDeleteArgs,
  'neighbourhood.set': neighbourhoodSetArgs,
  'neighbourhood.verify': neighbourhoodVerifyArgs,
} as const;

export type MutationName = keyof typeof mutationArgs;
export type MutationArgs<N extends MutationName> = z.infer<(typeof mutationArgs)[N]>;

export const MUTATION_NAMES = Object.keys(mutationArgs) as MutationName[];

export function isMutationName(name: string): name is MutationName {
  return Object.hasOwn(mutationArgs, name);
}

/** Mutations that change a listing that already exists (args.id names it). */
export const LISTING_CHANGE_MUTATIONS = [
  'listing.delete',
  'listing.set_status',
  'listing.update',
  'listing.set_hidden',
  'listing.bump',
  'listing.set_liked',
] as const satisfies readonly MutationName[];
export type ListingChangeMutation = (typeof LISTING_CHANGE_MUTATIONS)[number];

export function isListingChangeMutation(name: string): name is ListingChangeMutation {
  return (LISTING_CHANGE_MUTATIONS as readonly string[]).includes(name);
}

export * from './listing-create.js';
export * from './listing-delete.js';
export * from './listing-set-status.js';
export * from './listing-update.js';
export * from './listing-set-hidden.js';
export * from './listing-bump.js';
export * from './listing-set-liked.js';
export * from './draft-update.js';
export * from './draft-delete.js';
export * from './neighbourhood-set.js';
export * from './neighbourhood-verify.js';
