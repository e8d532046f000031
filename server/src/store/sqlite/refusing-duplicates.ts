// SQLite's unique-constraint failures, turned into the contract's DuplicateError.
import Database from 'better-sqlite3';
import { DuplicateError } from '../contract/duplicate-error.js';

/**
 * Runs a write; a UNIQUE constraint it breaks becomes a DuplicateError naming `what`. SQLite reports
 * a taken primary key under a code of its own: with `primaryKey`, that is a duplicate too (an id the
 * client chose); without it, it stays an error (an account id is never the client's to reuse).
 */
export function refusingDuplicates<T>(what: string, write: () => T, { primaryKey = false }: { primaryKey?: boolean } = {}): T {
  try {
    return write();
  } catch (error) {
    if (error instanceof Database.SqliteError && (error.code === 'SQLITE_CONSTRAINT_UNIQUE' || (primaryKey && error.code === 'SQLITE_CONSTRAINT_PRIMARYKEY'))) {
      throw new DuplicateError(what);
    }
    throw error;
  }
}
