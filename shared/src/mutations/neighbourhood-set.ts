// The neighbourhoods a person holds (one or two) and which one is active.
import { z } from 'zod/mini';
import { neighbourhoodIdSchema } from '../neighbourhood.js';

export const MAX_HELD_NEIGHBOURHOODS = 2;

export const neighbourhoodSetArgs = z
  .object({
    held: z.array(neighbourhoodIdSchema).check(
      z.minLength(1, 'Choose at least one neighbourhood'),
      z.maxLength(MAX_HELD_NEIGHBOURHOODS, `You can hold at most ${MAX_HELD_NEIGHBOURHOODS} neighbourhoods`),
    ),
    active: neighbourhoodIdSchema,
  })
  .check(
    z.refine((v) => new Set(v.held).size === v.held.length, 'The same neighbourhood is listed twice'),
    z.refine((v) => v.held.includes(v.active), 'The active neighbourhood must be one you hold'),
  );
export type NeighbourhoodSetArgs = z.infer<typeof neighbourhoodSetArgs>;
