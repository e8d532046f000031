// The reads screens wait on, each served by an index of the replica.
import Dexie from 'dexie';
import type { DongneDb, LocalListing, OutboxEntry } from './db.js';
import { currentOwner, getMeta } from './meta.js';
import { currentScope, placesIn } from './scope.js';

const newestFirst = (a: LocalListing, b: LocalListing) => b.bumpedAt - a.bumpedAt || (a.id < b.id ? 1 : -1);

/**
 * Sellers whose listings the feed and search leave out: those the person blocked and those who
 * blocked them, as the last pull said, with blocks made here since applied on top. Never the
 * person themself, so their own listings always show.
 */
export function hiddenSellerIds(db: DongneDb): Promise<ReadonlySet<string>> {
  return getMeta(db, 'hiddenSellerIds').then((ids) => new Set(ids ?? []));
}

/**
 * Whether a listing belongs in the feed and search: not hidden by its seller (it stays on their own
 * page only), and not from a seller hidden from this person.
 */
export function shownToNeighbours(hiddenSellers: ReadonlySet<string>) {
  return (listing: Pick<LocalListing, 'hidden' | 'sellerId'>) => !listing.hidden && !hiddenSellers.has(listing.sellerId);
}

/** Up to this many places, the feed reads each place's own newest rows; more, one walk of all. */
const PLACE_BY_PLACE_MAX = 3;
/** How far the one walk goes for each card it must fill before it gives way to reading place by place. */
const WALK_ROWS_PER_CARD = 10;

/**
 * The first `limit` listings of the person's area, most recently bumped (or published) first;
 * filtered here so a range change works offline too. Hidden listings, and those of sellers hidden
 * from this person (blocked either way), are left out before the limit, so a page stays full.
 *
 * The cost follows the page, not how many listings the device holds. A few places: each is read
 * newest-first from the [neighbourhoodId+bumpedAt] index, `limit` rows at most. A wide range (a
 * visitor's default covers dozens of places): one newest-first walk of the bumpedAt index, kept
 * to the area's places, which stops after `limit` rows — the device holds mostly its own area, so
 * the walk reads about a page, where reading each place would read up to `limit` rows per place
 * (on a phone's main thread, for every liveQuery run while a sync writes).
 */
export function feedPage(db: DongneDb, limit: number): Promise<LocalListing[]> {
  // In one read transaction: on its own each read opened one, and Dexie's cost of opening them was
  // half of what re-running the feed took on the main thread after each page a sync wrote.
  return db.transaction('r', [db.meta, db.neighbourhoods, db.listings], () => readFeedPage(db, limit));
}

async function readFeedPage(db: DongneDb, limit: number): Promise<LocalListing[]> {
  // Both at once: each is a round trip to IndexedDB, and the first screen waits on them.
  const [hiddenSellers, current] = await Promise.all([hiddenSellerIds(db), currentScope(db)]);
  const visible = shownToNeighbours(hiddenSellers);
  let places = current && (await placesIn(db, current.scope));
  // Chosen offline, before this device could look up the neighbours: the place itself is known.
  if (!places && current?.chosen && current.scope.range === 1) places = [current.scope.neighbourhoodId];
  if (!places) return db.listings.orderBy('bumpedAt').reverse().filter(visible).limit(limit).toArray();
  if (places.length > PLACE_BY_PLACE_MAX) {
    const area = new Set(places);
    // Held to a bound: a device that synced a wider area before (nothing removes those rows) could
    // otherwise walk all it holds for a narrow area's few listings, on every live-query run.
    let read = 0;
    const walked = await db.listings
      .orderBy('bumpedAt')
      .reverse()
      .until(() => ++read > limit * WALK_ROWS_PER_CARD)
      .filter((listing) => area.has(listing.neighbourhoodId) && visible(listing))
      .limit(limit)
      .toArray();
    // A full page, or the whole table walked: that is the answer. Else each place is read instead.
    if (walked.length >= limit || read <= limit * WALK_ROWS_PER_CARD) return walked;
  }
  const perPlace = await Promise.all(
    places.map((place) =>
      db.listings
        .where('[neighbourhoodId+bumpedAt]')
        .between([place, Dexie.minKey], [place, Dexie.maxKey])
        .reverse()
        .filter(visible)
        .limit(limit)
        .toArray(),
    ),
  );
  return perPlace.flat().sort(newestFirst).slice(0, limit);
}

/**
 * The listings the person sells, newest first, each with whether a change to it still waits to
 * sync. Others' listings they liked, or changed in any way, are not theirs and do not show here.
 */
export async function myListings(db: DongneDb) {
  const owner = await currentOwner(db);
  const mine = owner ? await db.listings.where('sellerId').equals(owner).toArray() : [];
  const entries = await db.outbox.where('ownerId').equals(owner).toArray();
  // Also what this device published before the server confirmed it (made offline before sign-in, say).
  const published = await db.listings.bulkGet(entries.filter((e) => e.name === 'listing.create').map((e) => e.entityId));
  const waiting = new Set(entries.map((e) => e.entityId));
  const byId = new Map([...mine, ...published.filter((l) => l !== undefined)].map((l) => [l.id, l]));
  return [...byId.values()]
    .sort((a, b) => b.createdAt - a.createdAt)
    .map((listing) => ({ listing, waiting: waiting.has(listing.id) }));
}

// The outbox and drafts are small: read whole, filtered here. Dexie promise chains, not `async`:
// see meta.ts.

/**
 * How many of `owner`'s changes wait to be sent: exactly what the outbox holds, since an autosave
 * folds into the draft's waiting edit and an unlike cancels its waiting like. Ads this person was
 * counted as seeing are no change of theirs, and nothing to warn about.
 */
export function waitingChanges(entries: OutboxEntry[], owner: string): number {
  return entries.filter((e) => e.ownerId === owner && e.name !== 'ad.events').length;
}

export function waitingIds(db: DongneDb): Promise<Set<string>> {
  return currentOwner(db).then((owner) =>
    db.outbox.toArray().then((entries) => new Set(entries.filter((e) => e.ownerId === owner).map((e) => e.entityId))),
  );
}

/** This person's drafts only: another account's drafts on the same device stay hidden. */
export function draftsNewestFirst(db: DongneDb) {
  return currentOwner(db).then((owner) =>
    db.drafts.toArray().then((drafts) => drafts.filter((d) => d.ownerId === owner && !d.publishing).sort((a, b) => b.updatedAt - a.updatedAt)),
  );
}

/** The listings on the person's watchlist (♥) that this device holds, most recently liked first. */
export function watchlist(db: DongneDb): Promise<LocalListing[]> {
  return getMeta(db, 'likedIds').then((ids) =>
    db.listings.bulkGet(ids ?? []).then((rows) => rows.filter((l): l is LocalListing => l !== undefined)),
  );
}

/** The photo's bytes if this device holds them. (A Dexie promise, so liveQuery can observe it.) */
export function localPhotoBlob(db: DongneDb, hash: string): Promise<Blob | undefined> {
  return db.photos.get(hash).then((photo) => photo?.blob);
}

/**
 * A seller's other listings this device holds, for "other listings from this seller" on a
 * listing's page: those still for sale or reserved first, each group most recently bumped first;
 * hidden ones only when the seller is the one looking. Served by the sellerId index; `total` says
 * whether there are more than the page shows.
 */
export function otherListingsBySeller(
  db: DongneDb,
  sellerId: string,
  exceptId: string,
  options: { limit: number; includeHidden: boolean },
): Promise<{ listings: LocalListing[]; total: number }> {
  const sold = (l: LocalListing) => Number(l.status === 'sold');
  return db.listings
    .where('sellerId')
    .equals(sellerId)
    .filter((l) => l.id !== exceptId && (options.includeHidden || !l.hidden))
    .toArray()
    .then((rows) => ({ listings: rows.sort((a, b) => sold(a) - sold(b) || newestFirst(a, b)).slice(0, options.limit), total: rows.length }));
}
