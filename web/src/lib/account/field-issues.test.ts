import { credentialsSchema } from '@dongne/shared';
import { describe, expect, it } from 'vitest';
import { overwriteGetLocale } from '../paraglide/runtime.js';
import { invalidResult } from './auth-client.js';
import type { FieldIssue } from './field-issues.js';

const check = (nickname: string, password: string) => {
  const parsed = credentialsSchema.safeParse({ nickname, password });
  if (parsed.success) throw new Error('expected a problem');
  return invalidResult(parsed.error.issues as readonly FieldIssue[]);
};

describe('sign-up and sign-in problems, per field and in the person’s language', () => {
  it('says what is wrong with the nickname or the password, on that field', () => {
    overwriteGetLocale(() => 'en');
    expect(check('m', 'long enough password')).toEqual({ ok: false, field: 'nickname', message: 'A nickname has at least 2 characters' });
    expect(check('x'.repeat(21), 'long enough password')).toEqual({ ok: false, field: 'nickname', message: 'A nickname has at most 20 characters' });
    expect(check('<b>x</b>', 'long enough password')).toMatchObject({ field: 'nickname', message: 'Use letters (any language), numbers, and . _ - (not at the start)' });
    expect(check('지은이네', 'short')).toEqual({ ok: false, field: 'password', message: 'Use at least 8 characters' });
  });

  it('says it in Korean for a Korean reader', () => {
    overwriteGetLocale(() => 'ko');
    expect(check('m', 'long enough password')).toMatchObject({ field: 'nickname', message: '닉네임은 2자 이상이어야 해요' });
    expect(check('지은이네', 'short')).toMatchObject({ field: 'password', message: '8자 이상 입력해 주세요' });
    overwriteGetLocale(() => 'en');
  });
});
