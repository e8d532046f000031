// What a person does with keyword alerts and their inbox, recorded like every change: the
// optimistic change and its outbox entry together, then a nudge to sync. Works offline.
import { KEYWORD_LIMITS, keywordSchema, normalizeKeyword } from '@dongne/shared';
import type { DongneDb } from '../db/db.js';
import { currentOwner, getMeta } from '../db/meta.js';
import { enqueue, notifyLocalMutation } from '../sync/outbox.js';

/** The outbox entity a keyword change is filed under, so an unsent change to it is replaced. */
const keywordEntity = (keyword: string) => `keyword:${keyword}`;

export type KeywordAddOutcome = 'added' | 'kept_already' | 'full' | 'invalid';

/** Saves a keyword; says why not when it cannot (the screen shows it). */
export async function addKeyword(db: DongneDb, text: string): Promise<KeywordAddOutcome> {
  const parsed = keywordSchema.safeParse(text);
  if (!parsed.success) return 'invalid';
  const keyword = parsed.data;
  const outcome = await db.transaction('rw', db.replicaTables, async (): Promise<KeywordAddOutcome> => {
    const kept = (await getMeta(db, 'keywords')) ?? [];
    if (kept.includes(keyword)) return 'kept_already';
    if (kept.length >= KEYWORD_LIMITS.perPerson) return 'full';
    await replaceUnsent(db, keyword);
    await enqueue(db, 'keyword.add', { keyword }, keywordEntity(keyword));
    return 'added';
  });
  if (outcome === 'added') notifyLocalMutation();
  return outcome;
}

export async function removeKeyword(db: DongneDb, text: string): Promise<void> {
  const keyword = normalizeKeyword(text);
  await db.transaction('rw', db.replicaTables, async () => {
    await replaceUnsent(db, keyword);
    await enqueue(db, 'keyword.remove', { keyword }, keywordEntity(keyword));
  });
  notifyLocalMutation();
}

/** A change to the same keyword not sent yet is dropped: what waits is the last thing chosen. */
async function replaceUnsent(db: DongneDb, keyword: string) {
  const owner = await currentOwner(db);
  const unsent = await db.outbox
    .where('entityId')
    .equals(keywordEntity(keyword))
    .filter((e) => e.ownerId === owner && !e.wire)
    .primaryKeys();
  await db.outbox.bulkDelete(unsent);
}

/** Marks notifications read here at once, and on the person's other devices once it syncs. */
export async function markNotificationsRead(db: DongneDb, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await db.transaction('rw', db.replicaTables, async () => {
    await enqueue(db, 'notification.read', { ids }, 'notifications');
  });
  notifyLocalMutation();
}
