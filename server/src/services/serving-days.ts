// A campaign that stopped serving because its day's budget was (nearly) spent serves again the next
// Asia/Seoul day. Nothing happens at midnight to say so, so a pull that finds campaigns stopped on
// an earlier day turns them back on, each as a change devices pull. The look is one read of a
// partial index, on every pull: a stop for yesterday committed just after midnight is found by the
// next pull, not a day later. Turning one on is conditional (still stopped, on an earlier day), so
// two instances doing it at once, or a push stopping it for today meanwhile, never overwrite.
import type { Store } from '../store/contract/store.js';
import type { Clock } from './clock.js';
import { seoulDay } from './seoul-day.js';

export function createServingDays(store: Store, clock: Clock) {
  return {
    /** Turns serving back on for campaigns stopped before today. */
    async resumeIfNewDay(): Promise<void> {
      const today = seoulDay(clock.now());
      // Read outside any write: a pull never waits on the writers of the moment unless there is
      // something to turn on (once a day per stopped campaign).
      const stopped = await store.campaigns.stoppedBefore(today);
      if (stopped.length === 0) return;
      await store.transaction(async (tx) => {
        for (const id of stopped) await tx.campaigns.resumeServing(id, today, await tx.sync.nextChangeSeq());
      });
    },
  };
}
