import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import { apiErrorSchema, SYNC_LIMITS } from '@dongne/shared';
import {
  createTestServer,
  device,
  dumpTables,
  listingArgs,
  mutation,
  newSession,
  pull,
  pullRequest,
  push,
  type TestServer,
} from '../testing/harness.js';

let server: TestServer;
let cookie: string;
let phone: ReturnType<typeof device>;
let before: Awaited<ReturnType<typeof dumpTables>>;

beforeEach(async () => {
  server = await createTestServer();
  // Some state to protect: a session, a device, and one listing already pushed.
  ({ cookie } = await newSession(server.app));
  phone = device();
  await push(server.app, cookie, phone.clientId, [server.createListing(phone.nextSeq())]);
  before = await dumpTables(server.store);
});
afterEach(() => server.close());

/**
 * A refused request: the given status and code, the shared error shape, no stack trace, nothing
 * logged as an internal error, and not one row changed.
 */
async function expectRefused(response: Response, status: number, code: string) {
  const text = await response.text();
  expect(response.status, text).toBe(status);
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  expect(response.headers.get('cache-control')).toBe('no-store');
  const body = JSON.parse(text);
  expect(apiErrorSchema.safeParse(body).success).toBe(true);
  expect(body.error.code).toBe(code);
  expect(body.error.message.length).toBeGreaterThan(0);
  expect(text).not.toMatch(/\bat \S+ \(|\.ts:\d+|node_modules|Error:/);
  expect(server.logged).toEqual([]);
  expect(await dumpTables(server.store)).toEqual(before);
  return body as { error: { code: string; message: string; issues?: { path: string; message: string }[] } };
}

function postPush(body: string | Uint8Array | ReadableStream, headers: Record<string, string> = {}) {
  return server.app.request('/api/sync/push', {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, ...headers },
    body,
    // Streams need half-duplex in Node's fetch Request.
    ...(body instanceof ReadableStream ? { duplex: 'half' } : {}),
  } as RequestInit);
}

const pushBody = (overrides: Record<string, unknown> = {}) =>
  JSON.stringify({ clientId: phone.clientId, mutations: [server.createListing(phone.nextSeq())], ...overrides });

describe('POST /api/sync/push refuses bad requests without changing anything', () => {
  it('asks for a session when there is no cookie (401 auth.required)', async () => {
    const response = await server.app.request('/api/sync/push', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: pushBody(),
    });
    await expectRefused(response, 401, 'auth.required');
  });

  it.each([
    ['an unknown token', 'dongne_session=not-a-real-token'],
    ['an oversized token', `dongne_session=${'a'.repeat(5_000)}`],
    ['an empty token', 'dongne_session='],
    ['a badly encoded token', 'dongne_session=%E0%A4%A'],
  ])('treats a cookie with %s as no session (401)', async (_, badCookie) => {
    await expectRefused(await postPush(pushBody(), { cookie: badCookie }), 401, 'auth.required');
  });

  it.each([
    ['clientId is a number', () => pushBody({ clientId: 42 })],
    ['clientId is not a uuid', () => pushBody({ clientId: 'my-phone' })],
    ['clientId is missing', () => JSON.stringify({ mutations: [server.createListing(1)] })],
    ['mutations is an object', () => pushBody({ mutations: { 0: server.createListing(1) } })],
    ['mutations is missing', () => JSON.stringify({ clientId: phone.clientId })],
    ['mutations is empty', () => pushBody({ mutations: [] })],
    ['a mutation is null', () => pushBody({ mutations: [null] })],
    ['seq is a string', () => pushBody({ mutations: [{ ...server.createListing(2), seq: '2' }] })],
    ['seq is 0', () => pushBody({ mutations: [{ ...server.createListing(2), seq: 0 }] })],
    ['seq is fractional', () => pushBody({ mutations: [{ ...server.createListing(2), seq: 2.5 }] })],
    ['seq is beyond safe integers', () => pushBody({ mutations: [{ ...server.createListing(2), seq: 2 ** 60 }] })],
    ['mutationId is not a uuid', () => pushBody({ mutations: [{ ...server.createListing(2), mutationId: 'abc' }] })],
    ['name is empty', () => pushBody({ mutations: [mutation(2, '', listingArgs())] })],
    ['name is longer than 64 characters', () => pushBody({ mutations: [mutation(2, 'x'.repeat(65), {})] })],
    ['createdAt is a date string', () => pushBody({ mutations: [{ ...server.createListing(2), createdAt: '2026-03-01' }] })],
    ['args are missing', () => pushBody({ mutations: [{ ...server.createListing(2), args: undefined }] })],
    ['the fix has an impossible latitude', () =>
      pushBody({ mutations: [{ ...server.createListing(2), fix: { lat: 91, lng: 127, accuracy: 10, takenAt: 1 } }] })],
    ['the body is null', () => 'null'],
    ['the body is an array', () => '[]'],
    ['the body is a string', () => '"push"'],
    ['the body is a number', () => '7'],
  ])('answers 400 request.invalid when %s', async (_, body) => {
    const refused = await expectRefused(await postPush(body()), 400, 'request.invalid');
    expect(refused.error.issues?.length).toBeGreaterThan(0);
  });

  it('rejects absurdly deep JSON in args as a mutation, without falling over', async () => {
    const deep = `${'['.repeat(50_000)}${']'.repeat(50_000)}`;
    const body = `{"clientId":"${phone.clientId}","mutations":[{"mutationId":"${randomUUID()}","seq":2,"name":"listing.create","createdAt":1,"args":${deep}}]}`;
    const response = await postPush(body);
    expect(response.status).toBe(200);
    const { results } = await response.json();
    expect(results[0]).toMatchObject({ status: 'rejected', code: 'mutation.invalid_args' });
    expect(server.logged).toEqual([]);
  });

  it('names the offending field in the issues', async () => {
    const refused = await expectRefused(
      await postPush(pushBody({ mutations: [{ ...server.createListing(2), seq: 'two' }] })),
      400,
      'request.invalid',
    );
    expect(refused.error.issues).toContainEqual({ path: 'mutations.0.seq', message: expect.any(String) });
  });

  it(`refuses more than ${SYNC_LIMITS.pushBatchMax} mutations in one push`, async () => {
    const mutations = Array.from({ length: SYNC_LIMITS.pushBatchMax + 1 }, (_, i) => server.createListing(i + 2));
    const refused = await expectRefused(await postPush(pushBody({ mutations })), 400, 'request.invalid');
    expect(refused.error.issues).toContainEqual({ path: 'mutations', message: expect.any(String) });
  });

  it(`accepts exactly ${SYNC_LIMITS.pushBatchMax} mutations`, async () => {
    const mutations = Array.from({ length: SYNC_LIMITS.pushBatchMax }, (_, i) => server.createListing(i + 2));
    const response = await postPush(pushBody({ mutations }));
    expect(response.status).toBe(200);
    expect((await response.json()).lastSeq).toBe(SYNC_LIMITS.pushBatchMax + 1);
  });

  it('refuses a 10 MB body that announces its length (413 request.too_large)', async () => {
    const body = new Uint8Array(10 * 1024 * 1024).fill(0x20);
    await expectRefused(await postPush(body, { 'content-length': String(body.length) }), 413, 'request.too_large');
  });

  it('refuses a 10 MB body streamed without a length (413 request.too_large)', async () => {
    const chunk = new Uint8Array(64 * 1024).fill(0x20);
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= 10 * 1024 * 1024) return controller.close();
        sent += chunk.length;
        controller.enqueue(chunk);
      },
    });
    await expectRefused(await postPush(stream), 413, 'request.too_large');
  });

  it('refuses a well-formed push just over the body limit, and accepts one under it', async () => {
    const big = pushBody({
      mutations: [server.createListing(phone.nextSeq(), { description: 'x'.repeat(3_999) })],
    });
    expect(big.length).toBeGreaterThan(4_000);
    await server.close();
    server = await createTestServer({ bodyMaxBytes: 4_000 });
    ({ cookie } = await newSession(server.app));
    before = await dumpTables(server.store);
    await expectRefused(await postPush(big), 413, 'request.too_large');

    // The refused batch was never read, so its seq is still the device's next one.
    const small = await postPush(pushBody({ mutations: [server.createListing(1)] }));
    expect(small.status).toBe(200);
  });

  it.each([
    ['a truncated object', () => '{"clientId": "'],
    ['trailing garbage', () => `${pushBody()}}`],
    ['an empty body', () => ''],
    ['single quotes', () => "{'clientId': 1}"],
  ])('answers 400 request.malformed_json for %s', async (_, body) => {
    await expectRefused(await postPush(body()), 400, 'request.malformed_json');
  });

  it.each([
    ['text/plain', 'text/plain'],
    ['a form', 'application/x-www-form-urlencoded'],
    ['multipart', 'multipart/form-data; boundary=x'],
    ['no content type at all', ''],
  ])('answers 415 request.not_json for %s', async (_, type) => {
    const response = await server.app.request('/api/sync/push', {
      method: 'POST',
      headers: type ? { 'content-type': type, cookie } : { cookie },
      body: new TextEncoder().encode(pushBody()),
    });
    await expectRefused(response, 415, 'request.not_json');
  });

  it('accepts application/json with a charset', async () => {
    const response = await postPush(pushBody(), { 'content-type': 'application/json; charset=utf-8' });
    expect(response.status).toBe(200);
  });

  it('is not reachable with GET (404 not_found)', async () => {
    const response = await server.app.request('/api/sync/push', { headers: { cookie } });
    await expectRefused(response, 404, 'not_found');
  });
});

describe('GET /api/sync/pull refuses bad queries', () => {
  it.each(['abc', '-1', '1.5', '', ' 1', '1e3', '0x10', '9999999999999999'])('answers 400 for cursor "%s"', async (cursor) => {
    const refused = await expectRefused(await pullRequest(server.app, cookie, { cursor }), 400, 'request.invalid');
    expect(refused.error.issues).toContainEqual({ path: 'cursor', message: expect.stringContaining('cursor') });
  });

  it.each(['0', '-5', '1001', '99999', '100000000000', 'all', '2.5'])('answers 400 for limit "%s"', async (limit) => {
    const refused = await expectRefused(await pullRequest(server.app, cookie, { limit }), 400, 'request.invalid');
    expect(refused.error.issues).toContainEqual({ path: 'limit', message: expect.any(String) });
  });

  it.each(['phone-1', '1234', `${randomUUID()}x`])('answers 400 for clientId "%s"', async (clientId) => {
    const refused = await expectRefused(await pullRequest(server.app, cookie, { clientId }), 400, 'request.invalid');
    expect(refused.error.issues).toContainEqual({ path: 'clientId', message: 'clientId must be a uuid' });
  });

  it.each(['0', '5', '-1', '1.5', 'far', '', '01'])('answers 400 for range "%s"', async (range) => {
    const refused = await expectRefused(await pullRequest(server.app, cookie, { range }), 400, 'request.invalid');
    expect(refused.error.issues).toContainEqual({ path: 'range', message: 'range must be a level from 1 to 4' });
  });

  it.each([
    ['empty', ''],
    ['longer than 100 characters', 'kr-'.repeat(34)],
  ])('answers 400 for a neighbourhood id that is %s', async (_, neighbourhood) => {
    const refused = await expectRefused(await pullRequest(server.app, cookie, { neighbourhood }), 400, 'request.invalid');
    expect(refused.error.issues).toContainEqual({ path: 'neighbourhood', message: expect.any(String) });
  });

  it('answers 404 neighbourhood.unknown for a neighbourhood Dongne does not know', async () => {
    const refused = await expectRefused(await pullRequest(server.app, cookie, { neighbourhood: 'kr-atlantis', range: 2 }), 404, 'neighbourhood.unknown');
    expect(refused.error.message).toContain('kr-atlantis');
  });

  it('answers 400, not 500, for a badly percent-encoded query', async () => {
    const response = await server.app.request('/api/sync/pull?cursor=%E0%A4%A&clientId=%ZZ', { headers: { cookie } });
    await expectRefused(response, 400, 'request.invalid');
  });

  it('accepts the largest cursor and limit it allows', async () => {
    const page = await pull(server.app, cookie, { cursor: '999999999999999', limit: String(SYNC_LIMITS.pullPageMax) });
    expect(page).toMatchObject({ changes: [], cursor: 999_999_999_999_999, hasMore: false, lastSeq: 0 });
  });

  it('ignores query parameters it does not know', async () => {
    const page = await pull(server.app, cookie, { cursor: 0, ...({ evil: "'; DROP TABLE listings; --" } as object) });
    expect(page.changes).toHaveLength(1);
  });

  it('is not reachable with POST (404 not_found)', async () => {
    const response = await server.app.request('/api/sync/pull', {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: '{}',
    });
    await expectRefused(response, 404, 'not_found');
  });
});

describe('the API as a whole', () => {
  it.each([
    ['GET', '/api/nope'],
    ['POST', '/api/sync'],
    // The anonymous device identity is gone: sign up or sign in under /api/auth.
    ['POST', '/api/session'],
    ['DELETE', '/api/session'],
    ['PUT', '/api/nothing/abc'],
    ['GET', '/api/sync/pull/extra'],
  ])('answers %s %s with 404 not_found in the error shape', async (method, path) => {
    const response = await server.app.request(path, { method, headers: { cookie } });
    const body = await expectRefused(response, 404, 'not_found');
    expect(body.error.message).toContain(path);
  });

  it('refuses a 10 MB body on the sign-up endpoint too, without creating an account', async () => {
    const body = new Uint8Array(10 * 1024 * 1024).fill(0x20);
    const response = await server.app.request('/api/auth/signup', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': String(body.length) },
      body,
    });
    await expectRefused(response, 413, 'request.too_large');
  });

  it('answers health checks', async () => {
    const response = await server.app.request('/api/health');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true });
  });

  it('tells caches never to store API answers', async () => {
    for (const response of [
      await server.app.request('/api/health'),
      await pullRequest(server.app, cookie),
      await server.app.request('/api/nope'),
    ]) {
      expect(response.headers.get('cache-control')).toBe('no-store');
    }
  });

  it('gzips large pull pages for clients that accept gzip, and only for them', async () => {
    const more = Array.from({ length: 30 }, () => server.createListing(phone.nextSeq()));
    await push(server.app, cookie, phone.clientId, more);
    const plain = await server.app.request('/api/sync/pull');
    const plainText = await plain.text();
    expect(plain.headers.get('content-encoding')).toBeNull();

    const zipped = await server.app.request('/api/sync/pull', { headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(zipped.status).toBe(200);
    expect(zipped.headers.get('content-encoding')).toBe('gzip');
    expect(zipped.headers.get('vary')).toMatch(/accept-encoding/i);
    expect(zipped.headers.get('cache-control')).toBe('no-store');
    const bytes = new Uint8Array(await zipped.arrayBuffer());
    expect(bytes.length).toBeLessThan(plainText.length / 2);
    expect(gunzipSync(bytes).toString('utf8')).toBe(plainText);
    expect(JSON.parse(plainText).changes).toHaveLength(1 + 30);
  });

  it('leaves small answers uncompressed', async () => {
    const response = await server.app.request('/api/health', { headers: { 'accept-encoding': 'gzip' } });
    expect(response.headers.get('content-encoding')).toBeNull();
    expect(await response.json()).toEqual({ ok: true });
  });
});

describe('internal failures', () => {
  it('answers 500 internal with a safe message, logs the stack, and leaks nothing', async () => {
    // A closed database is a real failure the handlers did not plan for.
    await server.store.close();
    const response = await server.app.request('/api/sync/pull');
    const text = await response.text();
    expect(response.status).toBe(500);
    expect(JSON.parse(text)).toEqual({ error: { code: 'internal', message: expect.stringContaining('kept') } });
    expect(text).not.toMatch(/\bat \S+ \(|\.ts:\d+|database/i);
    expect(server.logged).toHaveLength(1);
    expect(server.logged[0]).toMatch(/^\[error\] GET \/api\/sync\/pull: /);
  });
});
