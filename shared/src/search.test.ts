import { describe, expect, it } from 'vitest';
import type { Listing } from './listing.js';
import { matchesSearch, searchWords } from './search.js';

const listing = (over: Partial<Listing>): Listing => ({
  id: crypto.randomUUID(),
  sellerId: 's',
  sellerName: 'S',
  title: '이케아 포엥 암체어',
  description: 'Beige cushion, washed.',
  priceKrw: 45000,
  category: 'furniture',
  neighbourhood: 'Baekhyeon-dong',
  neighbourhoodId: 'kr-bundang-baekhyeon',
  status: 'selling',
  acceptsOffers: false,
  meetingSpot: '',
  photos: [],
  hidden: false,
  createdAt: 0,
  updatedAt: 0,
  bumpedAt: 0,
  lastBumpedAt: null,
  editedAt: null,
  likeCount: 0,
  viewCount: 0,
  ...over,
});

describe('offline search matching', () => {
  it('needs every word inside the title or description, whatever the case', () => {
    expect(matchesSearch(listing({}), searchWords('포엥'), {})).toBe(true);
    expect(matchesSearch(listing({}), searchWords('케아포엥'), {})).toBe(false);
    expect(matchesSearch(listing({}), searchWords('  BEIGE   암체어 '), {})).toBe(true);
    expect(matchesSearch(listing({}), searchWords('beige lamp'), {})).toBe(false);
  });

  it('applies category, price bounds (inclusive) and hide-sold', () => {
    const words = searchWords('포엥');
    expect(matchesSearch(listing({}), words, { category: 'books' })).toBe(false);
    expect(matchesSearch(listing({}), words, { minPrice: 45000, maxPrice: 45000 })).toBe(true);
    expect(matchesSearch(listing({}), words, { maxPrice: 44999 })).toBe(false);
    expect(matchesSearch(listing({ status: 'sold' }), words, { hideSold: true })).toBe(false);
    expect(matchesSearch(listing({ status: 'reserved' }), words, { hideSold: true })).toBe(true);
  });

  it('keeps at most five words', () => {
    expect(searchWords('a b c d e f g')).toEqual(['a', 'b', 'c', 'd', 'e']);
  });
});
