import { describe, expect, it, onTestFinished } from 'vitest';
import { MEDIA_LIMITS } from '@dongne/shared';
import { JPEG_3X2, JPEG_4097X8, png, sha256Hex, WEBP_VP8X_3X2 } from '../testing/images.js';
import { openTestStore, query } from '../testing/test-store.js';
import { databaseBlobStore } from '../blobs/database-blob-store.js';
import { createMediaService } from './media-service.js';
import { ServiceError } from './service-error.js';

async function setup() {
  const { store, close } = await openTestStore({ neighbourhoods: 'none' });
  onTestFinished(close);
  let now = Date.UTC(2026, 10, 25, 12);
  const clock = { now: () => now };
  const jieun = { id: 'actor-jieun', nickname: '지은', joinedAt: now };
  const minho = { id: 'actor-minho', nickname: '민호', joinedAt: now };
  for (const actor of [jieun, minho]) await store.actors.insert({ id: actor.id, nickname: actor.nickname, createdAt: now });
  const rows = () => query(store, 'SELECT hash, type, size, width, height, uploader_id, created_at FROM media ORDER BY hash');
  const media = createMediaService(store, clock, databaseBlobStore(store), (line) => expect.fail(`unexpected log: ${line}`));
  return { store, media, jieun, minho, rows, advance: (ms: number) => (now += ms) };
}

/** The ServiceError fn throws, as {status, code, message}. */
async function refusal(fn: () => Promise<unknown>) {
  try {
    await fn();
  } catch (error) {
    if (error instanceof ServiceError) return { status: error.status, code: error.code, message: error.message };
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('media service', () => {
  it('stores a photo under its hash and gives back its bytes and facts', async () => {
    const { media, jieun, rows } = await setup();
    const hash = sha256Hex(JPEG_3X2);
    expect(await media.upload(jieun, hash, JPEG_3X2)).toEqual({ hash, type: 'image/jpeg', width: 3, height: 2, size: JPEG_3X2.length });
    const stored = await media.bytes(await media.info(hash));
    expect(Buffer.from(stored).equals(Buffer.from(JPEG_3X2))).toBe(true);
    expect(await rows()).toEqual([
      { hash, type: 'image/jpeg', size: JPEG_3X2.length, width: 3, height: 2, uploader_id: jieun.id, created_at: Date.UTC(2026, 10, 25, 12) },
    ]);
  });

  it('answers a repeated upload the same way and changes nothing, whoever sends it', async () => {
    const { media, jieun, minho, rows, advance } = await setup();
    const hash = sha256Hex(WEBP_VP8X_3X2);
    const first = await media.upload(jieun, hash, WEBP_VP8X_3X2);
    const before = await rows();
    advance(60_000);
    expect(await media.upload(jieun, hash, WEBP_VP8X_3X2)).toEqual(first);
    expect(await media.upload(minho, hash, WEBP_VP8X_3X2)).toEqual(first);
    expect(await rows()).toEqual(before);
  });

  it('refuses too large, mismatched, non-image and oversized photos, storing none of them', async () => {
    const { media, jieun, rows } = await setup();
    const big = new Uint8Array(MEDIA_LIMITS.uploadMaxBytes + 1);
    expect(await refusal(() => media.upload(jieun, sha256Hex(big), big))).toEqual({ status: 413, code: 'media.too_large', message: 'A photo can be at most 3 MB.' });

    const other = sha256Hex(png(1, 1));
    expect(await refusal(() => media.upload(jieun, other, JPEG_3X2))).toMatchObject({ status: 400, code: 'media.hash_mismatch' });

    const notPhoto = new TextEncoder().encode('definitely a photo.jpg');
    expect(await refusal(() => media.upload(jieun, sha256Hex(notPhoto), notPhoto))).toEqual({
      status: 415,
      code: 'media.not_image',
      message: 'That file is not a photo Dongne can use (JPEG, PNG or WebP).',
    });

    // The signature alone is not enough: the header must say how big the image is.
    const jpegSignature = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0, 0, 0]);
    expect(await refusal(() => media.upload(jieun, sha256Hex(jpegSignature), jpegSignature))).toMatchObject({ status: 415, code: 'media.not_image' });

    expect(await refusal(() => media.upload(jieun, sha256Hex(JPEG_4097X8), JPEG_4097X8))).toEqual({
      status: 422,
      code: 'media.too_big_dimensions',
      message: 'A photo can be at most 4096 × 4096 pixels; this one is 4097 × 8.',
    });
    const tall = png(1, 4097);
    expect(await refusal(() => media.upload(jieun, sha256Hex(tall), tall))).toMatchObject({ status: 422 });
    expect(await rows()).toEqual([]);
  });

  it('accepts a photo exactly at the limits', async () => {
    const { media, jieun } = await setup();
    const largest = png(MEDIA_LIMITS.maxDimension, MEDIA_LIMITS.maxDimension);
    expect(await media.upload(jieun, sha256Hex(largest), largest)).toMatchObject({ width: 4096, height: 4096 });
  });

  it('holds each account to its storage quota, counting only what that account stored', async () => {
    const { store, media, jieun, minho, rows } = await setup();
    // As if Jieun had already stored all but a few bytes of her allowance.
    await query(
      store,
      "INSERT INTO media (hash, type, size, width, height, uploader_id, created_at) VALUES ('old', 'image/jpeg', ?, 1, 1, ?, 0) RETURNING hash",
      MEDIA_LIMITS.storedMaxBytesPerAccount - 10,
      jieun.id,
    );
    const before = await rows();
    const hash = sha256Hex(JPEG_3X2);
    expect(await refusal(() => media.upload(jieun, hash, JPEG_3X2))).toEqual({
      status: 403,
      code: 'media.quota_exceeded',
      message: 'Your photos on Dongne have reached 500 MB. Use photos you already added, or fewer new ones.',
    });
    expect(await rows()).toEqual(before);
    expect(await media.upload(minho, hash, JPEG_3X2)).toMatchObject({ hash });
    // Stored now, so Jieun adding the same photo costs her nothing.
    expect(await media.upload(jieun, hash, JPEG_3X2)).toMatchObject({ hash });
  });

  it('says 404 for a photo it does not have', async () => {
    const { media } = await setup();
    const hash = sha256Hex(JPEG_3X2);
    expect(await refusal(() => media.info(hash))).toMatchObject({ status: 404, code: 'media.not_found' });
  });
});

describe('media store', () => {
  it('names the hashes it lacks, each once, in the order asked', async () => {
    const { store, media, jieun } = await setup();
    const have = sha256Hex(JPEG_3X2);
    await media.upload(jieun, have, JPEG_3X2);
    const a = sha256Hex(png(1, 1));
    const b = sha256Hex(png(2, 1));
    expect(await store.media.missing([])).toEqual([]);
    expect(await store.media.missing([have])).toEqual([]);
    expect(await store.media.missing([b, have, a, b])).toEqual([b, a]);
  });
});
