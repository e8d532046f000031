// What happens to a listing outside the sync loop: counting who looked at it.
import { isListingVisibleTo } from '@dongne/shared';
import type { Store } from '../store/contract/store.js';
import type { Clock } from './clock.js';
import type { Actor } from './session-service.js';
import { ServiceError } from './service-error.js';

const DAY_MS = 24 * 60 * 60 * 1000;

export function createListingService(store: Store, clock: Clock) {
  let lastPrune = 0;
  return {
    /**
     * Counts a view once per viewer per day (an account, else the address of a visitor); the
     * seller looking at their own listing is not a view. Returns the counts as they now stand.
     */
    async recordView(id: string, viewer: { actor?: Actor; ip?: string }) {
      const owner = await store.listings.ownerOf(id);
      // A hidden listing does not exist for anyone but its seller.
      if (!owner || !isListingVisibleTo(owner, viewer.actor?.id)) {
        throw new ServiceError(404, 'listing.not_found', 'That listing no longer exists.');
      }
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
