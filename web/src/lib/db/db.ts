// The local replica in IndexedDB: listings this device has seen, the user's drafts, the outbox of
// mutations not yet confirmed by the server, and small sync bookkeeping in `meta`.
import Dexie, { type EntityTable } from 'dexie';
import type { CategoryId, Listing, Mutation, MutationName, Neighbourhood } from '@dongne/shared';

export type LocalListing = Listing;

export interface Draft {
  id: string;
  title: string;
  /** Kept as typed, so a half-written price survives a reload. */
  price: string;
  category: CategoryId | '';
  description: string;
  createdAt: number;
  updatedAt: number;
  /** Set when the server refused to publish it; the draft is kept so nothing is lost. */
  rejection?: { code: string; message: string; at: number };
}

export interface OutboxEntry {
  seq: number;
  mutationId: string;
  name: MutationName;
  args: unknown;
  createdAt: number;
  /** The listing the mutation is about, so screens can mark it "waiting to sync". */
  entityId: string;
  fix?: Mutation['fix'];
}

/** A neighbourhood this device has seen; `neighbours` (ids per range level) once it was looked up. */
export interface LocalNeighbourhood extends Neighbourhood {
  neighbours?: Record<string, string[]>;
}

export interface MetaRow {
  key: string;
  value: unknown;
}

export class DongneDb extends Dexie {
  listings!: EntityTable<LocalListing, 'id'>;
  drafts!: EntityTable<Draft, 'id'>;
  outbox!: EntityTable<OutboxEntry, 'seq'>;
  meta!: EntityTable<MetaRow, 'key'>;
  neighbourhoods!: EntityTable<LocalNeighbourhood, 'id'>;

  constructor(name = 'dongne') {
    super(name);
    this.version(1).stores({
      listings: 'id, createdAt, sellerId',
      drafts: 'id, updatedAt',
      outbox: 'seq, &mutationId, entityId',
      meta: 'key',
    });
    // Neighbourhoods: listings carry the place they are in, and the feed filters by range offline.
    this.version(2).stores({
      listings: 'id, createdAt, sellerId, neighbourhoodId',
      neighbourhoods: 'id, nameEn',
    });
  }
}

export const db = new DongneDb();
