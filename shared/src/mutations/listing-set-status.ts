// The seller moves a listing through its lifecycle: selling → reserved → sold, and back.
import { z } from 'zod/mini';
import { LISTING_STATUSES } from '../listing-status.js';

export const listingSetStatusArgs = z.object({
  id: z.uuid(),
  status: z.enum(LISTING_STATUSES, 'Status is selling, reserved or sold'),
});
export type ListingSetStatusArgs = z.infer<typeof listingSetStatusArgs>;
