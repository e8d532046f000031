// The sync engine against the real server (built in memory, reached through app.request()), with
// each simulated device being one DongneDb and one cookie jar, signed in through the auth client.
import { describe, expect, it } from 'vitest';
import { neighbourhoodDetailSchema, NEW_LISTING_STATE, type Fix, type Neighbourhood } from '@dongne/shared';
import type { DraftFields } from '../db/drafts.js';
import { unsyncedCount } from '../db/account.js';
import { createDraft, ownDraft, publishDraft } from '../db/drafts.js';
import { deleteListing, setListingLiked } from '../listings/listing-actions.js';
import { clientIdOf, currentOwner, getMeta, setMeta } from '../db/meta.js';
import { chooseNeighbourhood, verifyNeighbourhood } from '../db/neighbourhoods.js';
import { draftsNewestFirst, feedPage, waitingIds } from '../db/queries.js';
import { SyncError } from './sync-deps.js';
import { pull, PULL_PAGE_ROWS } from './sync-engine.js';
import { push } from './push.js';
import { T0, useTestServer, type Device, type TestServer } from './test-device.js';

let server: TestServer;
const device = useTestServer((fresh) => (server = fresh));

const bike: DraftFields = {
  title: 'Folding bike',
  price: '85,000',
  category: 'sports',
  description: 'Six speeds. Meet at Pangyo station.',
  acceptsOffers: true,
  meetingSpot: 'Pangyo station exit 4',
  photos: [],
};
const PANGYO = 'kr-3102375';

/** Publishes a draft in `place` the way the app does: with a fix taken there when Publish is tapped. */
async function publish(d: Device, fields: Partial<DraftFields> = {}, place = PANGYO, fix: Fix | undefined = server.fixAt(place)): Promise<string> {
  const draft = await createDraft(d.db, { ...bike, ...fields });
  const result = await publishDraft(d.db, draft.id, { neighbourhoodId: place, fix });
  if (!result.ok) throw new Error(`could not publish: ${JSON.stringify(result.issues)}`);
  return result.listingId;
}

/** The error a sync attempt failed with, or undefined if it succeeded. */
async function failureOf(attempt: Promise<unknown>): Promise<SyncError | undefined> {
  try {
    await attempt;
    return undefined;
  } catch (error) {
    if (error instanceof SyncError) return error;
    throw error;
  }
}

/** Every row the server holds for a listing id, live or tombstone. */
function serverRows(id: string): number {
  return server.store.db.prepare('SELECT count(*) FROM listings WHERE id = ?').pluck().get(id) as number;
}

/** Listings written straight into the server's store by a seller no device knows. */
function seedListings(count: number, place = { id: 'kr-3102363', name: 'Yatap 3-dong 야탑3동' }): string[] {
  const sellerId = crypto.randomUUID();
  server.store.sqlite.actors.insert({ id: sellerId, nickname: 'Neighbour SEED', createdAt: T0 });
  const ids = Array.from({ length: count }, () => crypto.randomUUID());
  server.store.db.transaction(() => {
    ids.forEach((id, i) =>
      server.store.sqlite.listings.insert({
        id,
        sellerId,
        title: `Book #${i}`,
        description: '',
        priceKrw: 1000 + i,
        category: 'books',
        neighbourhood: place.name,
        neighbourhoodId: place.id,
        createdAt: T0 + i,
        changeSeq: server.store.sqlite.sync.nextChangeSeq(),
      }),
    );
  })();
  return ids;
}

const pullCursors = (d: Device) =>
  d.requests.filter((r) => r.startsWith('GET /api/sync/pull')).map((r) => Number(new URL(r.slice(4), 'http://x').searchParams.get('cursor')));

describe('a sync cycle', () => {
  it('publishes a listing written offline, confirms it, and shows it on another device', async () => {
    const phone = device('phone');
    const id = await publish(phone);
    // Written before anyone signed in on this device: it waits, and belongs to whoever signs in.
    expect((await phone.db.listings.get(id))?.sellerId).toBe('');
    expect(await phone.sync()).toEqual({ pushed: 0, pulled: 0 });
    expect(await waitingIds(phone.db)).toEqual(new Set([id]));
    expect(serverRows(id)).toBe(0);

    expect(await phone.signUp()).toEqual({ ok: true });
    expect(await phone.sync()).toEqual({ pushed: 1, pulled: 1 });

    expect(await phone.db.outbox.count()).toBe(0);
    expect(await waitingIds(phone.db)).toEqual(new Set());
    const actorId = await getMeta(phone.db, 'actorId');
    const onServer = server.store.sqlite.listings.byId(id);
    expect(onServer).toMatchObject({ id, title: 'Folding bike', priceKrw: 85000, sellerId: actorId });
    expect(await phone.db.listings.get(id)).toEqual(onServer);
    expect(await getMeta(phone.db, 'lastSyncedAt')).toBeTypeOf('number');

    // Anyone may browse: a visitor's device gets it too.
    const tablet = device('tablet');
    expect(await tablet.sync()).toEqual({ pushed: 0, pulled: 1 });
    expect(await tablet.db.listings.get(id)).toEqual(onServer);
    expect(await getMeta(tablet.db, 'actorId')).toBeUndefined();
  });

  it('pushes mutations in seq order, so a listing created and deleted offline ends deleted everywhere', async () => {
    const phone = device('phone');
    await phone.signUp();
    const kept = await publish(phone, { title: 'Kept' });
    const dropped = await publish(phone, { title: 'Changed my mind' });
    await deleteListing(phone.db, dropped);

    expect(await phone.sync()).toMatchObject({ pushed: 3 });
    expect(await phone.db.outbox.count()).toBe(0);
    expect((await phone.db.listings.toArray()).map((l) => l.id)).toEqual([kept]);
    expect(server.store.sqlite.listings.byId(dropped)).toBeUndefined();

    const tablet = device('tablet');
    await tablet.sync();
    expect((await tablet.db.listings.toArray()).map((l) => l.id)).toEqual([kept]);
  });

  it('passes a deletion on to devices that already hold the listing', async () => {
    const phone = device('phone');
    const tablet = device('tablet');
    await phone.signUp();
    const id = await publish(phone);
    await phone.sync();
    await tablet.sync();
    expect(await tablet.db.listings.get(id)).toBeDefined();

    await deleteListing(phone.db, id);
    await phone.sync();
    expect(await tablet.sync()).toEqual({ pushed: 0, pulled: 1 });
    expect(await tablet.db.listings.get(id)).toBeUndefined();
  });
});

describe('a sync that brings nothing new', () => {
  /** The keys of every `meta` row `d` writes from now on, in order (Dexie middleware: nothing the engine does can bypass it). */
  function metaWrites(d: Device): string[] {
    const written: string[] = [];
    d.db.use({
      stack: 'dbcore',
      name: 'meta-writes',
      create: (down) => ({
        ...down,
        table: (name) => {
          const table = down.table(name);
          if (name !== 'meta') return table;
          return {
            ...table,
            mutate: (request) => {
              if (request.type === 'put') written.push(...request.values.map((row: { key: string }) => row.key));
              return table.mutate(request);
            },
          };
        },
      }),
    });
    return written;
  }

  it('rewrites nothing a screen watches, only when it last synced; what did change is still written', async () => {
    const phone = device('phone');
    const written = metaWrites(phone);
    expect(await phone.signUp()).toEqual({ ok: true });
    const id = await publish(phone);
    await phone.sync();
    written.length = 0;

    // Each page restates the profile, the watchlist, blocks, keyword alerts and the cursor: written
    // again unchanged, every screen watching them (the feed among them) would read itself again.
    expect(await phone.sync()).toEqual({ pushed: 0, pulled: 0 });
    expect(written).toEqual(['lastSyncedAt']);

    const tablet = device('tablet');
    expect(await tablet.signIn(phone.account)).toEqual({ ok: true });
    await setListingLiked(tablet.db, id, true);
    await tablet.sync();
    written.length = 0;
    await phone.sync();
    expect(written).toEqual(expect.arrayContaining(['likedIds', 'serverLikedIds', 'lastSyncedAt']));
    expect(written).not.toContain('profile');
    expect(await getMeta(phone.db, 'likedIds')).toEqual([id]);
  });

  it('writes the default area a visitor browses once, not on every sync', async () => {
    const visitor = device('visitor');
    const written = metaWrites(visitor);
    await visitor.sync();
    expect(written).toContain('defaultScope');
    written.length = 0;
    await visitor.sync();
    expect(written).toEqual(['lastSyncedAt']);
  });
});

describe('a dropped connection', () => {
  it('keeps the outbox when the push never reached the server, and pushes it next time', async () => {
    const phone = device('phone');
    await phone.signUp();
    const id = await publish(phone);
    phone.failOn('POST', '/api/sync/push', 'request-lost');

    const failure = await failureOf(phone.sync());
    expect(failure?.kind).toBe('offline');
    expect(await waitingIds(phone.db)).toEqual(new Set([id]));
    expect(serverRows(id)).toBe(0);

    await phone.sync();
    expect(await phone.db.outbox.count()).toBe(0);
    expect(serverRows(id)).toBe(1);
  });

  it.each(['response-lost', 'truncated'] as const)(
    'settles a push the server applied but whose answer was lost (%s) without applying it twice',
    async (fault) => {
      const phone = device('phone');
      await phone.signUp();
      const id = await publish(phone);
      phone.failOn('POST', '/api/sync/push', fault);

      const failure = await failureOf(phone.sync());
      expect(failure?.kind).toBe('offline');
      // The server has it; the device cannot know that yet and keeps it waiting.
      expect(serverRows(id)).toBe(1);
      expect(await waitingIds(phone.db)).toEqual(new Set([id]));
      expect(await phone.db.listings.get(id)).toBeDefined();

      expect(await phone.sync()).toEqual({ pushed: 1, pulled: 1 });
      expect(await phone.db.outbox.count()).toBe(0);
      // The retry was answered from the server's memory of the mutation, not refused as a duplicate.
      expect(await phone.db.drafts.count()).toBe(0);
      expect(await phone.db.listings.get(id)).toEqual(server.store.sqlite.listings.byId(id));
      expect(serverRows(id)).toBe(1);

      const tablet = device('tablet');
      await tablet.sync();
      expect(await tablet.db.listings.filter((l) => l.title === 'Folding bike').count()).toBe(1);
    },
  );

  it.each(['request-lost', 'response-lost'] as const)(
    'keeps the work when the sign-in is cut off (%s), and pushes it once signed in',
    async (fault) => {
      const phone = device('phone');
      const laptop = device('laptop');
      await laptop.signUp();
      const id = await publish(phone);
      phone.failOn('POST', '/api/auth/signin', fault);

      expect(await phone.signIn(laptop.account)).toEqual({ ok: false, message: expect.stringContaining('offline') });
      expect(await getMeta(phone.db, 'actorId')).toBeUndefined();
      expect(await phone.sync()).toMatchObject({ pushed: 0 });
      expect(await waitingIds(phone.db)).toEqual(new Set([id]));
      expect(serverRows(id)).toBe(0);

      expect(await phone.signIn(laptop.account)).toEqual({ ok: true });
      expect(await phone.sync()).toMatchObject({ pushed: 1 });
      expect(await phone.db.outbox.count()).toBe(0);
      expect(server.store.sqlite.listings.byId(id)?.sellerId).toBe(await getMeta(laptop.db, 'actorId'));
    },
  );
});

describe('a mutation the server refuses', () => {
  it('drops a refused listing.create from the outbox and gives the draft back with the reason', async () => {
    const phone = device('phone');
    await phone.signUp();
    const good = await publish(phone, { title: 'Fine listing' });
    // An older app version queued a title the server no longer accepts.
    const refusedId = crypto.randomUUID();
    const longTitle = 'Very long title '.repeat(8);
    const seq = (await getMeta(phone.db, 'nextSeq'))!;
    const args = { id: refusedId, title: longTitle, priceKrw: 5000, category: 'books', description: 'Paperback', neighbourhoodId: 'kr-3102363', acceptsOffers: false, meetingSpot: '', photos: [] };
    const fix = server.fixAt('kr-3102363');
    await phone.db.transaction('rw', [phone.db.outbox, phone.db.meta, phone.db.listings], async () => {
      await setMeta(phone.db, 'nextSeq', seq + 1);
      const ownerId = await currentOwner(phone.db);
      await phone.db.outbox.add({ seq, mutationId: crypto.randomUUID(), name: 'listing.create', args, createdAt: Date.now(), entityId: refusedId, fix, ownerId });
      await phone.db.listings.put({ ...args, category: 'books', neighbourhood: 'Yatap 3-dong 야탑3동', sellerId: ownerId, sellerName: 'You', ...NEW_LISTING_STATE, createdAt: 1, updatedAt: 1, bumpedAt: 1 });
    });
    const after = await publish(phone, { title: 'Published after it' });

    expect(await phone.sync()).toMatchObject({ pushed: 3 });

    expect(await phone.db.outbox.count()).toBe(0);
    expect(await phone.db.listings.get(refusedId)).toBeUndefined();
    expect(serverRows(refusedId)).toBe(0);
    // Nothing the user typed is lost: the draft is back, with why it was refused.
    expect(await phone.db.drafts.get(refusedId)).toMatchObject({
      ownerId: await getMeta(phone.db, 'actorId'),
      title: longTitle,
      price: '5000',
      category: 'books',
      description: 'Paperback',
      rejection: { code: 'mutation.invalid_args', message: expect.stringContaining('title') },
    });
    // The rest of the push went on.
    expect(serverRows(good)).toBe(1);
    expect(serverRows(after)).toBe(1);
  });

  it('drops a refused delete of someone else’s listing, and the listing is shown again', async () => {
    const seller = device('seller');
    const other = device('other');
    await seller.signUp();
    await other.signUp();
    const id = await publish(seller);
    await seller.sync();
    await other.sync();
    const original = await other.db.listings.get(id);

    await deleteListing(other.db, id);
    expect(await other.db.listings.get(id)).toBeUndefined();
    await other.sync();

    expect(await other.db.outbox.count()).toBe(0);
    expect(server.store.sqlite.listings.byId(id)).toBeDefined();
    expect(await other.db.listings.get(id)).toEqual(original);
  });
});

describe('rebasing unconfirmed work over a pull', () => {
  it('keeps a local delete applied when a pull brings the server copy back, until the server confirms it', async () => {
    const phone = device('phone');
    await phone.signUp();
    const id = await publish(phone);
    // The create reaches the server, but the pull that would follow has not happened yet.
    expect(await push(phone.deps)).toBe(1);

    await deleteListing(phone.db, id);
    // Another tab (or the service worker) pulls before the delete is pushed.
    expect(await pull(phone.deps)).toBe(1);
    expect(await phone.db.listings.get(id)).toBeUndefined();
    expect(await waitingIds(phone.db)).toEqual(new Set([id]));
    expect(server.store.sqlite.listings.byId(id)).toBeDefined();

    expect(await push(phone.deps)).toBe(1);
    await pull(phone.deps);
    expect(await phone.db.listings.get(id)).toBeUndefined();
    expect(await phone.db.outbox.count()).toBe(0);
    expect(server.store.sqlite.listings.byId(id)).toBeUndefined();
  });

  it('keeps an unconfirmed listing visible when a pull does not have it yet', async () => {
    const phone = device('phone');
    const tablet = device('tablet');
    await tablet.signUp();
    await publish(tablet, { title: 'From the tablet' });
    await tablet.sync();

    const id = await publish(phone, { title: 'From the phone' });
    await pull(phone.deps);
    expect((await phone.db.listings.toArray()).map((l) => l.title).sort()).toEqual(['From the phone', 'From the tablet']);
    expect(await waitingIds(phone.db)).toEqual(new Set([id]));
  });
});

describe('paging a large pull', () => {
  // Two whole pages and part of a third.
  const P = PULL_PAGE_ROWS;
  const TOTAL = 2 * P + P / 10;

  it('gives a fresh device every listing exactly once, a page at a time', async () => {
    const ids = seedListings(TOTAL);
    const fresh = device('fresh');

    expect(await fresh.sync()).toEqual({ pushed: 0, pulled: TOTAL });

    expect(pullCursors(fresh)).toEqual([0, P, 2 * P]);
    expect(await fresh.db.listings.count()).toBe(TOTAL);
    expect((await fresh.db.listings.toCollection().primaryKeys()).sort()).toEqual([...ids].sort());
    expect(await getMeta(fresh.db, 'cursor')).toBe(TOTAL);
  });

  it.each(['request-lost', 'truncated'] as const)(
    'keeps the pages it already applied when page 2 fails (%s), and resumes from the stored cursor',
    async (fault) => {
      const ids = seedListings(TOTAL);
      const fresh = device('fresh');
      fresh.failOn('GET', '/api/sync/pull', fault, 2);

      expect((await failureOf(fresh.sync()))?.kind).toBe('offline');
      // Page 1 is kept whole; nothing of page 2 was half-applied.
      expect(await fresh.db.listings.count()).toBe(P);
      expect(await getMeta(fresh.db, 'cursor')).toBe(P);

      expect(await fresh.sync()).toEqual({ pushed: 0, pulled: TOTAL - P });
      expect(pullCursors(fresh)).toEqual([0, P, P, 2 * P]);
      expect(await fresh.db.listings.count()).toBe(TOTAL);
      expect((await fresh.db.listings.toCollection().primaryKeys()).sort()).toEqual([...ids].sort());
    },
  );
});

describe('accounts on the device', () => {
  const DAY = 24 * 3_600_000;
  const pushes = (d: Device) => d.requests.filter((r) => r.startsWith('POST /api/sync/push')).length;

  it('keeps the work when the session has expired, says so, and pushes it under the same account after signing in again', async () => {
    const phone = device('phone');
    await phone.signUp();
    const first = await publish(phone, { title: 'Sent while signed in' });
    await phone.sync();
    const actorId = await getMeta(phone.db, 'actorId');
    const clientId = await clientIdOf(phone.db);

    // Five weeks without opening the app: the server ended the session meanwhile.
    server.clock.advance(35 * DAY);
    const id = await publish(phone, { title: 'Written five weeks later' });
    expect(await push(phone.deps)).toBe(0);
    expect(await getMeta(phone.db, 'sessionExpired')).toBe(true);
    expect(await phone.sync()).toMatchObject({ pushed: 0 });
    // Nothing is lost: still waiting, still shown, and not sent as anybody.
    expect(await waitingIds(phone.db)).toEqual(new Set([id]));
    expect(await phone.db.listings.get(id)).toMatchObject({ title: 'Written five weeks later', sellerId: actorId });
    expect(serverRows(id)).toBe(0);
    // Until the person signs in again the engine does not even try.
    const tried = pushes(phone);
    await phone.sync();
    expect(pushes(phone)).toBe(tried);

    expect(await phone.signIn()).toEqual({ ok: true });
    expect(await getMeta(phone.db, 'sessionExpired')).toBe(false);
    expect(await phone.sync()).toMatchObject({ pushed: 1 });
    expect(await phone.db.outbox.count()).toBe(0);
    expect(server.store.sqlite.listings.byId(id)?.sellerId).toBe(actorId);
    // Same account, same device id: the server carries on from where the device left off.
    expect(await clientIdOf(phone.db)).toBe(clientId);
    expect(server.store.sqlite.sync.client(clientId)).toEqual({ actorId, lastSeq: 2 });
    expect(serverRows(first)).toBe(1);
  });

  it('notices at pull time that the session has ended, with nothing to push', async () => {
    const phone = device('phone');
    await phone.signUp();
    await phone.sync();
    expect(await getMeta(phone.db, 'sessionExpired')).toBe(false);
    server.clock.advance(31 * DAY);
    await phone.sync();
    expect(await getMeta(phone.db, 'sessionExpired')).toBe(true);
  });

  it('never shows or pushes one account’s drafts and waiting changes as another account on the same device', async () => {
    const phone = device('phone');
    const laptop = device('laptop');
    await phone.signUp('minji');
    const minji = { ...phone.account!, actorId: (await getMeta(phone.db, 'actorId'))! };
    await laptop.signUp('jun');
    const jun = { ...laptop.account!, actorId: (await getMeta(laptop.db, 'actorId'))! };
    await phone.sync();

    // Minji writes a draft and publishes a listing; her session lapses before they are sent.
    server.clock.advance(31 * DAY);
    const draft = await createDraft(phone.db, { title: 'Minji’s half-written draft' });
    const hers = await publish(phone, { title: 'Minji’s bike' });
    await phone.sync();
    expect(await getMeta(phone.db, 'sessionExpired')).toBe(true);

    // Jun signs in on the same phone: none of Minji's work is his to see or send.
    expect(await phone.signIn(jun)).toEqual({ ok: true });
    expect(await draftsNewestFirst(phone.db)).toEqual([]);
    expect(await ownDraft(phone.db, draft.id)).toBeUndefined();
    expect(await waitingIds(phone.db)).toEqual(new Set());
    expect(await unsyncedCount(phone.db)).toBe(0);
    expect(await phone.db.listings.get(hers)).toBeUndefined();
    expect(await getMeta(phone.db, 'nickname')).toBe('jun');

    const his = await publish(phone, { title: 'Jun’s lamp' });
    expect(await phone.sync()).toMatchObject({ pushed: 1 });
    expect(server.store.sqlite.listings.byId(his)?.sellerId).toBe(jun.actorId);
    expect(serverRows(hers)).toBe(0);
    expect((await feedPage(phone.db, 50)).map((l) => l.id)).toEqual([his]);
    const junClientId = await clientIdOf(phone.db);
    expect(server.store.sqlite.sync.client(junClientId)?.actorId).toBe(jun.actorId);

    // Jun signs out: his private data goes, Minji's stays on the device, still hidden and unsent.
    await phone.signOut();
    expect(await phone.db.outbox.where('ownerId').equals(minji.actorId).count()).toBe(1);
    expect(await phone.db.drafts.get(draft.id)).toMatchObject({ ownerId: minji.actorId });

    // Minji signs back in: her work is there at once and goes out under her account.
    expect(await phone.signIn(minji)).toEqual({ ok: true });
    expect((await draftsNewestFirst(phone.db)).map((d) => d.id)).toEqual([draft.id]);
    expect(await waitingIds(phone.db)).toEqual(new Set([hers]));
    expect(await phone.db.listings.get(hers)).toMatchObject({ title: 'Minji’s bike', sellerName: 'minji' });
    expect(await phone.sync()).toMatchObject({ pushed: 1 });
    expect(server.store.sqlite.listings.byId(hers)?.sellerId).toBe(minji.actorId);
    expect(await clientIdOf(phone.db)).not.toBe(junClientId);
  });

  it('signing out wipes that person’s drafts and waiting changes, keeps public listings, and tells the server once online', async () => {
    const others = seedListings(2);
    const phone = device('phone');
    await phone.signUp();
    await phone.sync();
    const session = phone.cookies.get('dongne_session')!;
    await createDraft(phone.db, { title: 'Never finished' });
    const unsent = await publish(phone, { title: 'Never sent' }, 'kr-3102363', server.fixAt('kr-3102363'));
    expect(await unsyncedCount(phone.db)).toBe(1);

    // Signed out with no connection: the device forgets the person at once.
    phone.failOn('POST', '/api/auth/signout', 'request-lost');
    await phone.signOut();
    expect(await phone.db.drafts.count()).toBe(0);
    expect(await phone.db.outbox.count()).toBe(0);
    expect(await getMeta(phone.db, 'actorId')).toBeUndefined();
    expect(await getMeta(phone.db, 'profile')).toBeUndefined();
    expect(await getMeta(phone.db, 'signOutPending')).toBe(true);
    // The public listings stay cached; the one never sent is gone with the rest of the person's work.
    expect(new Set((await feedPage(phone.db, 50)).map((l) => l.id))).toEqual(new Set(others));
    expect(await phone.db.listings.get(unsent)).toBeUndefined();

    // Back online, the next sync ends the session on the server too, and pulls the area afresh.
    expect(await phone.sync()).toEqual({ pushed: 0, pulled: others.length });
    expect(phone.requests.filter((r) => r === 'POST /api/auth/signout')).toHaveLength(2);
    expect(await getMeta(phone.db, 'signOutPending')).toBeUndefined();
    const stale = await server.app.request('/api/sync/push', {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: `dongne_session=${session}` },
      body: JSON.stringify({ clientId: crypto.randomUUID(), mutations: [] }),
    });
    expect(stale.status).toBe(401);
    expect(serverRows(unsent)).toBe(0);
    expect(new Set((await feedPage(phone.db, 50)).map((l) => l.id))).toEqual(new Set(others));
  });

  it('numbers each account’s changes in one unbroken run, whoever else used the phone in between', async () => {
    const phone = device('phone');
    await phone.signUp('minji');
    const minji = phone.account!;
    await publish(phone, { title: 'First' });
    await phone.sync();
    await phone.signOut();
    const jun = device('laptop');
    await jun.signUp('jun');
    expect(await phone.signIn(jun.account!)).toEqual({ ok: true });
    await publish(phone, { title: 'Jun’s' });
    await publish(phone, { title: 'Jun’s second' });
    expect(await phone.sync()).toMatchObject({ pushed: 2 });
    await phone.signOut();
    expect(await phone.signIn(minji)).toEqual({ ok: true });
    await publish(phone, { title: 'Second' });
    expect(await phone.sync()).toMatchObject({ pushed: 1 });
    // Each device id saw 1, 2, … with nothing skipped: the server took every batch first time.
    const pushes = phone.requests.filter((r) => r === 'POST /api/sync/push');
    expect(pushes).toHaveLength(3);
    // Signing out retired Minji's first device id; she came back under a new one.
    expect(server.store.sqlite.sync.client(await clientIdOf(phone.db))?.lastSeq).toBe(1);
  });

  it('never lets changes dropped at a sign-out meet new ones under the same numbers', async () => {
    const phone = device('phone');
    await phone.signUp('minji');
    const minji = phone.account!;
    await publish(phone, { title: 'Sent' });
    await phone.sync();
    const firstId = await clientIdOf(phone.db);
    // The next push never gets an answer; then Minji signs out, and the change goes with her.
    await publish(phone, { title: 'Lost at sign-out' });
    phone.failOn('POST', '/api/sync/push', 'request-lost');
    expect(await failureOf(phone.sync())).toMatchObject({ kind: 'offline' });
    await phone.signOut();

    expect(await phone.signIn(minji)).toEqual({ ok: true });
    const later = await publish(phone, { title: 'Later' });
    expect(await phone.sync()).toMatchObject({ pushed: 1 });
    expect(server.store.sqlite.listings.byId(later)?.title).toBe('Later');
    expect(await clientIdOf(phone.db)).not.toBe(firstId);
    expect(server.store.sqlite.sync.client(await clientIdOf(phone.db))?.lastSeq).toBe(1);
  });

  it('numbers again from where the server is when the device lost track of its numbers, and loses nothing', async () => {
    const [liked] = seedListings(1);
    const phone = device('phone');
    await phone.signUp('minji');
    await publish(phone, { title: 'One' });
    await publish(phone, { title: 'Two' });
    await phone.sync();
    // As after the upgrade from numbering by the device's own counter: nothing recorded here.
    await setMeta(phone.db, 'sentSeqs', {});
    await setListingLiked(phone.db, liked, true);

    expect(await phone.sync()).toMatchObject({ pushed: 1 });
    expect(await getMeta(phone.db, 'serverLikedIds')).toEqual([liked]);
    expect(server.store.sqlite.sync.client(await clientIdOf(phone.db))?.lastSeq).toBe(3);
    expect(phone.requests.filter((r) => r === 'POST /api/sync/push')).toHaveLength(3);
  });

  it('stops pushing one account’s changes the moment another signs in, and never sends them as the newcomer', async () => {
    const others = seedListings(150);
    const phone = device('phone');
    const laptop = device('laptop');
    await laptop.signUp('jun');
    const jun = { ...laptop.account!, actorId: (await getMeta(laptop.db, 'actorId'))! };
    await phone.signUp('minji');
    const minji = (await getMeta(phone.db, 'actorId'))!;
    await phone.sync();
    for (const id of others) await setListingLiked(phone.db, id, true);
    let batches = 0;
    const deps = {
      ...phone.deps,
      fetch: async (input: RequestInfo | URL, init?: RequestInit) => {
        const response = await phone.deps.fetch(input, init);
        // Jun signs in on this phone (in another tab, say) while Minji's first batch is answered.
        if (String(input).includes('/api/sync/push') && ++batches === 1) await phone.signIn(jun);
        return response;
      },
    };

    expect(await push(deps)).toBe(100);
    expect(await phone.db.outbox.where('ownerId').equals(minji).count()).toBe(50);
    const junsRecords = server.store.db.prepare('SELECT count(*) FROM processed_mutations p JOIN clients c USING (client_id) WHERE c.actor_id = ?').pluck().get(jun.actorId);
    expect(junsRecords).toBe(0);
  });

  it('takes a fresh device id when the server says this one belongs to another account, and pushes', async () => {
    const laptop = device('laptop');
    await laptop.signUp();
    await publish(laptop);
    await laptop.sync();
    const laptopClientId = await clientIdOf(laptop.db);

    const phone = device('phone');
    await phone.signUp();
    const actorId = (await getMeta(phone.db, 'actorId'))!;
    // Say the phone was restored from a copy of the laptop's storage: it holds the laptop's id.
    await setMeta(phone.db, 'clientIds', { [actorId]: laptopClientId });
    const id = await publish(phone);

    expect(await phone.sync()).toMatchObject({ pushed: 1 });
    expect(server.store.sqlite.listings.byId(id)?.sellerId).toBe(actorId);
    const fresh = await clientIdOf(phone.db);
    expect(fresh).not.toBe(laptopClientId);
    expect(server.store.sqlite.sync.client(fresh)?.actorId).toBe(actorId);
    expect(server.store.sqlite.sync.client(laptopClientId)?.actorId).not.toBe(actorId);
  });
});

describe('proof of place', () => {
  it('publishes with the fix taken at Publish, and the profile counts the verification', async () => {
    const phone = device('phone');
    await phone.signUp();
    const id = await publish(phone);
    expect(await phone.sync()).toEqual({ pushed: 1, pulled: 1 });
    expect(server.store.sqlite.listings.byId(id)).toMatchObject({ neighbourhoodId: PANGYO, neighbourhood: 'Pangyo-dong 판교동' });
    expect(await getMeta(phone.db, 'profile')).toMatchObject({ verificationCount: 1, lastVerifiedAt: T0 });
  });

  it('gives a publish from 20 km away back as a draft that says how far, and keeps the rest of the push', async () => {
    const phone = device('phone');
    await phone.signUp();
    const far = await publish(phone, { title: 'Sent from the office' }, PANGYO, server.fixAt(PANGYO, { northM: 20_000 }));
    const near = await publish(phone, { title: 'Sent from home' });

    expect(await phone.sync()).toMatchObject({ pushed: 2 });

    expect(serverRows(far)).toBe(0);
    expect(await phone.db.listings.get(far)).toBeUndefined();
    expect(await phone.db.drafts.get(far)).toMatchObject({
      title: 'Sent from the office',
      rejection: { code: 'location.too_far', message: 'You were 20.4 km from Pangyo-dong when you tapped Publish.' },
    });
    expect(serverRows(near)).toBe(1);
  });

  it('checks a verification made offline when it syncs, and says why one was refused', async () => {
    const phone = device('phone');
    await phone.signUp();
    await verifyNeighbourhood(phone.db, PANGYO, server.fixAt(PANGYO));
    expect(await waitingIds(phone.db)).toEqual(new Set([`verify:${PANGYO}`]));
    await phone.sync();
    expect(await getMeta(phone.db, 'profile')).toMatchObject({ verificationCount: 1 });
    expect(await getMeta(phone.db, 'verifyRejection')).toBeUndefined();

    // Taken offline two days before it reached the server.
    const { lat, lng } = server.store.sqlite.neighbourhoods.byId(PANGYO)!;
    await verifyNeighbourhood(phone.db, PANGYO, { lat, lng, accuracy: 20, takenAt: T0 - 2 * 24 * 3_600_000 });
    await phone.sync();
    expect(await getMeta(phone.db, 'profile')).toMatchObject({ verificationCount: 1 });
    expect(await getMeta(phone.db, 'verifyRejection')).toMatchObject({ code: 'location.stale', message: expect.stringContaining('2 days') });
    expect(await phone.db.outbox.count()).toBe(0);
  });
});

describe('choosing where to look', () => {
  const mangwon = { id: 'kr-1114069', name: 'Mangwon 1-dong 망원1동' };
  const placeOf = (id: string): Neighbourhood => {
    const { nameEn, nameKo, country, lat, lng } = server.store.sqlite.neighbourhoods.byId(id)!;
    return { id, nameEn, nameKo, country, lat, lng };
  };
  /** What the neighbourhood screen passes: the detail, fetched through this device's network. */
  const detailVia = (d: Device, id: string) => async () =>
    neighbourhoodDetailSchema.parse(await (await d.deps.fetch(`/api/neighbourhoods/${id}`)).json());
  const pulls = (d: Device) => d.requests.filter((r) => r.startsWith('GET /api/sync/pull')).map((r) => new URL(r.slice(4), 'http://x').searchParams);

  it('browses the default area as a visitor, then pulls only the chosen neighbourhood’s area once one is chosen', async () => {
    const bundang = seedListings(3);
    const seoul = seedListings(2, mangwon);
    const phone = device('phone');
    await phone.signUp();

    await phone.sync();
    expect(new Set((await feedPage(phone.db, 50)).map((l) => l.id))).toEqual(new Set(bundang));
    expect(await getMeta(phone.db, 'defaultScope')).toEqual({ neighbourhoodId: 'kr-3102353', range: 4 });

    await chooseNeighbourhood(phone.db, placeOf(mangwon.id), detailVia(phone, mangwon.id));
    // At once, offline too: the feed shows the chosen area from what is cached (nothing of Seoul yet).
    expect(await feedPage(phone.db, 50)).toEqual([]);
    expect(await phone.sync()).toMatchObject({ pushed: 1, pulled: 2 });

    const last = pulls(phone).at(-1)!;
    expect([last.get('neighbourhood'), last.get('range'), last.get('cursor')]).toEqual([mangwon.id, '2', '0']);
    expect(new Set((await feedPage(phone.db, 50)).map((l) => l.id))).toEqual(new Set(seoul));
    expect((await getMeta(phone.db, 'profile'))?.neighbourhoods).toEqual([{ id: mangwon.id, name: mangwon.name, active: true, verifiedAt: null }]);
    expect(server.store.sqlite.actorNeighbourhoods.held((await getMeta(phone.db, 'actorId'))!)).toEqual([{ neighbourhoodId: mangwon.id, active: true }]);
  });

  it('pulls a wider area from the start when the range changes, and narrows the feed at once', async () => {
    const inPangyo = seedListings(2, { id: PANGYO, name: 'Pangyo-dong 판교동' });
    const inYatap = seedListings(2);
    const phone = device('phone');
    await chooseNeighbourhood(phone.db, placeOf(PANGYO), detailVia(phone, PANGYO));
    await setMeta(phone.db, 'range', 1);
    await phone.sync();
    expect(new Set((await phone.db.listings.toArray()).map((l) => l.id))).toEqual(new Set(inPangyo));

    await setMeta(phone.db, 'range', 4);
    await phone.sync();
    expect(pulls(phone).at(-1)!.get('cursor')).toBe('0');
    expect(new Set((await feedPage(phone.db, 50)).map((l) => l.id))).toEqual(new Set([...inPangyo, ...inYatap]));

    await setMeta(phone.db, 'range', 1);
    expect(new Set((await feedPage(phone.db, 50)).map((l) => l.id))).toEqual(new Set(inPangyo));
  });
});

describe('push batches', () => {
  it('split by size as well as count, so long texts never exceed the body limit', async () => {
    const { fitBatch } = await import('./push.js');
    const long = '가'.repeat(4000);
    const entries = Array.from({ length: 100 }, (_, i) => ({
      seq: i + 1,
      mutationId: crypto.randomUUID(),
      name: 'listing.create' as const,
      args: { description: long },
      createdAt: 0,
      entityId: String(i),
      ownerId: 'a',
    }));
    const batch = fitBatch(entries);
    expect(batch.length).toBeGreaterThan(0);
    expect(batch.length).toBeLessThan(100);
    expect(new TextEncoder().encode(JSON.stringify(batch)).length).toBeLessThan(1024 * 1024);
    expect(batch.map((e) => e.seq)).toEqual(entries.slice(0, batch.length).map((e) => e.seq));
  });
});
