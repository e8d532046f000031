// A write the store refused because it would break a uniqueness rule (a nickname someone has).
// Services catch this type; an engine's own error text never leaves the store.
export class DuplicateError extends Error {
  constructor(
    /** What already exists, e.g. 'nickname'. */
    readonly what: string,
  ) {
    super(`That ${what} already exists.`);
    this.name = 'DuplicateError';
  }
}
