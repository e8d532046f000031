// The optimistic side of keyword alerts and the inbox, and what a refusal puts back. The server's
// keyword list arrives with every pull of a signed-in person; what waits here goes on top of it.
import { compareKeywords, normalizeKeyword, type MutationArgs } from '@dongne/shared';
import type { DongneDb } from '../db/db.js';
import { getMeta, setMeta } from '../db/meta.js';

const inOrder = (keywords: Iterable<string>) => [...new Set(keywords)].sort(compareKeywords);

export async function applyKeywordAdd(db: DongneDb, args: MutationArgs<'keyword.add'>): Promise<void> {
  await setMeta(db, 'keywords', inOrder([...((await getMeta(db, 'keywords')) ?? []), args.keyword]));
}

export async function applyKeywordRemove(db: DongneDb, args: MutationArgs<'keyword.remove'>): Promise<void> {
  const keyword = normalizeKeyword(args.keyword);
  await setMeta(db, 'keywords', ((await getMeta(db, 'keywords')) ?? []).filter((kept) => kept !== keyword));
}

export async function applyNotificationRead(db: DongneDb, args: MutationArgs<'notification.read'>, at: number): Promise<void> {
  const unread = (await db.notifications.bulkGet(args.ids)).filter((n) => n && n.readAt === null);
  await db.notifications.bulkPut(unread.map((n) => ({ ...n!, readAt: at })));
}

/** A keyword the server would not keep (the limit): it leaves the list here too. */
export async function rejectKeywordAdd(db: DongneDb, args: MutationArgs<'keyword.add'>): Promise<void> {
  await applyKeywordRemove(db, { keyword: args.keyword });
}
