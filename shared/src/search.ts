// Searching listings: the words, the area, and the filters people expect.
import { z } from 'zod/mini';
import { idSchema } from './id.js';
import { categoryIdSchema } from './category-schema.js';
import type { RangeLevel } from './geo/range.js';
import { listingSchema, type Listing } from './listing.js';
import { singleLineText } from './text.js';

const wholeWon = (name: string) =>
  z.optional(z.pipe(z.string().check(z.regex(/^\d{1,10}$/, `${name} must be a whole number of won`)), z.transform(Number)));

export const searchRequestSchema = z.object({
  q: z.string('Type something to search for').check(
    singleLineText(),
    z.trim(),
    z.minLength(1, 'Type something to search for'),
    z.maxLength(60, 'Search with at most 60 characters'),
  ),
  neighbourhood: z.optional(idSchema),
  range: z.optional(z.pipe(z.string().check(z.regex(/^[1-4]$/, 'range must be a level from 1 to 4')), z.transform((v) => Number(v) as RangeLevel))),
  category: z.optional(categoryIdSchema),
  minPrice: wholeWon('minPrice'),
  maxPrice: wholeWon('maxPrice'),
  hideSold: z.optional(z.enum(['1', '0'])),
});

export const searchResponseSchema = z.object({ listings: z.array(listingSchema) });

/** The words of a query, lower-cased, at most five. */
export function searchWords(q: string): string[] {
  return q.toLowerCase().split(/\s+/).filter(Boolean).slice(0, 5);
}

export interface SearchFilters {
  category?: string;
  minPrice?: number;
  maxPrice?: number;
  hideSold?: boolean;
}

/** The same matching rule offline: every word inside the title or description, then the filters. */
export function matchesSearch(listing: Listing, words: string[], filters: SearchFilters): boolean {
  const text = `${listing.title}\n${listing.description}`.toLowerCase();
  return (
    words.every((w) => text.includes(w)) &&
    (!filters.category || listing.category === filters.category) &&
    (filters.minPrice === undefined || listing.priceKrw >= filters.minPrice) &&
    (filters.maxPrice === undefined || listing.priceKrw <= filters.maxPrice) &&
    (!filters.hideSold || listing.status !== 'sold')
  );
}
