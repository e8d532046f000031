// The seller moves a listing back to the top of the feed, at most once a day (BUMP_INTERVAL_MS).
import { z } from 'zod/mini';

export const listingBumpArgs = z.object({ id: z.uuid() });
export type ListingBumpArgs = z.infer<typeof listingBumpArgs>;
