// The migration to a business's life keeps every business, notification and waiting push made
// before it (SQLite rebuilds the notifications table to let it hold business_post): on the engine
// this test project runs, a database migrated up to just before it is migrated the rest of the way.
import { afterEach, describe, expect, it } from 'vitest';
import { storeMigratedFrom, type MigratedStore } from '../testing/migrated-store.js';
import { query, queryColumn, TEST_ENGINE } from '../testing/test-store.js';

let migrated: MigratedStore | undefined;
afterEach(async () => {
  await migrated?.close();
  migrated = undefined;
});

describe(`the migration to a business’s life (${TEST_ENGINE})`, () => {
  it('keeps businesses with empty details, and notifications with their waiting pushes, and takes business_post', async () => {
    migrated = await storeMigratedFrom({ sqlite: '029_business_life.sql', postgres: '012_business_life.sql' }, async (run) => {
      await run("INSERT INTO actors (id, nickname, created_at) VALUES ('jieun', '지은', 1)");
      await run(
        "INSERT INTO neighbourhoods (id, name_en, country, lat, lng, radius_m, min_lat, max_lat, min_lng, max_lng) VALUES ('kr-test', 'Test-dong', 'KR', 37, 127, 500, 36.99, 37.01, 126.99, 127.01)",
      );
      await run(
        "INSERT INTO businesses (id, owner_id, name, category, neighbourhood_id, neighbourhood, created_at, change_seq) VALUES ('b1', 'jieun', '빵집', 'bakery', 'kr-test', 'Test-dong', 2, 3)",
      );
      await run(
        "INSERT INTO notifications (id, actor_id, kind, subject_id, title, keyword, event, by_actor_id, actor_name, snippet, created_at, read_at, change_seq) VALUES ('n1', 'jieun', 'board_comment', 'p1', '고양이', NULL, NULL, 'minji', '민지', '저요', 5, NULL, 7)",
      );
      await run("INSERT INTO push_outbox (notification_id, actor_id, client_id, due_at, attempts, created_at) VALUES ('n1', 'jieun', 'phone', 10, 1, 5)");
    });
    const { store } = migrated;
    expect(await store.businesses.changesSinceIn(['kr-test'], undefined, 0, 10)).toMatchObject([
      { changeSeq: 3, business: { id: 'b1', address: '', hours: '', phone: '', description: '', photos: [], followerCount: 0, reviewCount: 0, starSum: 0 } },
    ]);
    expect(await store.notifications.byId('jieun', 'n1')).toMatchObject({ kind: 'board_comment', actorName: '민지', snippet: '저요' });
    expect(await query(store, 'SELECT notification_id AS "notificationId", client_id AS "clientId", attempts FROM push_outbox')).toEqual([
      { notificationId: 'n1', clientId: 'phone', attempts: 1 },
    ]);
    const told = { actorId: 'jieun', kind: 'business_post' as const, subjectId: 'b2', title: '카페', keyword: null, byActorId: 'minji', actorName: '카페', snippet: '오늘 휴무' };
    expect(await store.notifications.insert({ ...told, id: 'n2', createdAt: 11 }, 12)).toBe('n2');
    await expect(query(store, "UPDATE notifications SET kind = 'ad' WHERE id = 'n2' RETURNING id")).rejects.toThrow(/check/i);
    // The push outbox still follows its notification.
    await query(store, "DELETE FROM notifications WHERE id = 'n1' RETURNING id");
    expect(await queryColumn(store, 'SELECT notification_id FROM push_outbox')).toEqual([]);
  });
});
