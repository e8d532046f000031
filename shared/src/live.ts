// The live channel's query (live-channel.ts has its path and its one message).
import { z } from 'zod/mini';
import { pullQuerySchema } from './sync.js';

/** The area and device a live channel follows: the same fields, with the same meaning, as a pull's. */
export const liveQuerySchema = z.pick(pullQuerySchema, { clientId: true, neighbourhood: true, range: true });
export type LiveQuery = z.infer<typeof liveQuerySchema>;
