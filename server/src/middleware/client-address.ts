// Who is asking, for rate limits and sign-in failures: the connection's peer, or — when that peer
// is one of our own proxies — the address the proxy says it forwarded for. Behind nginx or haproxy
// every connection comes from the proxy, and counting by it would make all users one stranger.
import { getConnInfo } from '@hono/node-server/conninfo';
import type { MiddlewareHandler } from 'hono';
import { isIP } from 'node:net';
import type { AppEnv } from '../app-env.js';
import { addressKey, plainAddress } from '../services/client-address.js';

/** The address a request came from, given the addresses of the proxies we run (none by default). */
export function requestAddress(peer: string | undefined, forwardedFor: string | undefined, trustedProxies: ReadonlySet<string>): string | undefined {
  if (!peer || !trustedProxies.has(plainAddress(peer)) || !forwardedFor) return peer;
  // Each proxy appends the address it heard from: read from the right, past our own proxies. Anything
  // further left was written by the client and proves nothing.
  const hops = forwardedFor.split(',').map((hop) => hop.trim());
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = withoutPort(hops[i]);
    if (!isIP(hop)) return peer;
    if (!trustedProxies.has(hop)) return hop;
  }
  return peer;
}

/** A hop as proxies write it — `198.51.100.1`, `198.51.100.1:4444`, `[2001:db8::1]:4444` — as a plain address. */
function withoutPort(hop: string): string {
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(hop);
  if (bracketed) return plainAddress(bracketed[1]);
  const v4WithPort = /^(\d+\.\d+\.\d+\.\d+):\d+$/.exec(hop);
  return plainAddress(v4WithPort ? v4WithPort[1] : hop);
}

export function clientAddress(trustedProxies: readonly string[] = []): MiddlewareHandler<AppEnv> {
  const trusted = new Set(trustedProxies.map(plainAddress));
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
