import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sessionSchema } from '@dongne/shared';
import { countRows, createTestServer, newSession, T0, type TestServer } from '../testing/harness.js';

let server: TestServer;
beforeEach(() => {
  server = createTestServer();
});
afterEach(() => server.close());

describe('/api/session', () => {
  it('gives a new device an anonymous identity in an http-only cookie', async () => {
    const response = await server.app.request('/api/session', { method: 'POST' });
    expect(response.status).toBe(201);
    const session = await response.json();
    expect(sessionSchema.parse(session)).toEqual({ actorId: expect.any(String), nickname: expect.stringMatching(/^Neighbour [0-9A-F]{4}$/) });

    const cookie = response.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^dongne_session=[\w-]{43};/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');
    expect(cookie).toContain('Path=/');
    expect(cookie).not.toContain('Secure'); // plain http in tests; https requests get Secure
  });

  it('still sets the cookie when the device accepts gzip', async () => {
    const response = await server.app.request('/api/session', { method: 'POST', headers: { 'accept-encoding': 'gzip' } });
    expect(response.status).toBe(201);
    expect(response.headers.get('set-cookie')).toMatch(/^dongne_session=/);
  });

  it('marks the cookie Secure when the app is reached over https', async () => {
    const response = await server.app.request('https://dongne.example/api/session', { method: 'POST' });
    expect(response.headers.get('set-cookie')).toContain('Secure');
  });

  it('stores only a hash of the token, and the creation time from the clock', async () => {
    const alice = await newSession(server.app);
    const token = alice.cookie.split('=')[1];
    const row = server.store.db.prepare('SELECT * FROM actors WHERE id = ?').get(alice.actorId) as Record<string, unknown>;
    expect(row.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain(token);
    expect(row.created_at).toBe(T0);
  });

  it('recognises the device on its next visit and does not create a second actor', async () => {
    const alice = await newSession(server.app);
    const again = await server.app.request('/api/session', { method: 'POST', headers: { cookie: alice.cookie } });
    expect(again.status).toBe(200);
    expect(again.headers.get('set-cookie')).toBeNull();
    expect(await again.json()).toEqual({ actorId: alice.actorId, nickname: alice.nickname });
    expect(countRows(server.store, 'actors')).toBe(1);

    const who = await server.app.request('/api/session', { headers: { cookie: alice.cookie } });
    expect(who.status).toBe(200);
    expect(await who.json()).toEqual({ actorId: alice.actorId, nickname: alice.nickname });
  });

  it('gives two devices two different actors', async () => {
    const a = await newSession(server.app);
    const b = await newSession(server.app);
    expect(a.actorId).not.toBe(b.actorId);
    expect(a.cookie).not.toBe(b.cookie);
  });

  it('answers 401 auth.required to GET without a known cookie', async () => {
    for (const headers of [{}, { cookie: 'dongne_session=forged' }, { cookie: 'other=1' }] as Record<string, string>[]) {
      const response = await server.app.request('/api/session', { headers });
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({ error: { code: 'auth.required', message: expect.any(String) } });
    }
  });

  it('replaces a forged cookie with a fresh identity on POST', async () => {
    const response = await server.app.request('/api/session', { method: 'POST', headers: { cookie: 'dongne_session=forged' } });
    expect(response.status).toBe(201);
    expect(response.headers.get('set-cookie')).not.toContain('forged');
  });
});
