// SQLite's unique-constraint failures, turned into the contract's DuplicateError.
import Database from 'better-sqlite3';
import { DuplicateError } from '../contract/duplicate-error.js';

/** Runs a write; a UNIQUE constraint it breaks becomes a DuplicateError naming `what`. */
export function refusingDuplicates<T>(what: string, write: () => T): T {
  try {
    return write();
  } catch (error) {
    if (error instanceof Database.SqliteError && error.code === 'SQLITE_CONSTRAINT_UNIQUE') throw new DuplicateError(what);
    throw error;
  }
}
