// A person's public profile, as any neighbour may see it.
import { z } from 'zod/mini';
import { GOOD_MANNER_CODES } from './trading/manners.js';

export const PROFILE_PHOTO = {
  maxBytes: 300 * 1024,
  /** The square the browser resizes a profile photo to. */
  sidePx: 256,
  /** Pixels on each side the server accepts, read from the image header: generous beside sidePx. */
  maxDimension: 1024,
} as const;

export const publicProfileSchema = z.object({
  actorId: z.string(),
  nickname: z.string(),
  joinedAt: z.int(),
  verificationCount: z.int(),
  lastVerifiedAt: z.nullable(z.int()),
  listingCount: z.int(),
  /** Path of the photo (changes when the photo does), or null. */
  photoUrl: z.nullable(z.string()),
  /** 매너온도: 36.5 for someone new, 0–99; see README "Manner temperature". */
  mannerTemperature: z.number(),
  /** Trades completed through Dongne, as seller or buyer. */
  tradeCount: z.int(),
  /** The good manners received most often, with how many reviews chose each. */
  topManners: z.array(z.object({ code: z.enum(GOOD_MANNER_CODES), count: z.int() })),
  /** Review texts from reviews that chose no bad manner, newest first. */
  praise: z.array(z.object({ id: z.string(), text: z.string(), at: z.int(), authorNickname: z.string() })),
});
export type PublicProfile = z.infer<typeof publicProfileSchema>;
