import { describe, expect, it } from 'vitest';
import { acceptsGzip } from './gzip-json.js';

describe('acceptsGzip', () => {
  it('takes gzip when the client names it, or any coding, without refusing it', () => {
    for (const header of ['gzip', 'gzip, deflate, br', 'br;q=1.0, GZIP;q=0.5', 'identity, *', '*;q=0.1']) expect(acceptsGzip(header), header).toBe(true);
  });

  it('does not when the client names none, refuses gzip with q=0, or refuses everything', () => {
    for (const header of [undefined, '', 'identity', 'br, deflate', 'gzip;q=0', 'gzip; q=0.0, br', '*;q=0', 'gzip;q=0, *', 'x-gzip-ish']) {
      expect(acceptsGzip(header), String(header)).toBe(false);
    }
  });
});
