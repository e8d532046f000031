// Password hashing with scrypt (memory-hard, in Node's standard library) and a per-user salt.
// Stored as "scrypt$N$r$p$salt$hash": each hash keeps the cost it was made with, so the cost for new
// hashes is configuration (tests use a cheap one) and can be raised without breaking old hashes.
import { randomBytes, scrypt as scryptCallback, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/**
 * scrypt's N (CPU and memory cost) for new hashes unless configured: 2^17, OWASP's recommendation
 * (128 MB and a few hundred ms a hash). Hashes made at a lower cost are made again at the next sign-in.
 */
export const DEFAULT_PASSWORD_COST = 2 ** 17;
const BLOCK_SIZE = 8;
const PARALLELISM = 1;
const KEY_BYTES = 32;

/** A cost scrypt accepts (a power of two above 1), up to 2^20 (1 GB a hash): anything more is a typo. */
export function isPasswordCost(n: number): boolean {
  return Number.isInteger(n) && n >= 2 && n <= 2 ** 20 && (n & (n - 1)) === 0;
}

function scrypt(password: string, salt: Buffer, options: Required<Pick<ScryptOptions, 'N' | 'r' | 'p'>>): Promise<Buffer> {
  // scrypt needs 128·N·r bytes; allow twice that (Node refuses above maxmem, 32 MB by default).
  const maxmem = Math.max(32 * 1024 * 1024, 256 * options.N * options.r);
  return new Promise((resolve, reject) =>
    scryptCallback(password.normalize('NFKC'), salt, KEY_BYTES, { ...options, maxmem }, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}

export async function hashPassword(password: string, cost: number): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, { N: cost, r: BLOCK_SIZE, p: PARALLELISM });
  return ['scrypt', cost, BLOCK_SIZE, PARALLELISM, salt.toString('base64'), key.toString('base64')].join('$');
}

/** The cost a stored hash was made with (0 for one this code cannot read). */
export function passwordCostOf(stored: string): number {
  const [scheme, n] = stored.split('$');
  return scheme === 'scrypt' ? Number(n) || 0 : 0;
}

/** Checks a password against a stored hash, at the cost stored with it. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const key = await scrypt(password, Buffer.from(salt, 'base64'), { N: Number(n), r: Number(r), p: Number(p) });
  return key.length === expected.length && timingSafeEqual(key, expected);
}
