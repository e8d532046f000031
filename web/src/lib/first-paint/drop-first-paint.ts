// The listing the server painted into a shared link's first visit (server/src/http/listing-first-paint.ts)
// stands over the app until the app's own screen is ready to show: then it goes.
import { FIRST_PAINT_ID } from '@dongne/shared';

export function dropFirstPaint(): void {
  document.getElementById(FIRST_PAINT_ID)?.remove();
}
