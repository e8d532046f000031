// Typed access to the replica's small key-value facts (device id, cursor, identity).
import type { Profile, RangeLevel } from '@dongne/shared';
import type { DongneDb } from './db.js';

/** The area the feed shows and the device pulls: a neighbourhood and a range level around it. */
export interface Scope {
  neighbourhoodId: string;
  range: RangeLevel;
}

export interface MetaValues {
  clientId: string;
  cursor: number;
  nextSeq: number;
  actorId: string;
  nickname: string;
  lastSyncedAt: number;
  /** The range the person picked; the neighbourhood is their active one. */
  range: RangeLevel;
  /** What the server last told us about this person (verifications, neighbourhoods). */
  profile: Profile;
  /** The area visitors browse before choosing a neighbourhood, as the server chose it. */
  defaultScope: Scope;
  /** The scope the stored cursor belongs to: a different scope pulls from the start. */
  cursorScope: string;
  /** Last "Verify my neighbourhood" the server refused, to show why. */
  verifyRejection: { code: string; message: string; at: number };
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
