// Every code the server refuses with says what happened in each language, in its own words rather
// than the generic "something went wrong", and the message file holds no code the server dropped.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ERROR_CODES } from '@dongne/shared';
import { describe, expect, it } from 'vitest';
import { server_error } from '../paraglide/messages.js';
import { refusalMessage, refusalMessageLater } from './refusal.js';

const LOCALES = ['en', 'ko'] as const;
const UNKNOWN = 'no.such_code';
/** What the fallback says for `code`. */
const generic = (code: string, locale: (typeof LOCALES)[number]) => server_error({ code: UNKNOWN }, { locale }).replace(UNKNOWN, code);

const messagesDir = join(import.meta.dirname, '../../../messages/errors');
const matchedCodes = (locale: string): string[] => {
  const file = JSON.parse(readFileSync(join(messagesDir, `${locale}.json`), 'utf8'));
  return Object.keys(file.server_error[0].match).map((key) => key.replace(/^code=/, ''));
};

describe('refusalMessage', () => {
  it.each(LOCALES)('has a message of its own for every server code in %s', (locale) => {
    const missing = ERROR_CODES.filter((code) => server_error({ code }, { locale }) === generic(code, locale));
    expect(missing).toEqual([]);
  });

  it.each(LOCALES)('the %s messages speak to people, not in machine codes', (locale) => {
    const leaking = ERROR_CODES.filter((code) => server_error({ code }, { locale }).includes(code));
    expect(leaking).toEqual([]);
  });

  it.each(LOCALES)('the %s messages hold only codes the server uses, and a fallback', (locale) => {
    expect(matchedCodes(locale).toSorted()).toEqual([...ERROR_CODES, '*'].toSorted());
  });

  it('says what happened and what to do, in the language asked for', () => {
    expect(server_error({ code: 'chat.daily_limit' }, { locale: 'en' })).toBe("You've sent a lot of messages today. Try again tomorrow.");
    expect(server_error({ code: 'chat.daily_limit' }, { locale: 'ko' })).toBe('오늘 보낼 수 있는 메시지를 다 보냈어요. 내일 다시 보내 주세요.');
  });

  it('answers a code it does not know (a proxy’s http.502, a newer server’s) with the fallback, naming the code', () => {
    expect(refusalMessage('http.502')).toBe(generic('http.502', 'en'));
    expect(refusalMessage('http.502')).toContain('http.502');
    expect(server_error({ code: 'http.502' }, { locale: 'ko' })).toContain('http.502');
  });

  it('loads the same message later, for screens that must stay light', async () => {
    expect(await refusalMessageLater('chat.daily_limit')).toBe(refusalMessage('chat.daily_limit'));
    expect(await refusalMessageLater('http.502')).toBe(refusalMessage('http.502'));
  });
});
