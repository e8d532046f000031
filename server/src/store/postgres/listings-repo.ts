// Listings on PostgreSQL: the same answers as the SQLite engine's listings store.
import type { Change, ListingEditable } from '@dongne/shared';
import type { ListingOwnership, ListingsRepo, NewListing, SearchFilters } from '../contract/listings.js';
import { toChange, toListing, type ListingRow } from '../listing-row.js';
import { changed, row, rows, type Queryable } from './queryable.js';

const SELECT_WITH_SELLER = 'SELECT l.*, a.nickname AS seller_name FROM listings l JOIN actors a ON a.id = l.seller_id';
/** The text search looks in: title and description, lower-cased (the trigram index is over this). */
const TEXT = `lower(l.title || E'\\n' || l.description)`;
const likePattern = (word: string) => `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export function createListingsRepo(db: Queryable): ListingsRepo {
  return {
    async insert(listing: NewListing) {
      const { acceptsOffers = false, meetingSpot = '', photos = [] } = listing;
      return (
        (await changed(
          db,
          `INSERT INTO listings (id, seller_id, title, description, price_krw, category, neighbourhood, neighbourhood_id,
             accepts_offers, meeting_spot, photos, status, created_at, updated_at, bumped_at, change_seq)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 'selling', $12, $12, $12, $13)
           ON CONFLICT (id) DO NOTHING`,
          [listing.id, listing.sellerId, listing.title, listing.description, listing.priceKrw, listing.category, listing.neighbourhood, listing.neighbourhoodId,
            acceptsOffers, meetingSpot, JSON.stringify(photos), listing.createdAt, listing.changeSeq],
        )) === 1
      );
    },
    async ownerOf(id): Promise<ListingOwnership | undefined> {
      const r = await row<{ seller_id: string; title: string; neighbourhood_id: string; deleted_at: number | null; created_at: number; last_bumped_at: number | null; hidden: boolean }>(
        db,
        'SELECT seller_id, title, neighbourhood_id, deleted_at, created_at, last_bumped_at, hidden FROM listings WHERE id = $1',
        [id],
      );
      return r && { sellerId: r.seller_id, title: r.title, neighbourhoodId: r.neighbourhood_id, deleted: r.deleted_at !== null, hidden: r.hidden, createdAt: r.created_at, lastBumpedAt: r.last_bumped_at };
    },
    async changeFor(id, viewerId): Promise<Change> {
      const r = await row<ListingRow>(db, `${SELECT_WITH_SELLER} WHERE l.id = $1`, [id]);
      const change = r ? toChange(r, viewerId) : undefined;
      return change && !change.deleted ? { op: 'upsert', entity: 'listing', row: change.listing } : { op: 'delete', entity: 'listing', id };
    },
    async update(id, content: ListingEditable, at, changeSeq) {
      await db.query(
        `UPDATE listings SET title = $2, description = $3, price_krw = $4, category = $5, accepts_offers = $6, meeting_spot = $7,
           photos = $8, edited_at = $9, updated_at = $9, change_seq = $10 WHERE id = $1`,
        [id, content.title, content.description, content.priceKrw, content.category, content.acceptsOffers, content.meetingSpot, JSON.stringify(content.photos), at, changeSeq],
      );
    },
    async idsIn(neighbourhoodId) {
      return (await rows<{ id: string }>(db, 'SELECT id FROM listings WHERE neighbourhood_id = $1 ORDER BY id', [neighbourhoodId])).map((r) => r.id);
    },
    async moveTo(id, neighbourhoodId, neighbourhood, changeSeq) {
      await db.query('UPDATE listings SET neighbourhood_id = $2, neighbourhood = $3, change_seq = $4 WHERE id = $1', [id, neighbourhoodId, neighbourhood, changeSeq]);
    },
    async setHidden(id, hidden, at, changeSeq) {
      await db.query('UPDATE listings SET hidden = $2, updated_at = $3, change_seq = $4 WHERE id = $1', [id, hidden, at, changeSeq]);
    },
    async bump(id, at, changeSeq) {
      await db.query('UPDATE listings SET bumped_at = $2, last_bumped_at = $2, updated_at = $2, change_seq = $3 WHERE id = $1', [id, at, changeSeq]);
    },
    async setStatus(id, status, at, changeSeq) {
      await db.query('UPDATE listings SET status = $2, updated_at = $3, change_seq = $4 WHERE id = $1', [id, status, at, changeSeq]);
    },
    async markDeleted(id, at, changeSeq) {
      await db.query('UPDATE listings SET deleted_at = $2, updated_at = $2, change_seq = $3 WHERE id = $1', [id, at, changeSeq]);
    },
    liveIdsBySeller: async (sellerId) => (await rows<{ id: string }>(db, 'SELECT id FROM listings WHERE seller_id = $1 AND deleted_at IS NULL', [sellerId])).map((r) => r.id),
    async setLiked(actorId, id, liked, at) {
      return liked
        ? (await changed(db, 'INSERT INTO likes (actor_id, listing_id, created_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [actorId, id, at])) > 0
        : (await changed(db, 'DELETE FROM likes WHERE actor_id = $1 AND listing_id = $2', [actorId, id])) > 0;
    },
    async recountLikes(id, changeSeq) {
      await db.query('UPDATE listings SET like_count = (SELECT count(*) FROM likes WHERE listing_id = $1), change_seq = $2 WHERE id = $1', [id, changeSeq]);
    },
    async likedBy(actorId, places, limit) {
      const found = await rows<{ listing_id: string }>(
        db,
        `SELECT k.listing_id FROM likes k JOIN listings l ON l.id = k.listing_id
         WHERE k.actor_id = $1 AND l.deleted_at IS NULL
           AND (l.seller_id = $1 OR (NOT l.hidden AND l.neighbourhood_id = ANY($2::text[])))
         ORDER BY k.created_at DESC LIMIT $3`,
        [actorId, places, limit],
      );
      return found.map((r) => r.listing_id);
    },
    async recordView(id, viewer, day) {
      const added = await changed(db, 'INSERT INTO listing_views (listing_id, viewer, day) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [id, viewer, day]);
      if (added) await db.query('UPDATE listings SET view_count = view_count + 1 WHERE id = $1', [id]);
    },
    async forgetViewersBefore(day) {
      await db.query('DELETE FROM listing_views WHERE day < $1', [day]);
    },
    async countsOf(id) {
      const r = await row<{ view_count: number; like_count: number }>(db, 'SELECT view_count, like_count FROM listings WHERE id = $1 AND deleted_at IS NULL', [id]);
      return r && { viewCount: r.view_count, likeCount: r.like_count };
    },
    async byId(id) {
      const r = await row<ListingRow>(db, `${SELECT_WITH_SELLER} WHERE l.id = $1 AND l.deleted_at IS NULL`, [id]);
      return r && toListing(r);
    },
    async changesSinceIn(places, sellerId, cursor, limit) {
      // One index range scan per place (and one for the seller), each stopping after `limit` rows,
      // merged: the cost follows the page size, not the size of the table.
      const found = await rows<ListingRow>(
        db,
        `SELECT l.*, a.nickname AS seller_name FROM (
           SELECT page.* FROM unnest($1::text[]) AS place(id)
           CROSS JOIN LATERAL (SELECT * FROM listings WHERE neighbourhood_id = place.id AND change_seq > $3 ORDER BY change_seq LIMIT $4) page
           UNION
           SELECT * FROM (SELECT * FROM listings WHERE seller_id = $2 AND change_seq > $3 ORDER BY change_seq LIMIT $4) own
         ) l JOIN actors a ON a.id = l.seller_id
         ORDER BY l.change_seq LIMIT $4`,
        [places, sellerId ?? null, cursor, limit],
      );
      return found.map((r) => toChange(r, sellerId));
    },
    async search(words: string[], places: string[], filters: SearchFilters, limit: number) {
      const values: unknown[] = [places, limit];
      const where = ['l.deleted_at IS NULL', 'NOT l.hidden', 'l.neighbourhood_id = ANY($1::text[])'];
      const param = (value: unknown) => `$${values.push(value)}`;
      for (const word of words) where.push(`${TEXT} LIKE ${param(likePattern(word))}`);
      if (filters.category) where.push(`l.category = ${param(filters.category)}`);
      if (filters.minPrice !== undefined) where.push(`l.price_krw >= ${param(filters.minPrice)}`);
      if (filters.maxPrice !== undefined) where.push(`l.price_krw <= ${param(filters.maxPrice)}`);
      if (filters.hideSold) where.push("l.status <> 'sold'");
      const found = await rows<ListingRow>(db, `${SELECT_WITH_SELLER} WHERE ${where.join(' AND ')} ORDER BY l.bumped_at DESC, l.id DESC LIMIT $2`, values);
      return found.map(toListing);
    },
    async latestChangeIn(places) {
      // One backward index lookup per place (listings_by_place_change), however many listings it has.
      const r = await row<{ n: number }>(
        db,
        `SELECT coalesce(max((SELECT change_seq FROM listings WHERE neighbourhood_id = p.id ORDER BY change_seq DESC LIMIT 1)), 0) AS n
         FROM unnest($1::text[]) AS p(id)`,
        [places],
      );
      return Number(r!.n);
    },
    async anyLive() {
      return (await row<{ any: boolean }>(db, 'SELECT EXISTS (SELECT 1 FROM listings WHERE deleted_at IS NULL) AS any'))!.any;
    },
    async countLive() {
      return Number((await row<{ n: number }>(db, 'SELECT count(*)::int AS n FROM listings WHERE deleted_at IS NULL'))!.n);
    },
  };
}
