// PostgreSQL inserts that refuse a duplicate with the contract's DuplicateError. The row is skipped
// (ON CONFLICT DO NOTHING) rather than the unique violation caught: a failed statement aborts a
// PostgreSQL transaction, and a caller that catches DuplicateError must be able to go on in it, as
// it can on SQLite.
import { DuplicateError } from '../contract/duplicate-error.js';
import { changed, type Queryable } from './queryable.js';

/** Runs an `INSERT … ON CONFLICT DO NOTHING`; a row it did not insert becomes a DuplicateError naming `what`. */
export async function insertRefusingDuplicates(db: Queryable, what: string, text: string, values: unknown[]): Promise<void> {
  if ((await changed(db, text, values)) === 0) throw new DuplicateError(what);
}
