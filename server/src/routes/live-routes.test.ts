import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LIVE_PATH, LIVE_POKE } from '@dongne/shared';
import { createTestServer, device, newSession, push, type TestServer } from '../testing/harness.js';
import { listenWithWebSockets, openLiveChannel, type ListeningServer } from '../testing/live-client.js';
import { HOME } from '../testing/fixes.js';

const BUSAN = 'kr-haeundae-u';

let server: TestServer;
let http: ListeningServer;

beforeEach(async () => {
  // No folding of pokes: each push that concerns a device pokes it, so tests can count.
  server = await createTestServer({ pokeGapMs: 0 });
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
