import { describe, expect, it } from 'vitest';
import { KEYWORD_LIMITS, type Notification } from '@dongne/shared';
import { signedIn, signOutLocally } from '../db/account.js';
import type { DongneDb } from '../db/db.js';
import { getMeta, setMeta } from '../db/meta.js';
import { useFreshDb } from '../db/test-db.js';
import { BUYER, pullPage, pullWith } from '../chat/test-chats.js';
import { addKeyword, markNotificationsRead, removeKeyword } from './alert-actions.js';

let db: DongneDb;
useFreshDb((fresh) => (db = fresh));

const minji = { actorId: BUYER.id, nickname: BUYER.nickname, joinedAt: 1 };
const waiting = async () => (await db.outbox.toArray()).map((e) => ({ name: e.name, args: e.args }));
const alert = (id: string, overrides: Partial<Notification> = {}): Notification => ({
  id,
  kind: 'keyword',
  subjectId: `listing-${id}`,
  title: 'Folding bike',
  keyword: 'bike',
  event: null,
  actorId: null,
  actorName: null,
  snippet: null,
  amountKrw: null,
  at: null,
  messageKind: null,
  createdAt: 1_000,
  readAt: null,
  ...overrides,
});
const upsertNotification = (row: Notification) => ({ op: 'upsert' as const, entity: 'notification' as const, row });

describe('keyword alerts on the device', () => {
  it('show a keyword at once, offline, and send it once; the same keyword again sends nothing', async () => {
    await signedIn(db, minji);
    expect(await addKeyword(db, '  Brompton ')).toBe('added');
    expect(await addKeyword(db, 'brompton')).toBe('kept_already');
    expect(await getMeta(db, 'keywords')).toEqual(['brompton']);
    expect(await waiting()).toEqual([{ name: 'keyword.add', args: { keyword: 'brompton' } }]);
  });

  it('say why a keyword cannot be added: too short, or 30 kept already', async () => {
    await signedIn(db, minji);
    expect(await addKeyword(db, 'a')).toBe('invalid');
    await setMeta(db, 'keywords', Array.from({ length: KEYWORD_LIMITS.perPerson }, (_, i) => `word${i}`));
    expect(await addKeyword(db, 'one more')).toBe('full');
    expect(await db.outbox.count()).toBe(0);
  });

  it('replace an unsent add with the removal, and keep the server’s list with waiting changes on top after a pull', async () => {
    await signedIn(db, minji);
    await addKeyword(db, 'desk');
    await addKeyword(db, 'lamp');
    await removeKeyword(db, 'DESK');
    expect(await waiting()).toEqual([
      { name: 'keyword.add', args: { keyword: 'lamp' } },
      { name: 'keyword.remove', args: { keyword: 'desk' } },
    ]);
    await pullWith(db, pullPage([], { keywords: ['chair', 'desk'] }));
    expect(await getMeta(db, 'keywords')).toEqual(['chair', 'lamp']);
  });
});

describe('the inbox on the device', () => {
  it('keeps pulled notifications, marks them read at once, and keeps them read when a pull brings them again unread', async () => {
    await signedIn(db, minji);
    await pullWith(db, pullPage([upsertNotification(alert('a')), upsertNotification(alert('b'))]));
    await markNotificationsRead(db, ['a']);
    expect((await db.notifications.get('a'))?.readAt).toEqual(expect.any(Number));
    await pullWith(db, pullPage([upsertNotification(alert('a'))]));
    expect((await db.notifications.get('a'))?.readAt).toEqual(expect.any(Number));
    expect((await db.notifications.get('b'))?.readAt).toBeNull();
    expect(await waiting()).toEqual([{ name: 'notification.read', args: { ids: ['a'] } }]);
  });

  it('is forgotten with the keywords when the person signs out', async () => {
    await signedIn(db, minji);
    await pullWith(db, pullPage([upsertNotification(alert('a'))], { keywords: ['bike'] }));
    await signOutLocally(db, { toldServer: true });
    expect(await db.notifications.count()).toBe(0);
    expect(await getMeta(db, 'keywords')).toBeUndefined();
  });
});
