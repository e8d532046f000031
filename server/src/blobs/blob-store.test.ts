// Photos through the real app, with their bytes in the database (the default) and in S3-compatible
// storage (s3rver, a local S3-API server): the same behaviour either way, and with S3 several
// server instances share one set of photos.
import { afterEach, describe, expect, it } from 'vitest';
import { mediaPath } from '@dongne/shared';
import { createApp } from '../app.js';
import { mediaBlobKey } from '../services/media-service.js';
import { openSqliteStore } from '../store/sqlite/sqlite-store.js';
import { countRows, createTestServer, newSession, TEST_PASSWORD_COST, type TestServer } from '../testing/harness.js';
import { JPEG_3X2, png, sha256Hex, WEBP_VP8X_3X2 } from '../testing/images.js';
import { startS3Server, S3RVER_CREDENTIALS, type TestS3Server } from '../testing/s3-server.js';
import type { TestStore } from '../testing/test-store.js';
import type { BlobStore } from './blob-store.js';
import { databaseBlobStore } from './database-blob-store.js';
import { readThrough } from './read-through-blob-store.js';
import { createS3BlobStore } from './s3-blob-store.js';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function s3Server(options?: { bucket?: string }): Promise<TestS3Server> {
  const s3 = await startS3Server(options);
  cleanups.push(() => s3.stop());
  return s3;
}

function s3BlobStore(s3: TestS3Server): ReturnType<typeof createS3BlobStore> {
  const blobs = createS3BlobStore(s3.settings);
  cleanups.push(() => blobs.close());
  return blobs;
}

async function testServer(blobs?: (store: TestStore) => BlobStore): Promise<TestServer> {
  const server = await createTestServer({ blobs });
  cleanups.push(() => server.close());
  return server;
}

const upload = (bytes: Uint8Array, cookie: string): RequestInit => ({
  method: 'PUT',
  headers: { 'content-type': 'image/jpeg', cookie },
  body: new Uint8Array(bytes),
});

/** Where photos go: a fresh blob store for one test, and a second one on the same storage (another instance's). */
interface Backend {
  name: string;
  open(): Promise<{ blobs: (store: TestStore) => BlobStore; another: (store: TestStore) => BlobStore }>;
}

const backends: Backend[] = [
  {
    name: 'the database',
    open: async () => ({ blobs: databaseBlobStore, another: databaseBlobStore }),
  },
  {
    name: 'S3-compatible storage',
    async open() {
      const s3 = await s3Server();
      return { blobs: () => s3BlobStore(s3), another: () => s3BlobStore(s3) };
    },
  },
];

describe.each(backends)('photos in $name', (backend) => {
  async function setup() {
    const { blobs, another } = await backend.open();
    let made: BlobStore | undefined;
    const server = await testServer((store) => (made = blobs(store)));
    const { cookie } = await newSession(server.app);
    return { server, app: server.app, cookie, blobs: made!, another };
  }

  it('stores an upload and serves back the same bytes, its bytes in the blob store and its facts in the database', async () => {
    const { app, cookie, blobs, server } = await setup();
    const hash = sha256Hex(JPEG_3X2);
    const put = await app.request(mediaPath(hash), upload(JPEG_3X2, cookie));
    expect(put.status).toBe(200);
    expect(await put.json()).toEqual({ hash, type: 'image/jpeg', width: 3, height: 2, size: JPEG_3X2.length });

    const get = await app.request(mediaPath(hash));
    expect(get.status).toBe(200);
    expect(get.headers.get('content-type')).toBe('image/jpeg');
    expect(Buffer.from(await get.arrayBuffer()).equals(Buffer.from(JPEG_3X2))).toBe(true);
    expect(Buffer.from((await blobs.get(mediaBlobKey(hash)))!).equals(Buffer.from(JPEG_3X2))).toBe(true);
    expect(await countRows(server.store, 'media')).toBe(1);
    expect(server.logged).toEqual([]);
  });

  it('answers the same photo sent again the same way, storing nothing more', async () => {
    const { app, cookie, blobs, server } = await setup();
    const hash = sha256Hex(WEBP_VP8X_3X2);
    const first = await app.request(mediaPath(hash), upload(WEBP_VP8X_3X2, cookie));
    const other = await newSession(app);
    const again = await app.request(mediaPath(hash), upload(WEBP_VP8X_3X2, other.cookie));
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual(await first.json());
    expect(await countRows(server.store, 'media')).toBe(1);
    expect(Buffer.from((await blobs.get(mediaBlobKey(hash)))!).equals(Buffer.from(WEBP_VP8X_3X2))).toBe(true);
  });

  it('refuses bytes that do not hash to their name, storing them nowhere', async () => {
    const { app, cookie, blobs, server } = await setup();
    const claimed = sha256Hex(WEBP_VP8X_3X2);
    const response = await app.request(mediaPath(claimed), upload(JPEG_3X2, cookie));
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: { code: 'media.hash_mismatch', message: expect.any(String) } });
    expect(await blobs.get(mediaBlobKey(claimed))).toBeUndefined();
    expect(await blobs.get(mediaBlobKey(sha256Hex(JPEG_3X2)))).toBeUndefined();
    expect(await countRows(server.store, 'media')).toBe(0);
  });

  it('says 404 for a photo it does not have', async () => {
    const { app, blobs } = await setup();
    const hash = sha256Hex(png(5, 5));
    const response = await app.request(mediaPath(hash));
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: { code: 'media.not_found', message: expect.any(String) } });
    expect(await blobs.get(mediaBlobKey(hash))).toBeUndefined();
  });

  it('serves a photo uploaded through one instance from another on the same database and storage', async () => {
    const { server, cookie, another } = await setup();
    // The second instance has its own connection to the database where it can (the SQLite file),
    // and its own client of the blob store: nothing is shared in memory.
    const store = server.file ? openSqliteStore(server.file) : server.store;
    if (store !== server.store) cleanups.push(() => store.close());
    const logged: string[] = [];
    const second = createApp({ store, clock: server.clock, blobs: another(store), config: { passwordCost: TEST_PASSWORD_COST, log: (line) => logged.push(line) } });

    const first = sha256Hex(JPEG_3X2);
    expect((await server.app.request(mediaPath(first), upload(JPEG_3X2, cookie))).status).toBe(200);
    const seen = await second.request(mediaPath(first));
    expect(seen.status).toBe(200);
    expect(Buffer.from(await seen.arrayBuffer()).equals(Buffer.from(JPEG_3X2))).toBe(true);

    // And the other way round, with a session the second instance gave.
    const { cookie: secondCookie } = await newSession(second);
    const photo = png(7, 3);
    const hash = sha256Hex(photo);
    expect((await second.request(mediaPath(hash), upload(photo, secondCookie))).status).toBe(200);
    const back = await server.app.request(mediaPath(hash));
    expect(back.status).toBe(200);
    expect(back.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await back.arrayBuffer()).equals(Buffer.from(photo))).toBe(true);
    expect([...server.logged, ...logged]).toEqual([]);
  });
});

describe('photos in S3-compatible storage that stops answering', () => {
  it('answers uploads and downloads with 503 media.storage_unavailable, logs why, and records nothing it could not store', async () => {
    const s3 = await s3Server();
    const server = await testServer(() => s3BlobStore(s3));
    const { cookie } = await newSession(server.app);
    const stored = sha256Hex(JPEG_3X2);
    expect((await server.app.request(mediaPath(stored), upload(JPEG_3X2, cookie))).status).toBe(200);

    await s3.stop();
    const photo = png(4, 4);
    const put = await server.app.request(mediaPath(sha256Hex(photo)), upload(photo, cookie));
    expect(put.status).toBe(503);
    const putText = await put.text();
    expect(JSON.parse(putText)).toEqual({
      error: { code: 'media.storage_unavailable', message: 'Photos cannot be stored just now. Yours stays on this device and is sent again at the next sync.' },
    });
    // A row is written only after its bytes: the photo the storage never took is not recorded.
    expect(await countRows(server.store, 'media')).toBe(1);

    const get = await server.app.request(mediaPath(stored));
    expect(get.status).toBe(503);
    const getText = await get.text();
    expect(JSON.parse(getText)).toEqual({ error: { code: 'media.storage_unavailable', message: 'This photo cannot be shown just now. Try again in a moment.' } });
    expect(get.headers.get('cache-control')).toBe('no-store');
    for (const text of [putText, getText]) {
      expect(text).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|\bat .*:\d+:\d+/);
    }
    // A revalidation needs only what the database knows, so a cached photo stays usable.
    expect((await server.app.request(mediaPath(stored), { headers: { 'if-none-match': `"${stored}"` } })).status).toBe(304);

    expect(server.logged).toHaveLength(2);
    expect(server.logged[0]).toContain(`[media] could not store ${sha256Hex(photo)} in S3 bucket "dongne-photos" at ${s3.settings.endpoint}: `);
    expect(server.logged[1]).toContain(`[media] could not read ${stored} in S3 bucket`);
    for (const line of server.logged) expect(line).toContain('ECONNREFUSED');
  });

  it('answers 503 and logs it when a recorded photo is missing from the bucket (a wrong bucket, say)', async () => {
    const first = await s3Server({ bucket: 'photos-before' });
    const server = await testServer(() => s3BlobStore(first));
    const { cookie } = await newSession(server.app);
    const hash = sha256Hex(JPEG_3X2);
    expect((await server.app.request(mediaPath(hash), upload(JPEG_3X2, cookie))).status).toBe(200);

    const elsewhere = await s3Server({ bucket: 'photos-after' });
    const misconfigured = createApp({ store: server.store, clock: server.clock, blobs: s3BlobStore(elsewhere), config: { passwordCost: TEST_PASSWORD_COST, log: (line) => server.logged.push(line) } });
    const response = await misconfigured.request(mediaPath(hash));
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ error: { code: 'media.storage_unavailable' } });
    expect(server.logged).toEqual([`[media] ${hash} is recorded but S3 bucket "photos-after" at ${elsewhere.settings.endpoint} has no bytes for it`]);
  });
});

describe('a server moved from the database to S3-compatible storage', () => {
  it('still serves the photos it stored in the database, and stores new ones in S3 only', async () => {
    const s3 = await s3Server();
    // The same store throughout: first the app as it ran before, then as main.ts wires it with S3.
    const before = await testServer();
    const { cookie } = await newSession(before.app);
    const old = sha256Hex(JPEG_3X2);
    expect((await before.app.request(mediaPath(old), upload(JPEG_3X2, cookie))).status).toBe(200);

    const bucket = s3BlobStore(s3);
    const database = databaseBlobStore(before.store);
    const after = createApp({ store: before.store, clock: before.clock, blobs: readThrough(bucket, database), config: { passwordCost: TEST_PASSWORD_COST, log: (line) => before.logged.push(line) } });
    const served = await after.request(mediaPath(old));
    expect(served.status).toBe(200);
    expect(Buffer.from(await served.arrayBuffer()).equals(Buffer.from(JPEG_3X2))).toBe(true);

    const photo = png(2, 9);
    const hash = sha256Hex(photo);
    expect((await after.request(mediaPath(hash), upload(photo, cookie))).status).toBe(200);
    expect(Buffer.from((await bucket.get(mediaBlobKey(hash)))!).equals(Buffer.from(photo))).toBe(true);
    expect(await database.get(mediaBlobKey(hash))).toBeUndefined();
    expect(before.logged).toEqual([]);
  });
});

describe('reading through to the photos stored before', () => {
  it('finds an older photo even when the bucket refuses rather than says a key is missing (403 without s3:ListBucket)', async () => {
    const denied = new Error('AccessDenied');
    const refusing: BlobStore = { description: 'a bucket without ListBucket', put: async () => {}, get: () => Promise.reject(denied), delete: async () => {} };
    const older = new Uint8Array([1, 2, 3]);
    const database: BlobStore = { description: 'the database', put: async () => {}, get: async (key) => (key === 'media/old' ? older : undefined), delete: async () => {} };
    const blobs = readThrough(refusing, database);
    expect(await blobs.get('media/old')).toEqual(older);
    // Nowhere to be found: the bucket's failure is the answer, not "no such photo".
    await expect(blobs.get('media/new')).rejects.toBe(denied);
  });
});

describe('checking the bucket at start', () => {
  it('passes for a bucket that is there', async () => {
    await expect(s3BlobStore(await s3Server()).checkBucket()).resolves.toBeUndefined();
  });

  it('says there is no such bucket', async () => {
    const s3 = await s3Server();
    const blobs = createS3BlobStore({ ...s3.settings, bucket: 'not-made' });
    cleanups.push(() => blobs.close());
    await expect(blobs.checkBucket()).rejects.toThrow(
      `Cannot use the S3 bucket "not-made" at ${s3.settings.endpoint} for photos: there is no such bucket (create it first)`,
    );
  });

  it('says the credentials were refused', async () => {
    const s3 = await s3Server();
    // An unknown key id: s3rver checks that, though not (yet) the v4 signature made with the secret.
    const blobs = createS3BlobStore({ ...s3.settings, credentials: { ...S3RVER_CREDENTIALS, accessKeyId: 'NOT-A-KEY' } });
    cleanups.push(() => blobs.close());
    await expect(blobs.checkBucket()).rejects.toThrow(/^Cannot use the S3 bucket "dongne-photos" at .* for photos: the credentials were refused \(check AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY\)$/);
  });

  it('says why when nothing answers, in one line', async () => {
    const s3 = await s3Server();
    await s3.stop();
    const blobs = s3BlobStore(s3);
    const error = await blobs.checkBucket().then(
      () => undefined,
      (e: Error) => e,
    );
    expect(error?.message).toMatch(new RegExp(`^Cannot use the S3 bucket "dongne-photos" at ${s3.settings.endpoint} for photos: .*ECONNREFUSED`));
    expect(error?.message).not.toContain('\n');
  });
});
