// The change bus across instances: PostgreSQL's LISTEN/NOTIFY on one channel. Each instance keeps
// one connection that listens and also sends. If that connection drops, announcements made
// meanwhile are lost, so on reconnecting the instance tells all its devices to pull.
import pg from 'pg';
import { EVERYONE, type ChangeBus, type ChangeListener, type ChangeNews, type ChangeTopic } from './change-bus.js';

const CHANNEL = 'dongne_changes';
/** NOTIFY payloads must stay under 8000 bytes; topics are ids, so a few hundred fit in each. */
const PAYLOAD_MAX = 7_000;
const RECONNECT_MIN_MS = 250;
const RECONNECT_MAX_MS = 10_000;

interface Wire {
  t: ChangeTopic[];
  c?: string;
}

/** Splits the news into payloads under PostgreSQL's limit. */
export function encodeNews(news: ChangeNews): string[] {
  const payloads: string[] = [];
  let topics: ChangeTopic[] = [];
  const flush = () => {
    if (topics.length === 0) return;
    const wire: Wire = { t: topics, ...(news.fromClientId ? { c: news.fromClientId } : {}) };
    payloads.push(JSON.stringify(wire));
    topics = [];
  };
  let size = 64;
  for (const topic of news.topics) {
    if (size + topic.length + 3 > PAYLOAD_MAX) {
      flush();
      size = 64;
    }
    topics.push(topic);
    size += topic.length + 3;
  }
  flush();
  return payloads;
}

/** The news in a payload, or undefined for one no Dongne instance sent. */
export function decodeNews(payload: string): ChangeNews | undefined {
  try {
    const wire = JSON.parse(payload) as Partial<Wire>;
    if (!Array.isArray(wire.t) || !wire.t.every((t) => typeof t === 'string' && (t.startsWith('area:') || t.startsWith('account:')))) return undefined;
    return { topics: wire.t, ...(typeof wire.c === 'string' ? { fromClientId: wire.c } : {}) };
  } catch {
    return undefined;
  }
}

export async function openPostgresChangeBus(connectionString: string, log: (message: string) => void = console.error): Promise<ChangeBus> {
  const listeners = new Set<ChangeListener>();
  let client: pg.Client | undefined;
  let closed = false;
  let retryMs = RECONNECT_MIN_MS;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;

  const deliver = (news: ChangeNews | typeof EVERYONE) => {
    for (const listener of listeners) listener(news);
  };

  async function connect(): Promise<void> {
    const next = new pg.Client({ connectionString, application_name: 'dongne-change-bus' });
    next.on('notification', (message) => {
      if (message.channel !== CHANNEL || !message.payload) return;
      const news = decodeNews(message.payload);
      if (news) deliver(news);
    });
    const lost = (error?: Error) => {
      if (client !== next) return;
      client = undefined;
      next.removeAllListeners('end');
      void next.end().catch(() => {});
      if (closed) return;
      log(`[change-bus] lost the PostgreSQL connection${error ? `: ${error.message}` : ''}; reconnecting`);
      scheduleReconnect();
    };
    next.on('error', lost);
    next.on('end', () => lost());
    await next.connect();
    await next.query(`LISTEN ${CHANNEL}`);
    client = next;
  }

  function scheduleReconnect() {
    clearTimeout(retryTimer);
    retryTimer = setTimeout(async () => {
      try {
        await connect();
        retryMs = RECONNECT_MIN_MS;
        // Whatever was announced while we were away reached nobody here.
        deliver(EVERYONE);
      } catch (error) {
        log(`[change-bus] cannot reconnect to PostgreSQL: ${(error as Error).message}`);
        retryMs = Math.min(retryMs * 2, RECONNECT_MAX_MS);
        scheduleReconnect();
      }
    }, retryMs);
  }

  await connect();

  return {
    async publish(news) {
      const sender = client;
      if (!sender || news.topics.length === 0) return;
      try {
        for (const payload of encodeNews(news)) await sender.query('SELECT pg_notify($1, $2)', [CHANNEL, payload]);
      } catch (error) {
        log(`[change-bus] could not announce a change: ${(error as Error).message}`);
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      closed = true;
      clearTimeout(retryTimer);
      listeners.clear();
      const last = client;
      client = undefined;
      await last?.end().catch(() => {});
    },
  };
}
