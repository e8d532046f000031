// The seller hides a listing from everyone else, and shows it again.
import { z } from 'zod/mini';

export const listingSetHiddenArgs = z.object({ id: z.uuid(), hidden: z.boolean('Hidden is yes or no') });
export type ListingSetHiddenArgs = z.infer<typeof listingSetHiddenArgs>;
