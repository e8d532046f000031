// Listings and the queries pull pages over.
import type { Listing } from '@dongne/shared';
import type { Db } from './database.js';

interface ListingRow {
  id: string;
  seller_id: string;
  seller_name: string;
  title: string;
  description: string;
  price_krw: number;
  category: string;
  neighbourhood: string;
  neighbourhood_id: string | null;
  status: string;
  created_at: number;
  updated_at: number;
  deleted_at: number | null;
  change_seq: number;
}

export type ListingChangeRow =
  | { changeSeq: number; deleted: false; listing: Listing }
  | { changeSeq: number; deleted: true; id: string };

function toListing(row: ListingRow): Listing {
  return {
    id: row.id,
    sellerId: row.seller_id,
    sellerName: row.seller_name,
    title: row.title,
    description: row.description,
    priceKrw: row.price_krw,
    category: row.category as Listing['category'],
    neighbourhood: row.neighbourhood,
    neighbourhoodId: row.neighbourhood_id ?? '',
    status: row.status as Listing['status'],
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

const SELECT_WITH_SELLER = `
  SELECT l.*, a.nickname AS seller_name
  FROM listings l JOIN actors a ON a.id = l.seller_id`;

export function createListingsStore(db: Db) {
  const insert = db.prepare(`
    INSERT INTO listings (id, seller_id, title, description, price_krw, category, neighbourhood, neighbourhood_id,
                          status, created_at, updated_at, change_seq)
    VALUES (@id, @sellerId, @title, @description, @priceKrw, @category, @neighbourhood, @neighbourhoodId,
            'selling', @createdAt, @createdAt, @changeSeq)
    ON CONFLICT (id) DO NOTHING`);
  const ownerOf = db.prepare('SELECT seller_id AS sellerId, deleted_at AS deletedAt FROM listings WHERE id = ?');
  const byId = db.prepare(`${SELECT_WITH_SELLER} WHERE l.id = ? AND l.deleted_at IS NULL`);
  const setStatus = db.prepare(
    'UPDATE listings SET status = @status, updated_at = @at, change_seq = @changeSeq WHERE id = @id',
  );
  const markDeleted = db.prepare(
    'UPDATE listings SET deleted_at = @at, updated_at = @at, change_seq = @changeSeq WHERE id = @id',
  );
  const changesSince = db.prepare(`${SELECT_WITH_SELLER} WHERE l.change_seq > ? ORDER BY l.change_seq LIMIT ?`);
  const countLive = db.prepare('SELECT count(*) FROM listings WHERE deleted_at IS NULL').pluck();
  const placeChanges = db.prepare(`${SELECT_WITH_SELLER} WHERE l.neighbourhood_id = ? AND l.change_seq > ? ORDER BY l.change_seq LIMIT ?`);
  const sellerChanges = db.prepare(`${SELECT_WITH_SELLER} WHERE l.seller_id = ? AND l.change_seq > ? ORDER BY l.change_seq LIMIT ?`);
  const placeNewest = db.prepare(`${SELECT_WITH_SELLER}
    WHERE l.neighbourhood_id = @place AND l.deleted_at IS NULL AND l.created_at <= @before
    ORDER BY l.created_at DESC LIMIT @limit`);

  const toChange = (row: ListingRow): ListingChangeRow =>
    row.deleted_at === null
      ? { changeSeq: row.change_seq, deleted: false, listing: toListing(row) }
      : { changeSeq: row.change_seq, deleted: true, id: row.id };

  return {
    insert(listing: {
      id: string;
      sellerId: string;
      title: string;
      description: string;
      priceKrw: number;
      category: string;
      neighbourhood: string;
      neighbourhoodId: string;
      createdAt: number;
      changeSeq: number;
    }): boolean {
      return insert.run(listing).changes === 1;
    },
    ownerOf: (id: string) => ownerOf.get(id) as { sellerId: string; deletedAt: number | null } | undefined,
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
    changesSince(cursor: number, limit: number): ListingChangeRow[] {
      return (changesSince.all(cursor, limit) as ListingRow[]).map(toChange);
    },
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
        .map(toChange);
    },
    /** Newest live listings across `places`, created at or before `before`; the online feed. */
    newestIn(places: string[], before: number, limit: number): Listing[] {
      const rows: ListingRow[] = [];
      for (const place of places) rows.push(...(placeNewest.all({ place, before, limit }) as ListingRow[]));
      return rows
        .sort((a, b) => b.created_at - a.created_at || (a.id < b.id ? 1 : -1))
        .slice(0, limit)
        .map(toListing);
    },
    countLive: () => countLive.get() as number,
  };
}
export type ListingsStore = ReturnType<typeof createListingsStore>;
