// Sends an area snapshot (services/area-snapshots.ts) as it is kept — gzipped bytes — or unzipped for
// a client that takes no gzip, and 304 to one that already holds these bytes.
import type { Context } from 'hono';
import { gunzipSync } from 'node:zlib';
import type { AreaSnapshot } from '../services/area-snapshots.js';
import { acceptsGzip } from '../middleware/gzip-json.js';

/** Whether If-None-Match names this tag (weak comparison, as RFC 9110 has it for GET). */
function holds(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  return ifNoneMatch.split(',').some((tag) => tag.trim() === '*' || opaque(tag) === opaque(etag));
}

export function sendAreaSnapshot(c: Context, snapshot: AreaSnapshot): Response {
  const headers: Record<string, string> = {
    'Content-Type': 'application/json',
    // API answers stay out of HTTP caches (Cache-Control: no-store, set for all of /api); a client
    // that remembers the tag itself may still ask for it again with If-None-Match.
    ETag: snapshot.etag,
    Vary: 'Accept-Encoding',
  };
  if (holds(c.req.header('if-none-match'), snapshot.etag)) return c.body(null, 304, headers);
  if (acceptsGzip(c.req.header('accept-encoding'))) return c.body(snapshot.gzip, 200, { ...headers, 'Content-Encoding': 'gzip' });
  // Rare enough (curl, some proxies) to unzip per request rather than keep a second, larger copy.
  return c.body(gunzipSync(snapshot.gzip), 200, headers);
}
