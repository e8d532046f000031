// The one error shape every endpoint returns: a machine code for clients and a sentence for people.
import { z } from 'zod/mini';

export const apiErrorSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    issues: z.optional(z.array(z.object({ path: z.string(), message: z.string() }))),
    /** With sync.seq_gap: the seq the server expects this device's next new mutation to carry… */
    expectedSeq: z.optional(z.int()),
    /** …and the mutations of the refused batch it has not processed, to send again numbered from there. */
    unprocessed: z.optional(z.array(z.string())),
  }),
});
export type ApiError = z.infer<typeof apiErrorSchema>;

/** Flattens zod issues into `path: message` pairs that are safe to send to a client. */
export function describeIssues(error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }) {
  return error.issues.slice(0, 20).map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: issue.message,
  }));
}
