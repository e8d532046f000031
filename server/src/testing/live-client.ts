// A real HTTP server with WebSockets around an app, and a device's live channel to it, for tests
// that need the upgrade to really happen (app.request() cannot). Tests only.
import { serve, type ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { WebSocket } from 'ws';
import { createLiveSocketServer } from '../live/live-socket-server.js';
import { LIVE_PATH } from '@dongne/shared';

type Fetchable = { fetch: (request: Request, env?: unknown) => Response | Promise<Response> };

export interface ListeningServer {
  url: string;
  /** Closes every live channel (code 1012, as main.ts does on shutdown) and the server. */
  close(): Promise<void>;
}

export async function listenWithWebSockets(app: Fetchable): Promise<ListeningServer> {
  const sockets = createLiveSocketServer();
  const server = await new Promise<ServerType>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1', websocket: { server: sockets } }, () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets.clients) socket.close(1012, 'Server restarting');
        server.close(() => resolve());
      }),
  };
}

export interface LiveChannel {
  /** Every message received, in order. */
  messages: string[];
  /** Resolves once `count` messages in all have arrived. */
  waitForMessages(count: number): Promise<void>;
  /**
   * Pings and waits for the pong: every poke the server sent before it saw the ping has arrived.
   * With the in-process bus a push pokes before it answers, so after `await push(); await settle()`
   * the messages are final.
   */
  settle(): Promise<void>;
  closed: Promise<{ code: number; reason: string }>;
  /** Sends a frame, as no real device does. */
  send(data: string | Buffer): void;
  close(): void;
}

/** Opens a device's live channel; rejects with the HTTP status if the server refuses the upgrade. */
export function openLiveChannel(
  baseUrl: string,
  {
    query = {},
    cookie,
    origin = baseUrl,
    answerPings = true,
    headers: extraHeaders = {},
  }: { query?: Record<string, string>; cookie?: string; origin?: string | null; answerPings?: boolean; headers?: Record<string, string> } = {},
): Promise<LiveChannel> {
  const url = `${baseUrl.replace(/^http/, 'ws')}${LIVE_PATH}?${new URLSearchParams(query)}`;
  const headers: Record<string, string> = { ...extraHeaders };
  if (cookie) headers.cookie = cookie;
  if (origin) headers.origin = origin;
  // A device that vanished answers no ping: answerPings false plays one.
  const socket = new WebSocket(url, { headers, autoPong: answerPings });
  const messages: string[] = [];
  const waiters: { count: number; resolve: () => void }[] = [];
  socket.on('message', (data) => {
    messages.push(data.toString());
    for (const waiter of waiters.filter((w) => messages.length >= w.count)) {
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.resolve();
    }
  });
  const closed = new Promise<{ code: number; reason: string }>((resolve) => socket.on('close', (code, reason) => resolve({ code, reason: reason.toString() })));
  return new Promise((resolve, reject) => {
    socket.once('unexpected-response', (_request, response) => {
      reject(Object.assign(new Error(`The server refused the live channel: ${response.statusCode}`), { status: response.statusCode }));
      socket.terminate();
    });
    socket.once('error', reject);
    socket.once('open', () =>
      resolve({
        messages,
        closed,
        close: () => socket.close(),
        send: (data) => socket.send(data),
        settle: () => new Promise<void>((done) => {
          socket.once('pong', () => done());
          socket.ping();
        }),
        waitForMessages: (count) => (messages.length >= count ? Promise.resolve() : new Promise((done) => waiters.push({ count, resolve: done }))),
      }),
    );
  });
}
