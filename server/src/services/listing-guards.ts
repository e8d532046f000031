// The checks actions on an existing listing share: that it is there for this person, and theirs.
import { isListingVisibleTo } from '@dongne/shared';
import type { ListingOwnership } from '../store/contract/listings.js';
import type { Tx } from '../store/contract/store.js';
import type { MutationContext } from './mutation-context.js';
import { MutationRejected } from './service-error.js';
import type { Actor } from './session-service.js';

export const listingNotFound = () => new MutationRejected('listing.not_found', 'That listing no longer exists.');

/** The listing, if `actor` may see it; one they may not (deleted, someone's hidden one) is answered as missing. */
export async function visibleListingOrReject(tx: Tx, actor: Actor, id: string) {
  const existing = await tx.listings.ownerOf(id);
  if (!existing || !isListingVisibleTo(existing, actor.id)) throw listingNotFound();
  return existing;
}

/** The listing, if it exists and `actor` sells it; else the mutation is refused with why. */
export async function ownListingOrReject(tx: Tx, actor: Actor, id: string, action: string) {
  const existing = await visibleListingOrReject(tx, actor, id);
  if (existing.sellerId !== actor.id) {
    throw new MutationRejected('listing.not_owner', `Only the seller can ${action} this listing.`);
  }
  return existing;
}

/** A change to a listing the neighbours can see pokes their devices; one to a hidden listing does not. */
export function seenInArea(ctx: MutationContext, listing: ListingOwnership) {
  if (!listing.hidden) ctx.areaChanged(listing.neighbourhoodId);
}

