// Typed access to the replica's small key-value facts (device id, cursor, identity).
import type { DongneDb } from './db.js';

export interface MetaValues {
  clientId: string;
  cursor: number;
  nextSeq: number;
  actorId: string;
  nickname: string;
  lastSyncedAt: number;
}

export async function getMeta<K extends keyof MetaValues>(db: DongneDb, key: K): Promise<MetaValues[K] | undefined> {
  return (await db.meta.get(key))?.value as MetaValues[K] | undefined;
}

export async function setMeta<K extends keyof MetaValues>(db: DongneDb, key: K, value: MetaValues[K]): Promise<void> {
  await db.meta.put({ key, value });
}

/** This device's id, created on first use; kept for the life of the replica. */
export async function clientIdOf(db: DongneDb): Promise<string> {
  return db.transaction('rw', db.meta, async () => {
    const existing = await getMeta(db, 'clientId');
    if (existing) return existing;
    const id = crypto.randomUUID();
    await setMeta(db, 'clientId', id);
    return id;
  });
}
