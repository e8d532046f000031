import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LIVE_PATH, LIVE_POKE } from '@dongne/shared';
import { createTestServer, device, mutation, newSession, push, type TestServer } from '../testing/harness.js';
import { listenWithWebSockets, openLiveChannel, type ListeningServer } from '../testing/live-client.js';
import { HOME } from '../testing/fixes.js';
import { LIVE_MAX_FRAME_BYTES } from '../live/live-socket-server.js';
import { LIVE_CHANNELS_PER_ADDRESS, SESSION_ENDED } from './live-routes.js';

const BUSAN = 'kr-haeundae-u';
/** Short, so a test sees the server ping and check sessions (it waits for the outcome, not for this). */
const KEEPALIVE_MS = 100;

let server: TestServer;
let http: ListeningServer;

beforeEach(async () => {
  // No folding of pokes: each push that concerns a device pokes it, so tests can count.
  server = await createTestServer({ pokeGapMs: 0, liveKeepaliveMs: KEEPALIVE_MS });
  http = await listenWithWebSockets(server.app);
});
afterEach(async () => {
  await http.close();
  await server.close();
});

/** A neighbour who publishes a listing in `neighbourhoodId` from a phone of theirs. */
async function publishIn(neighbourhoodId: string, who?: { cookie: string; clientId: string; nextSeq(): number }) {
  const seller = who ?? { ...(await newSession(server.app)), ...device() };
  await push(server.app, seller.cookie, seller.clientId, [server.createListing(seller.nextSeq(), { neighbourhoodId })]);
  return seller;
}

const area = (neighbourhood: string, range = '1') => ({ neighbourhood, range });

describe('the live channel', () => {
  it('tells a device following an area to pull when a listing there changes, and carries nothing else', async () => {
    const visitor = await openLiveChannel(http.url, { query: area(HOME) });
    await publishIn(HOME);
    await visitor.waitForMessages(1);
    expect(visitor.messages).toEqual([LIVE_POKE]);
  });

  it('leaves a device alone for changes in areas it does not follow', async () => {
    const visitor = await openLiveChannel(http.url, { query: area(HOME) });
    await publishIn(BUSAN);
    await publishIn(HOME);
    await visitor.settle();
    expect(visitor.messages).toEqual([LIVE_POKE]);
  });

  it("pokes a person's other devices for their own changes anywhere, but not the device that made them", async () => {
    const seller = { ...(await newSession(server.app)), ...device() };
    const phone = await openLiveChannel(http.url, { query: { ...area(HOME), clientId: seller.clientId }, cookie: seller.cookie });
    const laptop = await openLiveChannel(http.url, { query: { ...area(BUSAN), clientId: device().clientId }, cookie: seller.cookie });
    await publishIn(HOME, seller);
    await laptop.settle();
    await phone.settle();
    expect(laptop.messages).toEqual([LIVE_POKE]);
    expect(phone.messages).toEqual([]);
  });

  it('does not poke the area for changes its devices cannot see: edits to a hidden listing, a like that changed nothing', async () => {
    const seller = { ...(await newSession(server.app)), ...device() };
    const listing = server.createListing(seller.nextSeq());
    const id = (listing.args as { id: string }).id;
    const shown = server.createListing(seller.nextSeq());
    await push(server.app, seller.cookie, seller.clientId, [listing, shown, mutation(seller.nextSeq(), 'listing.set_hidden', { id, hidden: true })]);
    const visitor = await openLiveChannel(http.url, { query: area(HOME) });
    const edit = { id, title: 'Brass lamp', description: 'Edited while hidden.', priceKrw: 9000, category: 'household', acceptsOffers: false, meetingSpot: '', photos: [] };
    await push(server.app, seller.cookie, seller.clientId, [
      mutation(seller.nextSeq(), 'listing.update', edit),
      mutation(seller.nextSeq(), 'listing.set_status', { id, status: 'reserved' }),
      mutation(seller.nextSeq(), 'listing.set_hidden', { id, hidden: true }),
    ]);
    const neighbour = { ...(await newSession(server.app)), ...device() };
    const unlike = mutation(neighbour.nextSeq(), 'listing.set_liked', { id: (shown.args as { id: string }).id, liked: false });
    expect((await push(server.app, neighbour.cookie, neighbour.clientId, [unlike])).results[0].status).toBe('applied');
    await visitor.settle();
    expect(visitor.messages).toEqual([]);
    // Showing it again is news to the area.
    await push(server.app, seller.cookie, seller.clientId, [mutation(seller.nextSeq(), 'listing.set_hidden', { id, hidden: false })]);
    await visitor.settle();
    expect(visitor.messages).toEqual([LIVE_POKE]);
  });

  it("stops following an account once its session ends: the channel is closed, and the account's changes poke it no more", async () => {
    const seller = { ...(await newSession(server.app)), ...device() };
    const laptop = await openLiveChannel(http.url, { query: area(BUSAN), cookie: seller.cookie });
    const signedOut = await server.app.request('/api/auth/signout', { method: 'POST', headers: { cookie: seller.cookie } });
    expect(signedOut.status).toBeLessThan(300);
    expect((await laptop.closed).code).toBe(SESSION_ENDED);
    expect(laptop.messages).toEqual([]);
  });

  it('drops a device that stops answering pings', async () => {
    const gone = await openLiveChannel(http.url, { query: area(HOME), answerPings: false });
    // Terminated, not closed politely: the device is presumed gone.
    expect((await gone.closed).code).toBe(1006);
  });

  it('closes a channel a client sends a large frame on (1009), rather than holding it', async () => {
    const channel = await openLiveChannel(http.url, { query: area(HOME) });
    channel.send(Buffer.alloc(LIVE_MAX_FRAME_BYTES + 1));
    expect((await channel.closed).code).toBe(1009);
  });

  it(`refuses more than ${LIVE_CHANNELS_PER_ADDRESS} open channels from one address (429)`, async () => {
    const open = await Promise.all(Array.from({ length: LIVE_CHANNELS_PER_ADDRESS }, () => openLiveChannel(http.url, { query: area(HOME) })));
    await expect(openLiveChannel(http.url, { query: area(HOME) })).rejects.toMatchObject({ status: 429 });
    open[0].close();
    await open[0].closed;
    // The hub forgets a closed channel when the server sees the close: try until it has.
    await expect.poll(() => openLiveChannel(http.url, { query: area(HOME) }).then((c) => (c.close(), 'open'), () => 'refused')).toBe('open');
    for (const channel of open) channel.close();
  });

  it('does not poke for a refused change', async () => {
    const visitor = await openLiveChannel(http.url, { query: area(HOME) });
    const seller = { ...(await newSession(server.app)), ...device() };
    // No fix and no verification: refused, nothing changed.
    const refused = { ...server.createListing(seller.nextSeq()), fix: undefined };
    const response = await push(server.app, seller.cookie, seller.clientId, [refused]);
    expect(response.results[0].status).toBe('rejected');
    await visitor.settle();
    expect(visitor.messages).toEqual([]);
  });

  it('closes every channel with 1012 when the server shuts down, so devices reconnect elsewhere', async () => {
    const visitor = await openLiveChannel(http.url, { query: area(HOME) });
    await http.close();
    expect((await visitor.closed).code).toBe(1012);
  });

  it('refuses a page on another site (403), an unknown area (404) and a malformed one (400)', async () => {
    await expect(openLiveChannel(http.url, { query: area(HOME), origin: 'https://evil.example' })).rejects.toMatchObject({ status: 403 });
    await expect(openLiveChannel(http.url, { query: area('kr-atlantis') })).rejects.toMatchObject({ status: 404 });
    await expect(openLiveChannel(http.url, { query: area(HOME, '9') })).rejects.toMatchObject({ status: 400 });
    await expect(openLiveChannel(http.url, { query: { clientId: 'not-a-uuid' } })).rejects.toMatchObject({ status: 400 });
    expect(server.logged).toEqual([]);
  });

  it('answers a plain request with 426 live.websocket_required, and an invalid upgrade with the usual error body', async () => {
    const plain = await server.app.request(`${LIVE_PATH}?neighbourhood=${HOME}`);
    expect(plain.status).toBe(426);
    expect((await plain.json()).error.code).toBe('live.websocket_required');
    const invalid = await server.app.request(`${LIVE_PATH}?range=0`, { headers: { upgrade: 'websocket' } });
    expect(invalid.status).toBe(400);
    expect((await invalid.json()).error).toMatchObject({ code: 'request.invalid', issues: [{ path: 'range' }] });
    const crossSite = await server.app.request(LIVE_PATH, { headers: { upgrade: 'websocket', origin: 'https://evil.example' } });
    expect((await crossSite.json()).error.code).toBe('csrf.cross_origin');
  });
});
