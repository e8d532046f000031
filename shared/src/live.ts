// The live channel: a WebSocket the server uses to tell an online device "pull now". Messages
// carry no data; what changed arrives by the device's normal pull.
import { z } from 'zod/mini';
import { pullQuerySchema } from './sync.js';

export const LIVE_PATH = '/api/sync/live';

/** The area and device a live channel follows: the same fields, with the same meaning, as a pull's. */
export const liveQuerySchema = z.pick(pullQuerySchema, { clientId: true, neighbourhood: true, range: true });
export type LiveQuery = z.infer<typeof liveQuerySchema>;

/** The only message the server sends. */
export const LIVE_POKE = 'pull';
