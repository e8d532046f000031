// Drafts as merged Yjs documents, which only their owner pulls.
export interface DraftRow {
  id: string;
  ownerId: string;
  state: Uint8Array;
  deletedAt: number | null;
}

export type DraftChangeRow =
  | { changeSeq: number; deleted: false; id: string; state: Uint8Array; updatedAt: number }
  | { changeSeq: number; deleted: true; id: string };

export interface DraftsRepo {
  byId(id: string): Promise<DraftRow | undefined>;
  /** Stores the merged document, creating the draft if new. */
  save(draft: { id: string; ownerId: string; state: Uint8Array; at: number; changeSeq: number }): Promise<void>;
  /** Tombstones a live draft (its document emptied); false when there was none to tombstone. */
  markDeleted(id: string, at: number, changeSeq: number): Promise<boolean>;
  /** The ids of an account's drafts not deleted. */
  liveIdsByOwner(ownerId: string): Promise<string[]>;
  changesSince(ownerId: string, cursor: number, limit: number): Promise<DraftChangeRow[]>;
}
