// Which counted ad events are charged: the fraud rules. An event is always recorded (so the owner
// sees what was flagged), but one from the campaign's owner, one too old, from the future or from a
// day before the campaign existed, and a click past a person's daily cap or too soon after their
// previous one is never charged. The caps count the person, every device of theirs: a device id is
// whatever uuid a client sends, so a cap per device is a cap per request for anyone who makes them up.
// Devices choose ads only for people in the target and under the daily impression cap; the server
// checks both again, since a client can send anything.
import { AD_LIMITS, type AdEvent } from '@dongne/shared';
import type { AdEventFlag, CampaignFacts } from '../store/contract/ads.js';
import type { Tx } from '../store/contract/store.js';
import { seoulDay } from './seoul-day.js';

/**
 * How far ahead of the server's clock a device's may run: phones set their clock from the network,
 * but not all of them, and not exactly.
 */
export const EVENT_CLOCK_SKEW_MS = 5 * 60 * 1000;

/**
 * Why the event is not to be charged, or null if it may be (subject to the budget). Stale and
 * future events are recorded rather than refused: a refusal would reject the device's whole batch,
 * the honest events in it too.
 */
export async function flagOf(
  tx: Tx,
  /** The sender, with the neighbourhoods they hold (read once per batch). */
  who: { actorId: string; clientId: string; held: readonly string[] },
  event: AdEvent,
  day: string,
  campaign: CampaignFacts,
  now: number,
): Promise<AdEventFlag | null> {
  if (who.actorId === campaign.ownerId) return 'owner';
  if (event.at < now - AD_LIMITS.eventMaxAgeMs) return 'stale';
  if (event.at > now + EVENT_CLOCK_SKEW_MS) return 'future';
  // Backdated to a day before the campaign's: it would be charged to that day's untouched budget.
  if (day < seoulDay(campaign.createdAt)) return 'stale';
  // Someone whose neighbourhoods are all outside the target was never shown it (a person holding
  // none browses the visitors' area, which the device judged: nothing here to judge it by).
  if (who.held.length > 0 && !who.held.some((place) => campaign.places.includes(place))) return 'out_of_area';
  if (event.kind !== 'click') {
    const seen = await tx.adEvents.countedImpressionsOnDay(who.actorId, event.campaignId, day);
    return seen >= AD_LIMITS.impressionsPerPersonPerDay ? 'person_cap' : null;
  }
  if (await tx.adEvents.clickNear(who.actorId, event.campaignId, event.at, AD_LIMITS.clickMinIntervalMs, event.id)) return 'too_fast';
  if ((await tx.adEvents.chargedClicksOnDay(who.actorId, event.campaignId, day)) >= AD_LIMITS.chargedClicksPerDevicePerDay) return 'device_cap';
  return null;
}
