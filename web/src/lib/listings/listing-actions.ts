// Actions on a published listing (status, edit, hide, bump, like, delete): each is its optimistic
// change and its outbox entry, recorded together, then a nudge to sync.
import type { ListingStatus, MutationArgs, MutationName } from '@dongne/shared';
import type { DongneDb } from '../db/db.js';
import { currentOwner, getMeta } from '../db/meta.js';
import { applyLocally } from '../sync/local-apply.js';
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

/**
 * Likes or unlikes. A like not sent yet is replaced rather than followed by another change, and
 * one that only undoes a waiting like sends nothing at all: what waits is what will be sent.
 */
export async function setListingLiked(db: DongneDb, id: string, liked: boolean): Promise<void> {
  const queued = await db.transaction('rw', [db.outbox, db.meta, db.listings, db.neighbourhoods], async () => {
    const owner = await currentOwner(db);
    const entries = await db.outbox.where('entityId').equals(id).filter((e) => e.ownerId === owner && e.name === 'listing.set_liked').sortBy('seq');
    const unsent = entries.filter((e) => !e.wire);
    await db.outbox.bulkDelete(unsent.map((e) => e.seq));
    // What the server will hold once what is already on its way arrives.
    const sent = entries.filter((e) => e.wire).at(-1);
    const serverWillHave = sent ? (sent.args as MutationArgs<'listing.set_liked'>).liked : ((await getMeta(db, 'serverLikedIds')) ?? []).includes(id);
    if (liked === serverWillHave) {
      await applyLocally(db, 'listing.set_liked', { id, liked }, Date.now());
      return unsent.length > 0;
    }
    await enqueue(db, 'listing.set_liked', { id, liked }, id);
    return true;
  });
  if (queued) notifyLocalMutation();
}

/** One action on a listing: its optimistic change and its outbox entry, together. */
async function listingAction<N extends MutationName>(db: DongneDb, name: N, args: MutationArgs<N> & { id: string }) {
  await db.transaction('rw', [db.outbox, db.meta, db.listings, db.neighbourhoods], () => enqueue(db, name, args, args.id));
  notifyLocalMutation();
}
