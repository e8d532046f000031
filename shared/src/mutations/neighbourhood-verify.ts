// "Verify my neighbourhood": the GPS fix taken when the person tapped travels in the mutation's `fix`.
import { z } from 'zod/mini';
import { neighbourhoodIdSchema } from '../neighbourhood.js';

export const neighbourhoodVerifyArgs = z.object({ neighbourhoodId: neighbourhoodIdSchema });
export type NeighbourhoodVerifyArgs = z.infer<typeof neighbourhoodVerifyArgs>;
