// Ad events counted on the device: kept at once, batched into the outbox (a hundred to a mutation),
// each with its own id; counted for the daily cap per viewer; gone with the viewer's sign-out.
import { AD_LIMITS, type AdEventsArgs } from '@dongne/shared';
import { describe, expect, it } from 'vitest';
import type { DongneDb } from '../db/db.js';
import { setMeta } from '../db/meta.js';
import { useFreshDb } from '../db/test-db.js';
import { signOutLocally } from '../db/account.js';
import { unsyncedCount } from '../db/account.js';
import { AD_EVENTS_ENTITY, recordAdEvent, shownToday } from './ad-events.js';

let db: DongneDb;
useFreshDb((fresh) => (db = fresh));

const CAMPAIGN = '5a1f2e3d-4c5b-4a69-8877-665544332211';
const batches = async () => (await db.outbox.where('entityId').equals(AD_EVENTS_ENTITY).sortBy('seq')).map((e) => (e.args as AdEventsArgs).events);

describe('counting ad events on the device', () => {
  it('keeps each event at once and sends them in batches of at most a hundred, each with its own id', async () => {
    await setMeta(db, 'actorId', 'neighbour');
    for (let i = 0; i < AD_LIMITS.eventsPerBatch + 1; i++) await recordAdEvent(db, CAMPAIGN, i % 10 ? 'impression' : 'click', 1_000 + i);
    const sent = await batches();
    expect(sent.map((b) => b.length)).toEqual([AD_LIMITS.eventsPerBatch, 1]);
    const all = sent.flat();
    expect(new Set(all.map((e) => e.id)).size).toBe(all.length);
    expect(await db.adEvents.count()).toBe(all.length);
  });

  it('starts a new batch once the waiting one has been sent: a sent batch never changes', async () => {
    await setMeta(db, 'actorId', 'neighbour');
    await recordAdEvent(db, CAMPAIGN, 'impression');
    const [entry] = await db.outbox.toArray();
    await db.outbox.update(entry.seq, { wire: { clientId: 'device', seq: 1 } });
    await recordAdEvent(db, CAMPAIGN, 'click');
    expect((await batches()).map((b) => b.map((e) => e.kind))).toEqual([['impression'], ['click']]);
  });

  it('counts today’s impressions per viewer for the daily cap', async () => {
    const now = Date.UTC(2026, 11, 1, 3);
    await setMeta(db, 'actorId', 'neighbour');
    await recordAdEvent(db, CAMPAIGN, 'impression', now - 60_000);
    await recordAdEvent(db, CAMPAIGN, 'impression', now);
    await recordAdEvent(db, CAMPAIGN, 'click', now);
    // Yesterday in Seoul (a day is counted from Seoul's midnight, 15:00 UTC).
    await recordAdEvent(db, CAMPAIGN, 'impression', Date.UTC(2026, 10, 30, 14));
    expect(await shownToday(db, 'neighbour', now)).toEqual(new Map([[CAMPAIGN, 2]]));
    expect(await shownToday(db, 'someone-else', now)).toEqual(new Map());
  });

  it('is no change the person made: nothing to warn about at sign-out, and their events leave with them', async () => {
    await setMeta(db, 'actorId', 'neighbour');
    await recordAdEvent(db, CAMPAIGN, 'impression');
    expect(await unsyncedCount(db)).toBe(0);
    await signOutLocally(db, { toldServer: true });
    expect(await db.outbox.count()).toBe(0);
    expect(await db.adEvents.count()).toBe(0);
  });
});
