// The migration that lets the inbox hold security messages keeps every notification made before it,
// and the pushes waiting for them: on the engine this test project runs, a database migrated up to
// just before it is migrated the rest of the way.
import { afterEach, describe, expect, it } from 'vitest';
import { storeMigratedFrom, type MigratedStore } from '../testing/migrated-store.js';
import { query, queryValue, TEST_ENGINE } from '../testing/test-store.js';

let migrated: MigratedStore | undefined;
afterEach(async () => {
  await migrated?.close();
  migrated = undefined;
});

describe(`the migration to security notifications (${TEST_ENGINE})`, () => {
  it('keeps the keyword alerts and their waiting pushes, and takes security messages with what happened', async () => {
    migrated = await storeMigratedFrom({ sqlite: '025_security_notifications.sql', postgres: '008_security_notifications.sql' }, async (run) => {
      await run("INSERT INTO actors (id, nickname, created_at) VALUES ('jieun', '지은', 1)");
      await run("INSERT INTO notifications (id, actor_id, kind, subject_id, title, keyword, created_at, read_at, change_seq) VALUES ('n1', 'jieun', 'keyword', 'l1', 'Folding bike', '자전거', 5, NULL, 7)");
      await run("INSERT INTO push_outbox (notification_id, actor_id, client_id, due_at, attempts, created_at) VALUES ('n1', 'jieun', NULL, 10, 0, 5)");
    });
    const { store } = migrated;
    expect(await store.notifications.byId('jieun', 'n1')).toEqual({
      id: 'n1',
      kind: 'keyword',
      subjectId: 'l1',
      title: 'Folding bike',
      keyword: '자전거',
      event: null,
      // The later migration to the trade's notifications (026/009) has none of these for it.
      actorId: null,
      actorName: null,
      snippet: null,
      amountKrw: null,
      at: null,
      messageKind: null,
      createdAt: 5,
      readAt: null,
    });
    expect(await queryValue(store, "SELECT notification_id FROM push_outbox WHERE actor_id = 'jieun'")).toBe('n1');

    const told = { id: 'n2', actorId: 'jieun', kind: 'security' as const, subjectId: 'n2', title: 'Safari on macOS', keyword: null, event: 'new_device_sign_in' as const, createdAt: 9 };
    expect(await store.notifications.insert(told, 8)).toBe('n2');
    const { actorId: _, ...row } = told;
    expect((await store.notifications.changesFor('jieun', 7, 10)).map((c) => c.row)).toEqual([
      { ...row, actorId: null, actorName: null, snippet: null, amountKrw: null, at: null, messageKind: null, readAt: null },
    ]);
    await expect(query(store, "UPDATE notifications SET event = 'stolen' WHERE id = 'n2' RETURNING id")).rejects.toThrow(/check/i);
    await expect(query(store, "UPDATE notifications SET kind = 'ad' WHERE id = 'n2' RETURNING id")).rejects.toThrow(/check/i);
    // The outbox still follows its notification: deleting one deletes its waiting pushes.
    await query(store, "DELETE FROM notifications WHERE id = 'n1' RETURNING id");
    expect(Number(await queryValue(store, 'SELECT count(*) FROM push_outbox'))).toBe(0);
  });
});
