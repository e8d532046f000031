// Which counted ad events are charged: the fraud rules. An event is always recorded (so the owner
// sees what was flagged), but one from the campaign's owner, one too old or from the future, and a
// click past a device's daily cap or too soon after its previous one is never charged.
import { AD_LIMITS, type AdEvent } from '@dongne/shared';
import type { AdEventFlag, CampaignFacts } from '../store/contract/ads.js';
import type { Tx } from '../store/contract/store.js';

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
  who: { actorId: string; clientId: string },
  event: AdEvent,
  day: string,
  campaign: CampaignFacts,
  now: number,
): Promise<AdEventFlag | null> {
  if (who.actorId === campaign.ownerId) return 'owner';
  if (event.at < now - AD_LIMITS.eventMaxAgeMs) return 'stale';
  if (event.at > now + EVENT_CLOCK_SKEW_MS) return 'future';
  if (event.kind !== 'click') return null;
  if (await tx.adEvents.clickNear(who.clientId, event.campaignId, event.at, AD_LIMITS.clickMinIntervalMs, event.id)) return 'too_fast';
  if ((await tx.adEvents.chargedClicksOnDay(who.clientId, event.campaignId, day)) >= AD_LIMITS.chargedClicksPerDevicePerDay) return 'device_cap';
  return null;
}
