// An error a service raises on purpose: it carries the HTTP status, a machine code and a sentence.
// Codes come from the shared ERROR_CODES list, so the app has a message in each language for each.
import type { ErrorCode } from '@dongne/shared';

export class ServiceError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 426 | 429 | 503,
    readonly code: ErrorCode,
    message: string,
    readonly issues?: { path: string; message: string }[],
    /** For 429: seconds until the client may try again (sent as Retry-After). */
    readonly retryAfterS?: number,
  ) {
    super(message);
  }
}

/** Thrown by a mutation handler to reject one mutation; the rest of the push goes on. */
export class MutationRejected extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/**
 * A push whose new mutations do not continue where the device left off (a gap, or a number the
 * server already used for another mutation): nothing of it is applied.
 */
export class SeqGapError extends ServiceError {
  constructor(
    /** The number the device's next new mutation must carry. */
    readonly expectedSeq: number,
    /** The batch's mutations the server has not processed, to be numbered again from expectedSeq. */
    readonly unprocessed: string[],
  ) {
    super(409, 'sync.seq_gap', `This device's changes must arrive in order, numbered on from ${expectedSeq - 1}: send the new ones again from ${expectedSeq}.`);
  }
}
