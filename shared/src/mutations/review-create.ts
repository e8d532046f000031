// A review after a completed trade (거래 후기): manners from the fixed list, and an optional word for
// the other person. One per trade per side.
import { z } from 'zod/mini';
import { idSchema } from '../id.js';
import { multiLineText } from '../text.js';
import { BAD_MANNER_CODES, GOOD_MANNER_CODES } from '../trading/manners.js';

export const REVIEW_TEXT_MAX = 500;

const unique = <T>(items: T[]) => new Set(items).size === items.length;

export const reviewCreateArgs = z
  .object({
    id: z.uuid(),
    listingId: z.uuid(),
    revieweeId: idSchema,
    good: z.array(z.enum(GOOD_MANNER_CODES, 'That is not one of the good manners')).check(z.refine(unique, 'A manner is chosen once')),
    bad: z.array(z.enum(BAD_MANNER_CODES, 'That is not one of the bad manners')).check(z.refine(unique, 'A manner is chosen once')),
    text: z.optional(
      z.string('A review text is text').check(multiLineText(), z.trim(), z.maxLength(REVIEW_TEXT_MAX, `Keep it under ${REVIEW_TEXT_MAX} characters`)),
    ),
  })
  .check(z.refine((r) => r.good.length + r.bad.length > 0, { message: 'Choose at least one manner', path: ['good'] }));
export type ReviewCreateArgs = z.infer<typeof reviewCreateArgs>;
