// Actions on a published listing (status, edit, hide, bump, like, delete): each is its optimistic
// change and its outbox entry, recorded together, then a nudge to sync.
import type { ListingStatus, MutationArgs, MutationName } from '@dongne/shared';
import type { DongneDb } from '../db/db.js';
import { enqueue, notifyLocalMutation } from '../sync/outbox.js';

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

export async function setListingLiked(db: DongneDb, id: string, liked: boolean): Promise<void> {
  await listingAction(db, 'listing.set_liked', { id, liked });
}

/** One action on a listing: its optimistic change and its outbox entry, together. */
async function listingAction<N extends MutationName>(db: DongneDb, name: N, args: MutationArgs<N> & { id: string }) {
  await db.transaction('rw', [db.outbox, db.meta, db.listings, db.neighbourhoods], () => enqueue(db, name, args, args.id));
  notifyLocalMutation();
}
