// Who hears of a new listing through a keyword alert: everyone whose saved keyword the listing's
// title or description holds (search's rule), who holds a neighbourhood within the default range
// of the listing's, who is not its seller and is not blocked by or blocking the seller. Each is
// told once per listing, however many of their keywords match.
import { compareKeywords, DEFAULT_RANGE, keysOfText, keywordMatches } from '@dongne/shared';
import type { Tx } from '../store/contract/store.js';

export interface NewListingForAlerts {
  id: string;
  sellerId: string;
  title: string;
  description: string;
  neighbourhoodId: string;
}

/** The people to tell, each with the first (alphabetically) of their keywords that matched. */
export async function keywordMatchesFor(tx: Tx, listing: NewListingForAlerts): Promise<{ actorId: string; keyword: string }[]> {
  const text = `${listing.title}\n${listing.description}`;
  // Only people around the listing are candidates at all: a keyword many people across the country
  // keep costs this listing only its neighbours.
  const near = await tx.neighbourhoods.neighbourIds(listing.neighbourhoodId, DEFAULT_RANGE);
  const candidates = (await tx.keywords.filedUnder(keysOfText(text), near)).sort((a, b) => compareKeywords(a.keyword, b.keyword));
  const firstMatch = new Map<string, string>();
  for (const { actorId, keyword } of candidates) {
    if (actorId !== listing.sellerId && !firstMatch.has(actorId) && keywordMatches(text, keyword)) firstMatch.set(actorId, keyword);
  }
  if (firstMatch.size === 0) return [];
  const blocked = new Set([...(await tx.blocks.blockedBy(listing.sellerId)), ...(await tx.blocks.blockersOf(listing.sellerId))]);
  return [...firstMatch].filter(([actorId]) => !blocked.has(actorId)).map(([actorId, keyword]) => ({ actorId, keyword }));
}
