// Bytes by key in the SQLite file: the default blob store's storage (see contract/blobs.ts).
import type { Db } from './database.js';

export function createBlobsStore(db: Db) {
  // A key names its bytes, so a second put of it has nothing to add.
  const insert = db.prepare('INSERT INTO blobs (key, bytes) VALUES (?, ?) ON CONFLICT (key) DO NOTHING');
  const select = db.prepare('SELECT bytes FROM blobs WHERE key = ?').pluck();
  const remove = db.prepare('DELETE FROM blobs WHERE key = ?');
  return {
    put(key: string, bytes: Uint8Array): void {
      insert.run(key, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    },
    get: (key: string) => select.get(key) as Uint8Array | undefined,
    remove(key: string) {
      remove.run(key);
    },
  };
}
