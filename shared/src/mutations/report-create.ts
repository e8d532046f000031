// Report (신고) a person or a listing, with a reason, for moderation.
import { z } from 'zod/mini';
import { idSchema } from '../id.js';
import { multiLineText } from '../text.js';
import { REPORT_REASON_CODES, REPORT_TARGETS, REPORT_TEXT_MAX } from '../trading/reports.js';

export const reportCreateArgs = z.object({
  id: z.uuid(),
  target: z.enum(REPORT_TARGETS, 'Report a person, a listing, a post or a comment'),
  targetId: idSchema,
  reason: z.enum(REPORT_REASON_CODES, 'Choose a reason'),
  text: z.optional(z.string().check(multiLineText(), z.trim(), z.maxLength(REPORT_TEXT_MAX, `Keep it under ${REPORT_TEXT_MAX} characters`))),
});
export type ReportCreateArgs = z.infer<typeof reportCreateArgs>;
