import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createApp } from '../app.js';
import { openStore } from '../store/store.js';

const PNG = readFileSync(new URL('../../../web/static/icons/icon-192.png', import.meta.url));

async function setup() {
  const store = openStore(':memory:');
  const app = createApp({ store, clock: { now: () => Date.UTC(2026, 10, 25) }, config: { log: () => {} } });
  const signup = await app.request('/api/auth/signup', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ nickname: '사진이웃', password: 'a long password' }),
  });
  const account = (await signup.json()) as { actorId: string };
  return { app, store, actorId: account.actorId, cookie: signup.headers.get('set-cookie')!.split(';')[0] };
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

  it('removes the photo', async () => {
    const { app, actorId, cookie } = await setup();
    await app.request('/api/profiles/me/photo', put(cookie, PNG));
    const removed = await app.request('/api/profiles/me/photo', { method: 'DELETE', headers: { cookie } });
    expect(((await removed.json()) as { photoUrl: null }).photoUrl).toBeNull();
    expect((await app.request(`/api/profiles/${actorId}/photo`)).status).toBe(404);
  });
});
