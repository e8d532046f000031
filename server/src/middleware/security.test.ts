import { describe, expect, it, onTestFinished } from 'vitest';
import { createApp } from '../app.js';
import { RATE_LIMITS } from '../services/rate-limiter.js';
import { newSession, TEST_PASSWORD_COST } from '../testing/harness.js';
import { openTestStore, queryValue, type TestStore } from '../testing/test-store.js';

/** A store of the test's own, closed when the test ends. */
async function openStore(): Promise<TestStore> {
  const { store, close } = await openTestStore({ neighbourhoods: 'none' });
  onTestFinished(close);
  return store;
}

async function setup() {
  let now = Date.UTC(2026, 10, 25, 12, 0, 30);
  const store = await openStore();
  const app = createApp({ store, clock: { now: () => now }, config: { log: () => {}, passwordCost: TEST_PASSWORD_COST } });
  return { app, store, advance: (ms: number) => (now += ms) };
}

const session = async (app: Awaited<ReturnType<typeof setup>>['app']) => (await newSession(app)).cookie;

/** A sign-up or sign-in body: writes that need no session (a sign-up creates an account). */
const credentials = (nickname: string, headers: Record<string, string> = {}) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify({ nickname, password: 'a long enough password' }),
});

const push = (cookie: string, headers: Record<string, string> = {}) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', cookie, ...headers },
  body: JSON.stringify({ clientId: crypto.randomUUID(), mutations: [] }),
});

describe('cross-site request forgery', () => {
  it('refuses a state-changing request a browser marks as cross-site, and changes nothing', async () => {
    const { app, store } = await setup();
    const alice = await newSession(app);
    const { cookie } = alice;
    const count = async (table: string) => Number(await queryValue(store, `SELECT count(*) FROM ${table}`));
    const before = { actors: await count('actors'), sessions: await count('sessions') };
    const crossSite: Record<string, string>[] = [{ 'sec-fetch-site': 'cross-site' }, { 'sec-fetch-site': 'same-site' }, { origin: 'https://evil.example' }];
    for (const headers of crossSite) {
      for (const [path, init] of [
        ['/api/sync/push', push(cookie, headers)],
        ['/api/auth/signup', credentials('mallory', headers)],
        ['/api/auth/signin', credentials(alice.nickname, headers)],
        ['/api/auth/signout', { method: 'POST', headers: { cookie, ...headers } }],
      ] as const) {
        const response = await app.request(`http://localhost${path}`, init);
        expect(response.status, `${path} ${JSON.stringify(headers)}`).toBe(403);
        expect(await response.json()).toEqual({ error: { code: 'csrf.cross_origin', message: expect.any(String) } });
      }
    }
    // No account made, no session started or ended: Alice is still signed in.
    expect({ actors: await count('actors'), sessions: await count('sessions') }).toEqual(before);
    expect((await app.request('/api/auth/session', { headers: { cookie } })).status).toBe(200);
  });

  it('lets the app itself through: same-origin fetches, and matching Origin headers', async () => {
    const { app } = await setup();
    const sameOrigin = await app.request('http://localhost/api/auth/signup', credentials('jieun', { 'sec-fetch-site': 'same-origin' }));
    expect(sameOrigin.status).toBe(201);
    const matching = await app.request('http://localhost/api/auth/signin', credentials('jieun', { origin: 'http://localhost' }));
    expect(matching.status).toBe(200);
  });

  it('compares scheme, host and port with the site’s own origin', async () => {
    const { app } = await setup();
    // The http site at localhost: an https page there, another port, another host, an opaque origin.
    for (const origin of ['https://localhost', 'http://localhost:8080', 'http://127.0.0.1', 'null', 'not a url']) {
      const response = await app.request('http://localhost/api/auth/signup', credentials('mallory', { origin }));
      expect(response.status, origin).toBe(403);
      expect(await response.json()).toEqual({ error: { code: 'csrf.cross_origin', message: expect.any(String) } });
    }
    const https = await app.request('https://localhost:8443/api/auth/signup', credentials('jieun', { origin: 'http://localhost:8443' }));
    expect(https.status).toBe(403);
    const samePort = await app.request('http://localhost:5173/api/auth/signup', credentials('jieun', { origin: 'http://localhost:5173' }));
    expect(samePort.status).toBe(201);
  });

  it('needs both headers to pass: a same-origin Sec-Fetch-Site does not excuse a foreign Origin', async () => {
    const { app } = await setup();
    for (const headers of [
      { 'sec-fetch-site': 'same-origin', origin: 'https://evil.example' },
      { 'sec-fetch-site': 'none', origin: 'https://localhost' },
      { 'sec-fetch-site': 'cross-site', origin: 'http://localhost' },
    ]) {
      expect((await app.request('http://localhost/api/auth/signup', credentials('mallory', headers))).status, JSON.stringify(headers)).toBe(403);
    }
    const both = await app.request('http://localhost/api/auth/signup', credentials('jieun', { 'sec-fetch-site': 'same-origin', origin: 'http://localhost' }));
    expect(both.status).toBe(201);
  });

  it('lets through clients that send neither header (curl, other servers): they carry no one’s cookies', async () => {
    const { app } = await setup();
    expect((await app.request('http://localhost/api/auth/signup', credentials('jieun'))).status).toBe(201);
  });

  it('does not apply to reads', async () => {
    const { app } = await setup();
    const response = await app.request('http://localhost/api/health', { headers: { 'sec-fetch-site': 'cross-site' } });
    expect(response.status).toBe(200);
  });
});

describe('security headers', () => {
  it('sends a CSP without inline scripts, nosniff and no framing on every response', async () => {
    const { app } = await setup();
    for (const path of ['/api/health', '/api/nope']) {
      const response = await app.request(path);
      const csp = response.headers.get('content-security-policy')!;
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
      expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('x-frame-options')).toBe('DENY');
    }
  });

  it('marks the session cookie httpOnly and SameSite=Lax, and Secure over HTTPS', async () => {
    const { app } = await setup();
    const plain = (await app.request('http://localhost/api/auth/signup', credentials('jieun'))).headers.get('set-cookie')!;
    expect(plain).toMatch(/HttpOnly/);
    expect(plain).toMatch(/SameSite=Lax/);
    expect(plain).not.toMatch(/Secure/);
    const secure = (await app.request('https://dongne.example/api/auth/signin', credentials('jieun'))).headers.get('set-cookie')!;
    expect(secure).toMatch(/HttpOnly/);
    expect(secure).toMatch(/SameSite=Lax/);
    expect(secure).toMatch(/Secure/);
  });
});

describe('push rate limit', () => {
  it('answers 429 with Retry-After past the per-actor limit, and lets the actor back in the next window', async () => {
    const { app, advance } = await setup();
    const cookie = await session(app);
    const limit = RATE_LIMITS.push.perActor;
    for (let i = 0; i < limit; i++) {
      const ok = await app.request('/api/sync/push', push(cookie));
      expect(ok.status).not.toBe(429);
    }
    const limited = await app.request('/api/sync/push', push(cookie));
    expect(limited.status).toBe(429);
    expect(await limited.json()).toEqual({ error: { code: 'rate_limited', message: expect.stringContaining('Try again in 30 seconds') } });
    expect(limited.headers.get('retry-after')).toBe('30');

    // Another actor is not held back by the first one's limit.
    expect((await app.request('/api/sync/push', push(await session(app)))).status).not.toBe(429);

    advance(30_000);
    expect((await app.request('/api/sync/push', push(cookie))).status).not.toBe(429);
  });
});

describe('behind a TLS proxy', () => {
  it('marks the session cookie Secure and sends HSTS when the public origin is https, though requests arrive as http', async () => {
    const store = await openStore();
    const app = createApp({ store, clock: { now: () => Date.UTC(2026, 10, 25) }, config: { log: () => {}, publicOrigin: 'https://dongne.example', passwordCost: TEST_PASSWORD_COST } });
    const response = await app.request('http://internal:8080/api/auth/signup', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ nickname: 'proxied', password: 'a long password' }),
    });
    expect(response.status).toBe(201);
    expect(response.headers.get('set-cookie')).toMatch(/;\s*Secure/);
    expect(response.headers.get('strict-transport-security')).toBe('max-age=31536000');
  });

  it('takes the configured public origin as the site’s own: the https address people use passes, the internal one does not', async () => {
    const store = await openStore();
    const app = createApp({ store, clock: { now: () => Date.UTC(2026, 10, 25) }, config: { log: () => {}, publicOrigin: 'https://dongne.example', passwordCost: TEST_PASSWORD_COST } });
    const signUp = (nickname: string, origin: string) =>
      app.request('http://internal:8080/api/auth/signup', credentials(nickname, { origin, 'sec-fetch-site': 'same-origin' }));
    expect((await signUp('proxied', 'https://dongne.example')).status).toBe(201);
    for (const origin of ['http://dongne.example', 'http://internal:8080', 'https://dongne.example:8443']) {
      expect((await signUp('mallory', origin)).status, origin).toBe(403);
    }
  });
});
