// The migration that lets the inbox hold the trade's and the board's notifications keeps every
// notification made before it, and the pushes waiting for them: on the engine this test project
// runs, a database migrated up to just before it is migrated the rest of the way.
import { afterEach, describe, expect, it } from 'vitest';
import { storeMigratedFrom, type MigratedStore } from '../testing/migrated-store.js';
import { query, queryColumn, queryValue, TEST_ENGINE } from '../testing/test-store.js';

let migrated: MigratedStore | undefined;
afterEach(async () => {
  await migrated?.close();
  migrated = undefined;
});

/** What a notification from before the trade's holds of the fields it did not have. */
const NONE_OF_THE_TRADE = { actorId: null, actorName: null, snippet: null, amountKrw: null, at: null, messageKind: null };

describe(`the migration to the trade’s notifications (${TEST_ENGINE})`, () => {
  it('keeps the keyword alerts and security messages and their waiting pushes, and takes the trade’s with who, what, price and time', async () => {
    migrated = await storeMigratedFrom({ sqlite: '026_trading_notifications.sql', postgres: '009_trading_notifications.sql' }, async (run) => {
      await run("INSERT INTO actors (id, nickname, created_at) VALUES ('jieun', '지은', 1)");
      await run("INSERT INTO notifications (id, actor_id, kind, subject_id, title, keyword, event, created_at, read_at, change_seq) VALUES ('n1', 'jieun', 'keyword', 'l1', 'Folding bike', '자전거', NULL, 5, NULL, 7)");
      await run("INSERT INTO notifications (id, actor_id, kind, subject_id, title, keyword, event, created_at, read_at, change_seq) VALUES ('n2', 'jieun', 'security', 'n2', 'Safari on macOS', NULL, 'new_device_sign_in', 6, 8, 9)");
      await run("INSERT INTO push_outbox (notification_id, actor_id, client_id, due_at, attempts, created_at) VALUES ('n1', 'jieun', NULL, 10, 0, 5)");
      await run("INSERT INTO push_outbox (notification_id, actor_id, client_id, due_at, attempts, created_at) VALUES ('n2', 'jieun', 'phone', 40, 2, 6)");
    });
    const { store } = migrated;
    expect(await store.notifications.byId('jieun', 'n1')).toEqual({
      id: 'n1',
      kind: 'keyword',
      subjectId: 'l1',
      title: 'Folding bike',
      keyword: '자전거',
      event: null,
      ...NONE_OF_THE_TRADE,
      createdAt: 5,
      readAt: null,
    });
    expect(await store.notifications.byId('jieun', 'n2')).toMatchObject({ kind: 'security', event: 'new_device_sign_in', ...NONE_OF_THE_TRADE, readAt: 8 });
    expect(await query(store, "SELECT notification_id AS \"notificationId\", client_id AS \"clientId\", due_at AS \"dueAt\", attempts FROM push_outbox WHERE actor_id = 'jieun' ORDER BY id")).toEqual([
      { notificationId: 'n1', clientId: null, dueAt: 10, attempts: 0 },
      { notificationId: 'n2', clientId: 'phone', dueAt: 40, attempts: 2 },
    ]);

    const message = {
      id: 'n3',
      actorId: 'jieun',
      kind: 'message' as const,
      subjectId: 'l9:jieun',
      title: '원목 의자',
      keyword: null,
      byActorId: 'minji',
      actorName: '민지',
      snippet: '네 있어요',
      amountKrw: 25_000,
      at: 1_800_000_000_000,
      messageKind: 'text' as const,
      createdAt: 11,
    };
    expect(await store.notifications.insert(message, 12)).toBe('n3');
    const { actorId: _, byActorId, ...row } = message;
    expect((await store.notifications.changesFor('jieun', 9, 10)).map((c) => c.row)).toEqual([{ ...row, event: null, actorId: byActorId, readAt: null }]);
    await expect(query(store, "UPDATE notifications SET kind = 'ad' WHERE id = 'n3' RETURNING id")).rejects.toThrow(/check/i);
    await expect(query(store, "UPDATE notifications SET message_kind = 'shout' WHERE id = 'n3' RETURNING id")).rejects.toThrow(/check/i);
    // Told once still means once, and the outbox still follows its notification.
    expect(await store.notifications.insert({ id: 'n4', actorId: 'jieun', kind: 'keyword', subjectId: 'l1', title: 'Folding bike', keyword: '자전거', createdAt: 13 }, 14)).toBeUndefined();
    await query(store, "DELETE FROM notifications WHERE id = 'n1' RETURNING id");
    expect(await queryColumn(store, 'SELECT notification_id FROM push_outbox')).toEqual(['n2']);
    expect(Number(await queryValue(store, 'SELECT count(*) FROM appointment_reminders'))).toBe(0);
  });
});
