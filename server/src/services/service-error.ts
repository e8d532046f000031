// An error a service raises on purpose: it carries the HTTP status, a machine code and a sentence.
export class ServiceError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429,
    readonly code: string,
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
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** A push whose new mutations do not continue where the device left off: nothing of it is applied. */
export class SeqGapError extends ServiceError {
  constructor(
    /** The seq the device's next new mutation must carry. */
    readonly expectedSeq: number,
    sentSeq: number,
  ) {
    super(409, 'sync.seq_gap', `This device's changes must arrive in order: expected number ${expectedSeq} next, got ${sentSeq}. Send again from ${expectedSeq}.`);
  }
}
