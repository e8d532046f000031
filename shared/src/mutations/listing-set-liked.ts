// Someone adds a listing to their watchlist (♥), or takes it off.
import { z } from 'zod/mini';

export const listingSetLikedArgs = z.object({ id: z.uuid(), liked: z.boolean('Liked is yes or no') });
export type ListingSetLikedArgs = z.infer<typeof listingSetLikedArgs>;
