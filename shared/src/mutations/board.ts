// The neighbourhood board's mutations. Ids are the device's, so a post or comment shows at once and
// a resend is applied once. Only the author edits or deletes; deleting is final.
import { z } from 'zod/mini';
import { boardCommentTextSchema, boardPhotosSchema, boardPostContentSchema, boardPostTextSchema, boardTopicSchema } from '../board.js';
import { idSchema } from '../id.js';

/** Publishes a post in a neighbourhood where its author is verified. */
export const boardPostArgs = z.extend(boardPostContentSchema, { id: z.uuid(), neighbourhoodId: idSchema });
export type BoardPostArgs = z.infer<typeof boardPostArgs>;

/** The author edits a post: the post then shows "edited". */
export const boardUpdateArgs = z.object({ id: z.uuid(), topic: boardTopicSchema, text: boardPostTextSchema, photos: z._default(boardPhotosSchema, []) });
export type BoardUpdateArgs = z.infer<typeof boardUpdateArgs>;

export const boardDeleteArgs = z.object({ id: z.uuid() });
export type BoardDeleteArgs = z.infer<typeof boardDeleteArgs>;

/** A comment on a post, or (parentId) a reply to one of its comments. */
export const boardCommentArgs = z.object({ id: z.uuid(), postId: z.uuid(), text: boardCommentTextSchema, parentId: z.optional(z.uuid()) });
export type BoardCommentArgs = z.infer<typeof boardCommentArgs>;

export const boardUpdateCommentArgs = z.object({ id: z.uuid(), text: boardCommentTextSchema });
export type BoardUpdateCommentArgs = z.infer<typeof boardUpdateCommentArgs>;

export const boardDeleteCommentArgs = z.object({ id: z.uuid() });
export type BoardDeleteCommentArgs = z.infer<typeof boardDeleteCommentArgs>;

/** 공감 on a post, or taking it back; sending the state already held changes nothing. */
export const boardReactArgs = z.object({ postId: z.uuid(), reacted: z.boolean('Reacted is yes or no') });
export type BoardReactArgs = z.infer<typeof boardReactArgs>;
