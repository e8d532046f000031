// The live channel: a WebSocket the server uses to tell an online device "pull now". Messages
// carry no data; what changed arrives by the device's normal pull. (Its query's schema is in
// live.ts: apart, so a screen that only opens the channel does not load zod for it.)

export const LIVE_PATH = '/api/sync/live';

/** The only message the server sends. */
export const LIVE_POKE = 'pull';
