// Counting ad impressions and clicks on the device, offline too: each event is kept in IndexedDB at
// once (for the per-person daily cap) and joins the outbox's waiting `ad.events` batch, so it is sent
// once the connection allows, with its own id, and counted once however often it is resent.
import { AD_LIMITS, type AdEvent, type AdEventKind, type AdEventsArgs } from '@dongne/shared';
import type { DongneDb } from '../db/db.js';
import { currentOwner } from '../db/meta.js';
import { enqueue, notifyLocalMutation, unsentTail } from '../sync/outbox.js';
import { seoulDay } from './ad-day.js';

/** The outbox entity all of a person's ad events wait under: one batch fills before the next begins. */
export const AD_EVENTS_ENTITY = 'ad-events';

/** Days of counted events kept here: today's for the cap, yesterday's for a clock near midnight. */
const KEEP_MS = 2 * 24 * 60 * 60 * 1000;

export async function recordAdEvent(db: DongneDb, campaignId: string, kind: AdEventKind, at = Date.now()): Promise<AdEvent> {
  const event: AdEvent = { id: crypto.randomUUID(), campaignId, kind, at };
  await db.transaction('rw', [...db.replicaTables, db.adEvents], async () => {
    const viewerId = await currentOwner(db);
    await db.adEvents.add({ ...event, viewerId, day: seoulDay(at) });
    await db.adEvents.where('at').below(at - KEEP_MS).delete();
    // Into the batch still waiting, if there is room: a hundred impressions are one mutation, not a hundred.
    const tail = await unsentTail(db, viewerId, AD_EVENTS_ENTITY);
    const waiting = tail?.name === 'ad.events' ? (tail.args as AdEventsArgs).events : undefined;
    if (tail && waiting && waiting.length < AD_LIMITS.eventsPerBatch) {
      await db.outbox.update(tail.seq, { args: { events: [...waiting, event] } satisfies AdEventsArgs });
    } else {
      await enqueue(db, 'ad.events', { events: [event] }, AD_EVENTS_ENTITY);
    }
  });
  notifyLocalMutation();
  return event;
}

/** How many times this person was shown each ad today (Asia/Seoul), counted on this device. */
export async function shownToday(db: DongneDb, viewerId: string, now = Date.now()): Promise<Map<string, number>> {
  const events = await db.adEvents.where('[viewerId+day]').equals([viewerId, seoulDay(now)]).toArray();
  const shown = new Map<string, number>();
  for (const e of events) if (e.kind === 'impression') shown.set(e.campaignId, (shown.get(e.campaignId) ?? 0) + 1);
  return shown;
}
