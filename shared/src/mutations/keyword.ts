// Save or forget a keyword alert (키워드 알림). Adding one already kept, or removing one not kept,
// changes nothing and is not an error: a device may send it twice.
import { z } from 'zod/mini';
import { keywordSchema, normalizeKeyword } from '../keyword.js';

export const keywordAddArgs = z.object({ keyword: keywordSchema });
export type KeywordAddArgs = z.infer<typeof keywordAddArgs>;

export const keywordRemoveArgs = z.object({
  keyword: z.pipe(z.string('A keyword is text').check(z.maxLength(200, 'That is not a keyword you keep')), z.transform(normalizeKeyword)),
});
export type KeywordRemoveArgs = z.infer<typeof keywordRemoveArgs>;
