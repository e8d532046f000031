import { describe, expect, it } from 'vitest';
import { requestAddress } from './client-address.js';
import { createTestServer, fromAddress } from '../testing/harness.js';

const PROXY = '10.0.0.5';
const trusted = new Set([PROXY, '10.0.0.6']);

describe('the address a request came from', () => {
  it('is the peer when no proxy is trusted, whatever X-Forwarded-For claims', () => {
    expect(requestAddress('203.0.113.7', '198.51.100.1', new Set())).toBe('203.0.113.7');
  });

  it("is the forwarded-for address when the peer is one of our proxies", () => {
    expect(requestAddress(PROXY, '198.51.100.1', trusted)).toBe('198.51.100.1');
    expect(requestAddress(`::ffff:${PROXY}`, '2001:db8::1', trusted)).toBe('2001:db8::1');
  });

  it('reads hops written with a port, as some proxies write them', () => {
    expect(requestAddress(PROXY, '198.51.100.1:4444', trusted)).toBe('198.51.100.1');
    expect(requestAddress(PROXY, '[2001:db8::1]:4444', trusted)).toBe('2001:db8::1');
    expect(requestAddress(PROXY, '[2001:db8::1]', trusted)).toBe('2001:db8::1');
  });

  it('skips our own proxies from the right and ignores what the client wrote further left', () => {
    expect(requestAddress(PROXY, '1.2.3.4, 198.51.100.1, 10.0.0.6', trusted)).toBe('198.51.100.1');
  });

  it('falls back to the peer when the header is missing, garbled or names only our proxies', () => {
    expect(requestAddress(PROXY, undefined, trusted)).toBe(PROXY);
    expect(requestAddress(PROXY, 'not-an-ip', trusted)).toBe(PROXY);
    expect(requestAddress(PROXY, '10.0.0.6', trusted)).toBe(PROXY);
  });
});

describe('rate limits behind a proxy', () => {
  it('count each real client apart, and a client cannot dodge them by forging X-Forwarded-For', async () => {
    const server = await createTestServer({ trustedProxies: [PROXY] });
    try {
      const signUp = (forwardedFor: string, from = PROXY, i = 0) =>
        server.app.request(
          '/api/auth/signup',
          {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-forwarded-for': forwardedFor },
            body: JSON.stringify({ nickname: `proxied${forwardedFor.replace(/\W/g, '')}${i}`, password: 'correct horse battery' }),
          },
          fromAddress(from),
        );
      // 20 sign-ups an hour per address: the 21st from one client is refused, another client is not.
      for (let i = 0; i < 20; i++) expect((await signUp('198.51.100.1', PROXY, i)).status).toBe(201);
      expect((await signUp('198.51.100.1', PROXY, 99)).status).toBe(429);
      expect((await signUp('198.51.100.2')).status).toBe(201);
      // Straight to the instance, not through the proxy: the forged header is not believed.
      for (let i = 0; i < 20; i++) await signUp(`192.0.2.${i}`, '203.0.113.9', i);
      expect((await signUp('192.0.2.200', '203.0.113.9', 200)).status).toBe(429);
    } finally {
      await server.close();
    }
  });
});
