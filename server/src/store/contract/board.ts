// The neighbourhood board: posts with their reactions (공감), and comments with one level of replies;
// the queries pull and search page over. Who may see what is decided here once (isPostVisibleTo),
// for the store's rows and the services' checks alike.
import type { BoardComment, BoardPost, BoardPostContent, BoardTopic } from '@dongne/shared';

export interface NewBoardPost extends BoardPostContent {
  id: string;
  authorId: string;
  neighbourhoodId: string;
  /** The place's display name, as listings keep theirs. */
  neighbourhood: string;
  createdAt: number;
  changeSeq: number;
}

/** The facts actions on a post are judged by. */
export interface BoardPostFacts {
  authorId: string;
  neighbourhoodId: string;
  text: string;
  deleted: boolean;
  underReview: boolean;
}

/** A deleted post is gone for everyone; one hidden by reports is still its author's. */
export function isPostVisibleTo(post: Pick<BoardPostFacts, 'authorId' | 'deleted' | 'underReview'>, viewerId: string | undefined): boolean {
  return !post.deleted && (!post.underReview || post.authorId === viewerId);
}

export interface NewBoardComment {
  id: string;
  postId: string;
  parentId: string | null;
  authorId: string;
  text: string;
  createdAt: number;
  changeSeq: number;
}

/** The facts actions on a comment are judged by. */
export interface BoardCommentFacts {
  postId: string;
  parentId: string | null;
  authorId: string;
  deleted: boolean;
  underReview: boolean;
}

export type BoardPostChangeRow = { changeSeq: number; deleted: false; post: BoardPost } | { changeSeq: number; deleted: true; id: string };
export type BoardCommentChangeRow = { changeSeq: number; deleted: false; comment: BoardComment } | { changeSeq: number; deleted: true; id: string };

export interface BoardPostsRepo {
  /** Inserts a post unless its id exists; false when it did. */
  insert(post: NewBoardPost): Promise<boolean>;
  /** Undefined if no post ever had this id (deleted ones included). */
  factsOf(id: string): Promise<BoardPostFacts | undefined>;
  /** The post as it stands (deleted and hidden ones too, as the store keeps them); for tests and checks. */
  byId(id: string): Promise<BoardPost | undefined>;
  /** The author's edit: sets editedAt. */
  update(id: string, content: BoardPostContent, at: number, changeSeq: number): Promise<void>;
  markDeleted(id: string, at: number, changeSeq: number): Promise<void>;
  /** Hides the post from everyone but its author until it is reviewed. */
  markUnderReview(id: string, at: number, changeSeq: number): Promise<void>;
  /** Adds or removes `actorId`'s reaction; true when that changed anything. */
  setReacted(actorId: string, postId: string, reacted: boolean, at: number): Promise<boolean>;
  /**
   * Records that the post's author is being told of `actorId`'s 공감; false when they were told
   * before (a 공감 taken back and given again is not told twice).
   */
  firstReactionNotice(actorId: string, postId: string): Promise<boolean>;
  /** Forgets whose 공감 was told, for `actorId` (their account is being deleted). */
  forgetReactionNotices(actorId: string): Promise<void>;
  /** Sets the post's reaction count from its reactions, as a change numbered `changeSeq`. */
  recountReactions(postId: string, changeSeq: number): Promise<void>;
  /** Sets the post's comment count from its comments and replies not deleted, as a change numbered `changeSeq`. */
  recountComments(postId: string, changeSeq: number): Promise<void>;
  /** The posts `actorId` reacted to that they pull (in `places`, or their own), most recent reaction first. */
  reactedBy(actorId: string, places: string[], limit: number): Promise<string[]>;
  /** Every post `actorId` reacted to, wherever it is (their account is being deleted). */
  allReactedBy(actorId: string): Promise<string[]>;
  /** The ids of an author's posts not deleted. */
  liveIdsByAuthor(authorId: string): Promise<string[]>;
  /**
   * Changes after `cursor` to posts in any of `places` or written by `viewerId`, oldest first, at
   * most `limit`; what `viewerId` may not see comes as a tombstone.
   */
  changesSinceIn(places: string[], viewerId: string | undefined, cursor: number, limit: number): Promise<BoardPostChangeRow[]>;
  /** The highest change number of any post in `places` (0 if none): see ListingsRepo.latestChangeIn. */
  latestChangeIn(places: string[]): Promise<number>;
  /**
   * Posts in `places` anyone there may see (not deleted, not under review) whose text holds every
   * word, of `topic` if given, newest first.
   */
  search(words: string[], places: string[], topic: BoardTopic | undefined, limit: number): Promise<BoardPost[]>;
}

export interface BoardCommentsRepo {
  /** Inserts a comment unless its id exists; false when it did. The post's place and author come from the post. */
  insert(comment: NewBoardComment): Promise<boolean>;
  /** Undefined if no comment ever had this id (deleted ones included). */
  factsOf(id: string): Promise<BoardCommentFacts | undefined>;
  /** The comment as `viewerId` may see it now; undefined if no comment has this id. */
  byId(id: string, viewerId: string | undefined): Promise<BoardComment | undefined>;
  /** The author's edit: sets editedAt. */
  update(id: string, text: string, at: number, changeSeq: number): Promise<void>;
  /** Keeps the row (its replies keep their place) with its text emptied. */
  markDeleted(id: string, at: number, changeSeq: number): Promise<void>;
  markUnderReview(id: string, changeSeq: number): Promise<void>;
  /** The ids of the post's comments, deleted ones too, oldest first. */
  idsOnPost(postId: string): Promise<string[]>;
  /** Gives the comment a new change number, so devices pull it again (its post was deleted or hidden). */
  renumber(id: string, changeSeq: number): Promise<void>;
  /** The ids of an author's comments not deleted. */
  liveIdsByAuthor(authorId: string): Promise<string[]>;
  /**
   * Changes after `cursor` to comments on posts in any of `places` or written by `viewerId`, oldest
   * first, at most `limit`, as `viewerId` may see each: on a post they may not see, a tombstone.
   */
  changesSinceIn(places: string[], viewerId: string | undefined, cursor: number, limit: number): Promise<BoardCommentChangeRow[]>;
  /** The highest change number of any comment on a post in `places` (0 if none). */
  latestChangeIn(places: string[]): Promise<number>;
}

export interface BoardRepos {
  boardPosts: BoardPostsRepo;
  boardComments: BoardCommentsRepo;
}
