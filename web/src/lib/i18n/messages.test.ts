// Every message exists in both languages, and the compiled messages are the ones in web/messages:
// Paraglide compiles zero messages without a word when its plugin cannot load, so this fails then.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as m from '../paraglide/messages.js';
import settings from '../../../project.inlang/settings.json';

const webDir = join(import.meta.dirname, '../../..');
const patterns: string[] = settings['plugin.inlang.messageFormat'].pathPattern;
type Messages = Record<string, unknown>;
const read = (pattern: string, locale: string): Messages => {
  const { $schema: _, ...messages } = JSON.parse(readFileSync(join(webDir, pattern.replace('{locale}', locale)), 'utf8'));
  return messages;
};
const areas = patterns.map((pattern) => ({ pattern, en: read(pattern, 'en'), ko: read(pattern, 'ko') }));
const allKeys = areas.flatMap((area) => Object.keys(area.en));
const call = (key: string, locale: 'en' | 'ko') =>
  (m as unknown as Record<string, (inputs: unknown, options: { locale: string }) => string>)[key](
    new Proxy({}, { get: (_, name) => (name === 'count' ? 2 : `‹${String(name)}›`) }),
    { locale },
  );
// Words that read the same in both languages (brand names, symbols).
const SAME_IN_KOREAN = new Set<string>([
  // A device: its system, then its browser ("macOS Safari"), both names no language translates.
  'security_device_on',
  // A sentence and the first words it quotes ("…: 네 있어요"): punctuation alone.
  'alerts_with_snippet',
]);
const HANGUL = /[\uac00-\ud7a3]/;

describe('messages', () => {
  it('every message file is read by the project settings', () => {
    const onDisk = readdirSync(join(webDir, 'messages')).map((area) => `./messages/${area}/{locale}.json`);
    expect(patterns.toSorted()).toEqual(onDisk.toSorted());
  });

  it.each(areas.map((area) => [area.pattern, area] as const))('%s has the same messages in Korean and English', (_, area) => {
    expect(Object.keys(area.ko).toSorted()).toEqual(Object.keys(area.en).toSorted());
  });

  it('no message is defined in two files', () => {
    expect(allKeys.filter((key, i) => allKeys.indexOf(key) !== i)).toEqual([]);
  });

  it('every message is compiled and says something in each language', () => {
    expect(allKeys.length).toBeGreaterThan(0);
    for (const key of allKeys) {
      expect(typeof (m as Record<string, unknown>)[key], key).toBe('function');
      expect(call(key, 'en').trim(), key).not.toBe('');
      expect(call(key, 'ko').trim(), key).not.toBe('');
    }
  });

  it('the Korean is Korean, not the English copied', () => {
    const untranslated = allKeys.filter((key) => !SAME_IN_KOREAN.has(key) && !HANGUL.test(call(key, 'ko')));
    expect(untranslated).toEqual([]);
  });
});
