// A write the store refused because it would break a uniqueness rule (a nickname someone has).
// Services catch this type; the database engine's own error text never leaves the store.
import Database from 'better-sqlite3';

export class DuplicateError extends Error {
  constructor(
    /** What already exists, e.g. 'nickname'. */
    readonly what: string,
  ) {
    super(`That ${what} already exists.`);
    this.name = 'DuplicateError';
  }
}

/** Runs a write; a UNIQUE constraint it breaks becomes a DuplicateError naming `what`. */
export function refusingDuplicates<T>(what: string, write: () => T): T {
  try {
    return write();
  } catch (error) {
    if (error instanceof Database.SqliteError && error.code === 'SQLITE_CONSTRAINT_UNIQUE') throw new DuplicateError(what);
    throw error;
  }
}
