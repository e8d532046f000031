import { describe, expect, it } from 'vitest';
import { base64ToBytes, base64UrlToBytes, bytesToBase64 } from './base64.js';

describe('base64', () => {
  it('round-trips every byte value', () => {
    const bytes = Uint8Array.from({ length: 256 }, (_, i) => i);
    expect(base64ToBytes(bytesToBase64(bytes))).toEqual(bytes);
  });

  it('round-trips payloads larger than one chunk', () => {
    const bytes = Uint8Array.from({ length: 100_003 }, (_, i) => (i * 31) % 256);
    const text = bytesToBase64(bytes);
    expect(text).toBe(Buffer.from(bytes).toString('base64'));
    expect(base64ToBytes(text)).toEqual(bytes);
  });

  it('refuses text that is not base64', () => {
    expect(() => base64ToBytes('not base64!')).toThrow();
  });

  it('reads base64url with or without padding, as Web Push keys are written', () => {
    for (const length of [16, 65, 1, 2, 3]) {
      const bytes = Uint8Array.from({ length }, (_, i) => (i * 97 + 250) % 256);
      const url = Buffer.from(bytes).toString('base64url');
      expect(base64UrlToBytes(url)).toEqual(bytes);
      expect(base64UrlToBytes(url.padEnd(Math.ceil(url.length / 4) * 4, '='))).toEqual(bytes);
    }
    expect(() => base64UrlToBytes('not base64url!')).toThrow();
  });
});
