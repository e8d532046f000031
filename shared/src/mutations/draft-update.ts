// An edit to a draft on one device, as a Yjs update (base64). The server merges it into the
// draft's document, so edits made offline on two devices both survive.
import { z } from 'zod/mini';

export const DRAFT_LIMITS = {
  /** One update's base64 text: a long description typed offline stays well under this. */
  updateMaxChars: 256 * 1024,
  /** The merged document the server keeps per draft. */
  stateMaxBytes: 1024 * 1024,
  /** New drafts one account may start syncing in 24 hours. */
  newPerDay: 200,
} as const;

export const draftUpdateArgs = z.object({
  id: z.uuid(),
  update: z.string('A draft update is base64 text').check(
    z.minLength(1, 'A draft update cannot be empty'),
    z.maxLength(DRAFT_LIMITS.updateMaxChars, 'That draft update is too large'),
    z.regex(/^[A-Za-z0-9+/]*={0,2}$/, 'A draft update is base64 text'),
  ),
});
export type DraftUpdateArgs = z.infer<typeof draftUpdateArgs>;
