// The live channel: a WebSocket on which the server says "pull" when something changed for the
// device's area or account. Checked like any request before it is upgraded; after that it only
// sends pokes and keeps the connection alive through proxies that close idle ones.
import { upgradeWebSocket } from '@hono/node-server';
import type { WebSocket } from 'ws';
import { Hono } from 'hono';
import { getCookie } from 'hono/cookie';
import { LIVE_POKE, liveQuerySchema } from '@dongne/shared';
import { SESSION_COOKIE, type AppEnv } from '../app-env.js';
import { clientIp, parseWith } from '../http/http-errors.js';
import { ServiceError } from '../services/service-error.js';
import type { ChangeTopic } from '../live/change-bus.js';

/** Under the 60 s that nginx and most load balancers allow an idle connection. */
export const KEEPALIVE_MS = 25_000;

/**
 * Channels one address may hold open on an instance: a household or an office shares an IPv4
 * address (a carrier's NAT, many more), so this bounds a script, not people.
 */
export const LIVE_CHANNELS_PER_ADDRESS = 50;

/** Closes a channel whose session ended (signed out, expired): the device reconnects as it now is. */
export const SESSION_ENDED = 4401;

export function liveRoutes(keepaliveMs = KEEPALIVE_MS) {
  const app = new Hono<AppEnv>();

  app.get('/', async (c, next) => {
    if (c.req.header('upgrade')?.toLowerCase() !== 'websocket') {
      throw new ServiceError(426, 'live.websocket_required', 'The live channel is a WebSocket: open it with new WebSocket(url).');
    }
    const services = c.get('services');
    const address = clientIp(c);
    await services.rateLimiter.check('live', { ip: address });
    if (address && services.live.openFrom(address) >= LIVE_CHANNELS_PER_ADDRESS) {
      throw new ServiceError(429, 'live.too_many', `At most ${LIVE_CHANNELS_PER_ADDRESS} live channels are open from one address. Close some tabs and try again.`);
    }
    const query = parseWith(liveQuerySchema, c.req.query());
    const actor = c.get('actor');
    const topics: ChangeTopic[] = await services.sync.liveTopics(actor, query);
    // An account's pokes say when it is active: they stop when its session does.
    const token = actor ? getCookie(c, SESSION_COOKIE) : undefined;
    let stop = () => {};
    let keepalive: ReturnType<typeof setInterval> | undefined;
    const upgrade = upgradeWebSocket(() => ({
      onOpen(_event, ws) {
        // main.ts serves WebSockets with the `ws` package, whose sockets can ping.
        const socket = ws.raw as unknown as WebSocket;
        stop = services.live.follow({ topics, clientId: query.clientId, address, poke: () => ws.send(LIVE_POKE) });
        // A device that vanished (no pong for a whole period) is dropped, so it is not poked for ever.
        let alive = true;
        socket.on('pong', () => (alive = true));
        keepalive = setInterval(async () => {
          if (!alive) return socket.terminate();
          alive = false;
          socket.ping();
          // A database hiccup must not close every channel at once: only a session known gone does.
          if (token && !(await services.session.isLive(token).catch(() => true))) socket.close(SESSION_ENDED, 'Session ended');
        }, keepaliveMs);
      },
      onClose() {
        clearInterval(keepalive);
        stop();
      },
    }));
    return upgrade(c, next);
  });

  return app;
}
