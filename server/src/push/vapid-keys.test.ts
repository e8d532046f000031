// The VAPID pair kept in the data directory: made once, readable by this user alone, the same at
// every start after; a file that holds no usable pair stops the start rather than being replaced.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import webpush from 'web-push';
import { tempDir } from '../testing/harness.js';
import { VAPID_FILE, vapidKeyPairProblem, VapidKeysError, vapidKeysInDataDir } from './vapid-keys.js';

let temp: ReturnType<typeof tempDir>;
beforeEach(() => {
  temp = tempDir('dongne-vapid-');
});
afterEach(() => temp.remove());

describe('the VAPID keys in the data directory', () => {
  it('are made on the first start, for this user’s eyes only, and kept for every start after', () => {
    const first = vapidKeysInDataDir(temp.dir);
    expect(first.created).toBe(true);
    expect(vapidKeyPairProblem(first.keys)).toBeUndefined();
    const file = join(temp.dir, VAPID_FILE);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(first.keys);
    expect(vapidKeysInDataDir(temp.dir)).toEqual({ keys: first.keys, created: false });
  });

  it.each([
    ['not JSON', 'publicKey=…'],
    ['JSON of another shape', '{"public": "x"}'],
    ['a pair that is not one', JSON.stringify({ publicKey: webpush.generateVAPIDKeys().publicKey, privateKey: webpush.generateVAPIDKeys().privateKey })],
  ])('stop the start when the file holds %s, and leave it as it was', (_, text) => {
    const file = join(temp.dir, VAPID_FILE);
    writeFileSync(file, text);
    expect(() => vapidKeysInDataDir(temp.dir)).toThrow(VapidKeysError);
    expect(() => vapidKeysInDataDir(temp.dir)).toThrow(/holds no usable VAPID keys .* Restore it from a backup/);
    expect(readFileSync(file, 'utf8')).toBe(text);
  });
});
