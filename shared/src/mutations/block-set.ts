// Block (차단) or unblock a person: a blocked person cannot message me, and our listings leave each
// other's feed and search.
import { z } from 'zod/mini';
import { idSchema } from '../id.js';

export const BLOCK_LIMITS = {
  /** People one account may newly block in 24 hours (unblocking is not counted). */
  perDay: 100,
} as const;

export const blockSetArgs = z.object({ actorId: idSchema, blocked: z.boolean('Blocked is yes or no') });
export type BlockSetArgs = z.infer<typeof blockSetArgs>;
