// Makes appointment reminders once they are due: swept on an interval (and when poked), on every
// instance. A sweep takes due reminders and writes what they tell in one transaction, so each is
// made exactly once however many instances sweep one database (a reminder another holds is passed
// over; one a failed transaction took comes back). Then it pokes the people's devices to pull and
// the push dispatcher to send. Nothing here ever reaches a request.
import type { ChangeBus, ChangeTopic } from '../live/change-bus.js';
import type { PushDispatcher } from '../push/push-dispatcher.js';
import { remindOfAppointment } from '../services/appointment-reminders.js';
import type { Clock } from '../services/clock.js';
import type { Store } from '../store/contract/store.js';
import { createPokedLoop, type PokedLoop } from '../jobs/poked-loop.js';

/** How often due reminders are looked for: a reminder comes at most this late. */
export const REMINDER_SWEEP_MS = 30_000;
const BATCH = 50;

/** Makes reminders as they fall due: poked after an appointment is confirmed, and swept on an interval. */
export type ReminderSweeper = PokedLoop;

export function createReminderSweeper({
  store,
  clock,
  changes,
  pushes,
  log,
  sweepEveryMs = REMINDER_SWEEP_MS,
}: {
  store: Store;
  clock: Clock;
  /** Where the people reminded are announced, so their devices pull. */
  changes: ChangeBus;
  pushes: Pick<PushDispatcher, 'poke'>;
  log: (line: string) => void;
  sweepEveryMs?: number;
}): ReminderSweeper {
  /** Makes one batch of due reminders; answers how many were taken. */
  async function sweepBatch(): Promise<number> {
    const now = clock.now();
    const told = new Set<string>();
    let pushDue = false;
    const taken = await store.transaction(async (tx) => {
      // The change counter before the reminders' rows, in the order every writer takes them: a
      // confirmation holds the counter and then writes its conversation's reminder, so taking the
      // rows first would deadlock against it on PostgreSQL.
      await tx.sync.holdChanges();
      const due = await tx.appointmentReminders.takeDue(now, BATCH);
      for (const reminder of due) {
        try {
          for (const { actorId, push } of await tx.savepoint((inner) => remindOfAppointment(inner, reminder, now))) {
            told.add(actorId);
            pushDue ||= push === 'due';
          }
        } catch (error) {
          // Taken, and let go: trying it again and again would hold up every reminder behind it.
          // The chat's banner still reminds both of them in the hour before.
          log(`[reminders] conversation ${reminder.listingId}:${reminder.buyerId}: ${(error as Error).message}; not reminded`);
        }
      }
      return due.length;
    });
    // Only once committed: a poke before then would send devices to pull too early.
    if (told.size > 0) void changes.publish({ topics: [...told].map((id): ChangeTopic => `account:${id}`) });
    if (pushDue) pushes.poke();
    return taken;
  }

  return createPokedLoop({
    everyMs: sweepEveryMs,
    async round(stopped) {
      while (!stopped()) {
        if ((await sweepBatch()) < BATCH) break;
      }
    },
    onError: (error) => log(`[reminders] the reminders could not be swept: ${(error as Error).message}`),
  });
}
