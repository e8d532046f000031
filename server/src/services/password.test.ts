// Password hashes: scrypt at the cost the server is configured with, and each hash keeps its own
// cost, so hashes made before the cost changed still verify.
import { describe, expect, it } from 'vitest';
import { DEFAULT_PASSWORD_COST, hashPassword, isPasswordCost, verifyPassword } from './password.js';

const PASSWORD = 'seven-bridges-8';

describe('password hashes', () => {
  it('are made at the given cost, which travels with the hash', async () => {
    expect(await hashPassword(PASSWORD, 16)).toMatch(/^scrypt\$16\$8\$1\$[\w+/]+=*\$[\w+/]+=*$/);
    expect(await hashPassword(PASSWORD, 1024)).toMatch(/^scrypt\$1024\$8\$1\$/);
  });

  it('verify by the cost stored in them, whatever cost new hashes are made at', async () => {
    for (const cost of [16, 1024, DEFAULT_PASSWORD_COST]) {
      const stored = await hashPassword(PASSWORD, cost);
      expect(await verifyPassword(PASSWORD, stored)).toBe(true);
      expect(await verifyPassword('seven-bridges-9', stored)).toBe(false);
    }
  });

  it('are salted: the same password twice gives two different hashes', async () => {
    const a = await hashPassword(PASSWORD, 16);
    const b = await hashPassword(PASSWORD, 16);
    expect(a).not.toBe(b);
    expect(await verifyPassword(PASSWORD, a)).toBe(true);
    expect(await verifyPassword(PASSWORD, b)).toBe(true);
  });

  it('never match a stored value that is not a scrypt hash', async () => {
    for (const stored of ['', PASSWORD, 'md5$abc$def', 'scrypt$16384$8$1$']) expect(await verifyPassword(PASSWORD, stored)).toBe(false);
  });

  it('take only a cost scrypt can use: a power of two from 2 to 2^20', () => {
    for (const cost of [2, 16, 16_384, 2 ** 20]) expect(isPasswordCost(cost)).toBe(true);
    for (const cost of [0, 1, 3, 1000, 2 ** 21, -16, 16.5, NaN]) expect(isPasswordCost(cost)).toBe(false);
  });
});
