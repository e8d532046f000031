// A business's dashboard, for its owner alone: today's impressions, clicks and spend, the budget
// left today, and the same for each of the last 30 Asia/Seoul days. Clicks that were recorded but
// not charged as fraud (the owner's own, past a device's cap, too fast, too old) are counted apart.
import type { BusinessStats } from '@dongne/shared';
import type { Store } from '../store/contract/store.js';
import type { Clock } from './clock.js';
import { ServiceError } from './service-error.js';
import type { Actor } from './session-service.js';
import { seoulDaysUntil } from './seoul-day.js';

export const STATS_DAYS = 30;

export function createBusinessStats(store: Store, clock: Clock) {
  return {
    async of(actor: Actor, businessId: string): Promise<BusinessStats> {
      return store.read(async (tx) => {
        const business = await tx.businesses.factsOf(businessId);
        if (!business || business.deleted) throw new ServiceError(404, 'business.not_found', 'That business profile no longer exists.');
        // The business is public (its neighbours' devices hold it); its figures are its owner's.
        if (business.ownerId !== actor.id) throw new ServiceError(403, 'business.not_owner', "Only the business's owner can see its figures.");
        const days = seoulDaysUntil(clock.now(), STATS_DAYS);
        const today = days[days.length - 1];
        const counted = new Map((await tx.campaignDays.statsOf(businessId, days[0])).map((d) => [d.day, d]));
        const perDay = days.map((day) => {
          const d = counted.get(day);
          return { day, impressions: d?.impressions ?? 0, clicks: d?.clicks ?? 0, spendKrw: d?.spendKrw ?? 0, flaggedClicks: d?.flaggedClicks ?? 0 };
        });
        const { impressions, clicks, spendKrw, flaggedClicks } = perDay[perDay.length - 1];
        return { impressions, clicks, spendKrw, flaggedClicks, budgetLeftKrw: await tx.campaignDays.budgetLeft(businessId, today), days: perDay };
      });
    },
  };
}
export type BusinessStatsService = ReturnType<typeof createBusinessStats>;
