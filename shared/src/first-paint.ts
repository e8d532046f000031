/**
 * The element a painting stands in over the app while its scripts load: a shared listing the server
 * paints into a first visit (server/src/http/listing-first-paint.ts), or the feed as it last stood,
 * painted by the shell (web/src/app.html). The app removes it once its own screen stands.
 */
export const FIRST_PAINT_ID = 'first-paint';
