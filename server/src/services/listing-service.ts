// What happens to a listing outside the sync loop: one listing read on its own, and counting who
// looked at it.
import { isListingVisibleTo, type Listing, type ListingAnswer } from '@dongne/shared';
import type { Store } from '../store/contract/store.js';
import type { Clock } from './clock.js';
import type { Actor } from './session-service.js';
import { ServiceError } from './service-error.js';

const DAY_MS = 24 * 60 * 60 * 1000;

export function createListingService(store: Store, clock: Clock) {
  let lastPrune = 0;
  const notFound = () => new ServiceError(404, 'listing.not_found', 'That listing no longer exists.');
  return {
    /**
     * One listing as `actor` may see it: for a link opened on a device that has not synced the
     * listing's area (yet), which would otherwise wait for its whole first pull. Hidden, deleted
     * and blocked-either-way listings do not exist for the asker, as in the feed.
     */
    async visibleListing(id: string, actor: Actor | undefined): Promise<ListingAnswer> {
      const listing = await store.listings.byId(id);
      if (!listing || !isListingVisibleTo(listing, actor?.id)) throw notFound();
      if (actor && actor.id !== listing.sellerId) {
        const blocked = await store.read(async (tx) => (await tx.blocks.blockedBy(actor.id)).includes(listing.sellerId) || (await tx.blocks.blockersOf(actor.id)).includes(listing.sellerId));
        if (blocked) throw notFound();
      }
      return { listing };
    },

    /** The listing as anyone may see it, or undefined (hidden, deleted, not there). */
    async publicListing(id: string): Promise<Listing | undefined> {
      const listing = await store.listings.byId(id);
      return listing && isListingVisibleTo(listing, undefined) ? listing : undefined;
    },

    /**
     * Counts a view once per viewer per day (an account, else the address of a visitor); the
     * seller looking at their own listing is not a view. Returns the counts as they now stand.
     */
    async recordView(id: string, viewer: { actor?: Actor; ip?: string }) {
      const owner = await store.listings.ownerOf(id);
      // A hidden listing does not exist for anyone but its seller.
      if (!owner || !isListingVisibleTo(owner, viewer.actor?.id)) throw notFound();
      const key = viewer.actor ? `actor:${viewer.actor.id}` : viewer.ip ? `ip:${viewer.ip}` : undefined;
      const today = Math.floor(clock.now() / DAY_MS);
      // Who viewed is only needed to count each viewer once a day: forget it after that.
      if (clock.now() - lastPrune > 10 * 60_000) {
        lastPrune = clock.now();
        await store.listings.forgetViewersBefore(today - 1);
      }
      if (key && viewer.actor?.id !== owner.sellerId) await store.listings.recordView(id, key, today);
      return (await store.listings.countsOf(id))!;
    },
  };
}
export type ListingService = ReturnType<typeof createListingService>;
