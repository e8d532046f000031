// The buyer proposes a price (가격 제안) on a listing that accepts offers; the seller answers it.
import { z } from 'zod/mini';
import { idSchema } from '../id.js';
import { LISTING_LIMITS } from '../listing.js';

export const chatOfferArgs = z.object({
  id: z.uuid(),
  listingId: z.uuid(),
  buyerId: idSchema,
  priceKrw: z.int('An offer is a whole number of won').check(
    z.gte(0, 'An offer cannot be negative'),
    z.lte(LISTING_LIMITS.priceMaxKrw, 'That offer is too high'),
  ),
});
export type ChatOfferArgs = z.infer<typeof chatOfferArgs>;

export const chatAnswerOfferArgs = z.object({
  /** The answer's own message id. */
  id: z.uuid(),
  listingId: z.uuid(),
  buyerId: idSchema,
  offerId: z.uuid(),
  accept: z.boolean('Accept is yes or no'),
});
export type ChatAnswerOfferArgs = z.infer<typeof chatAnswerOfferArgs>;
