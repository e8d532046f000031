// Listings, their likes and views, and the queries pull and search page over.
import type { Change, Listing, ListingEditable, ListingPhoto } from '@dongne/shared';

export interface NewListing {
  id: string;
  sellerId: string;
  title: string;
  description: string;
  priceKrw: number;
  category: string;
  neighbourhood: string;
  neighbourhoodId: string;
  acceptsOffers?: boolean;
  meetingSpot?: string;
  photos?: ListingPhoto[];
  createdAt: number;
  changeSeq: number;
}

/** The facts actions on a listing are judged by. */
export interface ListingOwnership {
  sellerId: string;
  /** Its title, kept when it is deleted too: a conversation about it goes on, and its notifications name it. */
  title: string;
  /** Where it is listed: changes to it are news for this area. */
  neighbourhoodId: string;
  deleted: boolean;
  hidden: boolean;
  createdAt: number;
  lastBumpedAt: number | null;
}

export type ListingChangeRow =
  | { changeSeq: number; deleted: false; listing: Listing }
  | { changeSeq: number; deleted: true; id: string };

export interface SearchFilters {
  category?: string;
  minPrice?: number;
  maxPrice?: number;
  hideSold?: boolean;
}

export interface ListingsRepo {
  /** Inserts a listing unless its id exists; false when it did. */
  insert(listing: NewListing): Promise<boolean>;
  /** Undefined if no listing ever had this id (deleted ones included). */
  ownerOf(id: string): Promise<ListingOwnership | undefined>;
  /** The listing as `viewerId` may see it now, or a tombstone (also for an id no listing has). */
  changeFor(id: string, viewerId: string): Promise<Change>;
  update(id: string, content: ListingEditable, at: number, changeSeq: number): Promise<void>;
  setHidden(id: string, hidden: boolean, at: number, changeSeq: number): Promise<void>;
  bump(id: string, at: number, changeSeq: number): Promise<void>;
  setStatus(id: string, status: string, at: number, changeSeq: number): Promise<void>;
  markDeleted(id: string, at: number, changeSeq: number): Promise<void>;
  /** The ids of a seller's listings not deleted (hidden ones included). */
  liveIdsBySeller(sellerId: string): Promise<string[]>;
  /** Adds or removes `actorId`'s like; true when that changed anything. */
  setLiked(actorId: string, id: string, liked: boolean, at: number): Promise<boolean>;
  /** Sets the listing's like count from its likes, as a change numbered `changeSeq`. */
  recountLikes(id: string, changeSeq: number): Promise<void>;
  /** The listings `actorId` has liked that they may see in `places` (or sell), most recent first. */
  likedBy(actorId: string, places: string[], limit: number): Promise<string[]>;
  /** Counts one view per viewer per day; no change number (a view never re-sends the listing). */
  recordView(id: string, viewer: string, day: number): Promise<void>;
  forgetViewersBefore(day: number): Promise<void>;
  countsOf(id: string): Promise<{ viewCount: number; likeCount: number } | undefined>;
  /** A live listing (hidden ones included); undefined if deleted or unknown. */
  byId(id: string): Promise<Listing | undefined>;
  /**
   * Changes after `cursor` to listings in any of `places` or sold by `sellerId`, oldest first, at
   * most `limit`; what `sellerId` may not see comes as a tombstone.
   */
  changesSinceIn(places: string[], sellerId: string | undefined, cursor: number, limit: number): Promise<ListingChangeRow[]>;
  /**
   * The highest change number of any listing in `places` (0 if none): every change to a listing
   * there takes a new, higher one, so this moves exactly when what a visitor pulls there does.
   */
  latestChangeIn(places: string[]): Promise<number>;
  /** Visible listings in `places` whose title or description holds every word, newest first. */
  search(words: string[], places: string[], filters: SearchFilters, limit: number): Promise<Listing[]>;
  countLive(): Promise<number>;
  /** Every listing in the neighbourhood (deleted ones too): those a retired place's move must carry. */
  idsIn(neighbourhoodId: string): Promise<string[]>;
  /** Moves the listing to another neighbourhood (and its shown place name), as a change numbered `changeSeq`. */
  moveTo(id: string, neighbourhoodId: string, neighbourhood: string, changeSeq: number): Promise<void>;
  /** Whether any listing is live: stops at the first, where countLive reads them all. */
  anyLive(): Promise<boolean>;
}
