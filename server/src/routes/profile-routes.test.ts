import { readFileSync } from 'node:fs';
import { describe, expect, it, onTestFinished } from 'vitest';
import { PROFILE_PHOTO } from '@dongne/shared';
import { createApp } from '../app.js';
import { RATE_LIMITS } from '../services/rate-limiter.js';
import { png } from '../testing/images.js';
import { openTestStore } from '../testing/test-store.js';

const PNG = readFileSync(new URL('../../../web/static/icons/icon-192.png', import.meta.url));

async function setup() {
  const { store, close } = await openTestStore({ neighbourhoods: 'none' });
  onTestFinished(close);
  const app = createApp({ store, clock: { now: () => Date.UTC(2026, 10, 25) }, config: { log: () => {} } });
  const signup = await app.request('/api/auth/signup', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ nickname: '사진이웃', password: 'a long password' }),
  });
  const account = (await signup.json()) as { actorId: string };
  return { app, store, actorId: account.actorId, cookie: signup.headers.get('set-cookie')!.split(';')[0] };
}

/** The PNG signature and an IHDR chunk declaring this size, with `rest` after it and no pixels. */
function pngHeader(width: number, height: number, rest = new Uint8Array(0)): Uint8Array {
  const header = Buffer.alloc(33);
  header.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  header.writeUInt32BE(13, 8);
  header.write('IHDR', 12, 'latin1');
  header.writeUInt32BE(width, 16);
  header.writeUInt32BE(height, 20);
  header[24] = 8;
  return new Uint8Array(Buffer.concat([header, rest]));
}

const put = (cookie: string | undefined, body: Uint8Array, type = 'image/jpeg') => ({
  method: 'PUT',
  headers: { 'content-type': type, ...(cookie ? { cookie } : {}) },
  body: new Uint8Array(body),
});

describe('profiles', () => {
  it('shows a public profile with joined date and counts, and 404 for nobody', async () => {
    const { app, actorId } = await setup();
    const response = await app.request(`/api/profiles/${actorId}`);
    expect(await response.json()).toEqual({
      actorId,
      nickname: '사진이웃',
      joinedAt: Date.UTC(2026, 10, 25),
      verificationCount: 0,
      lastVerifiedAt: null,
      listingCount: 0,
      photoUrl: null,
      mannerTemperature: 36.5,
      tradeCount: 0,
      topManners: [],
      praise: [],
    });
    const missing = await app.request('/api/profiles/nobody');
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: { code: 'profile.not_found', message: expect.any(String) } });
  });

  it('stores a real image as the photo and serves it with its true type', async () => {
    const { app, actorId, cookie } = await setup();
    // Labelled JPEG, really a PNG: the bytes decide.
    const response = await app.request('/api/profiles/me/photo', put(cookie, PNG, 'image/jpeg'));
    expect(response.status).toBe(200);
    const { photoUrl } = (await response.json()) as { photoUrl: string };
    expect(photoUrl).toMatch(new RegExp(`^/api/profiles/${actorId}/photo\\?v=\\d+$`));
    const photo = await app.request(photoUrl);
    expect(photo.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await photo.arrayBuffer()).equals(PNG)).toBe(true);
  });

  it('refuses a non-image with an image name, an oversized image, and a photo without a session; nothing changes', async () => {
    const { app, actorId, cookie } = await setup();
    const notImage = await app.request('/api/profiles/me/photo', put(cookie, new TextEncoder().encode('<svg onload=alert(1)>')));
    expect(notImage.status).toBe(400);
    expect(await notImage.json()).toEqual({ error: { code: 'photo.not_image', message: 'That file is not a JPEG, PNG or WebP image.' } });

    const big = new Uint8Array(400 * 1024);
    big.set([0xff, 0xd8, 0xff]);
    const tooLarge = await app.request('/api/profiles/me/photo', put(cookie, big));
    expect(tooLarge.status).toBe(413);

    const anonymous = await app.request('/api/profiles/me/photo', put(undefined, PNG));
    expect(anonymous.status).toBe(401);

    expect(((await (await app.request(`/api/profiles/${actorId}`)).json()) as { photoUrl: null }).photoUrl).toBeNull();
  });

  it('refuses a file that only begins like a PNG: the image header is read, as for listing photos', async () => {
    const { app, actorId, cookie } = await setup();
    const html = new TextEncoder().encode('<html><script>alert(1)</script></html>');
    const disguised = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...html]);
    const response = await app.request('/api/profiles/me/photo', put(cookie, disguised, 'image/png'));
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: { code: 'photo.not_image', message: 'That file is not a JPEG, PNG or WebP image.' } });
    expect((await app.request(`/api/profiles/${actorId}/photo`)).status).toBe(404);
  });

  it(`refuses a photo over ${PROFILE_PHOTO.maxDimension} pixels a side, whatever its bytes weigh`, async () => {
    const { app, actorId, cookie } = await setup();
    const side = PROFILE_PHOTO.maxDimension;
    for (const [width, height] of [
      [60_000, 60_000],
      [side + 1, 1],
      [1, side + 1],
    ]) {
      const response = await app.request('/api/profiles/me/photo', put(cookie, width > 2 * side ? pngHeader(width, height) : png(width, height)));
      expect(response.status, `${width} × ${height}`).toBe(422);
      expect(await response.json()).toEqual({
        error: { code: 'photo.too_big_dimensions', message: `A profile photo can be at most ${side} × ${side} pixels; this one is ${width} × ${height}.` },
      });
    }
    expect((await app.request(`/api/profiles/${actorId}/photo`)).status).toBe(404);
    expect((await app.request('/api/profiles/me/photo', put(cookie, png(side, side)))).status).toBe(200);
  });

  it('answers 429 with Retry-After past the hourly limit of photo changes', async () => {
    const { app, cookie } = await setup();
    const { perActor } = RATE_LIMITS.profilePhoto;
    for (let i = 0; i < perActor; i++) expect((await app.request('/api/profiles/me/photo', put(cookie, PNG))).status).toBe(200);
    const limited = await app.request('/api/profiles/me/photo', put(cookie, PNG));
    expect(limited.status).toBe(429);
    expect(await limited.json()).toEqual({ error: { code: 'rate_limited', message: 'Too many requests. Try again in 3600 seconds.' } });
    expect(limited.headers.get('retry-after')).toBe('3600');
  });

  it('removes the photo', async () => {
    const { app, actorId, cookie } = await setup();
    await app.request('/api/profiles/me/photo', put(cookie, PNG));
    const removed = await app.request('/api/profiles/me/photo', { method: 'DELETE', headers: { cookie } });
    expect(((await removed.json()) as { photoUrl: null }).photoUrl).toBeNull();
    expect((await app.request(`/api/profiles/${actorId}/photo`)).status).toBe(404);
  });
});
