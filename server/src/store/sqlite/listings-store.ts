// Listings and the queries pull pages over.
import type { Change, Listing, ListingEditable } from '@dongne/shared';
import type { ListingChangeRow, ListingOwnership, NewListing, SearchFilters } from '../contract/listings.js';
import { toChange, toListing, type ListingRow } from '../listing-row.js';
import type { Db } from './database.js';
import { bigramsOf, isBigramWord } from './bigrams.js';

const SELECT_WITH_SELLER = `
  SELECT l.*, a.nickname AS seller_name
  FROM listings l JOIN actors a ON a.id = l.seller_id`;

export function createListingsStore(db: Db) {
  const insert = db.prepare(`
    INSERT INTO listings (id, seller_id, title, description, price_krw, category, neighbourhood, neighbourhood_id,
                          accepts_offers, meeting_spot, photos, status, created_at, updated_at, bumped_at, change_seq)
    VALUES (@id, @sellerId, @title, @description, @priceKrw, @category, @neighbourhood, @neighbourhoodId,
            @acceptsOffers, @meetingSpot, @photos, 'selling', @createdAt, @createdAt, @createdAt, @changeSeq)
    ON CONFLICT (id) DO NOTHING`);
  const ownerOf = db.prepare(`
    SELECT seller_id AS sellerId, title, neighbourhood_id AS neighbourhoodId, deleted_at AS deletedAt, created_at AS createdAt, last_bumped_at AS lastBumpedAt, hidden
    FROM listings WHERE id = ?`);
  const anyById = db.prepare(`${SELECT_WITH_SELLER} WHERE l.id = ?`);
  const update = db.prepare(`
    UPDATE listings SET title = @title, description = @description, price_krw = @priceKrw, category = @category,
      accepts_offers = @acceptsOffers, meeting_spot = @meetingSpot, photos = @photos,
      edited_at = @at, updated_at = @at, change_seq = @changeSeq
    WHERE id = @id`);
  const idsIn = db.prepare('SELECT id FROM listings WHERE neighbourhood_id = ? ORDER BY id').pluck();
  const moveTo = db.prepare(
    'UPDATE listings SET neighbourhood_id = @neighbourhoodId, neighbourhood = @neighbourhood, change_seq = @changeSeq WHERE id = @id',
  );
  const setHidden = db.prepare('UPDATE listings SET hidden = @hidden, updated_at = @at, change_seq = @changeSeq WHERE id = @id');
  const bump = db.prepare('UPDATE listings SET bumped_at = @at, last_bumped_at = @at, updated_at = @at, change_seq = @changeSeq WHERE id = @id');
  const addLike = db.prepare('INSERT INTO likes (actor_id, listing_id, created_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING');
  const removeLike = db.prepare('DELETE FROM likes WHERE actor_id = ? AND listing_id = ?');
  const recountLikes = db.prepare(`
    UPDATE listings SET like_count = (SELECT count(*) FROM likes WHERE listing_id = @id), change_seq = @changeSeq
    WHERE id = @id`);
  // Only listings the person may see and pulls: in the area, or their own.
  const likedBy = db.prepare(`
    SELECT k.listing_id FROM likes k JOIN listings l ON l.id = k.listing_id
    WHERE k.actor_id = @actorId AND l.deleted_at IS NULL
      AND (l.seller_id = @actorId OR (l.hidden = 0 AND l.neighbourhood_id IN (SELECT value FROM json_each(@places))))
    ORDER BY k.created_at DESC LIMIT @limit`).pluck();
  const addView = db.prepare('INSERT INTO listing_views (listing_id, viewer, day) VALUES (?, ?, ?) ON CONFLICT DO NOTHING');
  // A view changes no change_seq: counting it must not send the listing to every device again.
  const forgetViewers = db.prepare('DELETE FROM listing_views WHERE day < ?');
  const countView = db.prepare('UPDATE listings SET view_count = view_count + 1 WHERE id = ?');
  const counts = db.prepare('SELECT view_count AS viewCount, like_count AS likeCount FROM listings WHERE id = ? AND deleted_at IS NULL');
  const byId = db.prepare(`${SELECT_WITH_SELLER} WHERE l.id = ? AND l.deleted_at IS NULL`);
  const setStatus = db.prepare(
    'UPDATE listings SET status = @status, updated_at = @at, change_seq = @changeSeq WHERE id = @id',
  );
  const markDeleted = db.prepare(
    'UPDATE listings SET deleted_at = @at, updated_at = @at, change_seq = @changeSeq WHERE id = @id',
  );
  const liveIdsBySeller = db.prepare('SELECT id FROM listings WHERE seller_id = ? AND deleted_at IS NULL').pluck();
  const countLive = db.prepare('SELECT count(*) FROM listings WHERE deleted_at IS NULL').pluck();
  const anyLive = db.prepare('SELECT EXISTS (SELECT 1 FROM listings WHERE deleted_at IS NULL)').pluck();
  // One index lookup per place (listings_by_place_change, read backwards), however many listings it has.
  const latestChangeIn = db
    .prepare(`SELECT coalesce(max((SELECT change_seq FROM listings WHERE neighbourhood_id = p.value ORDER BY change_seq DESC LIMIT 1)), 0)
              FROM json_each(?) p`)
    .pluck();
  const placeChanges = db.prepare(`${SELECT_WITH_SELLER} WHERE l.neighbourhood_id = ? AND l.change_seq > ? ORDER BY l.change_seq LIMIT ?`);
  const sellerChanges = db.prepare(`${SELECT_WITH_SELLER} WHERE l.seller_id = ? AND l.change_seq > ? ORDER BY l.change_seq LIMIT ?`);
  const placeNewest = db.prepare(`${SELECT_WITH_SELLER}
    WHERE l.neighbourhood_id = @place AND l.deleted_at IS NULL AND l.hidden = 0 AND l.bumped_at <= @before
    ORDER BY l.bumped_at DESC LIMIT @limit`);

  const searchStatements = new Map<string, ReturnType<Db['prepare']>>();

  // The pairs index (migration 012) is kept here, beside every write of a title or description.
  const addBigrams = db.prepare('INSERT INTO listings_bigrams (rowid, grams) VALUES (?, ?)');
  const dropBigrams = db.prepare('DELETE FROM listings_bigrams WHERE rowid = (SELECT rowid FROM listings WHERE id = ?)');
  const addBigramsFor = db.prepare(
    'INSERT INTO listings_bigrams (rowid, grams) SELECT rowid, @grams FROM listings WHERE id = @id',
  );
  const indexText = (rowid: number | bigint, title: string, description: string) => addBigrams.run(rowid, bigramsOf(`${title}\n${description}`));
  // Listings written before the index existed get their pairs on the first open after it.
  if (!db.prepare('SELECT 1 FROM listings_bigrams LIMIT 1').get()) {
    // In pages: a statement still reading cannot share its connection with the inserts.
    const page = db.prepare('SELECT rowid, title, description FROM listings WHERE rowid > ? ORDER BY rowid LIMIT 5000');
    db.transaction(() => {
      for (let after = 0; ; ) {
        const rows = page.all(after) as { rowid: number; title: string; description: string }[];
        if (rows.length === 0) break;
        for (const row of rows) indexText(row.rowid, row.title, row.description);
        after = rows[rows.length - 1].rowid;
      }
    })();
  }

  return {
    insert(listing: NewListing): boolean {
      const { acceptsOffers = false, meetingSpot = '', photos = [] } = listing;
      const result = insert.run({ ...listing, acceptsOffers: acceptsOffers ? 1 : 0, meetingSpot, photos: JSON.stringify(photos) });
      if (result.changes !== 1) return false;
      indexText(result.lastInsertRowid, listing.title, listing.description);
      return true;
    },
    /** The facts actions on a listing are judged by; undefined if no listing ever had this id. */
    ownerOf(id: string): ListingOwnership | undefined {
      const row = ownerOf.get(id) as { sellerId: string; title: string; neighbourhoodId: string; deletedAt: number | null; createdAt: number; lastBumpedAt: number | null; hidden: number } | undefined;
      return row && { sellerId: row.sellerId, title: row.title, neighbourhoodId: row.neighbourhoodId, deleted: row.deletedAt !== null, hidden: row.hidden === 1, createdAt: row.createdAt, lastBumpedAt: row.lastBumpedAt };
    },
    /** The listing as `viewerId` may see it now, or a tombstone (also for an id no listing has). */
    changeFor(id: string, viewerId: string): Change {
      const row = anyById.get(id) as ListingRow | undefined;
      const change = row ? toChange(row, viewerId) : undefined;
      return change && !change.deleted ? { op: 'upsert', entity: 'listing', row: change.listing } : { op: 'delete', entity: 'listing', id };
    },
    update(id: string, content: ListingEditable, at: number, changeSeq: number) {
      update.run({ ...content, id, acceptsOffers: content.acceptsOffers ? 1 : 0, photos: JSON.stringify(content.photos), at, changeSeq });
      dropBigrams.run(id);
      addBigramsFor.run({ id, grams: bigramsOf(`${content.title}\n${content.description}`) });
    },
    idsIn: (neighbourhoodId: string) => idsIn.all(neighbourhoodId) as string[],
    moveTo(id: string, neighbourhoodId: string, neighbourhood: string, changeSeq: number) {
      moveTo.run({ id, neighbourhoodId, neighbourhood, changeSeq });
    },
    setHidden(id: string, hidden: boolean, at: number, changeSeq: number) {
      setHidden.run({ id, hidden: hidden ? 1 : 0, at, changeSeq });
    },
    bump(id: string, at: number, changeSeq: number) {
      bump.run({ id, at, changeSeq });
    },
    /** Adds or removes `actorId`'s like; true when that changed anything. */
    setLiked: (actorId: string, id: string, liked: boolean, at: number) => (liked ? addLike.run(actorId, id, at) : removeLike.run(actorId, id)).changes > 0,
    recountLikes(id: string, changeSeq: number) {
      recountLikes.run({ id, changeSeq });
    },
    /** The listings `actorId` has liked that they may see in `places` (or sell), most recent first. */
    likedBy: (actorId: string, places: string[], limit: number) => likedBy.all({ actorId, places: JSON.stringify(places), limit }) as string[],
    /** Counts one view per viewer per day. */
    recordView(id: string, viewer: string, day: number) {
      if (addView.run(id, viewer, day).changes) countView.run(id);
    },
    forgetViewersBefore(day: number) {
      forgetViewers.run(day);
    },
    countsOf: (id: string) => counts.get(id) as { viewCount: number; likeCount: number } | undefined,
    byId(id: string): Listing | undefined {
      const row = byId.get(id) as ListingRow | undefined;
      return row && toListing(row);
    },
    setStatus(id: string, status: string, at: number, changeSeq: number) {
      setStatus.run({ id, status, at, changeSeq });
    },
    markDeleted(id: string, at: number, changeSeq: number) {
      markDeleted.run({ id, at, changeSeq });
    },
    liveIdsBySeller: (sellerId: string) => liveIdsBySeller.all(sellerId) as string[],
    /**
     * Changes after `cursor` to listings in any of `places` or sold by `sellerId`, oldest first.
     * One index range scan per place (and one for the seller), merged: each scan stops after `limit`
     * rows, so the cost follows the page size, not the size of the table.
     */
    changesSinceIn(places: string[], sellerId: string | undefined, cursor: number, limit: number): ListingChangeRow[] {
      const byId = new Map<string, ListingRow>();
      const take = (rows: unknown[]) => {
        for (const row of rows as ListingRow[]) byId.set(row.id, row);
      };
      for (const place of places) take(placeChanges.all(place, cursor, limit));
      if (sellerId) take(sellerChanges.all(sellerId, cursor, limit));
      return [...byId.values()]
        .sort((a, b) => a.change_seq - b.change_seq)
        .slice(0, limit)
        .map((row) => toChange(row, sellerId));
    },
    /**
     * Listings in `places` whose title or description holds every word, newest first. Words of
     * three or more characters go through the trigram index, two-letter words through the pairs
     * index; anything shorter or odder (one character, "3.") is matched with LIKE.
     */
    search(words: string[], places: string[], filters: SearchFilters, limit: number): Listing[] {
      const long = words.filter((w) => [...w].length >= 3);
      const pairs = words.filter(isBigramWord);
      const short = words.filter((w) => [...w].length < 3 && !isBigramWord(w));
      const escape = (w: string) => w.replace(/[\\%_]/g, (c) => `\\${c}`);
      const where = ['l.deleted_at IS NULL', 'l.hidden = 0', 'l.neighbourhood_id IN (SELECT value FROM json_each(@places))'];
      const params: Record<string, unknown> = { places: JSON.stringify(places), limit };
      if (long.length) {
        where.push('l.rowid IN (SELECT rowid FROM listings_fts WHERE listings_fts MATCH @match)');
        params.match = long.map((w) => `"${w.replace(/"/g, '""')}"`).join(' AND ');
      }
      if (pairs.length) {
        where.push('l.rowid IN (SELECT rowid FROM listings_bigrams WHERE listings_bigrams MATCH @pairs)');
        // Two letters or digits: nothing in them needs quoting.
        params.pairs = pairs.map((w) => `"${w}"`).join(' AND ');
      }
      short.forEach((w, i) => {
        where.push(`(l.title LIKE @s${i} ESCAPE '\\' OR l.description LIKE @s${i} ESCAPE '\\')`);
        params[`s${i}`] = `%${escape(w)}%`;
      });
      if (filters.category) (where.push('l.category = @category'), (params.category = filters.category));
      if (filters.minPrice !== undefined) (where.push('l.price_krw >= @minPrice'), (params.minPrice = filters.minPrice));
      if (filters.maxPrice !== undefined) (where.push('l.price_krw <= @maxPrice'), (params.maxPrice = filters.maxPrice));
      if (filters.hideSold) where.push("l.status <> 'sold'");
      const sql = `${SELECT_WITH_SELLER} WHERE ${where.join(' AND ')} ORDER BY l.bumped_at DESC, l.id DESC LIMIT @limit`;
      // One prepared statement per query shape, kept: the shapes are few.
      let statement = searchStatements.get(sql);
      if (!statement) searchStatements.set(sql, (statement = db.prepare(sql)));
      return (statement.all(params) as ListingRow[]).map(toListing);
    },
    /** Most recently bumped (or created) visible listings across `places`, at or before `before`. */
    newestIn(places: string[], before: number, limit: number): Listing[] {
      const rows: ListingRow[] = [];
      for (const place of places) rows.push(...(placeNewest.all({ place, before, limit }) as ListingRow[]));
      return rows
        .sort((a, b) => b.bumped_at - a.bumped_at || (a.id < b.id ? 1 : -1))
        .slice(0, limit)
        .map(toListing);
    },
    countLive: () => countLive.get() as number,
    anyLive: () => anyLive.get() === 1,
    latestChangeIn: (places: string[]) => latestChangeIn.get(JSON.stringify(places)) as number,
  };
}
