// A painting stands over the app while its scripts load: the listing the server painted into a
// shared link's first visit (server/src/http/listing-first-paint.ts), or the feed as it last stood
// on this device (feed-paint.ts, painted by the shell in app.html). It goes once the app's own
// screen is ready to show; the feed's copy is forgotten when what it shows is no longer the
// person's (signing in or out, another language). Apart from the keeping code, which loads only once
// the feed has drawn: every screen needs these few lines.
import { FIRST_PAINT_ID } from '@dongne/shared';

/** The shell's inline script in app.html reads this key; the two must agree. */
export const FEED_PAINT_KEY = 'dongne.feedPaint';

export function dropFirstPaint(): void {
  document.getElementById(FIRST_PAINT_ID)?.remove();
}

export function forgetFeedPaint(storage: Storage | undefined = globalThis.localStorage): void {
  try {
    storage?.removeItem(FEED_PAINT_KEY);
  } catch {
    // Storage refused: nothing was kept there either.
  }
}
