// Test helper: a fresh, empty replica for every test, deleted afterwards.
import { afterEach, beforeEach } from 'vitest';
import { DongneDb } from './db.js';

export function useFreshDb(receive: (db: DongneDb) => void): void {
  let db: DongneDb;
  beforeEach(() => {
    db = new DongneDb(`test-${crypto.randomUUID()}`);
    receive(db);
  });
  afterEach(async () => {
    db.close();
    await DongneDb.delete(db.name);
  });
}
