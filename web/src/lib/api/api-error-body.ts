// The body of a refusal ({ error: { code, message, … } }, shared/src/errors.ts's apiErrorSchema), read
// by hand: every screen's first load can meet a refusal, and zod's runtime (~10 KB gzipped) would be
// on the first visit for this one small shape alone. The test holds it to the schema.
import type { ApiError } from '@dongne/shared';

const isString = (value: unknown): value is string => typeof value === 'string';

/** The refusal's fields, or undefined for a body that is not one. */
export function apiErrorOf(body: unknown): ApiError['error'] | undefined {
  const error = (body as { error?: unknown } | null)?.error as Record<string, unknown> | undefined;
  if (typeof error !== 'object' || error === null || Array.isArray(error)) return undefined;
  const { code, message, issues, expectedSeq, unprocessed } = error;
  if (!isString(code) || !isString(message)) return undefined;
  if (issues !== undefined && !(Array.isArray(issues) && issues.every((i) => typeof i === 'object' && i !== null && isString(i.path) && isString(i.message)))) return undefined;
  if (expectedSeq !== undefined && !Number.isSafeInteger(expectedSeq)) return undefined;
  if (unprocessed !== undefined && !(Array.isArray(unprocessed) && unprocessed.every(isString))) return undefined;
  return {
    code,
    message,
    ...(issues !== undefined && { issues: (issues as { path: string; message: string }[]).map(({ path, message }) => ({ path, message })) }),
    ...(expectedSeq !== undefined && { expectedSeq: expectedSeq as number }),
    ...(unprocessed !== undefined && { unprocessed: unprocessed as string[] }),
  };
}
