// Chat message latency: from a buyer sending a message (push over HTTP) to the seller's device
// having it (poked over its live channel, then its pull returned the message), both online, with
// 1,000 live channels open on the one instance; and the same with the seller's channel alone,
// measured in the same run, as the machine's own floor.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { METRES_PER_DEGREE_LAT } from '@dongne/shared';
import { at } from '../e2e/support/places.js';
import { openLiveChannel, type LiveChannel } from '../server/src/testing/live-client.js';
import { killSpawnedServers, spawnServer } from '../server/src/testing/spawned-server.js';
import { percentile } from './bench-listings.js';

const CONNECTIONS = 1_000;
const MESSAGES = 100;
const AIM_P99_MS = 250;
/** Least time between two pokes to one device is 200 ms: space messages so each is measured alone. */
const MESSAGE_SPACING_MS = 250;
const PANGYO = at('kr-bundang-pangyo');
const AREAS = ['kr-bundang-pangyo', 'kr-bundang-sunae', 'kr-bundang-jeongja', 'kr-bundang-seohyeon'];

let fixes = 0;
function fix() {
  const i = fixes++;
  return {
    lat: PANGYO.latitude + (3 * i) / METRES_PER_DEGREE_LAT,
    lng: PANGYO.longitude,
    accuracy: 12,
    takenAt: Date.now() - 60_000 + i * 1000,
  };
}

interface Device {
  actorId: string;
  cookie: string;
  clientId: string;
  seq: number;
}

async function signUp(url: string, nickname: string): Promise<Device> {
  const response = await fetch(`${url}/api/auth/signup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ nickname, password: 'benchmark password' }),
  });
  if (response.status !== 201) throw new Error(`signup: ${response.status}`);
  const { actorId } = (await response.json()) as { actorId: string };
  return { actorId, cookie: response.headers.get('set-cookie')!.split(';')[0], clientId: randomUUID(), seq: 0 };
}

async function push(url: string, device: Device, name: string, args: unknown, withFix = false) {
  const mutation = { mutationId: randomUUID(), seq: ++device.seq, name, args, createdAt: Date.now(), ...(withFix && { fix: fix() }) };
  const response = await fetch(`${url}/api/sync/push`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: device.cookie },
    body: JSON.stringify({ clientId: device.clientId, mutations: [mutation] }),
  });
  const body = (await response.json()) as { results?: { status: string; code?: string }[] };
  if (!response.ok || body.results![0].status !== 'applied') throw new Error(`${name}: ${response.status} ${JSON.stringify(body).slice(0, 200)}`);
}

/** The seller's device: pulls from where it is until the message is there. */
async function pullUntil(url: string, device: Device & { cursor: number }, messageId: string) {
  for (;;) {
    const response = await fetch(`${url}/api/sync/pull?cursor=${device.cursor}&clientId=${device.clientId}&limit=500`, { headers: { cookie: device.cookie } });
    const page = (await response.json()) as { cursor: number; hasMore: boolean; changes: { entity: string; row?: { id: string } }[] };
    device.cursor = page.cursor;
    if (page.changes.some((c) => c.entity === 'message' && c.row?.id === messageId)) return;
    if (!page.hasMore) await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

async function measure(url: string, buyer: Device, seller: Device & { cursor: number }, channel: LiveChannel, listingId: string, buyerId: string) {
  const latencies: number[] = [];
  for (let i = 0; i < MESSAGES; i++) {
    const id = randomUUID();
    const seen = channel.messages.length;
    const started = performance.now();
    await push(url, buyer, 'chat.send', { id, listingId, buyerId, text: `안녕하세요, 아직 있나요? Message ${i}` });
    await channel.waitForMessages(seen + 1);
    await pullUntil(url, seller, id);
    latencies.push(performance.now() - started);
    await new Promise((resolve) => setTimeout(resolve, MESSAGE_SPACING_MS));
  }
  return latencies.sort((a, b) => a - b);
}

export async function benchChatLatency(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'dongne-bench-chat-'));
  const channels: LiveChannel[] = [];
  try {
    // Every channel comes from its own address, as phones do: the proxy on this machine says which.
    const server = await spawnServer(dir, { env: { DONGNE_TRUSTED_PROXIES: '127.0.0.1' }, timeoutMs: 60_000 });
    const url = server.url;
    const seller = { ...(await signUp(url, 'benchseller')), cursor: 0 };
    const buyer = await signUp(url, 'benchbuyer');
    for (const device of [seller, buyer]) {
      await push(url, device, 'neighbourhood.set', { held: ['kr-bundang-pangyo'], active: 'kr-bundang-pangyo' });
      await push(url, device, 'neighbourhood.verify', { neighbourhoodId: 'kr-bundang-pangyo' }, true);
    }
    const listingId = randomUUID();
    await push(url, seller, 'listing.create', { id: listingId, title: 'Bench bicycle', priceKrw: 50000, category: 'sports', description: '', neighbourhoodId: 'kr-bundang-pangyo' }, true);
    const buyerId = buyer.actorId;
    // The first message starts the conversation; the seller's device catches up once.
    const first = randomUUID();
    await push(url, buyer, 'chat.send', { id: first, listingId, buyerId, text: '안녕하세요!' });
    await pullUntil(url, seller, first);

    const sellerChannel = await openLiveChannel(url, { cookie: seller.cookie, headers: { 'x-forwarded-for': '10.1.0.1' } });
    channels.push(sellerChannel);
    const alone = await measure(url, buyer, seller, sellerChannel, listingId, buyerId);

    for (let i = channels.length; i < CONNECTIONS; i++) {
      const address = `10.2.${Math.floor(i / 250)}.${(i % 250) + 1}`;
      channels.push(await openLiveChannel(url, { query: { neighbourhood: AREAS[i % AREAS.length], range: '2' }, headers: { 'x-forwarded-for': address } }));
    }
    const crowded = await measure(url, buyer, seller, sellerChannel, listingId, buyerId);

    const ms = (n: number) => `${n.toFixed(1)} ms`;
    const line = (label: string, l: number[]) => `  ${label.padEnd(34)} p50 ${ms(percentile(l, 0.5))}  p99 ${ms(percentile(l, 0.99))}  max ${ms(l[l.length - 1])}`;
    const p99 = percentile(crowded, 0.99);
    return [
      `chat: a message from send on the buyer's device to the seller's device having it (poke, then pull), ${MESSAGES} messages, SQLite, one instance`,
      line('the seller\'s channel alone', alone),
      `${line(`with ${channels.length.toLocaleString('en-US')} live channels open`, crowded)}  (aim p99 < ${AIM_P99_MS} ms)  ${p99 < AIM_P99_MS ? 'OK' : 'OVER'}`,
    ].join('\n');
  } finally {
    for (const channel of channels) channel.close();
    await killSpawnedServers();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(await benchChatLatency()); // npx tsx scripts/bench-chat-latency.ts
