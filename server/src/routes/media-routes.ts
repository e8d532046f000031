// PUT and GET /api/media/:sha256: listing photos by the SHA-256 of their bytes. An upload streams in
// under its own limit (larger than the API's 1 MB); a download is cached for good, since a hash
// always names the same bytes.
import { Hono, type Context } from 'hono';
import { MEDIA_LIMITS, sha256HexSchema } from '@dongne/shared';
import { z } from 'zod/mini';
import type { AppEnv } from '../app-env.js';
import { mediaTooLarge } from '../services/media-service.js';
import { requireActor } from '../middleware/require-actor.js';
import { clientIp, parseWith } from '../http/http-errors.js';

const paramsSchema = z.object({ sha256: sha256HexSchema });

export function mediaRoutes() {
  const app = new Hono<AppEnv>();

  app.put('/:sha256', requireActor('Sign in to upload photos.'), async (c) => {
    const actor = c.get('actor');
    const { sha256 } = parseWith(paramsSchema, c.req.param());
    const { media, rateLimiter } = c.get('services');
    await rateLimiter.check('mediaUpload', { ip: clientIp(c), actorId: actor.id });
    const bytes = await readBodyUpTo(c, MEDIA_LIMITS.uploadMaxBytes);
    return c.json(await media.upload(actor, sha256, bytes));
  });

  app.get('/:sha256', async (c) => {
    const { sha256 } = parseWith(paramsSchema, c.req.param());
    const { media } = c.get('services');
    const headers = { etag: `"${sha256}"`, 'cache-control': 'public, max-age=31536000, immutable' };
    // Only the metadata is read to answer a revalidation; 404 still wins for a photo we lack.
    const info = await media.info(sha256);
    if (matchesEtag(c.req.header('if-none-match'), sha256)) return c.body(null, 304, headers);
    const bytes = await media.bytes(info);
    return c.body(new Uint8Array(bytes), 200, { ...headers, 'content-type': info.type });
  });

  return app;
}

/**
 * The request body, refused with 413 as soon as it passes maxBytes: at once when Content-Length
 * says so, else by counting what actually arrives (a chunked body, or one whose declared length
 * lies), so no more than the limit is ever held in memory.
 */
async function readBodyUpTo(c: Context, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(c.req.header('content-length'));
  if (declared > maxBytes) throw mediaTooLarge();
  const body = c.req.raw.body;
  if (!body) return new Uint8Array(0);
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      reader.cancel().catch(() => {});
      throw mediaTooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, size);
}

/** Whether If-None-Match names this hash's ETag (or any, with *); weak and strong forms alike. */
function matchesEtag(ifNoneMatch: string | undefined, hash: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(',').some((tag) => {
    const t = tag.trim();
    return t === '*' || t.replace(/^W\//, '') === `"${hash}"`;
  });
}
