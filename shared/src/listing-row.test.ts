import { describe, expect, expectTypeOf, it } from 'vitest';
import type { z } from 'zod/mini';
import { listingRowSchema, type Listing } from './listing.js';
import { pullResponseSchema } from './sync.js';

const HASH = 'a'.repeat(64);
const row = {
  id: '3f1c2b9e-8d7a-4c6b-9e5f-1a2b3c4d5e6f',
  sellerId: 'seller-1',
  sellerName: '민지',
  title: '아이패드 에어 5세대',
  priceKrw: 520_000,
  category: 'digital',
  description: '직거래 선호합니다.\nPick-up near the station.',
  neighbourhoodId: 'kr-bundang-pangyo',
  neighbourhood: 'Pangyo-dong 판교동',
  acceptsOffers: true,
  meetingSpot: '역 2번 출구',
  photos: [{ full: HASH, thumb: HASH }],
  status: 'selling',
  hidden: false,
  createdAt: 1_700_000_000_000,
  updatedAt: 1_700_000_000_000,
  bumpedAt: 1_700_000_000_000,
  lastBumpedAt: null,
  editedAt: null,
  likeCount: 3,
  viewCount: 40,
};

describe('a pulled listing row', () => {
  it('has exactly the fields of a listing (the two schemas stay in step; tsc fails otherwise)', () => {
    expectTypeOf<z.infer<typeof listingRowSchema>>().toEqualTypeOf<Listing>();
  });

  it('is taken as the server sent it', () => {
    expect(listingRowSchema.parse(row)).toEqual(row);
    const page = { changes: [{ op: 'upsert', entity: 'listing', row }], cursor: 1, hasMore: false, lastSeq: 0, scope: { neighbourhoodId: 'x', range: 4 }, profile: null, likedIds: [], blockedIds: [], hiddenSellerIds: [] };
    expect(pullResponseSchema.parse(page).changes[0]).toEqual({ op: 'upsert', entity: 'listing', row });
  });

  it('is refused when its shape is not what the device relies on', () => {
    for (const broken of [
      { ...row, priceKrw: '520000' },
      { ...row, status: 'gone' },
      { ...row, category: 'weapons' },
      { ...row, photos: [{ full: '../../api/auth/signout', thumb: HASH }] },
      { ...row, hidden: undefined },
      { ...row, lastBumpedAt: undefined },
    ]) {
      expect(listingRowSchema.safeParse(broken).success, JSON.stringify(broken)).toBe(false);
    }
  });
});
