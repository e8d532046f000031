// What can be checked of preparing a photo without a browser: the size refusal comes before any
// decoding, and the hash is the SHA-256 the server checks. (Decoding and resizing run in the e2e suite.)
import { describe, expect, it } from 'vitest';
import { MEDIA_LIMITS } from '@dongne/shared';
import { PhotoError, preparePhoto, sha256Hex } from './prepare-photo.js';

const MB = 1024 * 1024;

async function refusal(attempt: Promise<unknown>): Promise<PhotoError> {
  const error = await attempt.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof PhotoError)) throw new Error(`expected a PhotoError, got ${String(error)}`);
  return error;
}

describe('preparing a photo', () => {
  it('refuses a file over the pick limit by its size, before decoding it', async () => {
    // Node has no image decoder: reaching it would be refused as "not a photo" instead.
    const holiday = new File([new Uint8Array(20 * MB)], 'holiday.jpg', { type: 'image/jpeg' });
    const error = await refusal(preparePhoto(holiday));
    expect(error.code).toBe('photo.too_large');
    expect(error.message).toBe('“holiday.jpg” is 20.0 MB. Photos up to 15 MB can be added.');
  });

  it('accepts a file of exactly the limit as far as size goes', async () => {
    const edge = new File([new Uint8Array(MEDIA_LIMITS.pickMaxBytes)], 'edge.jpg');
    expect((await refusal(preparePhoto(edge))).code).not.toBe('photo.too_large');
  });

  it('names a file without a name plainly', async () => {
    const blob = new Blob([new Uint8Array(16 * MB)]);
    expect((await refusal(preparePhoto(blob))).message).toBe('That file is 16.0 MB. Photos up to 15 MB can be added.');
  });

  it('names the bytes by their SHA-256 in hex', async () => {
    expect(await sha256Hex(new Blob(['abc']))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});
