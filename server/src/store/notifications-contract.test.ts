// The notifications, push outbox and appointment reminder repositories of the store contract, tested
// the same way on every engine: kinds told once against kinds refreshed (one row, its first id, the
// newer words, unread again, a new change), reading what a conversation's screen showed, a refreshed
// notification's push joining the one still waiting, and reminders kept, replaced and taken once.
import { conversationStart, type NotificationKind } from '@dongne/shared';
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestStore, query, type OpenedTestStore } from '../testing/test-store.js';
import type { NewNotification } from './contract/alerts.js';
import type { Store } from './contract/store.js';

let opened: OpenedTestStore;
let store: Store;
let nextChange = 0;
const seq = () => ++nextChange;

beforeEach(async () => {
  opened = await openTestStore();
  store = opened.store;
  nextChange = 0;
  for (const [id, nickname] of [
    ['minji', '민지'],
    ['jieun', '지은'],
    ['seller', 'Seller'],
  ]) {
    await store.actors.insert({ id, nickname, createdAt: 1 });
  }
});
afterEach(() => opened.close());

/** A notification for 지은 about `subjectId`, from 민지. */
function told(kind: NotificationKind, subjectId: string, overrides: Partial<NewNotification> = {}): NewNotification {
  return { id: randomUUID(), actorId: 'jieun', kind, subjectId, title: 'Lamp', keyword: null, byActorId: 'minji', actorName: '민지', createdAt: 100, ...overrides };
}

const changes = (cursor = 0) => store.notifications.changesFor('jieun', cursor, 100);

describe('notifications', () => {
  it.each(['keyword', 'review_request', 'security'] as const)('%s is told once per subject: a repeat makes nothing and changes nothing', async (kind) => {
    const first = told(kind, 'l1', { keyword: kind === 'keyword' ? 'lamp' : null });
    expect(await store.notifications.insert(first, seq())).toBe(first.id);
    expect(await store.notifications.insert(told(kind, 'l1', { title: 'Another', createdAt: 200 }), seq())).toBeUndefined();
    expect((await changes()).map((c) => [c.changeSeq, c.row.id, c.row.title])).toEqual([[1, first.id, 'Lamp']]);
  });

  it.each(['message', 'offer', 'appointment', 'board_comment', 'board_reply', 'board_reaction'] as const)(
    '%s is one row per subject that a repeat refreshes: its first id, the newer words and time, unread again, a new change',
    async (kind) => {
      const first = told(kind, 's1', { snippet: 'Is it still available?', messageKind: kind === 'message' ? 'text' : null });
      expect(await store.notifications.insert(first, seq())).toBe(first.id);
      expect(await store.notifications.markRead('jieun', first.id, 150, seq())).toBe(true);

      const repeat = told(kind, 's1', { byActorId: 'seller', actorName: 'Seller', snippet: null, amountKrw: 25_000, at: 9_000, messageKind: kind === 'message' ? 'offer_accepted' : null, createdAt: 200 });
      expect(await store.notifications.insert(repeat, seq())).toBe(first.id);
      expect(await changes(2)).toEqual([
        {
          changeSeq: 3,
          row: {
            id: first.id,
            kind,
            subjectId: 's1',
            title: 'Lamp',
            keyword: null,
            event: null,
            actorId: 'seller',
            actorName: 'Seller',
            snippet: null,
            amountKrw: 25_000,
            at: 9_000,
            messageKind: kind === 'message' ? 'offer_accepted' : null,
            createdAt: 200,
            readAt: null,
          },
        },
      ]);
      expect(await changes()).toHaveLength(1);
    },
  );

  it('keeps subjects, kinds and people apart', async () => {
    for (const n of [told('message', 's1'), told('message', 's2'), told('offer', 's1'), told('message', 's1', { actorId: 'minji' })]) {
      expect(await store.notifications.insert(n, seq())).toBe(n.id);
    }
    expect((await changes()).map((c) => [c.row.kind, c.row.subjectId])).toEqual([
      ['message', 's1'],
      ['message', 's2'],
      ['offer', 's1'],
    ]);
  });

  it('reads the one of a kind about a subject, if unread, under a new change', async () => {
    const message = told('message', 's1');
    await store.notifications.insert(message, seq());
    await store.notifications.insert(told('message', 's2'), seq());
    expect(await store.notifications.markReadAbout('jieun', 'message', 's1', 300, seq())).toBe(true);
    expect(await store.notifications.markReadAbout('jieun', 'message', 's1', 400, seq())).toBe(false);
    expect(await store.notifications.markReadAbout('jieun', 'offer', 's1', 400, seq())).toBe(false);
    expect(await store.notifications.markReadAbout('minji', 'message', 's2', 400, seq())).toBe(false);
    expect((await changes(2)).map((c) => [c.changeSeq, c.row.id, c.row.readAt])).toEqual([[3, message.id, 300]]);
  });
});

describe('a refreshed notification’s push', () => {
  const waiting = () => query(opened.store, 'SELECT client_id AS "clientId", due_at AS "dueAt", attempts FROM push_outbox ORDER BY id');
  const outboxRow = (notificationId: string, dueAt: number, clientId: string | null = null, attempts = 0) => ({ notificationId, actorId: 'jieun', clientId, dueAt, attempts, createdAt: 100 });

  it('joins the one still waiting for every device, moving it sooner, never later', async () => {
    const n = told('message', 's1');
    await store.notifications.insert(n, seq());
    await store.pushOutbox.add(outboxRow(n.id, 5_000));
    expect(await store.pushOutbox.joinWaiting(n.id, 9_000)).toBe(true);
    expect(await waiting()).toEqual([{ clientId: null, dueAt: 5_000, attempts: 0 }]);
    expect(await store.pushOutbox.joinWaiting(n.id, 1_000)).toBe(true);
    expect(await waiting()).toEqual([{ clientId: null, dueAt: 1_000, attempts: 0 }]);
  });

  it('joins none that a dispatcher has claimed, nor a retry for one device', async () => {
    const n = told('message', 's1');
    await store.notifications.insert(n, seq());
    expect(await store.pushOutbox.joinWaiting(n.id, 1_000)).toBe(false);
    await store.pushOutbox.add(outboxRow(n.id, 1_000));
    expect(await store.pushOutbox.claimDue(1_000, 2_000, 10)).toHaveLength(1);
    await store.pushOutbox.add(outboxRow(n.id, 5_000, 'phone', 1));
    expect(await store.pushOutbox.joinWaiting(n.id, 1_500)).toBe(false);
    expect(await waiting()).toEqual([
      { clientId: null, dueAt: 2_000, attempts: 1 },
      { clientId: 'phone', dueAt: 5_000, attempts: 1 },
    ]);
  });
});

describe('appointment reminders', () => {
  const listingId = randomUUID();

  beforeEach(async () => {
    await store.listings.insert({
      id: listingId,
      sellerId: 'seller',
      title: 'Lamp',
      description: '',
      priceKrw: 15_000,
      category: 'household',
      neighbourhood: 'Sunae 1-dong 수내1동',
      neighbourhoodId: 'kr-3102353',
      createdAt: 1,
      changeSeq: seq(),
    });
    for (const buyerId of ['minji', 'jieun']) {
      await store.conversations.save({ listingId, buyerId, sellerId: 'seller', ...conversationStart(1) }, seq());
    }
  });
  const reminder = (buyerId: string, dueAt: number, appointmentId = randomUUID()) => ({ listingId, buyerId, appointmentId, at: dueAt + 3_600_000, dueAt });

  it('keeps one per conversation, a newer replacing it, and takes those due once, the earliest first', async () => {
    const minji = reminder('minji', 2_000);
    await store.appointmentReminders.set(reminder('minji', 1_000));
    await store.appointmentReminders.set(minji);
    const jieun = reminder('jieun', 1_500);
    await store.appointmentReminders.set(jieun);
    expect(await store.transaction((tx) => tx.appointmentReminders.takeDue(1_499, 10))).toEqual([]);
    expect(await store.transaction((tx) => tx.appointmentReminders.takeDue(5_000, 10))).toEqual([jieun, minji]);
    expect(await store.transaction((tx) => tx.appointmentReminders.takeDue(5_000, 10))).toEqual([]);
  });

  it('takes at most the limit, and gives them back when the transaction that took them fails', async () => {
    await store.appointmentReminders.set(reminder('minji', 1_000));
    await store.appointmentReminders.set(reminder('jieun', 2_000));
    await expect(
      store.transaction(async (tx) => {
        expect(await tx.appointmentReminders.takeDue(5_000, 1)).toMatchObject([{ buyerId: 'minji' }]);
        throw new Error('the disk is full');
      }),
    ).rejects.toThrow('the disk is full');
    expect((await store.transaction((tx) => tx.appointmentReminders.takeDue(5_000, 10))).map((r) => r.buyerId)).toEqual(['minji', 'jieun']);
  });

  it('forgets the reminders of every conversation a person takes part in, as buyer or seller', async () => {
    await store.appointmentReminders.set(reminder('minji', 1_000));
    await store.appointmentReminders.set(reminder('jieun', 1_000));
    await store.appointmentReminders.removeAllOf('jieun');
    expect((await store.transaction((tx) => tx.appointmentReminders.takeDue(5_000, 10))).map((r) => r.buyerId)).toEqual(['minji']);
    await store.appointmentReminders.set(reminder('jieun', 1_000));
    await store.appointmentReminders.removeAllOf('seller');
    expect(await store.transaction((tx) => tx.appointmentReminders.takeDue(5_000, 10))).toEqual([]);
  });
});
