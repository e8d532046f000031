import { describe, expect, it } from 'vitest';
import { jsonErrorPosition } from './json-error-position.js';

describe('where JSON stops being JSON', () => {
  it.each([
    ['a trailing comma in an array', '{"features": [1,\n 2,]}', { line: 2, column: 4 }],
    ['a trailing comma in an object', '{"a": 1,}', { line: 1, column: 9 }],
    ['a missing colon', '{"a" 1}', { line: 1, column: 6 }],
    ['a misspelt literal', '[true, nul]', { line: 1, column: 8 }],
    ['an unterminated string', '{"name": "Pangyo}', { line: 1, column: 18 }],
    ['a bad escape', '["\\x41"]', { line: 1, column: 4 }],
    ['a leading zero', '[01]', { line: 1, column: 3 }],
    ['text after the value', '{"a": 1} {"b": 2}', { line: 1, column: 10 }],
    ['an empty file', '', { line: 1, column: 1 }],
  ])('points at %s', (_what, text, at) => {
    expect(() => JSON.parse(text)).toThrow();
    expect(jsonErrorPosition(text)).toMatchObject(at);
  });

  it('finds nothing wrong with valid JSON', () => {
    const valid = ['{}', '[]', ' {"a": [1, -2.5e3, "é\\u00e9\\n", true, false, null, {"b": {}}]} ', '"text"', '0'];
    for (const text of valid) {
      expect(() => JSON.parse(text)).not.toThrow();
      expect(jsonErrorPosition(text)).toBeUndefined();
    }
  });
});
