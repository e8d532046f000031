// The live channel: while the app is open, online and visible, a WebSocket on which the server
// says "pull" as soon as something changes for this device's area or account, whichever server
// instance took the change. It carries no data; the poke only starts a normal sync. Without it
// (old browser, a proxy that drops WebSockets) the scheduler's 30 s poll still brings everything.
import { LIVE_PATH, LIVE_POKE } from '@dongne/shared';
import type { DongneDb } from '../db/db.js';
import { clientIdOf, currentOwner } from '../db/meta.js';
import { currentScope } from '../db/scope.js';

const RECONNECT_MIN_MS = 1_000;
const RECONNECT_MAX_MS = 60_000;

export interface LiveChannel {
  /** Opens the channel for the device's current area and account, or reopens it if they changed. */
  refresh(): void;
  stop(): void;
}

/** The channel's address for what this device follows now. */
export async function liveUrl(db: DongneDb, origin: string): Promise<string> {
  const scope = await currentScope(db);
  const params = new URLSearchParams({ clientId: await clientIdOf(db) });
  if (scope?.chosen) {
    params.set('neighbourhood', scope.scope.neighbourhoodId);
    params.set('range', String(scope.scope.range));
  }
  return `${origin.replace(/^http/, 'ws')}${LIVE_PATH}?${params}`;
}

export function startLiveChannel(db: DongneDb, onPoke: () => void): LiveChannel {
  let socket: WebSocket | undefined;
  /** What the open socket follows: its address and whose session it was opened with. */
  let following = '';
  let retryMs = RECONNECT_MIN_MS;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;

  const wanted = () => !stopped && typeof WebSocket !== 'undefined' && navigator.onLine && document.visibilityState === 'visible';

  function close() {
    clearTimeout(retryTimer);
    const old = socket;
    socket = undefined;
    following = '';
    old?.close();
  }

  async function refresh() {
    if (!wanted()) return close();
    const url = await liveUrl(db, location.origin);
    const key = `${await currentOwner(db)} ${url}`;
    if (socket && following === key) return;
    close();
    if (!wanted()) return;
    const opened = new WebSocket(url);
    socket = opened;
    following = key;
    opened.onopen = () => {
      retryMs = RECONNECT_MIN_MS;
      // Changes made while the channel was down poked nobody here.
      onPoke();
    };
    opened.onmessage = (event) => {
      if (event.data === LIVE_POKE) onPoke();
    };
    opened.onclose = () => {
      if (socket !== opened) return;
      socket = undefined;
      following = '';
      if (!wanted()) return;
      clearTimeout(retryTimer);
      retryTimer = setTimeout(() => void refresh(), retryMs);
      retryMs = Math.min(retryMs * 2, RECONNECT_MAX_MS);
    };
  }

  const onChange = () => void refresh();
  window.addEventListener('online', onChange);
  window.addEventListener('offline', onChange);
  document.addEventListener('visibilitychange', onChange);

  return {
    refresh: onChange,
    stop() {
      stopped = true;
      window.removeEventListener('online', onChange);
      window.removeEventListener('offline', onChange);
      document.removeEventListener('visibilitychange', onChange);
      close();
    },
  };
}
