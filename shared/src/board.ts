// The neighbourhood board (동네생활): neighbours' posts by topic, with comments (one level of
// replies) and reactions (공감). A post is shown to people whose area covers its neighbourhood, as a
// listing is; only people verified in a neighbourhood post there. Posts and comments reach devices
// through the pull (entities 'post' and 'comment') and are read offline from IndexedDB.
import { z } from 'zod/mini';
import { idSchema } from './id.js';
import { listingPhotoSchema } from './media.js';
import { multiLineText, singleLineText } from './text.js';

/** Topic codes, in the order the board's chips show them. */
export const BOARD_TOPICS = ['question', 'daily', 'food', 'pets', 'lost_found', 'hobby', 'news'] as const;
export type BoardTopic = (typeof BOARD_TOPICS)[number];

export const BOARD_LIMITS = {
  textMax: 4000,
  commentMax: 1000,
  photosPerPost: 10,
  /** Posts one account may write in 24 hours. */
  postsPerDay: 30,
  /** Comments one account may write in 24 hours. */
  commentsPerDay: 300,
  /** Different neighbours' reports that hide a post or comment until it is reviewed. */
  hideAfterReports: 5,
  /** How much of a post a notification carries, so the inbox reads offline. */
  excerptMax: 60,
} as const;

export const boardTopicSchema = z.enum(BOARD_TOPICS, 'Choose a topic');

export const boardPostTextSchema = z.string('Write something').check(
  multiLineText(),
  z.trim(),
  z.minLength(1, 'Write something'),
  z.maxLength(BOARD_LIMITS.textMax, `Keep it under ${BOARD_LIMITS.textMax} characters`),
);

export const boardPhotosSchema = z.array(listingPhotoSchema).check(
  z.maxLength(BOARD_LIMITS.photosPerPost, `A post can have at most ${BOARD_LIMITS.photosPerPost} photos`),
);

/** What an author writes: shared by the post editor, board.post and board.update. */
export const boardPostContentSchema = z.object({
  topic: boardTopicSchema,
  text: boardPostTextSchema,
  photos: z._default(boardPhotosSchema, []),
});
export type BoardPostContent = z.infer<typeof boardPostContentSchema>;

export const boardCommentTextSchema = z.string('Write a comment').check(
  multiLineText(),
  z.trim(),
  z.minLength(1, 'Write a comment'),
  z.maxLength(BOARD_LIMITS.commentMax, `Keep a comment under ${BOARD_LIMITS.commentMax} characters`),
);

/**
 * A post as the pull carries it. As for listings, the device checks the shape it relies on, not
 * the text rules the server applied when it took the post.
 */
export const boardPostRowSchema = z.object({
  id: z.string(),
  authorId: z.string(),
  authorName: z.string(),
  neighbourhoodId: z.string(),
  /** Display name of the neighbourhood, e.g. "Pangyo-dong 판교동". */
  neighbourhood: z.string(),
  topic: z.enum(BOARD_TOPICS),
  text: z.string(),
  photos: z.array(listingPhotoSchema),
  /** Comments and replies not deleted. */
  commentCount: z.number(),
  reactionCount: z.number(),
  /** Hidden by neighbours' reports until reviewed: only its author still receives it, marked so. */
  underReview: z.boolean(),
  createdAt: z.number(),
  updatedAt: z.number(),
  /** Set by an edit; the post then shows "edited". */
  editedAt: z.nullable(z.number()),
});
export type BoardPost = z.infer<typeof boardPostRowSchema>;

export const boardCommentRowSchema = z.object({
  id: z.string(),
  postId: z.string(),
  /** The comment this one replies to (one level: a reply is never replied to). */
  parentId: z.nullable(z.string()),
  authorId: z.string(),
  authorName: z.string(),
  /** '' once deleted: a deleted comment with replies stays as "deleted" so its replies keep their place. */
  text: z.string(),
  deleted: z.boolean(),
  /** Hidden by neighbours' reports until reviewed (its text is then '' for everyone but its author). */
  underReview: z.boolean(),
  createdAt: z.number(),
  editedAt: z.nullable(z.number()),
});
export type BoardComment = z.infer<typeof boardCommentRowSchema>;

/** GET /api/board/search: the same words rule as listings, over the asker's area. */
export const boardSearchRequestSchema = z.object({
  q: z.string('Type something to search for').check(
    singleLineText(),
    z.trim(),
    z.minLength(1, 'Type something to search for'),
    z.maxLength(60, 'Search with at most 60 characters'),
  ),
  neighbourhood: z.optional(idSchema),
  range: z.optional(z.pipe(z.string().check(z.regex(/^[1-4]$/, 'range must be a level from 1 to 4')), z.transform(Number))),
  topic: z.optional(boardTopicSchema),
});
export const boardSearchResponseSchema = z.object({ posts: z.array(boardPostRowSchema) });

/** Search's rule offline: every word inside the post's text, then the topic. */
export function matchesBoardSearch(post: Pick<BoardPost, 'text' | 'topic'>, words: string[], topic?: BoardTopic): boolean {
  const text = post.text.toLowerCase();
  return words.every((w) => text.includes(w)) && (!topic || post.topic === topic);
}

/** The first words of a post or comment, on one line, for a notification or a list. */
export function boardExcerpt(text: string, max: number = BOARD_LIMITS.excerptMax): string {
  const line = text.replace(/\s+/g, ' ').trim();
  const chars = Array.from(line);
  return chars.length <= max ? line : `${chars.slice(0, max - 1).join('')}…`;
}

