// The local replica in IndexedDB: listings this device has seen, the user's drafts, the outbox of
// mutations not yet confirmed by the server, the person's conversations and their messages, the
// people they trade with, their notifications, and small sync bookkeeping in `meta`.
import Dexie, { type EntityTable, type Table } from 'dexie';
import type { AdEvent, BoardComment, BoardPost, BoardTopic, Business, BusinessDetails, BusinessPost, BusinessReview, Campaign, CategoryId, ChatMessage, Conversation, Listing, ListingPhoto, MultiPolygonCoords, Mutation, MutationName, Neighbourhood, Notification } from '@dongne/shared';

export type LocalListing = Listing;

export interface Draft {
  id: string;
  title: string;
  /** Kept as typed, so a half-written price survives a reload. */
  price: string;
  category: CategoryId | '';
  description: string;
  acceptsOffers: boolean;
  meetingSpot: string;
  photos: ListingPhoto[];
  /**
   * The draft as a Yjs document (Y.encodeStateAsUpdate), the source of truth: edits from this
   * person's other devices merge into it. The plain fields above are read from it on every save.
   * Absent until the draft is first edited.
   */
  doc?: Uint8Array;
  /** Published and waiting for the server's answer: hidden, and deleted once it accepts. */
  publishing?: boolean;
  createdAt: number;
  updatedAt: number;
  /** The account that wrote it ('' while signed out); other accounts on this device never see it. */
  ownerId: string;
  /** Set when the server refused to publish it; the draft is kept so nothing is lost. */
  rejection?: { code: string; message: string; at: number };
  /** The server refused to start keeping this draft (a daily limit): the next edit sends it whole. */
  serverLacks?: boolean;
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
  /** The account that made the change ('' while signed out): only that account ever pushes it. */
  ownerId: string;
  /**
   * The number it carries on the wire, given when it is first sent: the server takes a device's
   * mutations only in an unbroken run of numbers, so numbers go to what is actually sent, in order.
   */
  wire?: { clientId: string; seq: number };
}

/** A neighbourhood this device has seen; `neighbours` (ids per range level) once it was looked up. */
export interface LocalNeighbourhood extends Neighbourhood {
  neighbours?: Record<string, string[]>;
  /** Its boundary, from the detail (the editor's offline location check); absent on older copies. */
  radiusM?: number | null;
  polygons?: MultiPolygonCoords | null;
}

/** A photo resized on this device; `uploaded` is 1 once the server has the bytes. */
export interface LocalPhoto {
  hash: string;
  blob: Blob;
  type: string;
  width: number;
  height: number;
  uploaded: 0 | 1;
  /** The account that added it ('' while signed out): only that account uploads it. */
  ownerId: string;
  createdAt: number;
}

/**
 * A conversation as this device shows it: the server's row with this person's unconfirmed changes
 * applied on top, and the server's row itself in `base`, which a refused change falls back to.
 */
export interface LocalConversation extends Conversation {
  /** The row as last pulled; absent while the conversation exists on this device only. */
  base?: Conversation;
}

/**
 * A message. One the server has not numbered yet has `n` 0 and sorts after the numbered ones, by
 * createdAt. A refused one keeps its text and says why in `failed`.
 */
export interface LocalMessage extends ChatMessage {
  failed?: { code: string; message: string; at: number };
}

/** What this device last heard about someone: from a conversation or their fetched profile. */
export interface Person {
  id: string;
  nickname: string;
  mannerTemperature: number;
  /** From their profile, when it was last fetched: the listing page's seller row shows them offline. */
  verificationCount?: number;
  photoUrl?: string | null;
  updatedAt: number;
}

/**
 * A board post as this device shows it: the server's row with this person's unconfirmed edit on
 * top, and the server's row itself in `base`, which a refused edit falls back to.
 */
export interface LocalPost extends BoardPost {
  /** Written on this device and not yet pulled back from the server. */
  local?: true;
  base?: BoardPost;
  /** Deleted here, waiting for the server: hidden, and back if the server refuses. */
  deletedHere?: boolean;
}

/** A business profile as this device shows it: the area's, the person's own (one opened here shows at once). */
export interface LocalBusiness extends Business {
  /** Opened on this device and not yet pulled back from the server. */
  local?: true;
  /** The server refused it: kept, with why, until the person lets it go or tries again. */
  failed?: { code: string; message: string };
  /** The details as the server holds them, while an edit made here waits to sync. */
  base?: BusinessDetails;
}

/** A business's news or coupon: the area's, a followed business's, or the person's own. */
export interface LocalBusinessPost extends BusinessPost {
  /** Written on this device and not yet pulled back from the server. */
  local?: true;
  /** Deleted here, waiting for the server: hidden, and back if the server refuses. */
  deletedHere?: boolean;
}

/** A review of a business; the person's own shows at once, over the one the server holds (`base`). */
export interface LocalBusinessReview extends BusinessReview {
  local?: true;
  /** The server's review by the same person, which this one replaces once it syncs. */
  base?: BusinessReview;
}

/** A campaign this device may show as an ad (its target covers the area), or one of the person's own. */
export interface LocalCampaign extends Campaign {
  /** Created on this device and not yet pulled back from the server. */
  local?: true;
  /** The server refused it: kept, with why, until the person lets it go or tries again. */
  failed?: { code: string; message: string };
  /** Ended here, waiting for the server: shown nowhere, and back if the server refuses. */
  ending?: true;
}

/**
 * An ad impression or click this device counted. Kept beside its outbox entry (which may be sent
 * and gone) so the feed knows how often this person saw each ad today, offline too.
 */
export interface LocalAdEvent extends AdEvent {
  /** Whose event it is: the account signed in when it was counted ('' while signed out). */
  viewerId: string;
  /** The Asia/Seoul day of `at`, the day the per-person cap counts in. */
  day: string;
}

/** A comment as this device shows it; one the server refused keeps its words and says why in `failed`. */
export interface LocalComment extends BoardComment {
  /** Written on this device and not yet pulled back from the server. */
  local?: true;
  base?: BoardComment;
  deletedHere?: boolean;
  failed?: { code: string; message: string; at: number };
}

/**
 * A board post being written (or one the server refused to publish, with why): kept on this device
 * so nothing typed is lost, until it is published.
 */
export interface BoardDraft {
  id: string;
  ownerId: string;
  neighbourhoodId: string;
  topic: BoardTopic | '';
  text: string;
  photos: ListingPhoto[];
  createdAt: number;
  updatedAt: number;
  rejection?: { code: string; message: string; at: number };
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
  photos!: EntityTable<LocalPhoto, 'hash'>;
  conversations!: EntityTable<LocalConversation, 'id'>;
  messages!: EntityTable<LocalMessage, 'id'>;
  people!: EntityTable<Person, 'id'>;
  notifications!: EntityTable<Notification, 'id'>;
  posts!: EntityTable<LocalPost, 'id'>;
  comments!: EntityTable<LocalComment, 'id'>;
  boardDrafts!: EntityTable<BoardDraft, 'id'>;
  businesses!: EntityTable<LocalBusiness, 'id'>;
  campaigns!: EntityTable<LocalCampaign, 'id'>;
  businessPosts!: EntityTable<LocalBusinessPost, 'id'>;
  businessReviews!: EntityTable<LocalBusinessReview, 'id'>;
  adEvents!: EntityTable<LocalAdEvent, 'id'>;

  constructor(name = 'dongne') {
    // No query cache: with it, a liveQuery over the outbox kept showing an entry deleted by a push.
    super(name, { cache: 'disabled' });
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
    // Accounts: private data belongs to whoever wrote it. Earlier work is adopted at next sign-in.
    this.version(3)
      .stores({ drafts: 'id, updatedAt, ownerId', outbox: 'seq, &mutationId, entityId, ownerId' })
      .upgrade(async (tx) => {
        await tx.table('drafts').toCollection().modify({ ownerId: '' });
        await tx.table('outbox').toCollection().modify({ ownerId: '' });
      });
    // Listings: the feed reads newest-bumped first per place. Photos as Blobs. Drafts become Yjs
    // documents; a draft from before has no `doc` and gets one when it is next opened.
    this.version(4).stores({
      listings: 'id, createdAt, sellerId, neighbourhoodId, bumpedAt, [neighbourhoodId+bumpedAt]',
      photos: 'hash, [ownerId+uploaded]',
    })
      .upgrade(async (tx) => {
        await tx.table('listings').toCollection().modify((l) => {
          l.bumpedAt ??= l.createdAt;
          l.hidden ??= false;
          l.editedAt ??= null;
          l.likeCount ??= 0;
          l.viewCount ??= 0;
          l.acceptsOffers ??= false;
          l.meetingSpot ??= '';
          l.photos ??= [];
        });
      });
    // Bumps are recorded on the listing (lastBumpedAt). Outbox entries sent before wire numbers
    // existed went out under their own seq: they keep it, so a retry is still recognised.
    this.version(5).upgrade(async (tx) => {
      await tx.table('listings').toCollection().modify((l) => {
        l.lastBumpedAt ??= l.bumpedAt > l.createdAt ? l.bumpedAt : null;
      });
      const clientIds = ((await tx.table('meta').get('clientIds'))?.value ?? {}) as Record<string, string>;
      const sentSeqs: Record<string, number> = {};
      await tx.table('outbox').toCollection().modify((entry: OutboxEntry) => {
        const clientId = clientIds[entry.ownerId];
        if (!clientId || entry.wire) return;
        entry.wire = { clientId, seq: entry.seq };
        sentSeqs[clientId] = Math.max(sentSeqs[clientId] ?? 0, entry.seq);
      });
      await tx.table('meta').put({ key: 'sentSeqs', value: sentSeqs });
    });
    // Trading: the person's conversations (the Chats tab reads them newest first and per listing),
    // their messages in conversation order, and the people they trade with. New tables only: the
    // first pull after the upgrade brings every conversation from the server.
    this.version(6).stores({
      conversations: 'id, updatedAt, listingId',
      messages: 'id, [conversationId+n], conversationId',
      people: 'id',
    });
    // The inbox (알림): the person's notifications, newest first. New table only: the first pull after
    // the upgrade brings them.
    this.version(7).stores({ notifications: 'id, createdAt' });
    // The neighbourhood board (동네생활): posts newest first per place, comments per post, drafts.
    // The pull brought posts before this version knew them (and left them out), so its cursor is
    // forgotten: the next pull starts from the beginning and brings them.
    this.version(8)
      .stores({
        posts: 'id, createdAt, authorId, [neighbourhoodId+createdAt]',
        comments: 'id, [postId+createdAt], authorId',
        boardDrafts: 'id, updatedAt, ownerId',
      })
      .upgrade(async (tx) => {
        await tx.table('meta').delete('cursor');
      });
    // Local businesses (비즈프로필) and the campaigns the feed may show as ads, chosen on the device so
    // ads show offline. The pull brought them before this version knew them: its cursor is forgotten.
    this.version(9)
      .stores({
        businesses: 'id, ownerId, neighbourhoodId, createdAt',
        campaigns: 'id, businessId, ownerId',
      })
      .upgrade(async (tx) => {
        await tx.table('meta').delete('cursor');
      });
    // A business's life: its posts (newest first per business, and the area's), and its reviews per
    // business. Businesses pulled before carry no details or counts, and posts and reviews went by
    // unread: the cursor is forgotten, so the next pull brings them all again.
    this.version(10)
      .stores({
        businessPosts: 'id, [businessId+createdAt], createdAt, ownerId',
        businessReviews: 'id, [businessId+createdAt], authorId',
      })
      .upgrade(async (tx) => {
        await tx.table('meta').delete('cursor');
      });
    // Ad impressions and clicks counted here: by viewer (and day, for the per-person cap), by time so
    // old days are let go.
    this.version(11).stores({ adEvents: 'id, viewerId, [viewerId+day], at' });
  }

  /**
   * Every table a mutation's optimistic change may write. A transaction that enqueues a mutation
   * or rebases the outbox covers them all: re-applying one touches whatever its kind touches.
   */
  get replicaTables(): Table[] {
    return [
      this.outbox,
      this.meta,
      this.listings,
      this.neighbourhoods,
      this.drafts,
      this.conversations,
      this.messages,
      this.people,
      this.notifications,
      this.posts,
      this.comments,
      this.boardDrafts,
      this.businesses,
      this.campaigns,
      this.businessPosts,
      this.businessReviews,
    ];
  }
}

export const db = new DongneDb();
