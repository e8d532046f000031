// Marks a conversation read up to message number `upTo` (never back): the other side sees "read".
import { z } from 'zod/mini';
import { idSchema } from '../id.js';

export const chatReadArgs = z.object({
  listingId: z.uuid(),
  buyerId: idSchema,
  upTo: z.int().check(z.gte(1), z.lte(Number.MAX_SAFE_INTEGER)),
});
export type ChatReadArgs = z.infer<typeof chatReadArgs>;
