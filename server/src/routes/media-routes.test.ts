import { afterEach, describe, expect, it } from 'vitest';
import { MEDIA_LIMITS, mediaPath } from '@dongne/shared';
import { RATE_LIMITS } from '../services/rate-limiter.js';
import { countRows, createTestServer, dumpTables, newSession, type TestServer } from '../testing/harness.js';
import { JPEG_3X2, png, sha256Hex, WEBP_VP8X_3X2 } from '../testing/images.js';

let server: TestServer;
afterEach(async () => {
  await server?.close();
});

async function setup() {
  server = await createTestServer();
  const { cookie } = await newSession(server.app);
  return { app: server.app, store: server.store, cookie };
}

const upload = (body: BodyInit, headers: Record<string, string> = {}) => ({
  method: 'PUT',
  headers: { 'content-type': 'image/jpeg', ...headers },
  body,
  duplex: 'half' as const,
});

const IMMUTABLE = 'public, max-age=31536000, immutable';
const MB = 1024 * 1024;

describe('PUT and GET /api/media/:sha256', () => {
  it('uploads a photo and serves back the same bytes, cacheable for good', async () => {
    const { app, cookie } = await setup();
    const hash = sha256Hex(JPEG_3X2);
    const put = await app.request(mediaPath(hash), upload(JPEG_3X2, { cookie }));
    expect(put.status).toBe(200);
    expect(await put.json()).toEqual({ hash, type: 'image/jpeg', width: 3, height: 2, size: JPEG_3X2.length });

    // Anyone may fetch a photo, signed in or not.
    const get = await app.request(mediaPath(hash));
    expect(get.status).toBe(200);
    expect(get.headers.get('content-type')).toBe('image/jpeg');
    expect(get.headers.get('cache-control')).toBe(IMMUTABLE);
    expect(get.headers.get('etag')).toBe(`"${hash}"`);
    expect(get.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await get.arrayBuffer()).equals(Buffer.from(JPEG_3X2))).toBe(true);

    for (const tag of [`"${hash}"`, `W/"${hash}"`, `"other", "${hash}"`, '*']) {
      const revalidate = await app.request(mediaPath(hash), { headers: { 'if-none-match': tag } });
      expect(revalidate.status, tag).toBe(304);
      expect(revalidate.headers.get('etag')).toBe(`"${hash}"`);
      expect(revalidate.headers.get('cache-control')).toBe(IMMUTABLE);
      expect(await revalidate.text()).toBe('');
    }
    const stale = await app.request(mediaPath(hash), { headers: { 'if-none-match': '"something-else"' } });
    expect(stale.status).toBe(200);
  });

  it('serves the type the bytes are, not the one the upload claimed', async () => {
    const { app, cookie } = await setup();
    const hash = sha256Hex(WEBP_VP8X_3X2);
    const put = await app.request(mediaPath(hash), upload(WEBP_VP8X_3X2, { cookie, 'content-type': 'image/png' }));
    expect(((await put.json()) as { type: string }).type).toBe('image/webp');
    expect((await app.request(mediaPath(hash))).headers.get('content-type')).toBe('image/webp');
  });

  it('answers a repeated upload the same way and changes nothing, whoever sends it', async () => {
    const { app, store, cookie } = await setup();
    const other = await newSession(app);
    const hash = sha256Hex(JPEG_3X2);
    const first = await app.request(mediaPath(hash), upload(JPEG_3X2, { cookie }));
    const answer = await first.json();
    const before = await dumpTables(store);
    server.clock.advance(60_000);
    for (const who of [cookie, other.cookie]) {
      const again = await app.request(mediaPath(hash), upload(JPEG_3X2, { cookie: who }));
      expect(again.status).toBe(200);
      expect(await again.json()).toEqual(answer);
    }
    expect(await dumpTables(store)).toEqual(before);
  });

  it('takes a photo up to the upload limit, past the 1 MB limit of JSON requests', async () => {
    const { app, cookie } = await setup();
    // Bytes after a PNG's end are ignored by decoders: a valid photo of exactly the limit.
    const photo = new Uint8Array(MEDIA_LIMITS.uploadMaxBytes);
    photo.set(png(64, 48));
    const response = await app.request(mediaPath(sha256Hex(photo)), upload(photo, { cookie }));
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ type: 'image/png', width: 64, height: 48, size: MEDIA_LIMITS.uploadMaxBytes });
  });

  it('refuses a 20 MB body with 413 and a clear message, however its size is declared, storing nothing', async () => {
    const { app, store, cookie } = await setup();
    const big = new Uint8Array(20 * MB);
    big.set(JPEG_3X2);
    const hash = sha256Hex(big);
    const tooLarge = { error: { code: 'media.too_large', message: 'A photo can be at most 3 MB.' } };

    // Declared honestly: refused before a byte of the body is read.
    let pulled = 0;
    const unread = new ReadableStream<Uint8Array>(
      {
        pull(controller) {
          pulled += 1;
          controller.enqueue(big.subarray(0, MB));
        },
      },
      { highWaterMark: 0 },
    );
    const declared = await app.request(mediaPath(hash), upload(unread, { cookie, 'content-length': String(big.length) }));
    expect(declared.status).toBe(413);
    expect(await declared.json()).toEqual(tooLarge);
    expect(pulled).toBe(0);

    // No length (chunked), or a length that lies: counted as it streams in, and reading stops just
    // past the limit rather than taking in all 20 MB.
    for (const headers of [{}, { 'content-length': '1000' }] as Record<string, string>[]) {
      pulled = 0;
      let offset = 0;
      const streamed = new ReadableStream<Uint8Array>({
        pull(controller) {
          pulled += 1;
          if (offset >= big.length) return controller.close();
          controller.enqueue(big.slice(offset, (offset += 64 * 1024)));
        },
      });
      const response = await app.request(mediaPath(hash), upload(streamed, { cookie, ...headers }));
      expect(response.status, JSON.stringify(headers)).toBe(413);
      expect(await response.json()).toEqual(tooLarge);
      expect(pulled * 64 * 1024).toBeLessThan(MEDIA_LIMITS.uploadMaxBytes + 4 * 64 * 1024);
    }

    const whole = await app.request(mediaPath(hash), upload(big, { cookie }));
    expect(whole.status).toBe(413);
    expect(await whole.json()).toEqual(tooLarge);
    const justOver = new Uint8Array(MEDIA_LIMITS.uploadMaxBytes + 1);
    justOver.set(JPEG_3X2);
    expect((await app.request(mediaPath(sha256Hex(justOver)), upload(justOver, { cookie }))).status).toBe(413);
    expect(await countRows(store, 'media')).toBe(0);
  });

  it('refuses a text file that calls itself a JPEG with 415', async () => {
    const { app, store, cookie } = await setup();
    const text = new TextEncoder().encode('These are my holiday photos, honest.');
    const response = await app.request(mediaPath(sha256Hex(text)), upload(text, { cookie, 'content-type': 'image/jpeg' }));
    expect(response.status).toBe(415);
    expect(await response.json()).toEqual({
      error: { code: 'media.not_image', message: 'That file is not a photo Dongne can use (JPEG, PNG or WebP).' },
    });
    expect(await countRows(store, 'media')).toBe(0);
  });

  it('refuses bytes that do not hash to the name they were sent under', async () => {
    const { app, store, cookie } = await setup();
    const response = await app.request(mediaPath(sha256Hex(WEBP_VP8X_3X2)), upload(JPEG_3X2, { cookie }));
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: { code: 'media.hash_mismatch', message: expect.any(String) } });
    expect(await countRows(store, 'media')).toBe(0);
  });

  it('refuses an upload without a session', async () => {
    const { app, store } = await setup();
    const response = await app.request(mediaPath(sha256Hex(JPEG_3X2)), upload(JPEG_3X2));
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ error: { code: 'auth.required', message: expect.any(String) } });
    expect(await countRows(store, 'media')).toBe(0);
  });

  it('refuses a name that is not a SHA-256 in hex, on upload and download', async () => {
    const { app, cookie } = await setup();
    const hash = sha256Hex(JPEG_3X2);
    for (const name of [hash.toUpperCase(), hash.slice(1), `${hash}0`, 'photo.jpg', `${hash.slice(1)}g`]) {
      const put = await app.request(`/api/media/${name}`, upload(JPEG_3X2, { cookie }));
      expect(put.status, name).toBe(400);
      expect(await put.json()).toMatchObject({ error: { code: 'request.invalid' } });
      const get = await app.request(`/api/media/${name}`);
      expect(get.status, name).toBe(400);
      expect(await get.json()).toMatchObject({ error: { code: 'request.invalid' } });
    }
  });

  it('says 404 for a photo the server does not have, even to a revalidation', async () => {
    const { app } = await setup();
    const hash = sha256Hex(JPEG_3X2);
    for (const headers of [{}, { 'if-none-match': `"${hash}"` }] as Record<string, string>[]) {
      const response = await app.request(mediaPath(hash), { headers });
      expect(response.status).toBe(404);
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(await response.json()).toEqual({ error: { code: 'media.not_found', message: expect.any(String) } });
    }
  });

  it('refuses an upload a browser marks as cross-site', async () => {
    const { app, store, cookie } = await setup();
    const hash = sha256Hex(JPEG_3X2);
    for (const headers of [{ 'sec-fetch-site': 'cross-site' }, { origin: 'https://evil.example' }] as Record<string, string>[]) {
      const response = await app.request(`http://localhost${mediaPath(hash)}`, upload(JPEG_3X2, { cookie, ...headers }));
      expect(response.status).toBe(403);
      expect(await response.json()).toEqual({ error: { code: 'csrf.cross_origin', message: expect.any(String) } });
    }
    expect(await countRows(store, 'media')).toBe(0);
    const sameOrigin = await app.request(`http://localhost${mediaPath(hash)}`, upload(JPEG_3X2, { cookie, 'sec-fetch-site': 'same-origin' }));
    expect(sameOrigin.status).toBe(200);
  });

  it('limits uploads per account per hour', async () => {
    const { app, cookie } = await setup();
    const hash = sha256Hex(JPEG_3X2);
    const { perActor } = RATE_LIMITS.mediaUpload;
    for (let i = 0; i < perActor; i++) expect((await app.request(mediaPath(hash), upload(JPEG_3X2, { cookie }))).status).toBe(200);
    const over = await app.request(mediaPath(hash), upload(JPEG_3X2, { cookie }));
    expect(over.status).toBe(429);
    expect(Number(over.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await over.json()).toMatchObject({ error: { code: 'rate_limited' } });
    // Another account is not held back by this one.
    const other = await newSession(app);
    expect((await app.request(mediaPath(hash), upload(JPEG_3X2, { cookie: other.cookie }))).status).toBe(200);
  });

  it('keeps the 1 MB limit for every other request', async () => {
    const { app, cookie } = await setup();
    const response = await app.request('/api/sync/push', {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({ clientId: crypto.randomUUID(), mutations: [], padding: 'x'.repeat(2 * MB) }),
    });
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ error: { code: 'request.too_large' } });
  });
});
