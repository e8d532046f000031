// Control characters in every text a client can send, through app.request() with a real store
// (either engine): each is refused with a 4xx and a machine code, or stripped before it is used, and never
// causes a 500. A NUL used to end SQLite's FTS5 and LIKE patterns early: searching "lamp\0" failed
// with a 500, and "\0" on its own matched every listing.
import { describe, expect, it } from 'vitest';
import { apiErrorSchema, type Listing, type PushResponse } from '@dongne/shared';
import {
  useTestServer,
  device,
  listingArgs,
  mutation,
  newSession,
  pull,
  push,
  pushRequest,
  setNeighbourhoods,
  verifyNeighbourhood,
  type TestServer,
} from '../testing/harness.js';
import { HOME } from '../testing/fixes.js';
import { queryValue } from '../testing/test-store.js';

/** A NUL, other C0 controls, DEL and C1 controls: what a query string or a path can carry. */
const CONTROLS = ['\u0000', '\u0001', '\u0007', '\u001b', '\u007f', '\u0085', '\u009f'];
/** JSON can also carry half a surrogate pair. */
const JSON_CONTROLS = [...CONTROLS, '\ud800', '\udfff'];

let server: TestServer;
useTestServer((created) => (server = created));

const show = (text: string) => JSON.stringify(text);

/** Asserts a refusal in the shared error shape: a 4xx with a machine code. */
async function expectRefused(response: Response, label: string) {
  const text = await response.text();
  expect(response.status, `${label} → ${text}`).toBeGreaterThanOrEqual(400);
  expect(response.status, `${label} → ${text}`).toBeLessThan(500);
  expect(apiErrorSchema.safeParse(JSON.parse(text)).success, `${label} → ${text}`).toBe(true);
}

const get = (path: string) => server.app.request(path);
const post = (path: string, body: unknown, cookie?: string) =>
  server.app.request(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
    body: JSON.stringify(body),
  });

/** A seller with a published listing in HOME; returns their session and device. */
async function seller(title = 'IKEA desk lamp') {
  const me = await newSession(server.app);
  const phone = device();
  await push(server.app, me.cookie, phone.clientId, [server.createListing(phone.nextSeq(), listingArgs({ title }))]);
  return { me, phone };
}

describe('searching listings', () => {
  it('strips control characters from the words: "lamp\\0" finds the lamp, and "\\0" alone is nothing to search for', async () => {
    await seller('IKEA desk lamp');
    await seller('Office chair');
    for (const control of CONTROLS) {
      const found = await get(`/api/search?q=${encodeURIComponent(`lamp${control}`)}&neighbourhood=${HOME}`);
      expect(found.status, show(control)).toBe(200);
      expect(((await found.json()) as { listings: Listing[] }).listings.map((l) => l.title), show(control)).toEqual(['IKEA desk lamp']);
      // Short words go through LIKE, long ones through FTS5: neither may match everything.
      for (const q of [control, `${control}${control}`, `la${control}`, `p${control}`]) {
        const response = await get(`/api/search?q=${encodeURIComponent(q)}&neighbourhood=${HOME}`);
        if (response.status === 200) {
          const titles = ((await response.json()) as { listings: Listing[] }).listings.map((l) => l.title);
          expect(titles, show(q)).not.toContain('Office chair');
        } else await expectRefused(response, show(q));
      }
      await expectRefused(await get(`/api/search?q=${encodeURIComponent(control)}`), show(control));
    }
  });

  it('refuses control characters in the other search parameters', async () => {
    for (const control of CONTROLS) {
      const c = encodeURIComponent(control);
      for (const query of [`neighbourhood=${c}`, `range=1${c}`, `category=${c}`, `minPrice=1${c}`, `maxPrice=${c}`, `hideSold=1${c}`]) {
        await expectRefused(await get(`/api/search?q=lamp&${query}`), query);
      }
    }
  });
});

describe('neighbourhood lookups', () => {
  it('search by name as if the control characters were not there', async () => {
    const names = async (q: string) => {
      const response = await get(`/api/neighbourhoods?q=${encodeURIComponent(q)}`);
      expect(response.status, show(q)).toBe(200);
      return ((await response.json()) as { neighbourhoods: { id: string }[] }).neighbourhoods.map((n) => n.id);
    };
    const pangyo = await names('Pangyo');
    expect(pangyo.length).toBeGreaterThan(0);
    const empty = await names('');
    for (const control of CONTROLS) {
      expect(await names(`Pangyo${control}`), show(control)).toEqual(pangyo);
      expect(await names(control), show(control)).toEqual(empty);
    }
  });

  it('refuse control characters in an id or a position', async () => {
    for (const control of CONTROLS) {
      const c = encodeURIComponent(control);
      for (const path of [`/api/neighbourhoods/${c}`, `/api/neighbourhoods/${HOME}${c}`, `/api/neighbourhoods/locate?lat=37.5${c}&lng=127`]) {
        await expectRefused(await get(path), path);
      }
    }
  });
});

describe('other paths and queries', () => {
  it('answer a control character in an id or a cursor with a 4xx', async () => {
    const { me } = await seller();
    for (const control of CONTROLS) {
      const c = encodeURIComponent(control);
      for (const path of [
        `/api/profiles/${c}`,
        `/api/profiles/${me.actorId}${c}`,
        `/api/profiles/${c}/photo`,
        `/api/media/${'a'.repeat(63)}${c}`,
        `/api/sync/pull?cursor=0${c}`,
        `/api/sync/pull?clientId=${c}`,
        `/api/sync/pull?neighbourhood=${c}`,
        `/api/sync/pull?limit=${c}`,
      ]) {
        await expectRefused(await get(path), path);
      }
      await expectRefused(await post(`/api/listings/${c}/views`, {}), `views ${show(control)}`);
    }
  });
});

describe('accounts', () => {
  /** Asserts a 400 request.invalid that names the field. */
  async function expectInvalid(response: Response, field: string, label: string) {
    const text = await response.text();
    expect(response.status, `${label} → ${text}`).toBe(400);
    const body = apiErrorSchema.parse(JSON.parse(text));
    expect(body.error.code, label).toBe('request.invalid');
    expect(body.error.issues?.map((i) => i.path), label).toContain(field);
  }

  it('refuse control characters in nicknames and passwords, at sign-up and sign-in', async () => {
    const minho = await newSession(server.app, { nickname: 'minho', password: 'long enough password' });
    for (const [i, control] of JSON_CONTROLS.entries()) {
      const label = show(control);
      await expectInvalid(await post('/api/auth/signup', { nickname: `min${control}ho`, password: 'long enough password' }), 'nickname', label);
      await expectInvalid(await post('/api/auth/signup', { nickname: `fresh${i}`, password: `long enough${control}password` }), 'password', label);
      await expectInvalid(await post('/api/auth/signin', { nickname: `min${control}ho`, password: minho.password }), 'nickname', label);
      await expectInvalid(await post('/api/auth/signin', { nickname: 'minho', password: `${minho.password}${control}` }), 'password', label);
      await expectInvalid(await post('/api/auth/passkey/register/options', { nickname: `new${control}one` }), 'nickname', label);
      await expectRefused(
        await post('/api/auth/passkey/signin/verify', { challengeId: control, response: { id: 'x', rawId: 'x', type: 'public-key', response: {} } }),
        `passkey challenge ${label}`,
      );
    }
    expect(Number(await queryValue(server.store, "SELECT count(*) FROM actors WHERE kind = 'account'"))).toBe(1);
    // The account is as it was: the right password still signs in.
    expect((await post('/api/auth/signin', { nickname: minho.nickname, password: minho.password })).status).toBe(200);
  });
});

describe('mutations', () => {
  const resultOf = async (cookie: string, clientId: string, m: ReturnType<typeof mutation>) => {
    const response = await pushRequest(server.app, cookie, { clientId, mutations: [m] });
    const text = await response.text();
    expect(response.status, text).toBe(200);
    return (JSON.parse(text) as PushResponse).results[0];
  };

  it('strip control characters from a listing’s title, description and meeting spot when it is published and edited', async () => {
    const me = await newSession(server.app);
    const phone = device();
    for (const control of JSON_CONTROLS) {
      const args = listingArgs({
        title: `${control}Desk lamp${control}`,
        description: `Works.${control}\nBulb\tincluded.`,
        meetingSpot: `Exit ${control}1`,
      });
      expect(await resultOf(me.cookie, phone.clientId, server.createListing(phone.nextSeq(), args)), show(control)).toMatchObject({ status: 'applied' });
      expect(await server.store.listings.byId(args.id), show(control)).toMatchObject({
        title: 'Desk lamp',
        description: 'Works.\nBulb\tincluded.',
        meetingSpot: 'Exit 1',
      });
      const { id, neighbourhoodId: _, ...editable } = args;
      const edit = mutation(phone.nextSeq(), 'listing.update', { ...editable, id, title: `Lamp${control}`, meetingSpot: `${control}` });
      expect(await resultOf(me.cookie, phone.clientId, edit), show(control)).toMatchObject({ status: 'applied' });
      expect(await server.store.listings.byId(id), show(control)).toMatchObject({ title: 'Lamp', meetingSpot: '' });
    }
    // Stored text is clean: a search for the stripped title finds it, and the pull carries it so.
    const page = await pull(server.app, me.cookie, { neighbourhood: HOME, range: 1 });
    const titles = page.changes.flatMap((c) => (c.op === 'upsert' && c.entity === 'listing' ? [c.row.title] : []));
    expect(new Set(titles)).toEqual(new Set(['Lamp']));
  });

  it('reject a title of nothing but control characters, and control characters in ids, names and drafts', async () => {
    const me = await newSession(server.app);
    const phone = device();
    await push(server.app, me.cookie, phone.clientId, [setNeighbourhoods(phone.nextSeq(), [HOME]), verifyNeighbourhood(phone.nextSeq(), HOME, server.fixAt())]);
    for (const control of JSON_CONTROLS) {
      const refusals = [
        server.createListing(phone.nextSeq(), { title: `${control}${control}` }),
        mutation(phone.nextSeq(), 'listing.create', listingArgs({ neighbourhoodId: `${HOME}${control}` }), { fix: server.fixAt() }),
        server.createListing(phone.nextSeq(), { category: `books${control}` as never }),
        mutation(phone.nextSeq(), 'listing.delete', { id: `${crypto.randomUUID()}${control}` }),
        mutation(phone.nextSeq(), 'listing.set_status', { id: crypto.randomUUID(), status: `sold${control}` }),
        setNeighbourhoods(phone.nextSeq(), [`${HOME}${control}`]),
        verifyNeighbourhood(phone.nextSeq(), `${HOME}${control}`, server.fixAt()),
        mutation(phone.nextSeq(), 'draft.update', { id: crypto.randomUUID(), update: `AAAA${control}` }),
        mutation(phone.nextSeq(), `listing.create${control}`, listingArgs()),
      ];
      for (const m of refusals) {
        const result = await resultOf(me.cookie, phone.clientId, m);
        expect(result, `${m.name} ${show(control)}`).toMatchObject({ status: 'rejected', code: expect.any(String) });
      }
    }
    expect(Number(await queryValue(server.store, 'SELECT count(*) FROM listings'))).toBe(0);
  });

  it('refuse a control character in the device id with a 4xx', async () => {
    const me = await newSession(server.app);
    for (const control of JSON_CONTROLS) {
      await expectRefused(await pushRequest(server.app, me.cookie, { clientId: `${crypto.randomUUID()}${control}`, mutations: [server.createListing(1)] }), show(control));
    }
  });
});
