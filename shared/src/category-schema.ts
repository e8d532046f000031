// A category as a request names it (categories.ts has the list: apart, so a screen that only
// labels a category does not load zod for it).
import { z } from 'zod/mini';
import { CATEGORIES, type CategoryId } from './categories.js';

export const categoryIdSchema = z.enum(
  CATEGORIES.map((c) => c.id) as [CategoryId, ...CategoryId[]],
  'Pick one of the listed categories',
);
