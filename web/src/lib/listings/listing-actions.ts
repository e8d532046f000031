// Actions on a published listing (status, edit, hide, bump, like, delete): each is its optimistic
// change and its outbox entry, recorded together, then a nudge to sync.
import type { ListingStatus, MutationArgs, MutationName } from '@dongne/shared';
import type { DongneDb } from '../db/db.js';
import { getMeta } from '../db/meta.js';
import { enqueue, notifyLocalMutation, queueToggle } from '../sync/outbox.js';

export async function setListingStatus(db: DongneDb, id: string, status: ListingStatus): Promise<void> {
  await listingAction(db, 'listing.set_status', { id, status });
}

export async function deleteListing(db: DongneDb, id: string): Promise<void> {
  await listingAction(db, 'listing.delete', { id });
}

export async function editListing(db: DongneDb, args: MutationArgs<'listing.update'>): Promise<void> {
  await listingAction(db, 'listing.update', args);
}

export async function setListingHidden(db: DongneDb, id: string, hidden: boolean): Promise<void> {
  await listingAction(db, 'listing.set_hidden', { id, hidden });
}

export async function bumpListing(db: DongneDb, id: string): Promise<void> {
  await listingAction(db, 'listing.bump', { id });
}

/**
 * Likes or unlikes. A like not sent yet is replaced rather than followed by another change, and
 * one that only undoes a waiting like sends nothing at all: what waits is what will be sent.
 */
export async function setListingLiked(db: DongneDb, id: string, liked: boolean): Promise<void> {
  const queued = await queueToggle(
    db,
    { name: 'listing.set_liked', args: { id, liked }, entityId: id, on: liked },
    (args) => args.liked,
    async () => ((await getMeta(db, 'serverLikedIds')) ?? []).includes(id),
  );
  if (queued) notifyLocalMutation();
}

/** One action on a listing: its optimistic change and its outbox entry, together. */
async function listingAction<N extends MutationName>(db: DongneDb, name: N, args: MutationArgs<N> & { id: string }) {
  await db.transaction('rw', [db.outbox, db.meta, db.listings, db.neighbourhoods], () => enqueue(db, name, args, args.id));
  notifyLocalMutation();
}
