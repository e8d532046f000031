// Ids that arrive in paths and query strings (a neighbourhood, a profile, a listing): short, and
// with no control characters — no id has one, and PostgreSQL cannot even compare text holding NUL.
import { z } from 'zod/mini';
import { noControlCharacters } from './text.js';

export const idSchema = z.string().check(z.minLength(1, 'An id is needed'), z.maxLength(100, 'An id is at most 100 characters'), noControlCharacters('An id has no control characters'));

/** A path's `:id`, as routes read it. */
export const idParamsSchema = z.object({ id: idSchema });
