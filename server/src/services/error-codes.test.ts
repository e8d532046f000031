// The shared ERROR_CODES list is exactly what the server refuses with. The types already refuse a
// code outside it; this proves the codes built at run time are in it too, and that the list holds
// no code the server no longer uses (each would be a message translated for nothing).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ERROR_CODES, isErrorCode } from '@dongne/shared';
import { describe, expect, it } from 'vitest';
import { mustBe, type Conversing } from './conversation-rules.js';
import { MutationRejected } from './service-error.js';

const serverSrc = join(import.meta.dirname, '..');
const sharedSrc = join(import.meta.dirname, '../../../shared/src');

/** The source files that can produce a code: the server's, and the shared location checks. */
function sources(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts') && !file.startsWith('testing'))
    .map((file) => readFileSync(join(dir, file), 'utf8'));
}
const source = [...sources(serverSrc), readFileSync(join(sharedSrc, 'geo/verification.ts'), 'utf8')].join('\n');

/** What a `mustBe` refusal carries, for each role the actor is not. */
function notRoleCodes(): string[] {
  return (['buyer', 'seller'] as const).map((role) => {
    const conversing = { role: role === 'buyer' ? 'seller' : 'buyer' } as Conversing;
    try {
      mustBe(conversing, role, 'act');
    } catch (error) {
      if (error instanceof MutationRejected) return error.code;
    }
    throw new Error(`mustBe let a non-${role} through`);
  });
}

describe('error codes', () => {
  it('lists each code once', () => {
    expect(ERROR_CODES.filter((code, i) => ERROR_CODES.indexOf(code) !== i)).toEqual([]);
  });

  it('holds the codes built at run time (chat.not_buyer, chat.not_seller)', () => {
    const built = notRoleCodes();
    expect(built).toEqual(['chat.not_buyer', 'chat.not_seller']);
    for (const code of built) expect(isErrorCode(code), code).toBe(true);
  });

  it('holds no code the server never produces', () => {
    const built = new Set(notRoleCodes());
    const unused = ERROR_CODES.filter((code) => !built.has(code) && !source.includes(`'${code}'`));
    expect(unused).toEqual([]);
  });

  it('isErrorCode refuses anything else', () => {
    expect(isErrorCode('auth.required')).toBe(true);
    expect(isErrorCode('http.502')).toBe(false);
    expect(isErrorCode('')).toBe(false);
  });
});
