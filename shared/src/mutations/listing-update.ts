// The seller edits a published listing; the listing then shows "edited".
import { z } from 'zod/mini';
import { listingEditableSchema } from '../listing.js';

export const listingUpdateArgs = z.extend(listingEditableSchema, { id: z.uuid() });
export type ListingUpdateArgs = z.infer<typeof listingUpdateArgs>;
