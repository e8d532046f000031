// Who is asking, for rate limits and sign-in failures: the connection's peer, or — when that peer
// is one of our own proxies — the address the proxy says it forwarded for. Behind nginx or haproxy
// every connection comes from the proxy, and counting by it would make all users one stranger.
import { getConnInfo } from '@hono/node-server/conninfo';
import type { MiddlewareHandler } from 'hono';
import { isIP } from 'node:net';
import type { AppEnv } from '../app-env.js';
import { addressKey } from '../services/client-address.js';

/** The address a request came from, given the addresses of the proxies we run (none by default). */
export function requestAddress(peer: string | undefined, forwardedFor: string | undefined, trustedProxies: ReadonlySet<string>): string | undefined {
  if (!peer || !trustedProxies.has(bare(peer)) || !forwardedFor) return peer;
  // Each proxy appends the address it heard from: read from the right, past our own proxies. Anything
  // further left was written by the client and proves nothing.
  const hops = forwardedFor.split(',').map((hop) => hop.trim());
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = bare(hops[i]);
    if (!isIP(hop)) return peer;
    if (!trustedProxies.has(hop)) return hop;
  }
  return peer;
}

/** ::ffff:192.0.2.1 is 192.0.2.1, as a proxy list would name it. */
function bare(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return mapped ? mapped[1] : address;
}

export function clientAddress(trustedProxies: readonly string[] = []): MiddlewareHandler<AppEnv> {
  const trusted = new Set(trustedProxies.map(bare));
  return async (c, next) => {
    let peer: string | undefined;
    try {
      peer = getConnInfo(c).remote.address;
    } catch {
      // In-process requests (tests) have no socket.
    }
    const address = requestAddress(peer, c.req.header('x-forwarded-for'), trusted);
    c.set('clientIp', address ? addressKey(address) : undefined);
    await next();
  };
}
