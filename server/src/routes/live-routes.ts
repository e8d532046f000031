// The live channel: a WebSocket on which the server says "pull" when something changed for the
// device's area or account. Checked like any request before it is upgraded; after that it only
// sends pokes and keeps the connection alive through proxies that close idle ones.
import { upgradeWebSocket } from '@hono/node-server';
import type { WebSocket } from 'ws';
import { Hono } from 'hono';
import { LIVE_POKE, liveQuerySchema } from '@dongne/shared';
import type { AppEnv } from '../app-env.js';
import { clientIp, parseWith } from '../http/http-errors.js';
import { ServiceError } from '../services/service-error.js';
import type { ChangeTopic } from '../live/change-bus.js';

/** Under the 60 s that nginx and most load balancers allow an idle connection. */
export const KEEPALIVE_MS = 25_000;

export function liveRoutes(keepaliveMs = KEEPALIVE_MS) {
  const app = new Hono<AppEnv>();

  app.get('/', async (c, next) => {
    if (c.req.header('upgrade')?.toLowerCase() !== 'websocket') {
      throw new ServiceError(426, 'live.websocket_required', 'The live channel is a WebSocket: open it with new WebSocket(url).');
    }
    const services = c.get('services');
    await services.rateLimiter.check('live', { ip: clientIp(c) });
    const query = parseWith(liveQuerySchema, c.req.query());
    const topics: ChangeTopic[] = await services.sync.liveTopics(c.get('actor'), query);
    let stop = () => {};
    let keepalive: ReturnType<typeof setInterval> | undefined;
    const upgrade = upgradeWebSocket(() => ({
      onOpen(_event, ws) {
        // main.ts serves WebSockets with the `ws` package, whose sockets can ping.
        const socket = ws.raw as unknown as WebSocket;
        stop = services.live.follow({ topics, clientId: query.clientId, poke: () => ws.send(LIVE_POKE) });
        // A device that vanished (no pong for a whole period) is dropped, so it is not poked for ever.
        let alive = true;
        socket.on('pong', () => (alive = true));
        keepalive = setInterval(() => {
          if (!alive) return socket.terminate();
          alive = false;
          socket.ping();
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
