// A campaign that stopped serving because its day's budget was (nearly) spent serves again the next
// Asia/Seoul day. Nothing happens at midnight to say so, so the first pull each instance answers on
// a new day turns them back on, each as a change devices pull. Several instances may each do it
// once: under the change counter, the second finds none left to turn.
import type { Store } from '../store/contract/store.js';
import type { Clock } from './clock.js';
import { seoulDay } from './seoul-day.js';

export function createServingDays(store: Store, clock: Clock) {
  let resumedOn: string | undefined;
  return {
    /** Turns serving back on for campaigns stopped before today; at most once a day per instance. */
    async resumeIfNewDay(): Promise<void> {
      const today = seoulDay(clock.now());
      if (resumedOn === today) return;
      await store.transaction(async (tx) => {
        // After every push that may stop a campaign has committed (each holds the counter while it
        // runs): one that stopped yesterday's serving just before midnight is found and turned on.
        await tx.sync.holdChanges();
        for (const id of await tx.campaigns.stoppedBefore(today)) await tx.campaigns.resumeServing(id, await tx.sync.nextChangeSeq());
      });
      resumedOn = today;
    },
  };
}
