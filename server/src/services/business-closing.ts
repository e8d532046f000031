// When a person's account goes, their businesses close and their campaigns end, as changes, so
// every device drops them at its next pull. The ad events they counted on others' ads stay,
// emptied of who and which device: those events were what the other businesses were charged for,
// and their days' figures must keep adding up.
import type { Tx } from '../store/contract/store.js';

export async function closeBusinesses(tx: Tx, actorId: string, now: number): Promise<void> {
  for (const id of await tx.campaigns.liveIdsByOwner(actorId)) await tx.campaigns.end(id, now, await tx.sync.nextChangeSeq());
  for (const id of await tx.businesses.liveIdsByOwner(actorId)) await tx.businesses.markDeleted(id, now, await tx.sync.nextChangeSeq());
  await tx.adEvents.anonymise(actorId);
}
